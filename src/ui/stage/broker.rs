//! A broker: id, up or down, the partitions it leads, and a coordinator badge for each group it coordinates
//! (a line of its own in the wide layout; in the narrow one a star beside the leads, in a box of two lines).

use yew::prelude::*;

use super::activate::handlers;
use super::layout::Rect;
use super::svg::{ellipsis, fitting, fitting_in, rect, text, title, SMALL_BOLD_CHAR_W};
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;

#[derive(Properties, PartialEq)]
pub struct BrokerProps {
    pub id: u32,
    pub up: bool,
    pub rect: Rect,
    /// The narrow layout's two-line box.
    #[prop_or_default]
    pub compact: bool,
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
    // The compact box's star sits right of the leads line, 20 px wide.
    let star_w = if p.compact && !p.coordinates.is_empty() {
        22.0
    } else {
        0.0
    };
    // The box shows the sentence while it fits, else the count, else (a phone's narrow box) the bare list,
    // else as much of it as fits; the accessible name keeps the whole sentence.
    let room = r.w - star_w;
    let shown = if p.leads.is_empty() {
        fitting(room, [leads.clone(), "–".to_string()])
    } else {
        let count = tf(lang, "stage.leads_n", &[("n", &p.leads.len())]);
        let bare = format!("P{list}");
        let cut = ellipsis(&bare, room);
        fitting(room, [leads.clone(), count, bare, cut])
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
    // The badge: "★ coordinator" while it fits its pill (bold 11 px, 8 px margins), else "★ coord.", else the
    // star alone.
    let badge_room = r.w - 28.0;
    let badge = match p.coordinates.len() {
        0 => String::new(),
        1 => fitting_in(
            badge_room,
            SMALL_BOLD_CHAR_W,
            [
                t(lang, "stage.coordinator_badge").to_string(),
                "★ coord.".into(),
                "★".into(),
            ],
        ),
        n => fitting_in(
            badge_room,
            SMALL_BOLD_CHAR_W,
            [
                tf(lang, "stage.coordinator_many", &[("n", &n)]),
                format!("★ coord. ×{n}"),
                format!("★×{n}"),
            ],
        ),
    };
    // Baselines of the name and leads lines.
    let (name_y, leads_y) = if p.compact {
        (17.0, 33.0)
    } else {
        (20.0, 36.0)
    };
    html! {
        <g {class} data-broker={id.to_string()} data-up={p.up.to_string()}
           data-coordinates={p.coordinates.join(" ")}
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("broker__box", r.x, r.y, r.w, r.h, "8") }
            { text("broker__name", r.x + 10.0, r.y + name_y, "", html! { <>
                { name }
                <tspan class="broker__status" dx="6">{ shown_status }</tspan>
            </> }) }
            { text("broker__leads", r.x + 10.0, r.y + leads_y, "", shown) }
            if p.compact && !p.coordinates.is_empty() {
                <g class="broker__coord">
                    { rect("", r.right() - 6.0 - star_w, r.y + 22.0, star_w, 15.0, "7.5") }
                    { text("", r.right() - 6.0 - star_w / 2.0, r.y + 33.5, "middle", "★") }
                </g>
            } else if !p.coordinates.is_empty() {
                <g class="broker__coord">
                    { rect("", r.x + 6.0, r.y + 42.0, r.w - 12.0, 16.0, "8") }
                    { text("", r.x + 14.0, r.y + 54.0, "", badge) }
                </g>
            }
        </g>
    }
}
