//! The page: controls and timeline, the stage, actions, the inspector and the event log, around one
//! [`Engine`] shared with `window.grouplab`. A `requestAnimationFrame` loop advances simulated time while
//! playing; every change takes one [`Snapshot`] that the memoized components draw from.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::scenario::{Scenario, SCENARIO_VERSION};
use grouplab_model::sim::commands::Applied;
use grouplab_model::timeline::LoggedCommand;

use super::actions::Actions;
use super::api;
use super::clock::Clock;
use super::code_panel::CodePanel;
use super::controls::Controls;
use super::event_log::EventLog;
use super::help::Help;
use super::inspector::Inspector;
use super::keyboard::{self, Shortcut};
use super::lesson_panel::{LessonPanel, Toc};
use super::notice::{Notice, NoticeBar};
use super::selection::Selection;
use super::snapshot::{LogBook, Snapshot};
use super::stage::layout::group_ids;
use super::stage::Stage;
use super::timeline::TimelineBar;
use super::Header;
use crate::engine::{Engine, MAX_SPEED, MIN_SPEED};
use crate::i18n::{self, Lang};
use crate::lessons::{self, Lesson, Place};

pub enum Msg {
    Frame(f64),
    Refresh,
    TogglePlay,
    StepForward,
    StepBack,
    Speed(f64),
    SlowMotion(bool),
    Seek(u64),
    Reset,
    Command(Box<Command>),
    Select(Option<Selection>),
    Dismiss,
    Help(bool),
    Resize,
    Shortcut(Shortcut),
    Lang(Lang),
    /// Go to a lesson step (None: leave the lesson, free play).
    Lesson(Option<Place>),
}

/// Callbacks made once: a new callback every frame would make every child's props differ, and re-render it.
struct Callbacks {
    select: Callback<Selection>,
    select_opt: Callback<Option<Selection>>,
    command: Callback<Command>,
    seek: Callback<u64>,
    toggle_play: Callback<()>,
    step_back: Callback<()>,
    step_forward: Callback<()>,
    speed: Callback<f64>,
    slow_motion: Callback<bool>,
    reset: Callback<()>,
    help_open: Callback<()>,
    help_close: Callback<()>,
    dismiss: Callback<()>,
    lang: Callback<Lang>,
    lesson: Callback<Option<Place>>,
}

impl Callbacks {
    fn new(link: &yew::html::Scope<App>) -> Self {
        Callbacks {
            select: link.callback(|s: Selection| Msg::Select(Some(s))),
            select_opt: link.callback(Msg::Select),
            command: link.callback(|c| Msg::Command(Box::new(c))),
            seek: link.callback(Msg::Seek),
            toggle_play: link.callback(|_| Msg::TogglePlay),
            step_back: link.callback(|_| Msg::StepBack),
            step_forward: link.callback(|_| Msg::StepForward),
            speed: link.callback(Msg::Speed),
            slow_motion: link.callback(Msg::SlowMotion),
            reset: link.callback(|_| Msg::Reset),
            help_open: link.callback(|_| Msg::Help(true)),
            help_close: link.callback(|_| Msg::Help(false)),
            dismiss: link.callback(|_| Msg::Dismiss),
            lang: link.callback(Msg::Lang),
            lesson: link.callback(Msg::Lesson),
        }
    }
}

pub struct App {
    callbacks: Callbacks,
    engine: Rc<RefCell<Engine>>,
    snap: Snapshot,
    log: LogBook,
    log_rc: Rc<LogBook>,
    selection: Option<Selection>,
    notice: Option<Notice>,
    help: bool,
    width: f64,
    ready: bool,
    clock: Clock,
    main_ref: NodeRef,
    stage_ref: NodeRef,
    _listeners: Vec<EventListener>,
    lang: Lang,
    lessons: Rc<Vec<Lesson>>,
    toc: Toc,
    place: Option<Place>,
    /// `?paused`: lesson steps land on their end state at once (tests), instead of playing.
    instant: bool,
    /// Commands applied up to the displayed time, for the code panel (rebuilt only when it changes).
    code_log: Rc<Vec<LoggedCommand>>,
    code_key: (usize, u64),
}

