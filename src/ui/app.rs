//! The page: controls and timeline, the stage, actions, the inspector and the event log, around one
//! [`Engine`] shared with `window.grouplab`. A `requestAnimationFrame` loop advances simulated time while
//! playing; every change takes one [`Snapshot`] that the memoized components draw from.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::scenario::{Scenario, ScenarioError, SCENARIO_VERSION};
use grouplab_model::timeline::LoggedCommand;
use grouplab_model::view::WorldView;

use super::actions::Actions;
use super::api::{self, SharedListeners};
use super::clock::Clock;
use super::code_panel::CodePanel;
use super::context_menu::{self, ContextMenu, MenuAt};
use super::controls::Controls;
use super::describe;
use super::event_log::EventLog;
use super::header::header;
use super::help::help;
use super::import_group::ImportGroup;
use super::inspector;
use super::keyboard::{self, Shortcut};
use super::lesson_panel::{lesson_panel, LessonPanel, Toc};
use super::notice::{notice_bar, Notice};
use super::selection::Selection;
use super::share::Share;
use super::snapshot::{LogBook, Snapshot};
use super::stage::layout::group_ids;
use super::stage::window::{self, Band};
use super::stage::Stage;
use super::timeline::TimelineBar;
use super::transfer;
use super::zoom::{self, zoom_bar, Pan};
use crate::engine::{Engine, MAX_SPEED, MIN_SPEED};
use crate::host::{self, HostRef};
use crate::i18n::{self, say, t, tf, Lang, Said};
use crate::lessons::{self, Lesson, Place};
use crate::panic_panel;
use crate::params::{self, Params};

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
    /// The address bar changed (Back, Forward, an edited #fragment): show what it names.
    Navigate,
    CopyLink,
    /// The clipboard took the link (true) or refused it (false).
    Copied(bool),
    Export,
    /// An imported file: (name, text).
    Import(String, String),
    /// A file that could not be read.
    ImportFailed(Said),
    OpenInApp,
    Zoom(f64),
    /// Zoom by a factor (Ctrl + wheel).
    ZoomBy(f64),
    /// The page or the stage scrolled (or resized, or zoomed): maybe draw another band of a big stage.
    Viewport,
    /// Open the context menu of a stage entity (None: close it).
    Menu(Option<MenuAt>),
    /// Zoom so the whole stage is in view.
    ZoomFit,
    /// Open or close the "import a real group" dialog.
    ImportGroup(bool),
    /// The dialog imported a group: show it.
    LoadImported(Box<Scenario>),
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
    copy: Callback<()>,
    export: Callback<()>,
    import: Callback<(String, String)>,
    import_failed: Callback<Said>,
    open: Callback<()>,
    zoom: Callback<f64>,
    // The stage's own listeners (pan, wheel zoom, context menu): made once, not every frame.
    pan_down: Callback<PointerEvent>,
    pan_move: Callback<PointerEvent>,
    pan_up: Callback<PointerEvent>,
    wheel: Callback<WheelEvent>,
    menu_click: Callback<MouseEvent>,
    menu_key: Callback<KeyboardEvent>,
    menu: Callback<Option<MenuAt>>,
    zoom_fit: Callback<()>,
    import_group_open: Callback<()>,
    import_group_close: Callback<()>,
    import_group_load: Callback<Scenario>,
}

