//! Helpers that turn data into markup: a list of facts, a table's header cells, a step that shows a value as
//! code. The rule: a helper only where it turns data into markup; a view's structure (its elements, classes
//! and attributes, buttons and labels) is written in `html!` where it is used, so it reads as it renders.

use yew::prelude::*;

/// A panel's facts: `<dl class="facts">` with a `<dt>` and a `<dd>` per (term, description).
pub fn facts(rows: Vec<(&'static str, Html)>) -> Html {
    html! { <dl class="facts">{ fact_rows(rows) }</dl> }
}

/// The `<dt>`/`<dd>` pairs of [`facts`], for a list that also has a pair of its own.
pub fn fact_rows(rows: Vec<(&'static str, Html)>) -> Html {
    rows.into_iter()
        .map(|(term, desc)| html! { <><dt>{ term }</dt><dd>{ desc }</dd></> })
        .collect()
}

/// A step that shows a value as code: `<li>{label}{sep}<code>{code}</code></li>` (the separator, when there is
/// one, is a text node of its own).
pub fn code_step(label: &'static str, sep: Option<&'static str>, code: String) -> Html {
    html! { <li>{ label }if let Some(sep) = sep { { sep } }<code>{ code }</code></li> }
}

/// A table's header row: `<thead><tr>` with a `<th>` per cell.
pub fn head_row<C: Into<Html>>(cells: impl IntoIterator<Item = C>) -> Html {
    let cells = cells.into_iter().map(|c| -> Html {
        html! { <th>{ c.into() }</th> }
    });
    html! { <thead><tr>{ for cells }</tr></thead> }
}
