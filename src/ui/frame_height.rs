//! `?embed` in an iframe: tells the parent page the app's height whenever it changes, so the iframe can size
//! itself without scrollbars: `{ type: "grouplab:height", height }` through `postMessage`.

use std::cell::Cell;

use yew::Callback;

use super::resize::Watch;

/// Keeps the size watch alive as long as the app.
pub struct FrameHeight {
    _watch: Watch,
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
        let last = Cell::new(-1.0);
        let report = Callback::from(move |()| {
            let height = target.get_bounding_client_rect().height().ceil();
            if height != last.get() {
                last.set(height);
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"grouplab:height".into());
                let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                let _ = parent.post_message(&message, "*");
            }
        });
        Some(FrameHeight {
            _watch: Watch::start(root, report)?,
        })
    }
}
