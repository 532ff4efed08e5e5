//! The page's callbacks, made once: a new callback every frame would make every child's props differ, and
//! re-render it.

use web_sys::{KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};
use yew::Callback;

use grouplab_model::command::Command;
use grouplab_model::scenario::Scenario;

use super::Msg;
use crate::i18n::{Lang, Said};
use crate::lessons::Place;
use crate::session::{self, Drawer, Origin, Selection};
use crate::ui::context_menu::{self, MenuAt};
use crate::ui::zoom::{self, Pan};

pub struct Callbacks {
    pub select: Callback<Selection>,
    pub select_opt: Callback<Option<Selection>>,
    pub command: Callback<Command>,
    pub seek: Callback<u64>,
    pub toggle_play: Callback<()>,
    pub step_back: Callback<()>,
    pub step_forward: Callback<()>,
    pub speed: Callback<f64>,
    pub slow_motion: Callback<bool>,
    pub reset: Callback<()>,
    pub help_open: Callback<()>,
    pub help_close: Callback<()>,
    pub dismiss: Callback<()>,
    pub lang: Callback<Lang>,
    pub lesson: Callback<Option<Place>>,
    pub copy: Callback<()>,
    pub export: Callback<()>,
    pub import: Callback<(String, String)>,
    pub import_failed: Callback<Said>,
    pub open: Callback<()>,
    /// "Open in GroupLab ↗": a plain click opens the whole state (the link's own address names only the lesson
    /// step; a middle or modified click follows it as the browser would).
    pub open_link: Callback<MouseEvent>,
    /// The instance came into view or left it.
    pub in_view: Callback<bool>,
    pub zoom: Callback<f64>,
    // The stage's own listeners (pan, wheel zoom, context menu).
    pub pan_down: Callback<PointerEvent>,
    pub pan_move: Callback<PointerEvent>,
    pub pan_up: Callback<PointerEvent>,
    pub wheel: Callback<WheelEvent>,
    pub menu_click: Callback<MouseEvent>,
    pub menu_key: Callback<KeyboardEvent>,
    pub menu: Callback<Option<MenuAt>>,
    pub zoom_fit: Callback<()>,
    pub import_group_open: Callback<()>,
    pub import_group_close: Callback<()>,
    pub import_group_load: Callback<Scenario>,
    pub drawer: Callback<Option<Drawer>>,
    pub toggle_drawer: Callback<Drawer>,
    pub more: Callback<()>,
}

/// A callback that hands the session one message.
fn to_session<I: 'static>(send: &Callback<Msg>, make: fn(I) -> session::Msg) -> Callback<I> {
    send.reform(move |i| Msg::Do(make(i)))
}

impl Callbacks {
    /// Every callback sends its message to `send`: the app's own scope, or nowhere for the build-time first
    /// frame (`Callback::noop`), which no one can press.
    pub fn new(send: &Callback<Msg>, pan: &Pan) -> Self {
        use session::Msg as S;
        let menu = send.reform(Msg::Menu);
        Callbacks {
            pan_down: pan.down(),
            pan_move: pan.moved(),
            pan_up: pan.up(),
            wheel: zoom::wheel(send.reform(Msg::ZoomBy)),
            menu_click: menu_on_click(menu.clone()),
            menu_key: menu_on_key(menu.clone()),
            select: to_session(send, |s| S::Select(Some(s))),
            select_opt: to_session(send, S::Select),
            command: to_session(send, |c| S::Command(Box::new(c), Origin::Ui)),
            seek: to_session(send, S::Seek),
            toggle_play: to_session(send, |()| S::TogglePlay),
            step_back: to_session(send, |()| S::StepBack),
            step_forward: to_session(send, |()| S::StepForward),
            speed: to_session(send, S::Speed),
            slow_motion: to_session(send, S::SlowMotion),
            reset: to_session(send, |()| S::Reset),
            help_open: to_session(send, |()| S::Help(true)),
            help_close: to_session(send, |()| S::Help(false)),
            dismiss: to_session(send, |()| S::Dismiss),
            lang: to_session(send, S::Lang),
            lesson: to_session(send, S::Lesson),
            copy: to_session(send, |()| S::CopyLink),
            export: to_session(send, |()| S::Export),
            import: to_session(send, |(name, text)| S::Import(name, text)),
            import_failed: to_session(send, S::ImportFailed),
            open: to_session(send, |()| S::OpenInApp),
            open_link: open_on_click(send.reform(|()| Msg::Do(S::OpenInApp))),
            in_view: to_session(send, S::InView),
            zoom: send.reform(Msg::Zoom),
            menu,
            zoom_fit: send.reform(|()| Msg::ZoomFit),
            import_group_open: to_session(send, |()| S::ImportGroup(true)),
            import_group_close: to_session(send, |()| S::ImportGroup(false)),
            import_group_load: to_session(send, |s| S::Load(Box::new(s), Origin::Ui)),
            drawer: to_session(send, S::Drawer),
            toggle_drawer: to_session(send, S::ToggleDrawer),
            more: send.reform(|()| Msg::More),
        }
    }
}

/// A plain left click on a link opens the whole state instead of the link's address.
fn open_on_click(open: Callback<()>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
            e.prevent_default();
            open.emit(());
        }
    })
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
