//! Zoom and pan. By default the stage is drawn as large as its area allows ([`auto_fit`]: the scene fills the
//! screen, its text grows with it, and a big world scrolls instead of shrinking); −, + and Fit (the whole stage
//! in view, smaller if need be) take over from there, and the zoom level button returns to the automatic size.
//! The stage keeps its layout while zoomed; only its drawn size scales, and the scroll container pans (drag the
//! background, scroll, or Ctrl + wheel to zoom).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::view::WorldView;

use super::stage::layout::{Layout, NARROW_BELOW};
use crate::i18n::{t, Lang};

pub const MIN_ZOOM: f64 = 0.1;
pub const MAX_ZOOM: f64 = 4.0;
const STEP: f64 = 1.25;

/// The most the automatic size enlarges the drawing: enough for a small scene to fill a laptop's screen with
/// text of 13–15 px, not so much that the layout narrows to a few records per row.
pub const MAX_AUTO: f64 = 1.4;

/// The least automatic size of a wide stage: its smallest text (11 layout px) is drawn at 12 px on a desktop.
pub const MIN_WIDE: f64 = 12.0 / 11.0;

/// The automatic size for a stage area of `w` × `h` px: (the layout's width, the drawn scale). The scale grows the
/// drawing until the scene's height fills the area, at most [`MAX_AUTO`], and never so far that a wide screen's
/// layout turns into the phone's; it never shrinks it below 1, nor a wide stage below [`MIN_WIDE`] (text keeps its
/// size; a big world scrolls).
pub fn auto_fit(view: &WorldView, w: f64, h: f64) -> (f64, f64) {
    let most = if w >= NARROW_BELOW {
        (w / NARROW_BELOW).min(MAX_AUTO)
    } else {
        1.0
    };
    let least = MIN_WIDE.min(most);
    let mut s: f64 = least;
    // The layout's height changes a little with its width (rows keep their height, record cells their size):
    // a few rounds settle it.
    for _ in 0..3 {
        let l = Layout::compute(view, w / s);
        let next = (h / l.height).clamp(least, most);
        if (next - s).abs() < 0.01 {
            break;
        }
        s = next;
    }
    // Whole layout pixels, so the drawn width never exceeds the area by a rounding.
    ((w / s).floor(), s)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use grouplab_model::scenario::Scenario;

    /// The default scene fills a laptop's stage area (text grows with it), a phone's stage keeps scale 1, and a
    /// scene taller than its area is never shrunk.
    #[test]
    fn the_automatic_size_fills_the_area() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(10_000);
        let v = t.sim().view(40);
        let (lw, s) = auto_fit(&v, 1280.0, 600.0);
        assert!(s >= 1.2, "{s}");
        let l = Layout::compute(&v, lw);
        assert!(!l.narrow);
        assert!(l.height * s <= 600.0 + 1.0, "{} * {s}", l.height);
        assert!(lw * s <= 1280.0 + 0.5);
        assert_eq!(auto_fit(&v, 360.0, 560.0), (360.0, 1.0));
        // A wide stage too short for the scene keeps its smallest text at 12 px; a stage barely wider than the
        // phone's layout cannot, and stays at 1 rather than turn into it.
        assert_eq!(auto_fit(&v, 1280.0, 100.0).1, MIN_WIDE);
        assert_eq!(auto_fit(&v, NARROW_BELOW, 100.0).1, 1.0);
    }
}
