//! Yew components, one per file.

mod actions;
mod api;
mod app;
mod clock;
mod code_panel;
mod controls;
mod event_log;
mod format;
mod header;
mod help;
// Not wired into app.rs yet (the share/embed work does): remove both allows then.
#[allow(dead_code)]
mod import_group;
mod inspector;
mod keyboard;
mod lesson_panel;
mod notice;
mod palette;
mod selection;
mod snapshot;
mod stage;
mod timeline;

pub use app::App;
pub use header::Header;
#[allow(unused_imports)]
pub use import_group::{ImportGroup, ImportGroupProps};
