//! The Yew shell around one [`Session`] (shared with `window.grouplab`): it hands the session what the user
//! does, carries out the effects the session returns, runs the `requestAnimationFrame` clock while playing, and
//! takes one [`Snapshot`] per change for the memoized components to draw. What only the screen knows (the stage's
//! width, zoom, the band of a big stage in view, an open context menu) stays here.

pub(super) mod callbacks;
pub(super) mod view;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use grouplab_model::timeline::LoggedCommand;
use grouplab_model::view::WorldView;

use super::api::{self, SharedListeners};
use super::clock::Clock;
use super::context_menu::MenuAt;
use super::keyboard;
use super::snapshot::{LogBook, Snapshot};
use super::stage::layout::Layout;
use super::stage::window::{self, Band};
use super::stage::Stage;
use super::transfer;
use super::zoom::{self, Pan};
use crate::host::{self, HostRef};
use crate::i18n;
use crate::panic_panel;
use crate::session::{self, Effect, Opened, Selection, Session};
use callbacks::Callbacks;

pub type SharedSession = Rc<RefCell<Session>>;

pub enum Msg {
    Frame(f64),
    /// A message for the session, from the page's controls or the keyboard.
    Do(session::Msg),
    /// `window.grouplab` changed the session: carry out its effects and redraw.
    Changed(Vec<Effect>),
    Resize,
    /// The page or the stage scrolled (or resized, or zoomed): maybe draw another band of a big stage.
    Viewport,
    Zoom(f64),
    /// Zoom by a factor (Ctrl + wheel).
    ZoomBy(f64),
    /// Zoom so the whole stage is in view.
    ZoomFit,
    /// Show or hide the bar's less used buttons (a phone folds them away).
    More,
    /// Open the context menu of a stage entity (None: close it).
    Menu(Option<MenuAt>),
    /// The address bar changed (Back, Forward, an edited #fragment).
    Navigate,
}

/// Where the instance lives (the page, or an embed) and what its URL or attribute asked for.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub host: HostRef,
}

pub struct App {
    host: HostRef,
    session: SharedSession,
    listeners: SharedListeners,
    callbacks: Callbacks,
    snap: Snapshot,
    /// The previous snapshot's view, to be updated in place into the next one.
    spare_view: Option<Rc<WorldView>>,
    log: LogBook,
    log_rc: Rc<LogBook>,
    width: f64,
    ready: bool,
    clock: Clock,
    main_ref: NodeRef,
    stage_ref: NodeRef,
    _listeners: Vec<EventListener>,
    /// `?embed` in an iframe: reports the height to the parent page.
    frame_height: Option<super::frame_height::FrameHeight>,
    /// An embed: tells the session when it comes into view and leaves it (it plays only in view).
    in_view: Option<super::in_view::InView>,
    /// The drawn scale (the automatic size, or the reader's zoom).
    zoom: f64,
    /// The automatic size for the stage's area now ([`zoom::auto_fit`]); `zoom` follows it while `auto`.
    fit: f64,
    auto: bool,
    /// The stage area's size, px.
    area: (f64, f64),
    /// The scene's shape when the automatic size was last computed (a member joining makes it taller).
    shape: [usize; 5],
    /// Hears the stage area change size.
    stage_watch: Option<super::resize::Watch>,
    /// The bar's less used buttons are shown on a phone.
    more: bool,
    /// The lesson step, and how many entities it lit, that the stage last scrolled to.
    spot: Option<(crate::lessons::Place, u32)>,
    menu: Option<MenuAt>,
    /// The band of the stage drawn (with a margin), for worlds too big to draw whole.
    band: Band,
    /// Commands applied up to the displayed time, for the code panel (rebuilt only when it changes).
    code_log: Rc<Vec<LoggedCommand>>,
    code_key: (usize, u64),
}

fn window_size() -> (f64, f64) {
    let w = web_sys::window();
    let get = |v: Option<wasm_bindgen::JsValue>| v.and_then(|v| v.as_f64());
    (
        get(w.as_ref().and_then(|w| w.inner_width().ok())).unwrap_or(1024.0),
        get(w.as_ref().and_then(|w| w.inner_height().ok())).unwrap_or(900.0),
    )
}

