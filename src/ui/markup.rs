//! Small builders of markup that repeats across components, written once. `html!` expands every element in
//! place (its attributes, children and their conversions: ~170 to 250 bytes of wasm each), so markup built from
//! data by one function is much smaller than the same markup written out in every view (see docs/size.md).

use yew::prelude::*;
use yew::virtual_dom::VText;

/// A text node, without the copy `{ string }` makes (a `&'static str` is not copied at all).
pub fn text(s: impl Into<AttrValue>) -> Html {
    VText::new(s).into()
}

/// A panel's facts: `<dl class="facts">` with a `<dt>` and a `<dd>` per (term, description).
pub fn facts(rows: Vec<(&'static str, Html)>) -> Html {
    html! { <dl class="facts">{ fact_rows(rows) }</dl> }
}

/// The `<dt>`/`<dd>` pairs of [`facts`], for a list that also has a pair of its own.
#[inline(never)]
pub fn fact_rows(rows: Vec<(&'static str, Html)>) -> Html {
    let mut items = Vec::with_capacity(rows.len() * 2);
    for (term, desc) in rows {
        items.push(html! { <dt>{ term }</dt> });
        items.push(html! { <dd>{ desc }</dd> });
    }
    items.into_iter().collect()
}

/// A step that shows a value as code: `<li>{label}{sep}<code>{code}</code></li>` (no text node for an empty
/// `sep`).
#[inline(never)]
pub fn code_step(label: &'static str, sep: &'static str, code: String) -> Html {
    html! { <li>{ label }if !sep.is_empty() { { sep } }<code>{ code }</code></li> }
}

/// A table's header row: `<thead><tr><th>…</th>…</tr></thead>`.
#[inline(never)]
pub fn head_row(cells: Vec<AttrValue>) -> Html {
    html! { <thead><tr>{ for cells.into_iter().map(|c| html! { <th>{ text(c) }</th> }) }</tr></thead> }
}

/// `<tag class>{content}</tag>` (no class attribute for an empty `class`): the plain elements of every panel
/// (headings, paragraphs, cells, list items) built by one function instead of one expansion each.
#[inline(never)]
pub fn el(tag: &'static str, class: &'static str, content: Html) -> Html {
    html! { <@{tag} class={class}>{ content }</@> }
}

/// `<button class data-action title onclick>{label}</button>`, the panels' plain buttons (an empty `action` or
/// `title` leaves its attribute out).
#[inline(never)]
pub fn button(
    class: &'static str,
    action: &'static str,
    title: &'static str,
    label: Html,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button class={class} data-action={attr(action)} title={attr(title)} {onclick}>{ label }</button>
    }
}

/// An optional attribute's value: an empty `&str` leaves the attribute out.
pub fn attr(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}
