//! A producer: its client profile, partitioner and rate (four lines in the wide layout; in the narrow one, name
//! and rate, then client and partitioner).

use yew::prelude::*;

use super::activate::handlers;
use super::layout::Rect;
use super::svg::{ellipsis, ellipsis_in, fitting, fitting_in, rect, text, title, SMALL_CHAR_W};
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
    /// The narrow layout's two-line box.
    #[prop_or_default]
    pub compact: bool,
    pub selected: bool,
    /// The lesson step shown talks about it.
    #[prop_or_default]
    pub highlight: bool,
    pub on_select: Callback<Selection>,
}

/// Advance of a character of the name (bold 13 px), px.
const NAME_CHAR_W: f64 = 8.2;

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
    let partitioner = tf(lang, "stage.partitioner", &[("name", &p.partitioner)]);
    let rate = tf(
        lang,
        "stage.producer_rate",
        &[("rate", &p.rate), ("sent", &p.sent)],
    );
    let class = classes!(
        "producer",
        p.selected.then_some("is-selected"),
        p.highlight.then_some("is-marked")
    );
    let body = if p.compact {
        // Line 1: the name and, right, the rate (whole while it fits, else the records a second alone, else
        // nothing); line 2: client and partitioner, else shorter, else cut. The title keeps it all.
        let name_w = p.name.chars().count() as f64 * NAME_CHAR_W;
        let short_rate = tf(lang, "stage.rate", &[("rate", &p.rate)]);
        let rate_room = r.w - 20.0 - name_w - 10.0;
        let shown_rate = fitting_in(rate_room, SMALL_CHAR_W, [rate, short_rate.clone()]);
        let rate_w = shown_rate.chars().count() as f64 * SMALL_CHAR_W;
        let (shown_rate, rate_w) = if rate_w <= rate_room {
            (shown_rate, rate_w + 10.0)
        } else {
            (String::new(), 0.0)
        };
        let name = ellipsis_in(&p.name, r.w - 20.0 - rate_w, NAME_CHAR_W);
        let meta = fitting(
            r.w,
            [
                format!("{} · {partitioner}", p.profile),
                format!("{} · {}", p.profile, p.partitioner),
                p.partitioner.to_string(),
            ],
        );
        let meta = ellipsis(&meta, r.w);
        html! { <>
            { text("producer__name", r.x + 10.0, r.y + 17.0, "", name) }
            { text("producer__meta", r.right() - 10.0, r.y + 17.0, "end", shown_rate) }
            { text("producer__meta", r.x + 10.0, r.y + 33.0, "", meta) }
        </> }
    } else {
        let partitioner = fitting(r.w, [partitioner, p.partitioner.to_string()]);
        html! { <>
            { text("producer__name", r.x + 10.0, r.y + 19.0, "", ellipsis_in(&p.name, r.w - 20.0, NAME_CHAR_W)) }
            { text("producer__meta", r.x + 10.0, r.y + 34.0, "", p.profile) }
            { text("producer__meta", r.x + 10.0, r.y + 48.0, "", partitioner) }
            { text("producer__meta", r.x + 10.0, r.y + 62.0, "", ellipsis(&rate, r.w)) }
        </> }
    };
    html! {
        <g {class} data-producer={p.name.clone()} data-highlight={p.highlight.then_some("true")}
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("producer__box", r.x, r.y, r.w, r.h, "8") }
            { body }
        </g>
    }
}
