//! A panic must never leave a blank page: the hook logs it to the console and reveals the error panel
//! that `index.html` ships (`#grouplab-panic`, hidden until then), with the panic message in it.

use std::panic::PanicHookInfo;

/// Id of the panel in `index.html`; its `<pre>` child receives the message.
const PANEL_ID: &str = "grouplab-panic";
const MESSAGE_ID: &str = "grouplab-panic-message";

/// Installs the hook through Yew, so Yew's renderer keeps it instead of its own default.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&format!("GroupLab panicked: {message}").into());
    show(&message);
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(pre) = document.get_element_by_id(MESSAGE_ID) {
        pre.set_text_content(Some(message));
    }
    if let Some(panel) = document.get_element_by_id(PANEL_ID) {
        let _ = panel.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("aria-hidden", "true");
    }
}

/// Lets the end-to-end tests prove the panel works: `?debug-panic` in the URL panics at start-up.
pub fn panic_if_requested() {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "debug-panic")
    {
        panic!("debug-panic requested in the URL");
    }
}
