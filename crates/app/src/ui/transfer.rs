//! Moving a scenario in and out of the page: the clipboard, a downloaded JSON file, a new tab, and reading an
//! imported file into a scenario with errors that say where the file is wrong.

use wasm_bindgen::JsCast;
use yew::Callback;

use grouplab_model::scenario::Scenario;

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

/// Offers `text` as a downloaded file called `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("no document")?;
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

/// Reads an imported scenario file. Errors name the file and where it is wrong: the line and column of bad
/// JSON, or the command (number, type and time) the model refused.
pub fn parse(
    name: &str,
    text: &str,
) -> Result<(Scenario, grouplab_model::timeline::Timeline), String> {
    // from_slice, as everywhere: one copy of the JSON reader in the wasm (issue 6, bundle size).
    let scenario: Scenario = serde_json::from_slice(text.as_bytes())
        .map_err(|e| format!("{name} is not a GroupLab scenario: {e}."))?;
    let timeline = scenario.build().map_err(|e| match e.index {
        Some(i) => {
            let what = scenario.commands.get(i).map_or(String::new(), |c| {
                let kind = serde_json::to_value(&c.command)
                    .ok()
                    .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_string))
                    .unwrap_or_default();
                format!(" ({kind} at {} ms)", c.at_ms)
            });
            format!("{name}: command #{}{what}: {}.", i + 1, e.message)
        }
        None => format!("{name}: {}.", e.message),
    })?;
    Ok((scenario, timeline))
}
