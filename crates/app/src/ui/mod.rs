//! Yew components, one per file.

mod app;
mod header;

pub use app::App;
pub use header::Header;