/// `?paused`, `?speed=2`, `?slowmo=0`, `?lesson=keys&step=2`, `?lang=hi` in the URL.
struct UrlOptions {
    paused: bool,
    lang: Option<Lang>,
    lesson: Option<String>,
    step: usize,
    speed: Option<f64>,
    slow_motion: Option<bool>,
}

fn url_options() -> UrlOptions {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut o = UrlOptions {
        paused: false,
        lang: None,
        lesson: None,
        step: 0,
        speed: None,
        slow_motion: None,
    };
    for part in search.trim_start_matches('?').split('&') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "paused" => o.paused = true,
            "lesson" => o.lesson = Some(v.to_string()),
            "lang" => o.lang = Lang::from_code(v),
            "step" => o.step = v.parse().unwrap_or(0),
            "speed" => o.speed = v.parse().ok(),
            "slowmo" => o.slow_motion = Some(v != "0" && v != "false"),
            _ => {}
        }
    }
    o
}

fn empty_scenario() -> Scenario {
    Scenario {
        version: SCENARIO_VERSION,
        seed: 1,
        cluster: Default::default(),
        commands: Vec::new(),
        time_ms: Some(0),
    }
}

fn window_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0)
}

/// A short confirmation of what a command did.
fn describe(cmd: &Command, applied: &Applied) -> String {
    let name = applied.name.clone().unwrap_or_default();
    match cmd {
        Command::AddConsumer { config, .. } => format!(
            "{name} started in {}.",
            config.group_id.as_deref().unwrap_or("no group")
        ),
        Command::RunConsoleConsumer { .. } => format!(
            "Console consumer {name} started in a new group {}.",
            applied.group_id.clone().unwrap_or_default()
        ),
        Command::Produce {
            key, count, topic, ..
        } => format!(
            "Sent {} record{} to {topic} with key {}.",
            count.unwrap_or(1),
            if count.unwrap_or(1) == 1 { "" } else { "s" },
            key.as_deref()
                .map_or("null".to_string(), |k| format!("{k:?}"))
        ),
        Command::SetProduceRate {
            records_per_sec,
            topic,
            ..
        } => format!("Producing {records_per_sec} records/s to {topic}."),
        Command::AddPartitions { topic, partitions } => {
            format!("{topic} now has {partitions} partitions: watch keys remap and the group rebalance.")
        }
        Command::StopBroker { broker } => format!("Broker {broker} stopped."),
        Command::StartBroker { broker } => format!("Broker {broker} started."),
        Command::CloseConsumer { consumer } => format!("{consumer} is closing (LeaveGroup)."),
        Command::CrashConsumer { consumer } => {
            format!("{consumer} crashed: the coordinator notices after session.timeout.ms.")
        }
        Command::RestartConsumer { consumer } => format!("{consumer} restarted."),
        Command::CommitNow { consumer, .. } => format!("{consumer} commits its positions."),
        Command::SetProcessingRate {
            consumer,
            records_per_sec,
        } => format!(
            "{consumer} now processes {}.",
            records_per_sec.map_or("instantly".to_string(), |r| format!("{r} records/s"))
        ),
        _ => "Done.".to_string(),
    }
}

/// Writes `?lesson=&step=` (and `lang=` when the URL had one) into the address bar, keeping other options,
/// so every step has a link.
fn set_url(place: Option<(&str, usize)>, lang: Lang) {
    let Some(w) = web_sys::window() else { return };
    let search = w.location().search().unwrap_or_default();
    let mut url = String::from("?");
    let mut had_lang = false;
    for part in search.trim_start_matches('?').split('&') {
        let key = part.split('=').next().unwrap_or("");
        had_lang |= key == "lang";
        if !part.is_empty() && !matches!(key, "lesson" | "step" | "lang") {
            url.push_str(part);
            url.push('&');
        }
    }
    if let Some((id, step)) = place {
        url.push_str(&format!("lesson={id}&step={step}&"));
    }
    if had_lang {
        url.push_str("lang=");
        url.push_str(lang.code());
    }
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(url.trim_end_matches('&')),
        );
    }
}

