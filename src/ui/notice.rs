//! The message line under the controls: every model error in a sentence (never a panic), and short
//! confirmations of what an action did.

use yew::prelude::*;

use crate::i18n::{t, tf, Lang};
use crate::session::Notice;

/// The bar, drawn by the app's view: a plain function, as it holds no state (components only where they do).
pub fn notice_bar(
    lang: Lang,
    notice: Option<&Notice>,
    on_dismiss: &Callback<()>,
    on_jump: &Callback<u64>,
) -> Html {
    // The live region is always present so screen readers announce what appears in it.
    let (class, role, text) = match notice {
        Some(n) if n.error => ("notice notice--error", "alert", n.text.get(lang)),
        Some(n) => ("notice notice--ok", "status", n.text.get(lang)),
        None => ("notice notice--empty", "status", ""),
    };
    html! {
        <div {class} {role} aria-live="polite" data-notice={notice.map(|n| if n.error { "error" } else { "ok" }).unwrap_or("")}>
            if !text.is_empty() {
                <span class="notice__text">{ text.to_owned() }</span>
                if let Some(at) = notice.and_then(|n| n.jump_ms) {
                    <button class="btn btn--small" data-action="notice-jump" onclick={on_jump.reform(move |_| at)}>
                        { tf(lang, "notice.jump", &[("at", &at.div_ceil(1000))]) }
                    </button>
                }
                <button class="btn btn--small" onclick={on_dismiss.reform(|_| ())} aria-label={t(lang, "notice.dismiss")}>{ "×" }</button>
            }
        </div>
    }
}
