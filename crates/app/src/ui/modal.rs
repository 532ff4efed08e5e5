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
    /// Class of the dialog's content box.
    pub class: AttrValue,
    pub on_close: Callback<()>,
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
    // Escape: the owner closes it (and the browser must not close it behind the owner's back).
    let oncancel = p.on_close.reform(|e: Event| e.prevent_default());
    // A click on the dialog element itself, not on its content box, is a click on the backdrop.
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
        <dialog class="modal" ref={dialog} aria-labelledby={p.labelled_by.clone()} {oncancel} {onclick}>
            <section class={p.class.clone()}>
                { p.children.clone() }
            </section>
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
