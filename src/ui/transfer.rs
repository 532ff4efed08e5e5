//! The browser's side of sharing: the clipboard, a downloaded file, a new tab. What is written and read is
//! decided by the session (`crate::session::file`).

use wasm_bindgen::JsCast;
use yew::Callback;

/// Writes `text` to the clipboard; `done(true)` once written, `done(false)` if the browser refused.
pub fn copy(text: String, done: Callback<bool>) {
    let Some(w) = web_sys::window() else {
        return done.emit(false);
    };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Offers `text` as a downloaded file called `name` (Err: the browser refused).
pub fn download(name: &str, text: &str) -> Result<(), ()> {
    let fail = |_| ();
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or(())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Opens `url` in a new tab (no opener).
pub fn open(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}
