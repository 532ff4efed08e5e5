//! The shapes every stage entity draws (boxes, labels, tooltips), each built by one function: `html!` expands
//! every element in place with its coordinates' conversions, so the same `<rect>` written out in five
//! components cost five copies of that code (see docs/size.md). An empty `&str` leaves its attribute out.

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
