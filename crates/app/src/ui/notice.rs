//! The message line under the controls: every model error in a sentence (never a panic), and short
//! confirmations of what an action did.

use yew::prelude::*;

use crate::i18n::{t, use_lang};

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Option<Notice>,
    pub on_dismiss: Callback<()>,
}

#[function_component(NoticeBar)]
pub fn notice_bar(p: &NoticeProps) -> Html {
    let lang = use_lang();
    // The live region is always present so screen readers announce what appears in it.
    let (class, role, text) = match &p.notice {
        Some(n) if n.error => ("notice notice--error", "alert", n.text.clone()),
        Some(n) => ("notice notice--ok", "status", n.text.clone()),
        None => ("notice notice--empty", "status", String::new()),
    };
    html! {
        <div {class} {role} aria-live="polite" data-notice={p.notice.as_ref().map(|n| if n.error { "error" } else { "ok" }).unwrap_or("")}>
            if !text.is_empty() {
                <span class="notice__text">{ text }</span>
                <button class="btn btn--small" onclick={p.on_dismiss.reform(|_| ())} aria-label={t(lang, "notice.dismiss")}>{ "×" }</button>
            }
        </div>
    }
}