impl Callbacks {
    fn new(link: &yew::html::Scope<App>, pan: &Pan) -> Self {
        let menu = msg_cb(link, Msg::Menu);
        Callbacks {
            pan_down: pan.down(),
            pan_move: pan.moved(),
            pan_up: pan.up(),
            wheel: zoom::wheel(msg_cb(link, Msg::ZoomBy)),
            menu_click: menu_on_click(menu.clone()),
            menu_key: menu_on_key(menu.clone()),
            select: msg_cb(link, |s: Selection| Msg::Select(Some(s))),
            select_opt: msg_cb(link, Msg::Select),
            command: msg_cb(link, |c| Msg::Command(Box::new(c))),
            seek: msg_cb(link, Msg::Seek),
            toggle_play: msg_cb(link, |_| Msg::TogglePlay),
            step_back: msg_cb(link, |_| Msg::StepBack),
            step_forward: msg_cb(link, |_| Msg::StepForward),
            speed: msg_cb(link, Msg::Speed),
            slow_motion: msg_cb(link, Msg::SlowMotion),
            reset: msg_cb(link, |_| Msg::Reset),
            help_open: msg_cb(link, |_| Msg::Help(true)),
            help_close: msg_cb(link, |_| Msg::Help(false)),
            dismiss: msg_cb(link, |_| Msg::Dismiss),
            lang: msg_cb(link, Msg::Lang),
            lesson: msg_cb(link, Msg::Lesson),
            copy: msg_cb(link, |_| Msg::CopyLink),
            export: msg_cb(link, |_| Msg::Export),
            import: msg_cb(link, |(name, text)| Msg::Import(name, text)),
            import_failed: msg_cb(link, Msg::ImportFailed),
            open: msg_cb(link, |_| Msg::OpenInApp),
            zoom: msg_cb(link, Msg::Zoom),
            menu,
            zoom_fit: msg_cb(link, |_| Msg::ZoomFit),
            import_group_open: msg_cb(link, |_| Msg::ImportGroup(true)),
            import_group_close: msg_cb(link, |_| Msg::ImportGroup(false)),
            import_group_load: msg_cb(link, |s| Msg::LoadImported(Box::new(s))),
        }
    }
}

/// Where the instance lives (the page, or an embed) and what its URL or attribute asked for.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub host: HostRef,
}

pub struct App {
    host: HostRef,
    /// The user changed the lesson's (or the default) scenario: links carry the whole scenario (`s=`).
    custom: bool,
    listeners: SharedListeners,
    callbacks: Callbacks,
    engine: Rc<RefCell<Engine>>,
    snap: Snapshot,
    /// The previous snapshot's view, to be updated in place into the next one.
    spare_view: Option<Rc<WorldView>>,
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
    /// `?embed` in an iframe: reports the height to the parent page.
    frame_height: Option<super::frame_height::FrameHeight>,
    /// The speed the user chose (or `?speed=`): free play returns to it after a lesson step.
    user_speed: f64,
    zoom: f64,
    menu: Option<MenuAt>,
    /// The band of the stage drawn (with a margin), for worlds too big to draw whole.
    band: Band,
    import_group: bool,
    /// Commands applied up to the displayed time, for the code panel (rebuilt only when it changes).
    code_log: Rc<Vec<LoggedCommand>>,
    code_key: (usize, u64),
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

fn window_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(900.0)
}

/// A stage narrower than this is a phone's (or a narrow embed's): the lesson contents start folded. The CSS
/// compacts the controls below a 600px viewport, about the same screens.
const NARROW_PX: f64 = 600.0;

fn window_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0)
}