/// What makes the automatic size change: how many of each kind of box the scene has.
fn shape(v: &WorldView) -> [usize; 5] {
    [
        v.brokers.len(),
        v.producers.len(),
        v.topics.iter().map(|t| t.partitions.len()).sum(),
        v.consumers.len(),
        v.groups.len(),
    ]
}

impl App {
    /// Takes the snapshot the components draw from, and the log and code panel's inputs if they changed.
    fn refresh(&mut self) {
        let session = self.session.borrow();
        let engine = &session.engine;
        let (width, band) = (self.width, self.band);
        let selected = match &session.selection {
            Some(Selection::Partition(tp) | Selection::Record(tp, _)) => Some(tp.as_str()),
            _ => None,
        };
        // The view before the one drawn now: the components have let go of it since.
        let spare = self.spare_view.take();
        let snap = Snapshot::take(engine, spare, |v| {
            window::shown_partitions(v, width, band, selected)
        });
        self.spare_view = Some(std::mem::replace(&mut self.snap, snap).view);
        drop(session);
        self.refit(false);
        let session = self.session.borrow();
        let engine = &session.engine;
        if self.log.update(engine) {
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

    /// Carries out what the session asked of the browser.
    fn perform(&self, ctx: &Context<Self>, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::WriteUrl { fragment, push } => self.host.write_url(&fragment, push),
                Effect::RememberLink(link) => panic_panel::remember(&self.host.root, &link),
                Effect::Copy(text) => transfer::copy(
                    text,
                    ctx.link().callback(|ok| Msg::Do(session::Msg::Copied(ok))),
                ),
                Effect::Download { name, text } => {
                    if transfer::download(&name, &text).is_err() {
                        ctx.link()
                            .send_message(Msg::Do(session::Msg::DownloadFailed));
                    }
                }
                Effect::Open(link) => transfer::open(&link),
                Effect::Lang(lang) => {
                    if self.host.page {
                        i18n::persist(lang);
                    } else {
                        let _ = self.host.root.set_attribute("lang", lang.html_lang());
                    }
                }
            }
        }
    }

    /// After any change: tell `on()` listeners, redraw, run or stop the clock.
    fn after_change(&mut self, ctx: &Context<Self>) {
        api::fire_events(&self.session, &self.listeners);
        self.refresh();
        if self.session.borrow().engine.playing {
            self.clock.request(ctx.link().callback(Msg::Frame));
        } else {
            self.clock.stop();
        }
    }

    /// Recomputes the automatic size when the area was measured and the scene changed shape (or `force`).
    fn refit(&mut self, force: bool) {
        let v = &self.snap.view;
        let shape = shape(v);
        let (w, h) = self.area;
        if w <= 0.0 || (!force && shape == self.shape) {
            return;
        }
        self.shape = shape;
        let (width, fit) = zoom::auto_fit(v, w, h);
        self.fit = fit;
        if self.auto {
            self.width = width;
            self.zoom = fit;
        } else {
            self.width = self.width.min(w);
        }
    }

    /// A lesson step's lit entities come into the stage's view when the step, or what it lights, changes.
    fn follow_marks(&mut self) {
        let place = {
            let s = self.session.borrow();
            s.place.filter(|_| !s.custom)
        };
        let (Some(place), Some(wrap)) = (place, self.stage_ref.cast::<web_sys::Element>()) else {
            self.spot = None;
            return;
        };
        let key = (place, super::spotlight::lit(&wrap));
        if self.spot != Some(key) && key.1 > 0 {
            self.spot = Some(key);
            super::spotlight::bring_into_view(&wrap);
        }
    }

