//! GroupLab's web entry point: mounts the Yew [`ui::App`] into the page's `#app` (index.html), and exports
//! [`embed`], which web/boot.js calls to mount one independent instance on every `<div data-grouplab="…">` of a
//! course page.
//!
//! Yew clears the element it mounts into, so each instance gets its own root element and the panic panel
//! stays a sibling that survives a crash.

mod codegen;
mod engine;
mod host;
mod i18n;
mod lessons;
mod panic_panel;
mod params;
mod sentences;
mod session;
mod ui;

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use host::{Host, HostRef};
use params::Params;

thread_local! {
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

fn next_index() -> u32 {
    MOUNTED.with(|m| {
        m.set(m.get() + 1);
        m.get()
    })
}

fn mount(host: Host) {
    let root = host.root.clone();
    yew::Renderer::<ui::App>::with_root_and_props(
        root,
        ui::AppProps {
            host: HostRef(Rc::new(host)),
        },
    )
    .render();
}

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return; // A course page: web/boot.js calls `embed` instead.
    };
    let params = host::page_params();
    mount(Host {
        root,
        page: true,
        embed: params.embed,
        app_url: host::page_url(),
        params,
        index: next_index(),
    });
}

/// Mounts an instance on every `[data-grouplab]` element not mounted yet, each in its own shadow root with
/// the app's stylesheet. `base` is the URL of the app's folder (where embed.js, app.css and index.html are).
/// Returns how many were mounted.
#[wasm_bindgen]
pub fn embed(base: &str) -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(list) = document.query_selector_all("[data-grouplab]:not([data-grouplab-mounted])")
    else {
        return 0;
    };
    let mut n = 0;
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if let Some(root) = shadow_root(&document, &el, base) {
            let _ = el.set_attribute("data-grouplab-mounted", "");
            let params = Params::parse(&el.get_attribute("data-grouplab").unwrap_or_default());
            mount(Host {
                root,
                page: false,
                embed: true,
                app_url: format!("{base}index.html"),
                params,
                index: next_index(),
            });
            n += 1;
        }
    }
    n
}

/// `<el>` → open shadow root → `<link rel=stylesheet href=base/app.css>` + `<div class="grouplab">` (returned).
fn shadow_root(
    document: &web_sys::Document,
    el: &web_sys::Element,
    base: &str,
) -> Option<web_sys::Element> {
    let shadow = el
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    let css = document.create_element("link").ok()?;
    let _ = css.set_attribute("rel", "stylesheet");
    let _ = css.set_attribute("href", &format!("{base}app.css"));
    let root = document.create_element("div").ok()?;
    root.set_class_name("grouplab grouplab--embed");
    shadow.append_child(&css).ok()?;
    shadow.append_child(&root).ok()?;
    Some(root)
}
