//! A producer: its client profile, partitioner and rate.

use yew::prelude::*;

use super::activate::{handlers, px};
use super::layout::Rect;
use crate::i18n::{tf, use_lang};
use crate::ui::selection::Selection;

#[derive(Properties, PartialEq)]
pub struct ProducerProps {
    pub name: String,
    pub profile: &'static str,
    pub partitioner: &'static str,
    pub rate: u32,
    pub sent: u64,
    pub rect: Rect,
    pub selected: bool,
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
    html! {
        <g class={classes!("producer", p.selected.then_some("is-selected"))} data-producer={p.name.clone()}
           role="button" tabindex="0" {onclick} {onkeydown}>
            <title>{ label }</title>
            <rect class="producer__box" x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} rx="8" />
            <text class="producer__name" x={px(r.x + 10.0)} y={px(r.y + 19.0)}>{ &p.name }</text>
            <text class="producer__meta" x={px(r.x + 10.0)} y={px(r.y + 34.0)}>{ p.profile }</text>
            <text class="producer__meta" x={px(r.x + 10.0)} y={px(r.y + 48.0)}>{ tf(lang, "stage.partitioner", &[("name", &p.partitioner)]) }</text>
            <text class="producer__meta" x={px(r.x + 10.0)} y={px(r.y + 62.0)}>
                { tf(lang, "stage.producer_rate", &[("rate", &p.rate), ("sent", &p.sent)]) }
            </text>
        </g>
    }
}