impl App {
    fn refresh(&mut self) {
        {
            let engine = self.engine.borrow();
            let (width, band) = (self.width, self.band);
            let selected = match &self.selection {
                Some(Selection::Partition(tp) | Selection::Record(tp, _)) => Some(tp.as_str()),
                _ => None,
            };
            // The view before the one drawn now: the components have let go of it since.
            let spare = self.spare_view.take();
            let snap = Snapshot::take(&engine, spare, |v| {
                window::shown_partitions(v, width, band, selected)
            });
            self.spare_view = Some(std::mem::replace(&mut self.snap, snap).view);
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
        self.custom = false;
        let Some(pl) = place else {
            // Free play runs at the user's speed, not the lesson's.
            self.engine.borrow_mut().set_speed(self.user_speed);
            self.sync_url(true);
            return;
        };
        let lesson = &self.lessons[pl.lesson];
        let mut en = self.engine.borrow_mut();
        let scenario = lesson.scenario(pl.step, instant);
        if let Err(e) = en.load(scenario) {
            self.notice = Some(Notice::new(true, &|lang| say(lang, &e)));
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
        self.sync_url(true);
    }

    /// The fragment naming the current state. With `whole` (or once the user changed the scenario) it
    /// carries the scenario itself, at the current time; otherwise only the lesson step and language.
    fn fragment(&self, whole: bool) -> String {
        let link = (whole || self.custom)
            .then(|| Scenario::from_timeline(self.engine.borrow().timeline()).to_link());
        let place = self.place.map(|p| (self.lessons[p.lesson].id, p.step));
        let anything = link.is_some() || place.is_some() || self.lang != Lang::En;
        params::fragment(link.as_deref(), place, anything.then_some(self.lang))
    }

    /// Writes the state into the address bar (the page only): `push` makes a Back/Forward step. Also keeps the
    /// panic panel's link current.
    fn sync_url(&mut self, push: bool) {
        let whole = self.fragment(true);
        panic_panel::remember(&self.host.root, &self.host.link(&whole));
        let fragment = if self.custom {
            whole
        } else {
            self.fragment(false)
        };
        self.host.write_url(&fragment, push);
    }

    /// Shows what `p` names: its scenario (paused at its time, so the frame is exactly the shared one), or its
    /// lesson step, else (`initial` false) the plain course-notes page. Bad values become one notice.
    fn show_params(&mut self, p: &Params, initial: bool) {
        if let Some(lang) = p.lang {
            self.set_lang(lang);
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
                .and_then(|s| self.engine.borrow_mut().load(s));
            match loaded {
                Ok(()) => {
                    self.engine.borrow_mut().set_playing(false);
                    self.place = place;
                    self.custom = true;
                }
                Err(e) => bad_link = Some(e),
            }
        }
        if !self.custom || p.scenario.is_none() {
            if place.is_some() {
                self.go(place, self.instant);
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

    fn load_default(&mut self) {
        self.place = None;
        self.custom = false;
        let mut en = self.engine.borrow_mut();
        if en.load(Scenario::course_notes()).is_ok() && self.instant {
            en.set_playing(false);
        }
        en.set_speed(self.user_speed);
    }

    /// The band of the stage in view now.
    fn band_now(&self) -> Option<Band> {
        let wrap = self.stage_ref.cast::<web_sys::Element>()?;
        let r = wrap.get_bounding_client_rect();
        Some(Band::visible(
            r.top(),
            wrap.scroll_top() as f64,
            wrap.client_height() as f64,
            window_height(),
            self.zoom,
        ))
    }

    /// After moving in time: a custom scenario's link carries the time, so the address bar follows.
    fn sync_time(&mut self) {
        if self.custom {
            self.sync_url(false);
        }
    }

    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        if self.host.page {
            i18n::persist(lang);
        } else {
            let _ = self.host.root.set_attribute("lang", lang.html_lang());
        }
    }

    fn after_change(&mut self, ctx: &Context<Self>) {
        api::fire_events(&self.engine, &self.listeners);
        self.refresh();
        if self.engine.borrow().playing {
            self.clock.request(msg_cb(ctx.link(), Msg::Frame));
        } else {
            self.clock.stop();
        }
    }

    fn click(&self, selector: &str) {
        use wasm_bindgen::JsCast;
        if let Some(el) = self
            .host
            .query(selector)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.click();
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let host = ctx.props().host.clone();
        let opts = &host.params;
        if host.page && host.embed {
            // In an iframe: as tall as the content, not the window (the parent sizes the frame to it).
            let _ = host.root.class_list().add_1("grouplab--frame");
        }
        // The page keeps the saved language unless the URL names one; an embed takes only its attribute.
        let lang = if host.page {
            i18n::initial(opts.lang)
        } else {
            opts.lang.unwrap_or_default()
        };
        let (mut engine, notice) = match Engine::new(Scenario::course_notes()) {
            Ok(e) => (e, None),
            Err(m) => (
                // Not `expect`: that would format the error with Debug, kilobytes of wasm for nothing.
                Engine::new(empty_scenario())
                    .unwrap_or_else(|_| unreachable!("an empty scenario always builds")),
                Some(Notice::new(true, &|lang| {
                    tf(lang, "notice.no_scenario", &[("error", &say(lang, &m))])
                })),
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
        let api_listeners = {
            let (engine, link_host, lessons) = (engine.clone(), host.clone(), all.clone());
            api::install(
                engine.clone(),
                api::Hooks {
                    refresh: msg_cb(ctx.link(), |_| Msg::Refresh),
                    go: msg_cb(ctx.link(), Msg::Lesson),
                    link: Rc::new(move || {
                        let s = Scenario::from_timeline(engine.borrow().timeline()).to_link();
                        link_host.link(&params::fragment(Some(&s), None, None))
                    }),
                },
                lessons,
                &host.api_element(),
                host.page,
            )
        };
        let mut listeners = Vec::new();
        if let Some(l) = keyboard::listen(&host, msg_cb(ctx.link(), Msg::Shortcut)) {
            listeners.push(l);
        }
        if let Some(w) = web_sys::window() {
            let cb = msg_cb(ctx.link(), |_| Msg::Resize);
            listeners.push(EventListener::new(&w, "resize", move |_| cb.emit(())));
            let cb = msg_cb(ctx.link(), |_| Msg::Viewport);
            listeners.push(EventListener::new(&w, "scroll", move |_| cb.emit(())));
            if host.page {
                let cb = msg_cb(ctx.link(), |_| Msg::Navigate);
                listeners.push(EventListener::new(&w, "popstate", move |_| cb.emit(())));
            }
        }
        let snap = Snapshot::take(&engine.borrow(), None, |_| Vec::new());
        let mut log = LogBook::default();
        log.update(&engine.borrow());
        let instant = opts.paused;
        let stage_ref = NodeRef::default();
        let user_speed = opts.speed.unwrap_or(1.0);
        let params = opts.clone();
        let mut app = App {
            host: host.clone(),
            custom: false,
            listeners: api_listeners,
            user_speed,
            zoom: 1.0,
            menu: None,
            band: Band {
                top: -window_height(),
                bottom: 2.0 * window_height(),
            },
            import_group: false,
            frame_height: None,
            callbacks: Callbacks::new(ctx.link(), &Pan::new(stage_ref.clone())),
            engine,
            snap,
            spare_view: None,
            log_rc: Rc::new(log.clone()),
            log,
            selection: None,
            notice,
            help: false,
            width: (window_width() - 32.0).max(320.0),
            ready: false,
            clock: Clock::default(),
            main_ref: NodeRef::default(),
            stage_ref: stage_ref.clone(),
            _listeners: listeners,
            lang,
            lessons: all,
            toc,
            place: None,
            instant,
            code_log: Rc::default(),
            code_key: (usize::MAX, 0),
        };
        app.set_lang(lang);
        app.show_params(&params, true);
        panic_panel::register(
            &host.root,
            &host.link(&app.fragment(true)),
            &if host.page {
                host.app_url.clone()
            } else {
                web_sys::window()
                    .and_then(|w| w.location().href().ok())
                    .unwrap_or_default()
            },
        );
        app.refresh();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        match msg {
            Msg::Frame(ts) => {
                let dt = self.clock.fired(ts);
                let in_step = self.engine.borrow().stop_at.is_some();
                let changed = self.engine.borrow_mut().tick(dt);
                if in_step && self.engine.borrow().stop_at.is_none() {
                    // The lesson step has played: the next Play runs at the user's speed.
                    self.engine.borrow_mut().set_speed(self.user_speed);
                }
                if !changed && !self.engine.borrow().playing {
                    self.clock.stop();
                    return false;
                }
                self.after_change(ctx);
                return true;
            }
            Msg::Refresh => {}
            Msg::Lang(lang) => {
                self.set_lang(lang);
                self.sync_url(false);
                return true;
            }
            Msg::Navigate => {
                let p = host::page_params();
                if p.lang.is_none() && self.lang != Lang::En {
                    self.set_lang(Lang::En);
                }
                self.custom = false;
                self.show_params(&p, false);
            }
            Msg::CopyLink => {
                let link = self.host.link(&self.fragment(true));
                self.sync_url(false);
                let _ = self.host.root.set_attribute("data-share-link", &link);
                transfer::copy(link, msg_cb(ctx.link(), Msg::Copied));
                return false;
            }
            Msg::Copied(ok) => {
                let link = self
                    .host
                    .root
                    .get_attribute("data-share-link")
                    .unwrap_or_default();
                self.notice = Some(Notice::new(!ok, &|lang| {
                    if ok {
                        t(lang, "share.copied").to_string()
                    } else {
                        format!("{} {link}", t(lang, "share.copy_failed"))
                    }
                }));
                return true;
            }
            Msg::Export => {
                let scenario = Scenario::from_timeline(self.engine.borrow().timeline());
                let json = transfer::pretty(&serde_json::to_string(&scenario).unwrap_or_default());
                let name = format!("grouplab-scenario-{}ms.json", scenario.time_ms.unwrap_or(0));
                self.notice = Some(match transfer::download(&name, &json) {
                    Ok(()) => Notice::new(false, &|lang| {
                        format!("{} {name}", t(lang, "share.exported"))
                    }),
                    Err(()) => Notice::new(true, &|lang| t(lang, "file.download_refused").into()),
                });
                return true;
            }
            Msg::Import(name, text) => match transfer::parse(&name, &text) {
                Ok((scenario, timeline)) => {
                    {
                        let mut en = self.engine.borrow_mut();
                        en.replace(scenario, timeline);
                        en.set_playing(false);
                    }
                    self.place = None;
                    self.custom = true;
                    self.selection = None;
                    self.notice = Some(Notice::new(false, &|lang| {
                        format!("{} {name}", t(lang, "share.imported"))
                    }));
                    self.sync_url(true);
                }
                Err(m) => self.notice = Some(import_refused(&m)),
            },
            Msg::ImportFailed(m) => {
                self.notice = Some(import_refused(&m));
                return true;
            }
            Msg::ImportGroup(open) => {
                self.import_group = open;
                return true;
            }
            Msg::LoadImported(scenario) => {
                let loaded = self.engine.borrow_mut().load(*scenario);
                self.notice = Some(match loaded {
                    Ok(()) => {
                        self.engine.borrow_mut().set_playing(false);
                        self.place = None;
                        self.custom = true;
                        self.selection = None;
                        self.sync_url(true);
                        Notice::new(false, &|lang| t(lang, "import.loaded").into())
                    }
                    Err(e) => Notice::new(true, &|lang| say(lang, &e)),
                });
            }
            Msg::Menu(at) => {
                if let Some(at) = &at {
                    self.selection = Some(at.target.clone());
                }
                self.menu = at;
                return true;
            }
            Msg::Viewport => {
                let Some(now) = self.band_now() else {
                    return false;
                };
                if !self.band.outgrown_by(&now, window_height()) {
                    return false;
                }
                self.band = now;
                // Rows coming into view need their records.
                self.refresh();
                return true;
            }
            Msg::ZoomBy(factor) => {
                return Component::update(self, ctx, Msg::Zoom(self.zoom * factor));
            }
            Msg::Zoom(z) => {
                self.zoom = zoom::clamp(z);
                ctx.link().send_message(Msg::Viewport);
                return true;
            }
            Msg::ZoomFit => {
                let layout = super::stage::layout::Layout::compute(&self.snap.view, self.width);
                // The zoomed stage's viewport is at most 85% of the window's height (styles/app.css).
                let w = self
                    .stage_ref
                    .cast::<web_sys::Element>()
                    .map_or(self.width, |e| e.client_width() as f64);
                let tall = web_sys::window()
                    .and_then(|w| w.inner_height().ok())
                    .and_then(|v| v.as_f64())
                    .map_or(600.0, |vh| vh * 0.85);
                self.zoom = zoom::clamp((w / layout.width).min(tall / layout.height).min(1.0));
                ctx.link().send_message(Msg::Viewport);
                return true;
            }
            Msg::OpenInApp => {
                transfer::open(&self.host.link(&self.fragment(true)));
                return false;
            }
            Msg::Lesson(place) => self.go(place, self.instant),
            Msg::TogglePlay => {
                let playing = self.engine.borrow().playing;
                self.engine.borrow_mut().set_playing(!playing);
                if playing {
                    self.sync_time();
                }
            }
            Msg::StepForward => {
                self.engine.borrow_mut().step_forward();
                self.sync_time();
            }
            Msg::StepBack => {
                self.engine.borrow_mut().step_back();
                self.sync_time();
            }
            Msg::Speed(s) => {
                self.user_speed = s.clamp(MIN_SPEED, MAX_SPEED);
                self.engine.borrow_mut().set_speed(self.user_speed);
            }
            Msg::SlowMotion(on) => self.engine.borrow_mut().set_slow_motion(on),
            Msg::Seek(t) => {
                self.engine.borrow_mut().seek(t);
                self.sync_time();
            }
            Msg::Reset => {
                self.engine.borrow_mut().reset();
                self.sync_time();
                self.notice = Some(Notice::new(false, &|lang| t(lang, "notice.reset").into()));
            }
            Msg::Command(cmd) => {
                let result = self.engine.borrow_mut().apply((*cmd).clone());
                let applied = result.is_ok();
                self.notice = Some(describe::notice(&cmd, result));
                if applied {
                    self.custom = true;
                    self.sync_url(true);
                }
            }
            Msg::Select(s) => {
                self.selection = s;
                self.refresh();
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
                        self.click("[data-action=add-consumer]");
                        false
                    }
                    Shortcut::Produce => {
                        self.click("[data-action=produce]");
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
            if self.host.params.debug_panic {
                // `?debug-panic`: proves the panic panel (and that the user's scenario survives) in the e2e tests.
                panic!("debug-panic requested in the URL");
            }
            if let Some(main) = self.main_ref.cast::<web_sys::Element>() {
                let _ = main.set_attribute("data-stage-ready", "true");
            }
            self.ready = true;
            if self.host.page && self.host.embed {
                self.frame_height = super::frame_height::FrameHeight::start(&self.host.root);
            }
            ctx.link().send_message(Msg::Resize);
            ctx.link().send_message(Msg::Viewport);
            if let Some(wrap) = self.stage_ref.cast::<web_sys::Element>() {
                let cb = msg_cb(ctx.link(), |_| Msg::Viewport);
                self._listeners
                    .push(EventListener::new(&wrap, "scroll", move |_| cb.emit(())));
            }
            if self.engine.borrow().playing {
                self.clock.request(msg_cb(ctx.link(), Msg::Frame));
            }
        }
    }

    fn view(&self, _ctx: &Context<Self>) -> Html {
        let cb = &self.callbacks;
        let snap = &self.snap;
        let view = &snap.view;
        let on_select = cb.select.clone();
        let on_command = cb.command.clone();
        let on_command_menu = cb.command.clone();
        let colours = Rc::new(group_ids(view));
        let actions = html! {
            <Actions topics={view.topics.iter().map(|t| (t.name.clone(), t.partitions.len() as u32)).collect::<Vec<_>>()}
                groups={group_ids(view)}
                producers={view.producers.iter().map(|p| p.name.clone()).collect::<Vec<_>>()}
                brokers={view.brokers.iter().map(|b| (b.id, b.up)).collect::<Vec<_>>()}
                on_command={on_command.clone()} />
        };
        // The first render draws the stage; the panels beside and below it come one render later, so the
        // stage shows sooner (issue 6: first stage within 300 ms). The empty aside keeps the layout in place.
        let side = html! {
            <aside class="side" aria-label={t(self.lang, "app.side")}>
                if self.ready {
                    <CodePanel lang={self.lang} log={self.code_log.clone()} />
                    { inspector::inspector(self.lang, snap, self.selection.as_ref(), &cb.select_opt, &on_command) }
                    <EventLog book={self.log_rc.clone()} on_seek={cb.seek.clone()} />
                }
            </aside>
        };
        let content = html! {
            <>
                <section class="bar" aria-label={t(self.lang, "app.time")}>
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
                { notice_bar(self.lang, self.notice.as_ref(), &cb.dismiss) }
                <div class="workspace">
                    <div class="stage-col">
                        { lesson_panel(self.lang, LessonPanel { toc: &self.toc, place: self.place,
                            playing: snap.playing && self.engine.borrow().stop_at.is_some(),
                            view, on_go: &cb.lesson, narrow: self.width < NARROW_PX }) }
                        { zoom_bar(self.lang, self.zoom, &cb.zoom, &cb.zoom_fit) }
                        <div class={if self.zoom != 1.0 { "stage-wrap is-zoomed" } else { "stage-wrap" }} ref={self.stage_ref.clone()}
                             onpointerdown={cb.pan_down.clone()} onpointermove={cb.pan_move.clone()}
                             onpointerup={cb.pan_up.clone()} onwheel={cb.wheel.clone()}
                             oncontextmenu={cb.menu_click.clone()} onkeydown={cb.menu_key.clone()}>
                            <Stage snap={snap.clone()} width={self.width} zoom={self.zoom} band={self.band} selection={self.selection.clone()}
                                on_select={on_select} />
                        </div>
                        if !self.host.embed && self.ready { { actions.clone() } }
                    </div>
                    if self.host.embed {
                        <details class="embed-tools">
                            <summary>{ t(self.lang, "embed.tools") }</summary>
                            { actions }
                            { side }
                        </details>
                    } else {
                        { side }
                    }
                </div>
                if self.help {
                    { help(self.lang, &cb.help_close) }
                }
                if let Some(at) = &self.menu {
                    <ContextMenu lang={self.lang} at={at.clone()} snap={snap.clone()}
                        on_command={on_command_menu} on_close={cb.menu.reform(|_| None)} />
                }
                if self.import_group {
                    <ImportGroup lang={self.lang} on_load={cb.import_group_load.clone()}
                        on_close={cb.import_group_close.clone()} />
                }
            </>
        };
        // An embed is one landmark among the course page's (a section, not a second <main>), and keeps its
        // tools folded until the learner takes over.
        let tag = if self.host.page { "main" } else { "section" };
        let root = html! {
            <@{tag} id="stage" class="app" ref={self.main_ref.clone()}
                  data-stage-ready={self.ready.then_some("true")}
                  data-playing={snap.playing.to_string()} data-time-ms={view.time_ms.to_string()}
                  data-instance={self.host.index.to_string()}
                  data-custom={self.custom.then_some("true")}
                  aria-label={t(self.lang, "app.main")}>{ content }</@>
        };
        html! {
            <ContextProvider<Lang> context={self.lang}>
                { header(self.lang, &cb.lang, self.host.embed, html! {
                    <Share lang={self.lang} embed={self.host.embed} on_copy={cb.copy.clone()}
                        on_export={cb.export.clone()} on_import={cb.import.clone()}
                        on_import_error={cb.import_failed.clone()} on_open={cb.open.clone()}
                        on_import_group={Some(cb.import_group_open.clone())} />
                }) }
                { root }
            </ContextProvider<Lang>>
        }
    }
}

/// "Import refused:" and why, in both languages.
fn import_refused(why: &Said) -> Notice {
    Notice::new(true, &|lang| {
        format!("{} {}", t(lang, "share.import_refused"), why.get(lang))
    })
}

/// `link.callback(make)` with one closure type per input type: the app's callbacks share one copy of Yew's
/// callback code for each input type instead of one copy per closure (issue 6, bundle size).
#[inline(never)]
fn msg_cb<I: 'static>(link: &yew::html::Scope<App>, make: fn(I) -> Msg) -> Callback<I> {
    link.callback(make)
}

/// Right-click on a stage entity opens its menu at the pointer (elsewhere: the browser's own menu).
fn menu_on_click(open: Callback<Option<MenuAt>>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        use wasm_bindgen::JsCast;
        let target = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| context_menu::selection_of(&el));
        if let Some(target) = target {
            e.prevent_default();
            open.emit(Some(MenuAt {
                target,
                x: e.client_x() as f64,
                y: e.client_y() as f64,
            }));
        }
    })
}

/// The Menu key or Shift+F10 on a focused stage entity opens its menu under it.
fn menu_on_key(open: Callback<Option<MenuAt>>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        use wasm_bindgen::JsCast;
        if !(e.key() == "ContextMenu" || (e.shift_key() && e.key() == "F10")) {
            return;
        }
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Some(target) = context_menu::selection_of(&el) {
            e.prevent_default();
            let r = el.get_bounding_client_rect();
            open.emit(Some(MenuAt {
                target,
                x: r.left(),
                y: r.bottom(),
            }));
        }
    })
}
