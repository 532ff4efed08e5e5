//! A panic must never leave a blank page or lose the user's work. The hook logs it to the console and, in
//! every instance on the page, reveals an error panel with the message, the instance's latest scenario link
//! (kept here as the user works, so nothing has to be computed while panicking), a "Copy scenario link"
//! button (handled by web/boot.js, which still runs when the wasm has stopped), "Open my scenario again" and
//! "Start again".
//!
//! The page's panel ships in index.html (`#grouplab-panic`, also used when the wasm fails to load); an embed's
//! panel is made next to its app, inside its shadow root. Its words (`data-t` keys) live in web/boot.js, as they
//! must work when the wasm never starts: the panel takes the instance's language (its root's `lang`, or the
//! page's), and boot.js's `grouplabPanicWords(panel)` says them.

use std::cell::RefCell;
use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;
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
        // Its words stay as web/boot.js set them.
        if let Some(panel) = document.get_element_by_id(PANEL_ID) {
            fill(&panel, &message, None);
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
        fill(&panel, message, Some(inst));
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

/// Static markup only (never user data: the message and links are set as text and attributes below), the
/// page's panel without its English words (`data-t`: web/boot.js says them).
const PANEL_MARKUP: &str = r#"<h2 class="panic-panel__title" data-t="panic.title"></h2>
<p data-t="panic.text"></p>
<pre class="panic-panel__message" data-panic-message></pre>
<div class="panic-panel__link" data-panic-link hidden>
<label><span data-t="panic.link"></span> <input readonly data-panic-link-field></label>
<button type="button" class="btn" data-panic-copy data-t="panic.copy"></button>
<a class="btn" data-panic-reopen data-t="panic.reopen"></a>
<a class="btn" data-panic-restart data-t="panic.restart"></a>
</div>"#;

/// Shows the panel with `message`, and with the instance's words, link and restart address when there is one.
fn fill(panel: &Element, message: &str, inst: Option<&Instance>) {
    let find = |sel: &str| panel.query_selector(sel).ok().flatten();
    if let Some(pre) = find("[data-panic-message]") {
        pre.set_text_content(Some(message));
    }
    if let Some(inst) = inst {
        let lang = inst.root.closest("[lang]").ok().flatten();
        if let Some(lang) = lang.and_then(|e| e.get_attribute("lang")) {
            let _ = panel.set_attribute("lang", &lang);
        }
        let say = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"grouplabPanicWords".into()).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(say) = say {
            let _ = say.call1(&wasm_bindgen::JsValue::NULL, panel);
        }
        if let Some(field) = find("[data-panic-link-field]") {
            let _ = field.set_attribute("value", &inst.link);
        }
        if let Some(a) = find("[data-panic-reopen]") {
            let _ = a.set_attribute("href", &inst.link);
        }
        if let Some(a) = find("[data-panic-restart]") {
            let _ = a.set_attribute("href", &inst.restart);
        }
        if let Some(box_) = find("[data-panic-link]") {
            let _ = box_.remove_attribute("hidden");
        }
    }
    let _ = panel.remove_attribute("hidden");
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX_HTML: &str = include_str!("../../../index.html");
    const BOOT_JS: &str = include_str!("../../../web/boot.js");

    /// The words of `lang` in web/boot.js: `'key': 'text',` lines of its `lang: {` block.
    fn words(lang: &str) -> Vec<(&'static str, &'static str)> {
        let block = BOOT_JS
            .split(&format!("  {lang}: {{\n"))
            .nth(1)
            .unwrap_or_default();
        let block = block.split("\n  },").next().unwrap_or_default();
        block
            .lines()
            .filter_map(|l| l.trim().strip_prefix('\'')?.strip_suffix("',"))
            .filter_map(|l| l.split_once("': '"))
            .collect()
    }

    /// Every word of the panel is in web/boot.js in English and Hinglish, and index.html's English is the same.
    #[test]
    fn boot_js_has_the_words_of_the_panel_in_both_languages() {
        let (en, hi) = (words("en"), words("hi"));
        let keys: Vec<&str> = en.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, hi.iter().map(|(k, _)| *k).collect::<Vec<_>>());
        for (key, text) in hi {
            assert!(!text.trim().is_empty(), "{key}");
        }
        let markup = PANEL_MARKUP.split("data-t=\"").skip(1);
        let used: Vec<&str> = markup.filter_map(|s| s.split('"').next()).collect();
        assert!(used.len() >= 6, "{used:?}");
        for key in used {
            let text = en.iter().find(|(k, _)| *k == key).map(|(_, t)| *t);
            let text = text.unwrap_or_else(|| panic!("boot.js lacks {key}"));
            assert!(
                INDEX_HTML.contains(&format!("data-t=\"{key}\">{text}<")),
                "index.html says {key} as boot.js does: \"{text}\""
            );
        }
    }
}