impl App {
    fn refresh(&mut self) {
        {
            let engine = self.engine.borrow();
            self.snap = Snapshot::take(&engine);
            if self.log.update(&engine) {
                self.log_rc = Rc::new(self.log.clone());
            }
            // The log only changes by growing, or by a rewind (a new epoch) that may fork it.
            let t = engine.timeline();
            let now = t.now();
            let n = t.log().iter().take_while(|c| c.at_ms <= now).count();
            if (n, engine.epoch()) != self.code_key {
                self.code_key = (n, engine.epoch());
                self.code_log = Rc::new(t.log()[..n].to_vec());
            }
        }
    }

    /// Loads step `place` of a lesson: at its end at once (`instant`), or at its start, playing to its end.
    fn go(&mut self, place: Option<Place>, instant: bool) {
        self.place = place;
        let Some(pl) = place else {
            set_url(None, self.lang);
            return;
        };
        let lesson = &self.lessons[pl.lesson];
        let mut en = self.engine.borrow_mut();
        let scenario = lesson.scenario(pl.step, instant);
        if let Err(m) = en.load(scenario) {
            self.notice = Some(Notice {
                error: true,
                text: m,
            });
            return;
        }
        if instant {
            en.set_playing(false);
        } else {
            let (start, end) = (lesson.start_ms(pl.step), lesson.end_ms(pl.step));
            // About four seconds of real time per step, never slower than real time.
            en.set_speed(((end - start) as f64 / 4_000.0).max(1.0));
            en.play_until(end);
        }
        drop(en);
        self.selection = None;
        self.notice = None;
        set_url(Some((lesson.id, pl.step)), self.lang);
    }

    fn after_change(&mut self, ctx: &Context<Self>) {
        api::fire_events(&self.engine);
        self.refresh();
        if self.engine.borrow().playing {
            self.clock.request(ctx.link().callback(Msg::Frame));
        } else {
            self.clock.stop();
        }
    }

