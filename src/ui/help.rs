//! The keyboard shortcuts, shown with `?`.

use yew::prelude::*;

use super::modal::Modal;
use crate::i18n::{t, Lang};

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

/// The dialog, drawn by the app's view while open (a plain function: its content is static, and the modal
/// around it is the component that keeps the dialog's state).
pub fn help(lang: Lang, on_close: &Callback<()>) -> Html {
    html! {
        <Modal labelled_by="help-title" on_close={on_close.clone()}>
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
            <button class="btn btn--primary" onclick={on_close.reform(|_| ())} autofocus=true>{ t(lang, "help.close") }</button>
          </section>
        </Modal>
    }
}
