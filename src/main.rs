//! GroupLab's web entry point: mounts the Yew [`ui::App`] into the page's `#app` (index.html), and exports
//! [`embed`], which web/boot.js calls to mount one independent instance on every `<div data-grouplab="…">` of a
//! course page.
//!
//! Yew clears the element it mounts into, so each instance gets its own root element and the panic panel
//! stays a sibling that survives a crash.
//!
//! Built natively, the same crate is the build step that draws the page's first frame into `dist/index.html`
//! (`ui::first_frame`, run by `make dist`).

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

#[cfg(target_arch = "wasm32")]
fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return; // A course page: web/boot.js calls `embed` instead.
    };
    let params = host::page_params();
    // The first frame is the default page: kept only when the address asks for nothing else.
    let adopt = (params == Params::default())
        .then(|| host::first_frame(&root))
        .flatten();
    mount(Host {
        root,
        page: true,
        embed: params.embed,
        app_url: host::page_url(),
        params,
        index: next_index(),
        adopt,
    });
}

/// `grouplab <dist/index.html> <dist/app.css>`: writes the first frame into the page and its sizes into the
/// stylesheet, both in place.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [html_path, css_path] = args.as_slice() else {
        eprintln!(
            "usage: grouplab <dist/index.html> <dist/app.css> (draws the first frame into them)"
        );
        return std::process::ExitCode::FAILURE;
    };
    let run = || -> Result<(usize, usize), String> {
        let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
        let write = |p: &str, s: &str| std::fs::write(p, s).map_err(|e| format!("{p}: {e}"));
        let frame = ui::first_frame::html();
        let page = ui::first_frame::insert(&read(html_path)?, &frame)?;
        let css = read(css_path)? + &ui::first_frame::css(&ui::first_frame::session());
        write(html_path, &page)?;
        write(css_path, &css)?;
        Ok((frame.len(), css.len()))
    };
    match run() {
        Ok((frame, _)) => {
            println!("first frame: {frame} bytes into {html_path}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("first frame: {e}");
            std::process::ExitCode::FAILURE
        }
    }
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
                adopt: None,
            });
            n += 1;
        }
    }
    n
}

/// The element's shadow root (web/embed.js made it, with a placeholder holding the embed's size, or it is made
/// now): `<link rel=stylesheet href=base/app.css>` + `<div class="grouplab grouplab--embed">` (returned; Yew
/// empties it when it mounts).
fn shadow_root(
    document: &web_sys::Document,
    el: &web_sys::Element,
    base: &str,
) -> Option<web_sys::Element> {
    if let Some(shadow) = el.shadow_root() {
        let root = shadow
            .query_selector("[data-grouplab-placeholder]")
            .ok()??;
        root.remove_attribute("data-grouplab-placeholder").ok()?;
        return Some(root);
    }
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
