//! Everything an instance of the app knows that is not the model: where the reader is (free play or a lesson
//! step), the language, the speed they chose, whether they changed the scenario, what is selected, what the
//! notice bar says, which dialogs are open. Plain Rust, tested natively.
//!
//! Data flows one way. A user action, a keyboard shortcut or a `window.grouplab` call becomes a [`Msg`];
//! [`Session::update`] changes the session and its [`Engine`] (the model's timeline and the play clock) and
//! returns the [`Effect`]s the browser must carry out (write the address bar, copy a link, download a file…);
//! the Yew shell (`crate::ui::app`) performs them and draws the new state.

pub mod describe;
mod drawer;
mod embed;
pub mod file;
mod link;
mod msg;
mod notice;
mod selection;
#[cfg(test)]
mod tests;
mod update;

use std::rc::Rc;

use grouplab_model::scenario::{Scenario, SCENARIO_VERSION};

use crate::engine::Engine;
use crate::i18n::{say, tf, Lang};
use crate::lessons::{self, Lesson, Mark, Place};
use crate::params::{Params, View};

pub use drawer::Drawer;
pub use msg::{Effect, Msg, Origin, Reply, Request};
pub use notice::Notice;
pub use selection::Selection;

/// How the instance was opened: the page or an embed, its address, what its URL or attribute asked for.
pub struct Opened {
    /// The page's own instance: it owns the address bar, the saved language and `<html lang>`.
    pub page: bool,
    /// An embed (on a course page, or the whole page with `?embed`): compact by default, and it plays only in
    /// view.
    pub embed: bool,
    /// The app's own address (index.html without query or fragment), for links made anywhere.
    pub app_url: String,
    pub params: Params,
    /// The language to start in (the page: the URL's, else the saved one; an embed: its attribute's).
    pub lang: Lang,
}

pub struct Session {
    pub engine: Engine,
    pub lang: Lang,
    /// The lesson step shown; None in free play.
    pub place: Option<Place>,
    /// The user changed the lesson's (or the default) scenario: links carry the whole scenario (`s=`).
    pub custom: bool,
    /// The speed the user chose (or `?speed=`): free play returns to it after a lesson step.
    pub user_speed: f64,
    /// `?paused`: lesson steps land on their end state at once (tests), instead of playing.
    pub instant: bool,
    pub selection: Option<Selection>,
    /// The drawer open beside the stage, if any.
    pub drawer: Option<Drawer>,
    /// How much of the app is drawn: `view=`, else compact in an embed and full on the page.
    pub view: View,
    gate: embed::Gate,
    pub notice: Option<Notice>,
    pub help: bool,
    /// The "import a real group" dialog is open.
    pub import_group: bool,
    /// An action the keyboard asked the actions panel for, numbered so the same one twice is two requests.
    pub request: Option<(Request, u32)>,
    pub lessons: Rc<Vec<Lesson>>,
    /// The lessons' table of contents: each lesson's id and number of steps.
    pub toc: Rc<Vec<(&'static str, usize)>>,
    page: bool,
    app_url: String,
    /// The link last handed to the clipboard (shown in the notice if the browser refuses it).
    copied: Option<String>,
}

/// A cluster with nothing in it: what the page shows if even the default scenario cannot be built.
fn empty_scenario() -> Scenario {
    Scenario {
        version: SCENARIO_VERSION,
        seed: 1,
        cluster: Default::default(),
        commands: Vec::new(),
        time_ms: Some(0),
    }
}

impl Session {
    /// The session an instance starts with: the course notes' scenario, then what its address names (a lesson
    /// step, a shared scenario), with one notice for whatever in the address was wrong. The effects write the
    /// address bar and the language as the session settled them.
    pub fn open(opened: Opened) -> (Session, Vec<Effect>) {
        let Opened {
            page,
            embed,
            app_url,
            params,
            lang,
        } = opened;
        let (mut engine, notice) = match Engine::new(Scenario::course_notes()) {
            Ok(e) => (e, None),
            Err(m) => (
                Engine::new(empty_scenario())
                    .unwrap_or_else(|_| unreachable!("an empty scenario always builds")),
                Some(Notice::new(true, &|lang| {
                    tf(lang, "notice.no_scenario", &[("error", &say(lang, &m))])
                })),
            ),
        };
        if params.paused {
            engine.set_playing(false);
        }
        if let Some(s) = params.speed {
            engine.set_speed(s);
        }
        if let Some(on) = params.slow_motion {
            engine.set_slow_motion(on);
        }
        let all = lessons::all();
        let mut session = Session {
            engine,
            lang,
            place: None,
            custom: false,
            user_speed: params.speed.unwrap_or(1.0),
            instant: params.paused,
            selection: None,
            drawer: None,
            view: params
                .view
                .unwrap_or(if embed { View::Lesson } else { View::Full }),
            gate: embed::Gate {
                on: embed,
                ..Default::default()
            },
            notice,
            help: false,
            import_group: false,
            request: None,
            toc: Rc::new(all.iter().map(|l| (l.id, l.steps.len())).collect()),
            lessons: Rc::new(all),
            page,
            app_url,
            copied: None,
        };
        let mut effects = vec![Effect::Lang(lang)];
        session.show_params(&params, true, &mut effects);
        // An embed waits to be seen before it plays.
        session.hold_out_of_view();
        (session, effects)
    }

    /// What the lesson step shown talks about (nothing in free play, or once the scenario was changed).
    pub fn marks(&self) -> Vec<Mark> {
        match self.place {
            Some(p) if !self.custom => self.lessons[p.lesson].steps[p.step].marks.clone(),
            _ => Vec::new(),
        }
    }

    /// The selected entity is explained in a popover at it (not while the details drawer shows it whole).
    pub fn popover(&self) -> Option<&Selection> {
        self.selection
            .as_ref()
            .filter(|_| self.drawer != Some(Drawer::Details))
    }

    /// The lesson step shown, when the clock was taken outside its time (scrubbing, stepping events): its
    /// range in simulated ms, so the caption can say so and offer to return. None inside it, in free play, or
    /// once the scenario was changed.
    pub fn off_step(&self) -> Option<(u64, u64)> {
        let p = self.place.filter(|_| !self.custom)?;
        let lesson = &self.lessons[p.lesson];
        let (start, end) = (lesson.start_ms(p.step), lesson.end_ms(p.step));
        let now = self.engine.timeline().now();
        (now < start || now > end).then_some((start, end))
    }

    /// A lesson step is playing towards its end.
    pub fn step_playing(&self) -> bool {
        self.engine.playing && self.engine.stop_at.is_some()
    }

    /// Advances the clock by `real_ms` of real time (one animation frame); true if the frame changed. A lesson
    /// step that has played to its end hands the speed back to the user's.
    pub fn tick(&mut self, real_ms: f64) -> bool {
        let in_step = self.engine.stop_at.is_some();
        let changed = self.engine.tick(real_ms);
        if in_step && self.engine.stop_at.is_none() {
            self.engine.set_speed(self.user_speed);
        }
        changed
    }
}
