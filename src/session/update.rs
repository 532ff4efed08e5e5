//! [`Session::update`]: one message in, the session and its engine changed, effects out.

use grouplab_model::command::Command;
use grouplab_model::scenario::{Scenario, ScenarioError};
use grouplab_model::sim::commands::Applied;
use grouplab_model::ModelError;

use super::{describe, file, Drawer, Effect, Msg, Notice, Origin, Reply, Session};
use crate::engine::{MAX_SPEED, MIN_SPEED};
use crate::i18n::{say, t, tf, Lang, Said};
use crate::lessons::Place;
use crate::params::Params;

impl Session {
    /// Carries out `msg`; returns what the browser must do, and for a program's message its answer.
    pub fn update(&mut self, msg: Msg) -> (Vec<Effect>, Reply) {
        let mut fx = Vec::new();
        let mut reply = Reply::None;
        match msg {
            Msg::SetPlaying(on) => {
                self.chosen();
                self.engine.set_playing(on);
                if !on {
                    self.sync_time(&mut fx);
                }
            }
            Msg::TogglePlay => {
                let playing = self.engine.playing;
                return self.update(Msg::SetPlaying(!playing));
            }
            Msg::StepForward => {
                self.chosen();
                self.engine.step_forward();
                self.sync_time(&mut fx);
            }
            Msg::StepBack => {
                self.chosen();
                self.engine.step_back();
                self.sync_time(&mut fx);
            }
            Msg::Speed(s) => {
                self.user_speed = s.clamp(MIN_SPEED, MAX_SPEED);
                self.engine.set_speed(self.user_speed);
            }
            Msg::Faster => return self.update(Msg::Speed(self.engine.speed() * 2.0)),
            Msg::Slower => return self.update(Msg::Speed(self.engine.speed() / 2.0)),
            Msg::SlowMotion(on) => self.engine.set_slow_motion(on),
            Msg::ToggleSlowMotion => self.engine.set_slow_motion(!self.engine.slow_motion),
            Msg::Seek(ms) => {
                self.engine.seek(ms);
                self.sync_time(&mut fx);
            }
            Msg::Advance(ms) => {
                self.engine.advance(ms);
                self.sync_time(&mut fx);
            }
            Msg::Reset => {
                self.engine.reset();
                self.sync_time(&mut fx);
                self.notice = Some(Notice::new(false, &|lang| t(lang, "notice.reset").into()));
            }
            Msg::Command(cmd, origin) => {
                // Acting in the past forks the timeline: what came after now is replaced (Timeline::apply).
                let t = self.engine.timeline();
                let (now, end) = (
                    t.now(),
                    t.end_ms().max(t.log().last().map_or(0, |c| c.at_ms)),
                );
                let result = self.engine.apply((*cmd).clone());
                let applied = result.is_ok();
                if applied {
                    self.custom = true;
                    self.sync_url(true, &mut fx);
                }
                match origin {
                    Origin::Ui => {
                        let mut notice = self.describe(&cmd, result);
                        if applied && end > now {
                            notice = forked(notice, now, end, self.page);
                        }
                        self.notice = Some(notice);
                    }
                    Origin::Api => reply = Reply::Applied(result),
                }
            }
            Msg::Load(scenario, origin) => {
                let loaded = self.engine.load(*scenario);
                if loaded.is_ok() {
                    self.place = None;
                    self.custom = true;
                    self.selection = None;
                    self.sync_url(true, &mut fx);
                }
                match origin {
                    Origin::Ui => {
                        self.engine.set_playing(false);
                        self.notice = Some(match &loaded {
                            Ok(()) => Notice::new(false, &|lang| t(lang, "import.loaded").into()),
                            Err(e) => Notice::new(true, &|lang| say(lang, e)),
                        });
                    }
                    Origin::Api => reply = Reply::Loaded(loaded),
                }
            }
            Msg::Select(s) => self.selection = s,
            Msg::Dismiss => self.notice = None,
            Msg::Help(open) => self.help = open,
            Msg::ToggleHelp => self.help = !self.help,
            Msg::Escape => {
                if self.help {
                    self.help = false;
                } else if self.selection.is_some() {
                    self.selection = None;
                } else {
                    self.drawer = None;
                }
            }
            Msg::Ask(_) if !self.drawer_allowed(Some(Drawer::Act)) => {}
            Msg::Ask(what) => {
                let n = self.request.map_or(0, |(_, n)| n) + 1;
                self.request = Some((what, n));
                // The forms live in the actions drawer: it opens with the request.
                self.drawer = Some(Drawer::Act);
            }
            Msg::Lang(lang) => {
                self.lang = lang;
                fx.push(Effect::Lang(lang));
                self.sync_url(false, &mut fx);
            }
            Msg::Lesson(place) => self.go(place, &mut fx),
            Msg::Navigate(p) => {
                if p.lang.is_none() && self.lang != Lang::En {
                    self.lang = Lang::En;
                    fx.push(Effect::Lang(Lang::En));
                }
                self.custom = false;
                self.show_params(&p, false, &mut fx);
            }
            Msg::CopyLink => {
                let link = self.whole_link();
                self.sync_url(false, &mut fx);
                self.copied = Some(link.clone());
                fx.push(Effect::Copy(link));
            }
            Msg::Copied(ok) => {
                let link = self.copied.clone().unwrap_or_default();
                self.notice = Some(Notice::new(!ok, &|lang| {
                    if ok {
                        t(lang, "share.copied").to_string()
                    } else {
                        format!("{} {link}", t(lang, "share.copy_failed"))
                    }
                }));
            }
            Msg::Export => {
                let (name, text) = file::export(&Scenario::from_timeline(self.engine.timeline()));
                self.notice = Some(Notice::new(false, &|lang| {
                    format!("{} {name}", t(lang, "share.exported"))
                }));
                fx.push(Effect::Download { name, text });
            }
            Msg::DownloadFailed => {
                self.notice = Some(Notice::new(true, &|lang| {
                    t(lang, "file.download_refused").into()
                }));
            }
            Msg::Import(name, text) => match file::parse(&name, &text) {
                Ok((scenario, timeline)) => {
                    self.engine.replace(scenario, timeline);
                    self.engine.set_playing(false);
                    self.place = None;
                    self.custom = true;
                    self.selection = None;
                    self.notice = Some(Notice::new(false, &|lang| {
                        format!("{} {name}", t(lang, "share.imported"))
                    }));
                    self.sync_url(true, &mut fx);
                }
                Err(why) => self.notice = Some(import_refused(&why)),
            },
            Msg::ImportFailed(why) => self.notice = Some(import_refused(&why)),
            Msg::OpenInApp => fx.push(Effect::Open(self.whole_link())),
            Msg::ImportGroup(open) => self.import_group = open,
            Msg::Drawer(d) => {
                if self.drawer_allowed(d) {
                    self.drawer = d;
                }
            }
            Msg::ToggleDrawer(d) => {
                let d = (self.drawer != Some(d)).then_some(d);
                if self.drawer_allowed(d) {
                    self.drawer = d;
                }
            }
            Msg::InView(seen) => self.set_in_view(seen),
        }
        (fx, reply)
    }

