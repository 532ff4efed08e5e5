//! Zoom and pan for a large stage: −, the zoom level (click: back to 100%), +, and Fit (the whole stage in
//! view). The stage keeps its layout; only its drawn size scales, and the scroll container pans (drag the
//! background, scroll, or Ctrl + wheel to zoom).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, Lang};

pub const MIN_ZOOM: f64 = 0.1;
pub const MAX_ZOOM: f64 = 4.0;
const STEP: f64 = 1.25;

/// The nearest allowed zoom.
pub fn clamp(z: f64) -> f64 {
    if z.is_finite() {
        z.clamp(MIN_ZOOM, MAX_ZOOM)
    } else {
        1.0
    }
}

/// The bar, drawn by the app's view: a plain function, as it holds no state.
pub fn zoom_bar(lang: Lang, z: f64, on_zoom: &Callback<f64>, on_fit: &Callback<()>) -> Html {
    let set = |to: f64| on_zoom.reform(move |_: MouseEvent| clamp(to));
    html! {
        <div class="zoom" role="group" aria-label={t(lang, "zoom.group")}>
            <button type="button" class="btn btn--small" data-action="zoom-out" onclick={set(z / STEP)}
                    disabled={z <= MIN_ZOOM} aria-label={t(lang, "zoom.out")}>{ "−" }</button>
            <button type="button" class="btn btn--small zoom__level" data-action="zoom-reset" data-zoom={super::format::fixed(z, 3)}
                    onclick={set(1.0)} title={t(lang, "zoom.reset")}>{ format!("{}%", super::format::fixed(z * 100.0, 0)) }</button>
            <button type="button" class="btn btn--small" data-action="zoom-in" onclick={set(z * STEP)}
                    disabled={z >= MAX_ZOOM} aria-label={t(lang, "zoom.in")}>{ "+" }</button>
            <button type="button" class="btn btn--small" data-action="zoom-fit" onclick={on_fit.reform(|_| ())}
                    title={t(lang, "zoom.fit_title")}>{ t(lang, "zoom.fit") }</button>
        </div>
    }
}

/// Dragging the stage's background pans its scroll container (`wrap`: Yew delegates events, so the event's
/// currentTarget is not the container).
/// Where a drag started: pointer x and y, and the container's scrollLeft and scrollTop.
type DragStart = (i32, i32, i32, i32);

#[derive(Clone)]
pub struct Pan {
    wrap: NodeRef,
    from: Rc<Cell<Option<DragStart>>>,
}

impl Pan {
    pub fn new(wrap: NodeRef) -> Pan {
        Pan {
            wrap,
            from: Rc::default(),
        }
    }

    pub fn down(&self) -> Callback<PointerEvent> {
        let (from, wrap) = (self.from.clone(), self.wrap.clone());
        Callback::from(move |e: PointerEvent| {
            use wasm_bindgen::JsCast;
            // Only the background: entities stay clickable, and only the primary button.
            let on_entity = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[role=button], button, a, input").ok().flatten())
                .is_some();
            if e.button() != 0 || on_entity {
                return;
            }
            let Some(wrap) = wrap.cast::<web_sys::Element>() else {
                return;
            };
            from.set(Some((
                e.client_x(),
                e.client_y(),
                wrap.scroll_left(),
                wrap.scroll_top(),
            )));
        })
    }

    pub fn moved(&self) -> Callback<PointerEvent> {
        let (from, wrap) = (self.from.clone(), self.wrap.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((x, y, left, top)) = from.get() else {
                return;
            };
            if e.buttons() & 1 == 0 {
                from.set(None);
                return;
            }
            if let Some(wrap) = wrap.cast::<web_sys::Element>() {
                wrap.set_scroll_left(left - (e.client_x() - x));
                wrap.set_scroll_top(top - (e.client_y() - y));
            }
        })
    }

    pub fn up(&self) -> Callback<PointerEvent> {
        let from = self.from.clone();
        Callback::from(move |_| from.set(None))
    }
}

/// Ctrl + wheel (and pinch on a touchpad, which browsers report so) zooms by a factor; a plain wheel scrolls
/// as usual.
pub fn wheel(zoom_by: Callback<f64>) -> Callback<WheelEvent> {
    Callback::from(move |e: WheelEvent| {
        if e.ctrl_key() {
            e.prevent_default();
            zoom_by.emit(if e.delta_y() < 0.0 { 1.1 } else { 1.0 / 1.1 });
        }
    })
}
