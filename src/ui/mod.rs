//! Yew components, one per file.

mod actions;
mod api;
mod app;
mod caption;
mod clock;
mod code_panel;
mod context_menu;
mod controls;
mod drawer;
mod event_log;
// Drawn at build time, natively (src/main.rs); the wasm never carries it.
#[cfg(not(target_arch = "wasm32"))]
pub mod first_frame;
mod format;
mod frame_height;
mod header;
mod help;
mod import_group;
mod in_view;
mod inspector;
mod keyboard;
mod legend;
mod markup;
mod modal;
mod notice;
mod palette;
mod popover;
mod resize;
mod share;
mod snapshot;
mod spotlight;
mod stage;
mod timeline;
mod transfer;
mod zoom;

pub use app::{App, AppProps};
