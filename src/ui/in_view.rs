//! Whether an embed is in view: an `IntersectionObserver` on its root, against the top-level viewport (also from
//! inside an `?embed` iframe). In view once at least [`SEEN`] of it shows; out of view once less than [`GONE`]
//! does; in between it stays as it was, so an embed half scrolled past neither starts nor stops.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// The share of the embed that must show for it to play.
pub const SEEN: f64 = 0.4;
/// Below this share it counts as scrolled away.
pub const GONE: f64 = 0.15;

/// Keeps the observer (and its callback) alive as long as the app.
pub struct InView {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl InView {
    /// Calls `on_change(true)` when `el` comes into view and `on_change(false)` when it leaves (and once at the
    /// start, as observers do, unless it starts in between).
    pub fn start(el: &web_sys::Element, on_change: Callback<bool>) -> Option<InView> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The latest entry tells where the element is now.
            let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            else {
                return;
            };
            let ratio = if entry.is_intersecting() {
                entry.intersection_ratio()
            } else {
                0.0
            };
            // Observers report a ratio a hair under the threshold it crossed.
            if ratio >= SEEN - 0.005 {
                on_change.emit(true);
            } else if ratio < GONE {
                on_change.emit(false);
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        let thresholds = js_sys::Array::of3(&0.0.into(), &GONE.into(), &SEEN.into());
        options.set_threshold(&thresholds);
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(el);
        Some(InView {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for InView {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
