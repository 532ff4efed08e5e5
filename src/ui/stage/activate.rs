//! Stage entities are buttons for the mouse and the keyboard alike: a click, Enter or Space selects them.

use grouplab_model::topic_partition::push_decimal;
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

/// Rounds to a tenth of a pixel for compact SVG attributes: `12`, `12.5`, `-0.3`. Digits pushed by hand, not
/// through `format!`: the stage formats tens of thousands of coordinates a frame in a big world.
pub fn px(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let mut s = String::with_capacity(12);
    if tenths < 0 {
        s.push('-');
    }
    let n = tenths.unsigned_abs();
    push_decimal(&mut s, n / 10);
    if !n.is_multiple_of(10) {
        s.push('.');
        s.push(char::from(b'0' + (n % 10) as u8));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::px;

    #[test]
    fn px_rounds_to_tenths() {
        for (v, s) in [
            (0.0, "0"),
            (12.0, "12"),
            (12.04, "12"),
            (12.05, "12.1"),
            (12.5, "12.5"),
            (-0.04, "0"),
            (-0.05, "-0.1"),
            (-3.0, "-3"),
            (1440.25, "1440.3"),
            (63_634.0, "63634"),
            (9.96, "10"),
        ] {
            assert_eq!(px(v), s, "{v}");
            // What it replaced: round to tenths, then integers bare and the rest with one decimal.
            let r = (v * 10.0).round() / 10.0;
            let old = if r.fract() == 0.0 {
                format!("{}", r as i64)
            } else {
                crate::ui::format::fixed(r, 1)
            };
            assert_eq!(px(v), old, "{v}");
        }
    }
}
