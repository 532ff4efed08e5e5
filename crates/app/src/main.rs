//! GroupLab's web entry point: installs the panic panel, then mounts the Yew [`ui::App`] into `#app`.
//!
//! Yew clears the element it mounts into, so the app gets its own root (`<div id="app">` in
//! `index.html`) and the panic panel (`#grouplab-panic`) stays a sibling that survives a crash.

mod codegen;
mod engine;
mod i18n;
mod lessons;
mod panic_panel;
mod sentences;
mod ui;

fn main() {
    panic_panel::install();
    panic_panel::panic_if_requested();

    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has a <div id=\"app\">");
    yew::Renderer::<ui::App>::with_root(root).render();
}
