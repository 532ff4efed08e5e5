//! The scrubber over the whole history, [0, end], with a marker at every rebalance (a new generation).
//! Seeking back and then acting forks the history: the future is dropped. Added partitions the clients have not
//! seen yet get a hollow marker at their metadata refresh, ahead of the end.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use grouplab_model::sim::UnseenPartitions;

use super::format;
use super::palette::group_class;
use crate::i18n::{t, tf, use_lang};

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub time_ms: u64,
    pub end_ms: u64,
    /// (time, group.id, generation)
    pub markers: Rc<Vec<(u64, String, i32)>>,
    /// group.id -> colour index.
    pub colours: Rc<Vec<String>>,
    /// A metadata refresh still ahead that will show the clients added partitions: marked beyond the end, the
    /// scale reaching it, and a click runs there.
    #[prop_or_default]
    pub upcoming: Option<Rc<UnseenPartitions>>,
    pub on_seek: Callback<u64>,
}

#[function_component(TimelineBar)]
pub fn timeline_bar(p: &TimelineProps) -> Html {
    let lang = use_lang();
    let end = p
        .end_ms
        .max(p.upcoming.as_ref().map_or(0, |u| u.refresh_ms))
        .max(1);
    let on_seek = p.on_seek.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        // valueAsNumber, not a parse of value: no float parser in the wasm.
        let v = input.value_as_number();
        if v.is_finite() {
            on_seek.emit(v.max(0.0) as u64);
        }
    });
    // Positions go through the CSSOM (`style.left`), not a `style` attribute: the strict CSP (style-src
    // 'self') blocks inline style attributes.
    let markers_ref = use_node_ref();
    {
        let markers_ref = markers_ref.clone();
        use_effect_with((p.markers.clone(), p.upcoming.clone(), end), move |_| {
            if let Some(el) = markers_ref.cast::<web_sys::Element>() {
                place_markers(&el);
            }
        });
    }
    let upcoming = p.upcoming.as_ref().map(|u| {
        let at = u.refresh_ms;
        let time = format::seconds(at);
        let args: [(&str, &dyn std::fmt::Display); 3] =
            [("topic", &u.topic), ("n", &u.partitions), ("time", &time)];
        let on_seek = p.on_seek.clone();
        html! {
            <button class="marker marker--upcoming" data-left={format!("{}%", format::fixed(at as f64 / end as f64 * 100.0, 3))}
                    data-upcoming-ms={at.to_string()} data-upcoming-topic={u.topic.clone()}
                    onclick={Callback::from(move |_| on_seek.emit(at))}
                    title={tf(lang, "tl.upcoming", &args)} aria-label={tf(lang, "tl.upcoming_label", &args)} />
        }
    });
    let markers = p.markers.iter().map(|(t, g, gen)| {
        let left = *t as f64 / end as f64 * 100.0;
        let colour = p.colours.iter().position(|c| c == g).unwrap_or(4);
        let on_seek = p.on_seek.clone();
        let t = *t;
        let time = format::seconds(t);
        let args: [(&str, &dyn std::fmt::Display); 3] = [("group", g), ("gen", gen), ("time", &time)];
        html! {
            <button class={classes!("marker", group_class(colour))} data-left={format!("{}%", format::fixed(left, 3))}
                    onclick={Callback::from(move |_| on_seek.emit(t))}
                    title={tf(lang, "tl.marker", &args)}
                    aria-label={tf(lang, "tl.marker_label", &args)}
                    data-marker-generation={gen.to_string()} />
        }
    });
    html! {
        <div class="timeline">
            <div class="timeline__markers" ref={markers_ref}>{ for markers }{ for upcoming }</div>
            <input class="timeline__range" type="range" min="0" max={end.to_string()} step="1"
                   value={p.time_ms.min(end).to_string()} {oninput}
                   aria-label={t(lang, "tl.slider")}
                   aria-valuetext={format::seconds(p.time_ms)} />
            <div class="timeline__ends">
                <span>{ "0 s" }</span>
                <span>
                    { tf(lang, "tl.end", &[("time", &format::seconds(p.end_ms))]) }
                    if let Some(u) = &p.upcoming {
                        <span class="timeline__upcoming">{ tf(lang, "tl.upcoming_end", &[("time", &format::seconds(u.refresh_ms))]) }</span>
                    }
                </span>
            </div>
        </div>
    }
}

/// Moves each marker to its `data-left` position.
fn place_markers(container: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let children = container.children();
    for i in 0..children.length() {
        let Some(el) = children.item(i) else { continue };
        let left = el.get_attribute("data-left").unwrap_or_default();
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("left", &left);
        }
    }
}
