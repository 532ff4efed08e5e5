//! Touch to explain: the entity touched on the stage (a record, partition, member, group, broker, producer or
//! topic) explained in a popover at it, with what can be done to it there (crash or close a member, commit now,
//! produce to a partition, stop a broker…), and a way to the whole details in the drawer. It sits under or over
//! the entity (beside it if neither has room), inside the window, placed through the CSSOM (the strict CSP
//! forbids style attributes); Escape or × closes it.

use grouplab_model::command::Command;
use yew::prelude::*;

use super::context_menu::items;
use super::snapshot::Snapshot;
use crate::i18n::{t, Lang};
use crate::session::Selection;

#[derive(Properties, PartialEq)]
pub struct PopoverProps {
    pub lang: Lang,
    pub target: Selection,
    /// The world the actions are for.
    pub snap: Snapshot,
    /// The explanation (the inspector's panel for the target).
    pub body: Html,
    pub on_command: Callback<Command>,
    pub on_close: Callback<()>,
    /// Show the whole details in the drawer instead.
    pub on_details: Callback<()>,
}

/// Gap between the entity and the popover, px.
const GAP: f64 = 8.0;
/// Closest the popover comes to the window's edges, px.
const EDGE: f64 = 6.0;

#[function_component(Popover)]
pub fn popover(p: &PopoverProps) -> Html {
    let node = use_node_ref();
    {
        // After every render: the entity moves with the clock, the zoom and the layout.
        let node = node.clone();
        use_effect(move || {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                place(&el);
            }
        });
    }
    {
        // A dialog: focus comes into it when it opens for an entity (so the keyboard reaches its actions next),
        // and goes back to the entity that had it when it closes.
        let node = node.clone();
        use_effect_with(p.target.clone(), move |_| {
            let before = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                // A stage entity is an SVG element: focus() is the same method on it.
                .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>);
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            move || {
                if let Some(b) = before.filter(|b| b.is_connected()) {
                    let _ = b.focus();
                }
            }
        });
    }
    let l = p.lang;
    // A member's, a broker's and a topic's explanations carry their own buttons (crash, stop, add a partition…);
    // the others get the context menu's actions here.
    let actions = match p.target {
        Selection::Consumer(_) | Selection::Broker(_) | Selection::Topic(_) => Vec::new(),
        _ => items(&p.target, &p.snap.view),
    };
    html! {
        <div class="popover" role="dialog" ref={node} tabindex="-1" aria-labelledby="inspector-title"
             data-popover={p.target.label()}>
            { p.body.clone() }
            <div class="popover__actions" role="group" aria-label={t(l, "popover.actions")}>
                { for actions.into_iter().map(|(key, cmd)| {
                    let on = p.on_command.clone();
                    html! {
                        <button type="button" class="btn btn--small" data-popover-action={key}
                                onclick={Callback::from(move |_| on.emit(cmd.clone()))}>{ t(l, key) }</button>
                    }
                }) }
                <span class="controls__spacer" />
                <button type="button" class="link" data-action="popover-details"
                        onclick={p.on_details.reform(|_| ())}>{ t(l, "popover.details") }</button>
            </div>
            <button type="button" class="btn btn--small popover__close" data-action="popover-close"
                    onclick={p.on_close.reform(|_| ())} aria-label={t(l, "popover.close")}>{ "×" }</button>
        </div>
    }
}

/// Under the selected entity if it fits in the window, else over it, else beside it; if nothing has room (a
/// phone), under or over it, whichever has more, made as tall as that room. Never outside the window.
fn place(el: &web_sys::HtmlElement) {
    let Some(win) = web_sys::window() else {
        return;
    };
    let n = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
    let (vw, vh) = (n(win.inner_width()), n(win.inner_height()));
    // The entity: the stage marks it `is-selected` (a record's cell inside its row, so the deepest one wins).
    let anchor = el
        .closest(".stage-area")
        .ok()
        .flatten()
        .and_then(|area| area.query_selector_all(".stage-svg .is-selected").ok())
        .and_then(|all| all.item(all.length().checked_sub(1)?))
        .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok());
    let style = el.style();
    let _ = style.remove_property("max-height");
    let (w, h) = (el.offset_width() as f64, el.offset_height() as f64);
    let px = |v: f64| format!("{}px", v.round() as i64);
    let (left, top) = match anchor.map(|a| a.get_bounding_client_rect()) {
        Some(r) => {
            let centred = r.left() + r.width() / 2.0 - w / 2.0;
            let middle = r.top() + r.height() / 2.0 - h / 2.0;
            let below = vh - EDGE - (r.bottom() + GAP);
            let above = r.top() - GAP - EDGE;
            if h <= below {
                (centred, r.bottom() + GAP)
            } else if h <= above {
                (centred, r.top() - GAP - h)
            } else if r.right() + GAP + w <= vw - EDGE {
                (r.right() + GAP, middle)
            } else if r.left() - GAP - w >= EDGE {
                (r.left() - GAP - w, middle)
            } else if below >= above {
                let _ = style.set_property("max-height", &px(below.max(120.0)));
                (centred, r.bottom() + GAP)
            } else {
                let room = above.max(120.0);
                let _ = style.set_property("max-height", &px(room));
                (centred, r.top() - GAP - room)
            }
        }
        // The entity is out of the drawing (a record scrolled off its row): the stage's top corner.
        None => (EDGE, EDGE),
    };
    let (w, h) = (el.offset_width() as f64, el.offset_height() as f64);
    let clamp = |v: f64, size: f64, room: f64| v.min(room - size - EDGE).max(EDGE);
    let _ = style.set_property("left", &px(clamp(left, w, vw)));
    let _ = style.set_property("top", &px(clamp(top, h, vh)));
}
