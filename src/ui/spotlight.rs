//! Keeps what a lesson step talks about in sight: when the step (or the set of entities it lights up) changes,
//! the stage scrolls so the lit entities (`[data-highlight]`) are in its view, centred if they fit.

/// How many entities are lit in `wrap` (the stage's scroll container).
pub fn lit(wrap: &web_sys::Element) -> u32 {
    wrap.query_selector_all("[data-highlight]")
        .map_or(0, |all| all.length())
}

/// Scrolls `wrap` so its lit entities are in view (nothing moves if they already are).
pub fn bring_into_view(wrap: &web_sys::Element) {
    let Ok(all) = wrap.query_selector_all("[data-highlight]") else {
        return;
    };
    let (mut top, mut left, mut bottom, mut right) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for i in 0..all.length() {
        let Some(el) = all
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let r = el.get_bounding_client_rect();
        top = top.min(r.top());
        left = left.min(r.left());
        bottom = bottom.max(r.bottom());
        right = right.max(r.right());
    }
    if top > bottom {
        return;
    }
    let view = wrap.get_bounding_client_rect();
    // Centre the lit union on an axis where it is not wholly in view; if it is bigger than the view, its start.
    let shift = |lo: f64, hi: f64, v_lo: f64, v_hi: f64| -> f64 {
        if lo >= v_lo && hi <= v_hi {
            0.0
        } else if hi - lo <= v_hi - v_lo {
            (lo + hi) / 2.0 - (v_lo + v_hi) / 2.0
        } else {
            lo - v_lo - 8.0
        }
    };
    let dy = shift(top, bottom, view.top(), view.bottom());
    let dx = shift(left, right, view.left(), view.right());
    if dy != 0.0 {
        wrap.set_scroll_top(wrap.scroll_top() + dy.round() as i32);
    }
    if dx != 0.0 {
        wrap.set_scroll_left(wrap.scroll_left() + dx.round() as i32);
    }
}