    /// The notice for a command the user gave. Added partitions are seen by the clients only at their next
    /// metadata refresh (`metadata.max.age.ms`, 300 s by default): the notice says when, and offers to jump there.
    fn describe(&self, cmd: &Command, result: Result<Applied, ModelError>) -> Notice {
        let (Command::AddPartitions { topic, partitions }, Ok(_)) = (cmd, &result) else {
            return describe::notice(cmd, result);
        };
        let sim = self.engine.timeline().sim();
        let Some(at) = sim.next_metadata_refresh(topic) else {
            return describe::notice(cmd, result);
        };
        let at_s = at.div_ceil(1000);
        let mut notice = Notice::new(false, &|lang| {
            tf(
                lang,
                "notice.partitions_later",
                &[("topic", topic), ("n", partitions), ("at", &at_s)],
            )
        });
        // A moment before the refresh, so the remap and the rebalance are watched, not jumped over.
        notice.jump_ms = Some(at.saturating_sub(500).max(self.engine.timeline().now()));
        notice
    }

    /// Loads step `place` of a lesson: at its end at once (`instant`), or at its start, playing to its end.
    /// None leaves the lesson for free play at the user's speed.
    fn go(&mut self, place: Option<Place>, fx: &mut Vec<Effect>) {
        self.place = place;
        self.custom = false;
        // A lesson chosen from the contents: the drawer gives the stage back.
        if self.drawer == Some(Drawer::Lessons) {
            self.drawer = None;
        }
        let Some(pl) = place else {
            self.engine.set_speed(self.user_speed);
            self.sync_url(true, fx);
            return;
        };
        let lesson = &self.lessons[pl.lesson];
        let scenario = lesson.scenario(pl.step, self.instant);
        let (start, end) = (lesson.start_ms(pl.step), lesson.end_ms(pl.step));
        if let Err(e) = self.engine.load(scenario) {
            self.notice = Some(Notice::new(true, &|lang| say(lang, &e)));
            return;
        }
        if self.instant {
            self.engine.set_playing(false);
        } else {
            // About four seconds of real time per step, never slower than real time.
            self.engine
                .set_speed(((end - start) as f64 / 4_000.0).max(1.0));
            self.engine.play_until(end);
            self.hold_out_of_view();
        }
        self.selection = None;
        self.notice = None;
        self.sync_url(true, fx);
    }