    /// The band of the stage in view now.
    fn band_now(&self) -> Option<Band> {
        let wrap = self.stage_ref.cast::<web_sys::Element>()?;
        let r = wrap.get_bounding_client_rect();
        Some(Band::visible(
            r.top(),
            wrap.scroll_top() as f64,
            wrap.client_height() as f64,
            window_size().1,
            self.zoom,
        ))
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let host = ctx.props().host.clone();
        if host.page && host.embed {
            // In an iframe: as tall as the content, not the window (the parent sizes the frame to it).
            let _ = host.root.class_list().add_1("grouplab--frame");
        }
        let params = host.params.clone();
        // The page keeps the saved language unless the URL names one; an embed takes only its attribute.
        let lang = if host.page {
            i18n::initial(params.lang)
        } else {
            params.lang.unwrap_or_default()
        };
        let (mut session, effects) = Session::open(Opened {
            page: host.page,
            embed: host.embed,
            app_url: host.app_url.clone(),
            params,
            lang,
        });
        panic_panel::register(
            &host.root,
            &session.whole_link(),
            &if host.page {
                host.app_url.clone()
            } else {
                web_sys::window()
                    .and_then(|w| w.location().href().ok())
                    .unwrap_or_default()
            },
        );
        // A newcomer to the page on a wide screen finds the legend open beside the stage, once (on a phone the
        // drawer would cover the stage: its tab is there instead).
        if host.page
            && !host.embed
            && !session.compact()
            && window_size().0 >= 900.0
            && super::legend::newcomer()
        {
            session.drawer = Some(session::Drawer::Legend);
            super::legend::seen();
        }
        let session = Rc::new(RefCell::new(session));
        let listeners = api::install(
            session.clone(),
            ctx.link().callback(Msg::Changed),
            &host.api_element(),
            host.page,
        );
        let mut dom_listeners = Vec::new();
        let shortcuts = ctx
            .link()
            .callback(|s: keyboard::Shortcut| Msg::Do(s.msg()));
        if let Some(l) = keyboard::listen(&host, shortcuts) {
            dom_listeners.push(l);
        }
        if let Some(w) = web_sys::window() {
            let cb = ctx.link().callback(|()| Msg::Resize);
            dom_listeners.push(EventListener::new(&w, "resize", move |_| cb.emit(())));
            let cb = ctx.link().callback(|()| Msg::Viewport);
            dom_listeners.push(EventListener::new(&w, "scroll", move |_| cb.emit(())));
            if host.page {
                let cb = ctx.link().callback(|()| Msg::Navigate);
                dom_listeners.push(EventListener::new(&w, "popstate", move |_| cb.emit(())));
            }
        }
        let (snap, log) = {
            let s = session.borrow();
            let mut log = LogBook::default();
            log.update(&s.engine);
            (Snapshot::take(&s.engine, None, |_| Vec::new()), log)
        };
        let stage_ref = NodeRef::default();
        let (window_w, window_h) = window_size();
        let mut app = App {
            host,
            session,
            listeners,
            callbacks: Callbacks::new(&ctx.link().callback(|m| m), &Pan::new(stage_ref.clone())),
            snap,
            spare_view: None,
            log_rc: Rc::new(log.clone()),
            log,
            width: (window_w - 32.0).max(320.0),
            ready: false,
            clock: Clock::default(),
            main_ref: NodeRef::default(),
            stage_ref,
            _listeners: dom_listeners,
            frame_height: None,
            in_view: None,
            zoom: 1.0,
            fit: 1.0,
            auto: true,
            area: (0.0, 0.0),
            shape: [0; 5],
            stage_watch: None,
            more: false,
            spot: None,
            menu: None,
            band: Band {
                top: -window_h,
                bottom: 2.0 * window_h,
            },
            code_log: Rc::default(),
            code_key: (usize::MAX, 0),
        };
        if let Some(a) = app.host.adopt {
            // The page's first frame drew this scene at this width and scale: keep them, so the take-over moves
            // nothing. The automatic size takes over again when the area or the scene's shape changes.
            (app.width, app.zoom, app.fit, app.area) = (a.width, a.zoom, a.zoom, a.area);
            app.shape = shape(&app.snap.view);
        }
        app.perform(ctx, effects);
        app.refresh();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        match msg {
            Msg::Frame(ts) => {
                let dt = self.clock.fired(ts);
                let changed = self.session.borrow_mut().tick(dt);
                if !changed && !self.session.borrow().engine.playing {
                    self.clock.stop();
                    return false;
                }
            }
            Msg::Do(m) => {
                let (effects, _) = self.session.borrow_mut().update(m);
                self.perform(ctx, effects);
            }
            Msg::Changed(effects) => self.perform(ctx, effects),
            Msg::Navigate => {
                let (effects, _) = self
                    .session
                    .borrow_mut()
                    .update(session::Msg::Navigate(host::page_params()));
                self.perform(ctx, effects);
            }
            Msg::Menu(at) => {
                if let Some(at) = &at {
                    self.session.borrow_mut().selection = Some(at.target.clone());
                }
                self.menu = at;
                self.refresh();
                return true;
            }
            Msg::Viewport => {
                let Some(now) = self.band_now() else {
                    return false;
                };
                if !self.band.outgrown_by(&now, window_size().1) {
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
                // The zoom level button asks for 1: back to the automatic size.
                self.auto = z == 1.0;
                self.zoom = if self.auto { self.fit } else { zoom::clamp(z) };
                if self.auto {
                    self.refit(true);
                }
                ctx.link().send_message(Msg::Viewport);
                return true;
            }
            Msg::ZoomFit => {
                let layout = Layout::compute(&self.snap.view, self.width);
                let (w, h) = self.area;
                self.auto = false;
                self.zoom = zoom::clamp((w / layout.width).min(h / layout.height).min(self.fit));
                ctx.link().send_message(Msg::Viewport);
                return true;
            }
            Msg::More => {
                self.more = !self.more;
                return true;
            }
            Msg::Resize => {
                let area = self
                    .stage_ref
                    .cast::<web_sys::Element>()
                    .map(|e| (e.client_width() as f64, e.client_height() as f64))
                    .filter(|(w, _)| *w > 0.0)
                    .unwrap_or_else(window_size);
                if (area.0 - self.area.0).abs() < 1.0 && (area.1 - self.area.1).abs() < 1.0 {
                    return false;
                }
                self.area = area;
                self.refit(true);
                ctx.link().send_message(Msg::Viewport);
                return true;
            }
        }
        self.after_change(ctx);
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        self.follow_marks();
        if !first_render {
            return;
        }
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
        if self.session.borrow().gated() {
            self.in_view =
                super::in_view::InView::start(&self.host.root, self.callbacks.in_view.clone());
            if self.in_view.is_none() {
                // A browser without IntersectionObserver: play as if seen rather than never.
                self.callbacks.in_view.emit(true);
            }
        }
        ctx.link().send_message(Msg::Resize);
        ctx.link().send_message(Msg::Viewport);
        if let Some(wrap) = self.stage_ref.cast::<web_sys::Element>() {
            let cb = ctx.link().callback(|()| Msg::Viewport);
            self._listeners
                .push(EventListener::new(&wrap, "scroll", move |_| cb.emit(())));
            self.stage_watch =
                super::resize::Watch::start(&wrap, ctx.link().callback(|()| Msg::Resize));
        }

        if self.session.borrow().engine.playing {
            self.clock.request(ctx.link().callback(Msg::Frame));
        }
    }

    fn view(&self, _ctx: &Context<Self>) -> Html {
        let session = self.session.borrow();
        let stage = html! {
            <Stage snap={self.snap.clone()} width={self.width} zoom={self.zoom} band={self.band}
                selection={session.selection.clone()} marks={Rc::new(session.marks())}
                on_select={self.callbacks.select.clone()} />
        };
        view::page(&view::Parts {
            session: &session,
            snap: &self.snap,
            callbacks: &self.callbacks,
            page: self.host.page,
            embed: self.host.embed,
            index: self.host.index,
            ready: self.ready,
            zoom: self.zoom,
            fit: self.fit,
            more: self.more,
            menu: self.menu.as_ref(),
            stage_ref: self.stage_ref.clone(),
            main_ref: self.main_ref.clone(),
            code_log: self.code_log.clone(),
            log: self.log_rc.clone(),
            stage,
            status: Html::default(),
        })
    }
}
