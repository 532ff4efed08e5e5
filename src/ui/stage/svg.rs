//! The shapes every stage entity draws (boxes, labels, tooltips): each turns layout pixels and a label into
//! its svg element, so the entities' views read as a list of shapes. An empty `&str` (a class, a corner
//! radius, a text anchor) leaves its attribute out.

use yew::prelude::*;

use super::activate::px;

/// `<rect x y width height rx class />` at layout pixels.
pub fn rect(class: &'static str, x: f64, y: f64, w: f64, h: f64, rx: &'static str) -> Html {
    let rx = (!rx.is_empty()).then_some(rx);
    html! { <rect x={px(x)} y={px(y)} width={px(w)} height={px(h)} {rx} class={class} /> }
}

/// `<text x y text-anchor class>{content}</text>` at layout pixels; `content` is a string or markup (a
/// `<tspan>` inside).
pub fn text(
    class: &'static str,
    x: f64,
    y: f64,
    anchor: &'static str,
    content: impl Into<Html>,
) -> Html {
    let anchor = (!anchor.is_empty()).then_some(anchor);
    html! { <text x={px(x)} y={px(y)} text-anchor={anchor} class={class}>{ content.into() }</text> }
}

/// An entity's accessible name and tooltip: `<title>{text}</title>`.
pub fn title(text: String) -> Html {
    html! { <title>{ text }</title> }
}

/// The first of a label's forms, longest first, that fits a box `w` wide with its 10 px margins (small text,
/// 10.5–11 px: about 6 px a character), else the last, shortest one. The tooltip keeps the whole.
pub fn fitting(w: f64, forms: impl IntoIterator<Item = String>) -> String {
    let mut last = String::new();
    for form in forms {
        if form.chars().count() as f64 * 6.0 <= w - 20.0 {
            return form;
        }
        last = form;
    }
    last
}
