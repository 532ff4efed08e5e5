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

/// Advance of one character of the stage's small text (11 px sans), px, with a little to spare: DejaVu Sans,
/// the widest of the usual system fonts, averages about 5.8 over words; bold about 7.
pub const SMALL_CHAR_W: f64 = 6.0;
pub const SMALL_BOLD_CHAR_W: f64 = 7.0;

/// The first of a label's forms, longest first, that fits a box `w` wide with its 10 px margins (small text),
/// else the last, shortest one. The tooltip keeps the whole.
pub fn fitting(w: f64, forms: impl IntoIterator<Item = String>) -> String {
    fitting_in(w - 20.0, SMALL_CHAR_W, forms)
}

/// The first of `forms` that fits `room` px at `char_w` px a character, else the last.
pub fn fitting_in(room: f64, char_w: f64, forms: impl IntoIterator<Item = String>) -> String {
    let mut last = String::new();
    for form in forms {
        if form.chars().count() as f64 * char_w <= room {
            return form;
        }
        last = form;
    }
    last
}

/// `text` as it fits a box `w` wide with its 10 px margins (small text): whole, or cut with an ellipsis.
pub fn ellipsis(text: &str, w: f64) -> String {
    ellipsis_in(text, w - 20.0, SMALL_CHAR_W)
}

/// `text` whole if it fits `room` px at `char_w` px a character, else its head and an ellipsis.
pub fn ellipsis_in(text: &str, room: f64, char_w: f64) -> String {
    crate::ui::format::short_id(text, (room / char_w).floor().max(1.0) as usize)
}