    fn click(selector: &str) {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.click();
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let opts = url_options();
        let (mut engine, notice) = match Engine::new(Scenario::course_notes()) {
            Ok(e) => (e, None),
            Err(m) => (
                Engine::new(empty_scenario()).expect("an empty scenario always builds"),
                Some(Notice {
                    error: true,
                    text: format!("The course-notes scenario did not load: {m}"),
                }),
            ),
        };
        if opts.paused {
            engine.set_playing(false);
        }
        if let Some(s) = opts.speed {
            engine.set_speed(s);
        }
        if let Some(on) = opts.slow_motion {
            engine.set_slow_motion(on);
        }
        let engine = Rc::new(RefCell::new(engine));
        let all = Rc::new(lessons::all());
        let toc: Toc = Rc::new(all.iter().map(|l| (l.id, l.steps.len())).collect());
        api::install(
            engine.clone(),
            ctx.link().callback(|_| Msg::Refresh),
            ctx.link().callback(Msg::Lesson),
            all.clone(),
        );
        let lang = i18n::initial(opts.lang);
        i18n::persist(lang);
        let start = opts.lesson.as_deref().and_then(|id| {
            let i = all.iter().position(|l| l.id == id)?;
            Some(Place {
                lesson: i,
                step: opts.step.min(all[i].steps.len() - 1),
            })
        });
        let mut listeners = Vec::new();
        if let Some(l) = keyboard::listen(ctx.link().callback(Msg::Shortcut)) {
            listeners.push(l);
        }
        if let Some(w) = web_sys::window() {
            let cb = ctx.link().callback(|_| Msg::Resize);
            listeners.push(EventListener::new(&w, "resize", move |_| cb.emit(())));
        }
        let snap = Snapshot::take(&engine.borrow());
        let mut log = LogBook::default();
        log.update(&engine.borrow());
        let mut app = App {
            callbacks: Callbacks::new(ctx.link()),
            engine,
            snap,
            log_rc: Rc::new(log.clone()),
            log,
            selection: None,
            notice,
            help: false,
            width: (window_width() - 32.0).max(320.0),
            ready: false,
            clock: Clock::default(),
            main_ref: NodeRef::default(),
            stage_ref: NodeRef::default(),
            _listeners: listeners,
            lang,
            lessons: all,
            toc,
            place: None,
            instant: opts.paused,
            code_log: Rc::default(),
            code_key: (usize::MAX, 0),
        };
        if start.is_some() {
            app.go(start, opts.paused);
        }
        app.refresh();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        match msg {
            Msg::Frame(ts) => {
                let dt = self.clock.fired(ts);
                let changed = self.engine.borrow_mut().tick(dt);
                if !changed && !self.engine.borrow().playing {
                    self.clock.stop();
                    return false;
                }
                self.after_change(ctx);
                return true;
            }
            Msg::Refresh => {}
            Msg::Lang(lang) => {
                self.lang = lang;
                i18n::persist(lang);
                set_url(
                    self.place.map(|p| (self.lessons[p.lesson].id, p.step)),
                    lang,
                );
                return true;
            }
            Msg::Lesson(place) => self.go(place, self.instant),
            Msg::TogglePlay => {
                let playing = self.engine.borrow().playing;
                self.engine.borrow_mut().set_playing(!playing);
            }
            Msg::StepForward => self.engine.borrow_mut().step_forward(),
            Msg::StepBack => self.engine.borrow_mut().step_back(),
            Msg::Speed(s) => self
                .engine
                .borrow_mut()
                .set_speed(s.clamp(MIN_SPEED, MAX_SPEED)),
            Msg::SlowMotion(on) => self.engine.borrow_mut().set_slow_motion(on),
            Msg::Seek(t) => self.engine.borrow_mut().seek(t),
            Msg::Reset => {
                self.engine.borrow_mut().reset();
                self.notice = Some(Notice {
                    error: false,
                    text: "Back to the start of the scenario.".into(),
                });
            }
            Msg::Command(cmd) => {
                let result = self.engine.borrow_mut().apply((*cmd).clone());
                self.notice = Some(match result {
                    Ok(applied) => Notice {
                        error: false,
                        text: describe(&cmd, &applied),
                    },
                    Err(e) => Notice {
                        error: true,
                        text: format!("Kafka refused: {e}."),
                    },
                });
            }
            Msg::Select(s) => {
                self.selection = s;
                return true;
            }
            Msg::Dismiss => {
                self.notice = None;
                return true;
            }
            Msg::Help(open) => {
                self.help = open;
                return true;
            }
            Msg::Resize => {
                let w = self
                    .stage_ref
                    .cast::<web_sys::Element>()
                    .map(|e| e.client_width() as f64)
                    .filter(|w| *w > 0.0)
                    .unwrap_or_else(window_width);
                if (w - self.width).abs() < 1.0 {
                    return false;
                }
                self.width = w;
                return true;
            }
            Msg::Shortcut(s) => {
                let speed = self.engine.borrow().speed();
                return match s {
                    Shortcut::TogglePlay => Component::update(self, ctx, Msg::TogglePlay),
                    Shortcut::StepForward => Component::update(self, ctx, Msg::StepForward),
                    Shortcut::StepBack => Component::update(self, ctx, Msg::StepBack),
                    Shortcut::Faster => Component::update(self, ctx, Msg::Speed(speed * 2.0)),
                    Shortcut::Slower => Component::update(self, ctx, Msg::Speed(speed / 2.0)),
                    Shortcut::SlowMotion => {
                        let on = self.engine.borrow().slow_motion;
                        Component::update(self, ctx, Msg::SlowMotion(!on))
                    }
                    Shortcut::AddConsumer => {
                        Self::click("[data-action=add-consumer]");
                        false
                    }
                    Shortcut::Produce => {
                        Self::click("[data-action=produce]");
                        false
                    }
                    Shortcut::Help => Component::update(self, ctx, Msg::Help(!self.help)),
                    Shortcut::Escape => {
                        if self.help {
                            self.help = false;
                        } else {
                            self.selection = None;
                        }
                        true
                    }
                };
            }
        }
        self.after_change(ctx);
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render {
            if let Some(main) = self.main_ref.cast::<web_sys::Element>() {
                let _ = main.set_attribute("data-stage-ready", "true");
            }
            self.ready = true;
            ctx.link().send_message(Msg::Resize);
            if self.engine.borrow().playing {
                self.clock.request(ctx.link().callback(Msg::Frame));
            }
        }
    }

