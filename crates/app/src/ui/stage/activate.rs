//! Stage entities are buttons for the mouse and the keyboard alike: a click, Enter or Space selects them.

use yew::prelude::*;

/// (onclick, onkeydown) that both emit `on`.
pub fn handlers(on: Callback<()>) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let click = {
        let on = on.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            on.emit(());
        })
    };
    let key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            e.stop_propagation();
            on.emit(());
        }
    });
    (click, key)
}

/// Rounds to a tenth of a pixel for compact SVG attributes.
pub fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        crate::ui::format::fixed(r, 1)
    }
}
