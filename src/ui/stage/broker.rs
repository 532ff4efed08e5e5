//! A broker: id, up or down, the partitions it leads, and a coordinator badge for each group it coordinates.

use yew::prelude::*;

use super::activate::handlers;
use super::layout::Rect;
use super::svg::{fitting, rect, text, title};
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;

#[derive(Properties, PartialEq)]
pub struct BrokerProps {
    pub id: u32,
    pub up: bool,
    pub rect: Rect,
    /// `topic/partition`s it leads.
    pub leads: Vec<String>,
    /// Groups it coordinates.
    pub coordinates: Vec<String>,
    pub selected: bool,
    pub on_select: Callback<Selection>,
}

#[function_component(BrokerNode)]
pub fn broker_node(p: &BrokerProps) -> Html {
    let lang = use_lang();
    let id = p.id;
    let (onclick, onkeydown) = handlers(p.on_select.reform(move |_| Selection::Broker(id)));
    let r = p.rect;
    let class = classes!(
        "broker",
        (!p.up).then_some("is-down"),
        (!p.coordinates.is_empty()).then_some("is-coordinator"),
        p.selected.then_some("is-selected")
    );
    let list = p
        .leads
        .iter()
        .map(|tp| tp.rsplit_once('/').map_or(tp.as_str(), |(_, n)| n))
        .collect::<Vec<&str>>()
        .join(", P");
    let leads = if p.leads.is_empty() {
        t(lang, "stage.leads_none").to_string()
    } else {
        tf(lang, "stage.leads", &[("list", &list)])
    };
    // The box shows the sentence while it fits, else the count, else (a phone's narrow box) the bare list; the
    // accessible name keeps the whole sentence.
    let shown = if p.leads.is_empty() {
        fitting(r.w, [leads.clone(), "–".to_string()])
    } else {
        let count = tf(lang, "stage.leads_n", &[("n", &p.leads.len())]);
        fitting(r.w, [leads.clone(), count, format!("P{list}")])
    };
    let status = t(lang, if p.up { "insp.up" } else { "insp.down" });
    let coord = if p.coordinates.is_empty() {
        String::new()
    } else {
        tf(
            lang,
            "stage.coordinator_of",
            &[("groups", &p.coordinates.join(", "))],
        )
    };
    let label = tf(
        lang,
        "stage.broker_label",
        &[
            ("id", &id),
            ("status", &status),
            ("leads", &leads),
            ("coord", &coord),
        ],
    );
    // The name line: "broker 0 up" while it fits (bold 13 px, about 8.2 px a character, the status's 6 px gap and
    // the box's margins); else a running broker drops "up" (its box says it) and a stopped one reads "#0 down".
    let full_name = tf(lang, "ev.broker", &[("broker", &id)]);
    let fits = |chars: usize| chars as f64 * 8.2 + 6.0 <= r.w - 18.0;
    let (name, shown_status) = if fits(full_name.chars().count() + status.chars().count()) {
        (full_name, status)
    } else if p.up {
        (full_name, "")
    } else {
        (format!("#{id}"), status)
    };
    // The badge: "★ coordinator" while it fits its pill, else "★ coord.", else the star alone.
    let badge = match p.coordinates.len() {
        0 => String::new(),
        1 => fitting(
            r.w - 8.0,
            [
                t(lang, "stage.coordinator_badge").to_string(),
                "★ coord.".into(),
                "★".into(),
            ],
        ),
        n => fitting(
            r.w - 8.0,
            [
                tf(lang, "stage.coordinator_many", &[("n", &n)]),
                format!("★ coord. ×{n}"),
                format!("★×{n}"),
            ],
        ),
    };
    html! {
        <g {class} data-broker={id.to_string()} data-up={p.up.to_string()}
           data-coordinates={p.coordinates.join(" ")}
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("broker__box", r.x, r.y, r.w, r.h, "8") }
            { text("broker__name", r.x + 10.0, r.y + 20.0, "", html! { <>
                { name }
                <tspan class="broker__status" dx="6">{ shown_status }</tspan>
            </> }) }
            { text("broker__leads", r.x + 10.0, r.y + 36.0, "", shown) }
            if !p.coordinates.is_empty() {
                <g class="broker__coord">
                    { rect("", r.x + 6.0, r.y + 42.0, r.w - 12.0, 16.0, "8") }
                    { text("", r.x + 14.0, r.y + 54.0, "", badge) }
                </g>
            }
        </g>
    }
}
