//! `?embed` in an iframe: tells the parent page the app's height whenever it changes, so the iframe can size
//! itself without scrollbars: `{ type: "grouplab:height", height }` through `postMessage`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps the observer (and its callback) alive as long as the app.
pub struct FrameHeight {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl FrameHeight {
    /// Starts reporting `root`'s height to the parent window; None when not inside a frame.
    pub fn start(root: &web_sys::Element) -> Option<FrameHeight> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        if parent == window {
            return None;
        }
        let target = root.clone();
        let mut last = -1.0;
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| {
            let height = target.get_bounding_client_rect().height().ceil();
            if height != last {
                last = height;
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"grouplab:height".into());
                let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                let _ = parent.post_message(&message, "*");
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(root);
        Some(FrameHeight {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for FrameHeight {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
