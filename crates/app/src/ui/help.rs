//! The keyboard shortcuts, shown with `?`.

use yew::prelude::*;

use super::modal::Modal;
use crate::i18n::{t, use_lang};

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
}

/// (key, i18n key of what it does)
const SHORTCUTS: [(&str, &str); 10] = [
    ("Space", "help.space"),
    ("→", "help.next"),
    ("←", "help.back"),
    ("+ / -", "help.speed"),
    ("a", "help.add"),
    ("p", "help.produce"),
    ("m", "help.slowmo"),
    ("Tab, Enter", "help.tab"),
    ("Esc", "help.esc"),
    ("?", "help.help"),
];

#[function_component(Help)]
pub fn help(p: &HelpProps) -> Html {
    let lang = use_lang();
    html! {
        <Modal labelled_by="help-title" on_close={p.on_close.clone()}>
          <section class="help">
            <h2 id="help-title">{ t(lang, "help.title") }</h2>
            <dl>
                { for SHORTCUTS.iter().map(|(k, what)| html! {
                    <>
                        <dt><kbd>{ *k }</kbd></dt>
                        <dd>{ t(lang, what) }</dd>
                    </>
                }) }
            </dl>
            <p>{ t(lang, "help.note") }</p>
            <button class="btn btn--primary" onclick={p.on_close.reform(|_| ())} autofocus=true>{ t(lang, "help.close") }</button>
          </section>
        </Modal>
    }
}