    fn view(&self, _ctx: &Context<Self>) -> Html {
        let cb = &self.callbacks;
        let snap = &self.snap;
        let view = &snap.view;
        let on_select = cb.select.clone();
        let on_command = cb.command.clone();
        let colours = Rc::new(group_ids(view));
        html! {
            <>
                <Header lang={self.lang} on_lang={cb.lang.clone()} />
                <main id="stage" class="app" ref={self.main_ref.clone()}
                      data-stage-ready={self.ready.then_some("true")}
                      data-playing={snap.playing.to_string()} data-time-ms={view.time_ms.to_string()}
                      aria-label="GroupLab simulator">
                    <section class="bar" aria-label="Time">
                        <Controls lang={self.lang} playing={snap.playing} time_ms={view.time_ms} speed={snap.speed}
                            slow_motion={snap.slow_motion} slow_motion_active={snap.slow_motion_active}
                            on_toggle_play={cb.toggle_play.clone()}
                            on_step_back={cb.step_back.clone()}
                            on_step_forward={cb.step_forward.clone()}
                            on_speed={cb.speed.clone()}
                            on_slow_motion={cb.slow_motion.clone()}
                            on_reset={cb.reset.clone()}
                            on_help={cb.help_open.clone()} />
                        <TimelineBar time_ms={view.time_ms} end_ms={snap.end_ms} markers={snap.markers.clone()}
                            colours={colours} on_seek={cb.seek.clone()} />
                    </section>
                    <NoticeBar notice={self.notice.clone()} on_dismiss={cb.dismiss.clone()} />
                    <div class="workspace">
                        <div class="stage-col">
                            <LessonPanel lang={self.lang} toc={self.toc.clone()} place={self.place}
                                playing={snap.playing && self.engine.borrow().stop_at.is_some()}
                                snap={snap.clone()} on_go={cb.lesson.clone()} />
                            <div class="stage-wrap" ref={self.stage_ref.clone()}>
                                <Stage snap={snap.clone()} width={self.width} selection={self.selection.clone()}
                                    on_select={on_select} />
                            </div>
                            <Actions topics={view.topics.iter().map(|t| (t.name.clone(), t.partitions.len() as u32)).collect::<Vec<_>>()}
                                groups={group_ids(view)}
                                producers={view.producers.iter().map(|p| p.name.clone()).collect::<Vec<_>>()}
                                brokers={view.brokers.iter().map(|b| (b.id, b.up)).collect::<Vec<_>>()}
                                on_command={on_command.clone()} />
                        </div>
                        <aside class="side" aria-label="Inspector and event log">
                            <CodePanel lang={self.lang} log={self.code_log.clone()} />
                            <Inspector snap={snap.clone()} selection={self.selection.clone()}
                                on_select={cb.select_opt.clone()} on_command={on_command} />
                            <EventLog book={self.log_rc.clone()} on_seek={cb.seek.clone()} />
                        </aside>
                    </div>
                    if self.help {
                        <Help on_close={cb.help_close.clone()} />
                    }
                </main>
            </>
        }
    }
}
