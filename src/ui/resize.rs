//! Hears an element change size (a drawer opening beside the stage, the window turning, the caption growing):
//! a `ResizeObserver` kept alive as long as its owner.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

pub struct Watch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Watch {
    /// Calls `on_resize` whenever `el`'s size changes (and once at the start, as observers do).
    pub fn start(el: &web_sys::Element, on_resize: Callback<()>) -> Option<Watch> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| on_resize.emit(()));
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Watch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
