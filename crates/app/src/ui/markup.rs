//! Small builders of markup that repeats across components, written once. Each `html!` element is expanded in
//! place by the macro (its attributes, children and conversions), so markup built from data by one function is
//! kilobytes smaller in the wasm than the same markup written out in every view (issue 6, bundle size).

use yew::prelude::*;
use yew::virtual_dom::VText;

/// A text node, without the copy `{ string }` makes (a `&'static str` is not copied at all).
pub fn text(s: impl Into<AttrValue>) -> Html {
    VText::new(s).into()
}

/// A panel's facts: `<dl class="facts">` with a `<dt>` and a `<dd>` per (term, description).
#[inline(never)]
pub fn facts(rows: Vec<(&'static str, Html)>) -> Html {
    let mut items = Vec::with_capacity(rows.len() * 2);
    for (term, desc) in rows {
        items.push(html! { <dt>{ term }</dt> });
        items.push(html! { <dd>{ desc }</dd> });
    }
    html! { <dl class="facts">{ items }</dl> }
}
