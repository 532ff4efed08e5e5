//! The shapes every stage entity draws (boxes, labels, tooltips), each built by one function: `html!` expands
//! every element in place with its coordinates' conversions, so the same `<rect>` written out in five
//! components cost five copies of that code (issue 6, bundle size). An empty `&str` leaves its attribute out.

use yew::prelude::*;

use super::activate::px;
use crate::ui::markup::attr;

/// `<rect x y width height rx class />` at layout pixels.
#[inline(never)]
pub fn rect(class: &'static str, x: f64, y: f64, w: f64, h: f64, rx: &'static str) -> Html {
    html! { <rect x={px(x)} y={px(y)} width={px(w)} height={px(h)} rx={attr(rx)} class={class} /> }
}

/// `<text x y text-anchor class>{content}</text>` at layout pixels.
#[inline(never)]
pub fn text(class: &'static str, x: f64, y: f64, anchor: &'static str, content: Html) -> Html {
    html! { <text x={px(x)} y={px(y)} text-anchor={attr(anchor)} class={class}>{ content }</text> }
}

/// An entity's accessible name and tooltip: `<title>{text}</title>`.
#[inline(never)]
pub fn title(text: String) -> Html {
    html! { <title>{ text }</title> }
}

/// Whether a label of small text (10.5–11 px, about 6 px a character) fits a box `w` wide with its 10 px
/// margins: a label that does not gets its shorter form (the tooltip keeps the whole).
pub fn fits(label: &str, w: f64) -> bool {
    label.chars().count() as f64 * 6.0 <= w - 20.0
}