    /// Shows what `p` names: its scenario (paused at its time, so the frame is exactly the shared one), or its
    /// lesson step, else (`initial` false) the plain course-notes page. Bad values become one notice.
    pub(super) fn show_params(&mut self, p: &Params, initial: bool, fx: &mut Vec<Effect>) {
        if let Some(lang) = p.lang {
            if lang != self.lang {
                self.lang = lang;
                fx.push(Effect::Lang(lang));
            }
        }
        let place = p.lesson.as_deref().and_then(|id| {
            let i = self.lessons.iter().position(|l| l.id == id)?;
            Some(Place {
                lesson: i,
                step: p.step.min(self.lessons[i].steps.len() - 1),
            })
        });
        let mut bad_link = None;
        if let Some(link) = &p.scenario {
            let loaded = Scenario::from_link(link)
                .map_err(ScenarioError::from)
                .and_then(|s| self.engine.load(s));
            match loaded {
                Ok(()) => {
                    self.engine.set_playing(false);
                    self.place = place;
                    self.custom = true;
                }
                Err(e) => bad_link = Some(e),
            }
        }
        if !self.custom || p.scenario.is_none() {
            if place.is_some() {
                self.go(place, fx);
            } else if !initial {
                self.load_default();
            }
        }
        let no_lesson = p.lesson.as_deref().filter(|_| place.is_none());
        if !p.problems.is_empty() || no_lesson.is_some() || bad_link.is_some() {
            self.notice = Some(Notice::new(true, &|lang| {
                let mut problems: Vec<String> = p
                    .problems
                    .iter()
                    .map(|(key, v)| tf(lang, key, &[("v", v)]))
                    .collect();
                problems.extend(no_lesson.map(|id| tf(lang, "param.no_lesson", &[("v", &id)])));
                problems.extend(
                    (bad_link.as_ref())
                        .map(|e| tf(lang, "param.bad_link", &[("v", &say(lang, e))])),
                );
                tf(
                    lang,
                    "notice.bad_address",
                    &[("problems", &problems.join("; "))],
                )
            }));
        }
    }

    /// Free play on the course notes' scenario.
    fn load_default(&mut self) {
        self.place = None;
        self.custom = false;
        if self.engine.load(Scenario::course_notes()).is_ok() && self.instant {
            self.engine.set_playing(false);
        }
        self.engine.set_speed(self.user_speed);
    }
}

/// `notice`, and that acting at `now` replaced the history that went on to `end`; on the page, the browser's Back
/// brings it back (the address before the change still names it).
fn forked(notice: Notice, now: u64, end: u64, page: bool) -> Notice {
    let key = if page {
        "notice.forked_back"
    } else {
        "notice.forked"
    };
    let (now_s, end_s) = (now / 1000, end.div_ceil(1000));
    let mut out = Notice::new(notice.error, &|lang| {
        let fork = tf(lang, key, &[("now", &now_s), ("end", &end_s)]);
        format!("{} {fork}", notice.text.get(lang))
    });
    out.jump_ms = notice.jump_ms;
    out
}

/// "Import refused:" and why, in both languages.
fn import_refused(why: &Said) -> Notice {
    Notice::new(true, &|lang| {
        format!("{} {}", t(lang, "share.import_refused"), why.get(lang))
    })
}
