//! A panic must never leave a blank page or lose the user's work. The hook logs it to the console and, in
//! every instance on the page, reveals an error panel with the message, the instance's latest scenario link
//! (kept here as the user works, so nothing has to be computed while panicking), a "Copy scenario link"
//! button (handled by web/boot.js, which still runs when the wasm has stopped), "Open my scenario again" and
//! "Start again".
//!
//! The page's panel ships in index.html (`#grouplab-panic`, also used when the wasm fails to load); an embed's
//! panel is made next to its app, inside its shadow root.

use std::cell::RefCell;
use std::panic::PanicHookInfo;

use web_sys::{Document, Element};

/// Id of the page's panel in `index.html`.
const PANEL_ID: &str = "grouplab-panic";

struct Instance {
    root: Element,
    page: bool,
    /// The app's address with the scenario (`<app>#s=…`), or the app's address alone.
    link: String,
    /// Where "Start again" goes.
    restart: String,
}

thread_local! {
    static INSTANCES: RefCell<Vec<Instance>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook through Yew, so Yew's renderer keeps it instead of its own default.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(on_panic));
}

/// Registers an instance (its app root) with its first link.
pub fn register(root: &Element, page: bool, link: String, restart: String) {
    INSTANCES.with(|i| {
        if let Ok(mut list) = i.try_borrow_mut() {
            list.push(Instance {
                root: root.clone(),
                page,
                link,
                restart,
            });
        }
    });
}

/// Keeps the newest scenario link of the instance rendered in `root`.
pub fn remember(root: &Element, link: String) {
    INSTANCES.with(|i| {
        if let Ok(mut list) = i.try_borrow_mut() {
            if let Some(inst) = list.iter_mut().find(|inst| inst.root == *root) {
                inst.link = link;
            }
        }
    });
}

fn on_panic(info: &PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&format!("GroupLab panicked: {message}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let shown = INSTANCES.with(|i| {
        let Ok(list) = i.try_borrow() else { return 0 };
        for inst in list.iter() {
            show(&document, inst, &message);
        }
        list.len()
    });
    if shown == 0 {
        // Panicked before any instance started (e.g. `?debug-panic`): the page's panel, without a link.
        if let Some(panel) = document.get_element_by_id(PANEL_ID) {
            fill(&panel, &message, None, None);
        }
    }
}

fn show(document: &Document, inst: &Instance, message: &str) {
    let _ = inst.root.set_attribute("aria-hidden", "true");
    let _ = inst.root.set_attribute("inert", "");
    let panel = if inst.page {
        document.get_element_by_id(PANEL_ID)
    } else {
        make_panel(document, &inst.root)
    };
    if let Some(panel) = panel {
        fill(&panel, message, Some(&inst.link), Some(&inst.restart));
    }
}

/// An embed's panel: a copy of the page's markup, after its app root.
fn make_panel(document: &Document, root: &Element) -> Option<Element> {
    let panel = document.create_element("section").ok()?;
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    panel.set_inner_html(PANEL_MARKUP);
    root.after_with_node_1(&panel).ok()?;
    Some(panel)
}

/// Static markup only (never user data: the message and links are set as text and attributes below).
const PANEL_MARKUP: &str = r#"<h2 class="panic-panel__title">GroupLab stopped with an error</h2>
<p>Your scenario is safe: copy its link, or open it again. If it happens again, please report the message below.</p>
<pre class="panic-panel__message" data-panic-message></pre>
<div class="panic-panel__link" data-panic-link hidden>
<label>Scenario link <input readonly data-panic-link-field></label>
<button type="button" class="btn" data-panic-copy>Copy scenario link</button>
<a class="btn" data-panic-reopen>Open my scenario again</a>
<a class="btn" data-panic-restart>Start again</a>
</div>"#;

fn fill(panel: &Element, message: &str, link: Option<&str>, restart: Option<&str>) {
    let find = |sel: &str| panel.query_selector(sel).ok().flatten();
    if let Some(pre) = find("[data-panic-message]") {
        pre.set_text_content(Some(message));
    }
    if let (Some(link), Some(restart)) = (link, restart) {
        if let Some(field) = find("[data-panic-link-field]") {
            let _ = field.set_attribute("value", link);
        }
        if let Some(a) = find("[data-panic-reopen]") {
            let _ = a.set_attribute("href", link);
        }
        if let Some(a) = find("[data-panic-restart]") {
            let _ = a.set_attribute("href", restart);
        }
        if let Some(box_) = find("[data-panic-link]") {
            let _ = box_.remove_attribute("hidden");
        }
    }
    let _ = panel.remove_attribute("hidden");
}
