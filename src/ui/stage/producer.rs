//! A producer: its client profile, partitioner and rate.

use yew::prelude::*;

use super::activate::handlers;
use super::layout::Rect;
use super::svg::{fitting, rect, text, title};
use crate::i18n::{tf, use_lang};
use crate::session::Selection;

#[derive(Properties, PartialEq)]
pub struct ProducerProps {
    pub name: String,
    pub profile: &'static str,
    pub partitioner: &'static str,
    pub rate: u32,
    pub sent: u64,
    pub rect: Rect,
    pub selected: bool,
    /// The lesson step shown talks about it.
    #[prop_or_default]
    pub highlight: bool,
    pub on_select: Callback<Selection>,
}

#[function_component(ProducerNode)]
pub fn producer_node(p: &ProducerProps) -> Html {
    let lang = use_lang();
    let name = p.name.clone();
    let (onclick, onkeydown) = handlers(
        p.on_select
            .reform(move |_| Selection::Producer(name.clone())),
    );
    let r = p.rect;
    let label = tf(
        lang,
        "stage.producer_label",
        &[
            ("name", &p.name),
            ("profile", &p.profile),
            ("partitioner", &p.partitioner),
            ("rate", &p.rate),
            ("sent", &p.sent),
        ],
    );
    let partitioner = fitting(
        r.w,
        [
            tf(lang, "stage.partitioner", &[("name", &p.partitioner)]),
            p.partitioner.to_string(),
        ],
    );
    html! {
        <g class={classes!("producer", p.selected.then_some("is-selected"), p.highlight.then_some("is-marked"))} data-producer={p.name.clone()} data-highlight={p.highlight.then_some("true")}
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("producer__box", r.x, r.y, r.w, r.h, "8") }
            { text("producer__name", r.x + 10.0, r.y + 19.0, "", &p.name) }
            { text("producer__meta", r.x + 10.0, r.y + 34.0, "", p.profile) }
            { text("producer__meta", r.x + 10.0, r.y + 48.0, "", partitioner) }
            { text("producer__meta", r.x + 10.0, r.y + 62.0, "",
                tf(lang, "stage.producer_rate", &[("rate", &p.rate), ("sent", &p.sent)])) }
        </g>
    }
}
