//! Page-wide keyboard shortcuts (see help.rs). Typing in a field, or pressing Space/Enter on a button or a
//! stage entity, keeps its usual meaning.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::Callback;

use crate::host::Host;
use crate::session::{Msg, Request};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    TogglePlay,
    StepForward,
    StepBack,
    Faster,
    Slower,
    AddConsumer,
    Produce,
    SlowMotion,
    Help,
    Escape,
}

impl Shortcut {
    /// What the shortcut asks of the session.
    pub fn msg(self) -> Msg {
        match self {
            Shortcut::TogglePlay => Msg::TogglePlay,
            Shortcut::StepForward => Msg::StepForward,
            Shortcut::StepBack => Msg::StepBack,
            Shortcut::Faster => Msg::Faster,
            Shortcut::Slower => Msg::Slower,
            Shortcut::AddConsumer => Msg::Ask(Request::AddConsumer),
            Shortcut::Produce => Msg::Ask(Request::Produce),
            Shortcut::SlowMotion => Msg::ToggleSlowMotion,
            Shortcut::Help => Msg::ToggleHelp,
            Shortcut::Escape => Msg::Escape,
        }
    }
}

/// Listens on the whole document for the page's own instance; an embed hears only keys pressed while focus
/// is inside it (several on one course page must not all react).
pub fn listen(host: &Host, on: Callback<Shortcut>) -> Option<EventListener> {
    let target: web_sys::EventTarget = if host.page {
        web_sys::window()?.document()?.into()
    } else {
        host.root.clone().into()
    };
    // Not passive: a handled shortcut calls preventDefault (Space must not scroll the page).
    let options = EventListenerOptions::enable_prevent_default();
    let root = host.root.clone();
    Some(EventListener::new_with_options(
        &target,
        "keydown",
        options,
        move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            // A modal dialog has the keyboard (its Escape is the dialog's own): the page behind it is inert.
            if root.query_selector("dialog[open]").ok().flatten().is_some() {
                return;
            }
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let tag = target
                .as_ref()
                .map(|t| t.tag_name().to_ascii_uppercase())
                .unwrap_or_default();
            let typing = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA");
            let key = e.key();
            if typing && key != "Escape" {
                return;
            }
            let on_control = matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY")
                || target
                    .as_ref()
                    .is_some_and(|t| t.get_attribute("role").as_deref() == Some("button"));
            let shortcut = match key.as_str() {
                " " if !on_control => Shortcut::TogglePlay,
                "ArrowRight" => Shortcut::StepForward,
                "ArrowLeft" => Shortcut::StepBack,
                "+" | "=" => Shortcut::Faster,
                "-" | "_" => Shortcut::Slower,
                "a" => Shortcut::AddConsumer,
                "p" => Shortcut::Produce,
                "m" => Shortcut::SlowMotion,
                "?" => Shortcut::Help,
                "Escape" => Shortcut::Escape,
                _ => return,
            };
            e.prevent_default();
            on.emit(shortcut);
        },
    ))
}
