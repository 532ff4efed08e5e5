//! A modal dialog on the browser's own `<dialog>` opened with `showModal()`: the rest of the page is inert
//! while it is open, so Tab stays inside it, and it sits in the top layer above the stage. Escape and a click
//! on the backdrop ask the owner to close it (`on_close`); the owner removes it, and focus goes back to where
//! it was before the dialog opened.

use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// Id of the element that names the dialog (its heading).
    pub labelled_by: AttrValue,
    pub on_close: Callback<()>,
    /// The dialog's content box (one element: a click outside it is a click on the backdrop).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Modal)]
pub fn modal(p: &ModalProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let opener = focused();
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
            move || {
                if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                    d.close();
                }
                if let Some(el) = opener {
                    let _ = el.focus();
                }
            }
        });
    }
    // Escape: the owner closes it (and the browser must not close it behind the owner's back). Without a user
    // activation since it opened, Chromium closes it without a `cancel` event: then `close` tells the owner.
    let oncancel = p.on_close.reform(|e: Event| e.prevent_default());
    let onclose = p.on_close.reform(|_: Event| ());
    // A click on the dialog element itself (it fills the viewport), not on its content, is on the backdrop.
    let onclick = {
        let (on_close, dialog) = (p.on_close.clone(), dialog.clone());
        Callback::from(move |e: MouseEvent| {
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if target.is_some() && target == dialog.cast::<web_sys::Element>() {
                on_close.emit(());
            }
        })
    };
    html! {
        <dialog class="modal" ref={dialog} aria-labelledby={p.labelled_by.clone()} {oncancel} {onclose} {onclick}>
            { p.children.clone() }
        </dialog>
    }
}

/// The focused element, looking inside shadow roots (an embed's app lives in one, and the document only sees
/// its host).
fn focused() -> Option<HtmlElement> {
    let mut el = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = el.shadow_root().and_then(|r| r.active_element()) {
        el = inner;
    }
    el.dyn_into::<HtmlElement>().ok()
}
