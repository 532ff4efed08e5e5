//! One partition's log: the newest records as cells coloured by key (offsets exact, old records scroll away
//! on the left; a committed offset or position further back keeps its own cells, with a gap standing for the
//! records between, [`Strip`]), the log-end offset, each group's committed offset as a bookmark and its lag as
//! a number and a bar (in the group's colour), each owner's position and an accent on the row's left edge (in
//! the owner's colour). A row read by several groups tells them apart by letter (A, B, C… as on their boxes)
//! beside each bookmark, position and lag, in the boxes' order.

use yew::prelude::*;

use super::activate::{handlers, px};
use super::layout::{cell_label, Cells, Rect, LAG_PITCH, LAG_W, NARROW_LAG_W, ROW_LABEL_W};
use super::strip::{gap_slots, Strip};
use super::svg::{self, ellipsis_in, fitting_in, rect, title, SMALL_BOLD_CHAR_W, SMALL_CHAR_W};
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;
use crate::ui::palette::{consumer_class, group_class, group_tag, key_colour};
use crate::ui::snapshot::RECORDS_LIMIT;

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub offset: u64,
    pub key: Option<String>,
    pub value: String,
}

/// A group's committed offset and lag on this partition.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupMark {
    pub group_id: String,
    /// The group's place among the group boxes: its colour and its letter.
    pub colour: usize,
    pub committed: Option<u64>,
    pub lag: Option<u64>,
}

/// A consumer's position (next offset to fetch) on this partition.
#[derive(Clone, Debug, PartialEq)]
pub struct PositionMark {
    pub consumer: String,
    /// The consumer's colour, 1 … 8 (palette::consumer_colour).
    pub colour: usize,
    /// Its group's place among the group boxes (None: no group).
    pub group: Option<usize>,
    pub position: u64,
}

#[derive(Properties, PartialEq)]
pub struct PartitionProps {
    pub tp: String,
    pub partition: u32,
    pub rect: Rect,
    pub narrow: bool,
    pub cells: usize,
    /// The cells' size and the size of their text.
    pub cell: Cells,
    pub leader: Option<u32>,
    pub log_start_offset: u64,
    pub log_end_offset: u64,
    /// The records kept (the newest, at most `RECORDS_LIMIT`), oldest first.
    pub records: Vec<Cell>,
    /// In the group boxes' order.
    pub groups: Vec<GroupMark>,
    pub positions: Vec<PositionMark>,
    /// Who owns it now, as (consumer, its colour 1 … 8): a stripe each on the row's left edge.
    #[prop_or_default]
    pub accents: Vec<(String, usize)>,
    /// Member ids owning this partition now (one per group at most), space-separated.
    pub assigned_to: String,
    pub owners: String,
    /// Groups rebalancing while no member of theirs owns this partition: nobody of that group reads it now
    /// (eager: every partition pauses; cooperative: only those changing owner), as (group.id, colour).
    pub paused: Vec<(String, usize)>,
    /// Groups still forming (no generation yet) that will read this partition once they have one.
    pub unassigned: Vec<(String, usize)>,
    pub selected: bool,
    /// The lesson step shown talks about it.
    #[prop_or_default]
    pub highlight: bool,
    pub selected_offset: Option<u64>,
    pub on_select: Callback<Selection>,
}

/// Width of one character of the paused label (11 px bold), for fitting it in the veil.
const PAUSED_CHAR_W: f64 = 6.9;

#[function_component(PartitionRow)]
pub fn partition_row(p: &PartitionProps) -> Html {
    let lang = use_lang();
    let r = p.rect;
    let lag_w = if p.narrow { NARROW_LAG_W } else { LAG_W };
    let (cell_w, pitch) = (p.cell.w, p.cell.pitch);
    let cells_right = r.x + ROW_LABEL_W + p.cells as f64 * pitch;
    let leo = p.log_end_offset;
    // A veiled row (paused in a rebalance, or not assigned yet) keeps the left end of its strip for the veil's
    // label, so the label never hides a cell: a label naming the groups while it takes at most half the slots (or
    // the slots the log leaves empty), else the short one. The row's title keeps the whole.
    let (veiled, keys) = if p.paused.is_empty() {
        (
            &p.unassigned,
            [
                "stage.unassigned",
                "stage.unassigned_groups",
                "stage.unassigned_short",
            ],
        )
    } else {
        (
            &p.paused,
            ["stage.paused", "stage.paused_groups", "stage.paused_short"],
        )
    };
    let (paused_label, label_slots) = if veiled.is_empty() {
        (String::new(), 0)
    } else {
        let groups = veiled
            .iter()
            .map(|(g, _)| g.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let slots_for = |s: &str| {
            let w = s.chars().count() as f64 * PAUSED_CHAR_W + 8.0;
            ((w / pitch).ceil() as usize).min(p.cells.saturating_sub(1))
        };
        let short = t(lang, keys[2]).to_string();
        let empty = p
            .cells
            .saturating_sub((leo - p.log_start_offset.min(leo)) as usize);
        let room = slots_for(&short)
            .max(p.cells / 2)
            .max(empty.min(p.cells.saturating_sub(1)));
        let label = [
            tf(lang, keys[0], &[("groups", &groups)]),
            tf(lang, keys[1], &[("groups", &groups)]),
        ]
        .into_iter()
        .find(|s| s.chars().count() as f64 * PAUSED_CHAR_W + 8.0 <= room as f64 * pitch)
        .unwrap_or(short);
        let slots = slots_for(&label);
        (label, slots)
    };
    let cells_left = r.x + ROW_LABEL_W + label_slots as f64 * pitch;
    let marks: Vec<u64> = p
        .groups
        .iter()
        .filter_map(|g| g.committed)
        .chain(p.positions.iter().map(|m| m.position))
        .collect();
    let strip = Strip::plan(
        p.cells - label_slots,
        gap_slots(p.narrow),
        p.log_start_offset,
        leo,
        &marks,
    );
    let first_visible = strip.right.start;
    // Left edge of the cell holding `offset`, or its place inside the gap.
    let x_of = |offset: u64| -> f64 { cells_left + strip.slot_of(offset.min(leo)) * pitch };
    // Letters tell the groups apart on a row read by several.
    let tagged = p.groups.len() > 1;
    let cy = r.y + 14.0;
    let tp = p.tp.clone();
    let (onclick, onkeydown) = handlers(
        p.on_select
            .reform(move |_| Selection::Partition(tp.clone())),
    );
    let leader = p.leader.map_or(t(lang, "stage.offline").to_string(), |b| {
        tf(lang, "stage.leader_n", &[("n", &b)])
    });
    let first_group = p.groups.iter().find_map(|g| g.committed);
    let mut label = tf(
        lang,
        "stage.partition_label",
        &[("tp", &p.tp), ("leader", &leader), ("leo", &leo)],
    );
    for g in &p.groups {
        if let Some(c) = g.committed {
            label.push_str(&tf(
                lang,
                "stage.committed_part",
                &[("group", &g.group_id), ("offset", &c)],
            ));
        }
    }
    if p.owners.is_empty() {
        label.push_str(t(lang, "stage.no_owner"));
    } else {
        label.push_str(&tf(lang, "stage.read_by", &[("owners", &p.owners)]));
    }
    for (g, _) in &p.paused {
        label.push_str(&tf(lang, "stage.paused_part", &[("group", g)]));
    }
    for (g, _) in &p.unassigned {
        label.push_str(&tf(lang, "stage.unassigned_part", &[("group", g)]));
    }

    // The cells sit on a strip that slides left as the log grows, each at its own offset's place on it: a
    // new record moves the strip (one attribute) and adds a cell, instead of moving every cell of the row.
    // Places count from `base` (a multiple of 1024 at or below the first visible offset), so coordinates
    // stay small whatever the offsets; the strip jumps back once every 1024 records, all cells with it.
    let base = first_visible - first_visible % 1024;
    let strip_x = cells_right - (leo - base) as f64 * pitch;
    let cell = |c: &Cell, x: f64| {
        let (fill, ink) = key_colour(c.key.as_deref());
        let tp = p.tp.clone();
        let offset = c.offset;
        let (onclick, onkeydown) = handlers(
            p.on_select
                .reform(move |_| Selection::Record(tp.clone(), offset)),
        );
        let selected = p.selected_offset == Some(c.offset);
        let key = c.key.clone().unwrap_or_default();
        let title = format!(
            "offset {} · key {} · value {}",
            c.offset,
            c.key.as_deref().unwrap_or("null"),
            c.value
        );
        html! {
            <g key={c.offset.to_string()} class={classes!("cell", selected.then_some("is-selected"), c.key.is_none().then_some("is-null"))}
               data-offset={c.offset.to_string()} data-key={key} {onclick} {onkeydown}>
                { svg::title(title) }
                <rect x={px(x)} y={px(cy)} width={px(cell_w)} height="22" rx="3" fill={fill} />
                <text x={px(x + cell_w / 2.0)} y={px(cy + 15.0)} fill={ink} text-anchor="middle">{ cell_label(c.offset) }</text>
            </g>
        }
    };
    let cells = p
        .records
        .iter()
        .filter(|c| c.offset >= first_visible)
        .map(|c| cell(c, (c.offset - base) as f64 * pitch));
    // The cells left of the gap, from the oldest mark: its record when kept, else an outline with its offset
    // (the record is in the log; the app keeps the newest RECORDS_LIMIT of each partition).
    let old_cells = strip.left.clone().map(|offset| {
        let x = cells_left + (offset - strip.left.start) as f64 * pitch;
        match p.records.binary_search_by_key(&offset, |c| c.offset) {
            Ok(i) => cell(&p.records[i], x),
            Err(_) => html! {
                <g key={offset.to_string()} class="cell-unkept" data-unkept-offset={offset.to_string()}>
                    { title(tf(lang, "stage.cell_unkept", &[("offset", &offset), ("n", &RECORDS_LIMIT)])) }
                    <rect x={px(x)} y={px(cy)} width={px(cell_w)} height="22" rx="3" />
                    <text x={px(x + cell_w / 2.0)} y={px(cy + 15.0)} text-anchor="middle">{ cell_label(offset) }</text>
                </g>
            },
        }
    });
    // The gap: how many records it stands for ("…37 records…", or "…37…" where that does not fit).
    let gap = strip.has_gap().then(|| {
        let (from, to) = (strip.gap.start, strip.gap.end);
        let n = to - from;
        let x = cells_left + (strip.left.end - strip.left.start) as f64 * pitch;
        let w = strip.gap_slots as f64 * pitch - 2.0;
        let count = short_count(n);
        let text = fitting_in(
            w - 2.0,
            p.cell.char_w,
            [
                tf(lang, "stage.gap", &[("n", &count)]),
                tf(lang, "stage.gap_short", &[("n", &count)]),
            ],
        );
        html! {
            <g class="gap" data-gap-from={from.to_string()} data-gap-to={to.to_string()} data-gap-count={n.to_string()}>
                { title(tf(lang, "stage.gap_title", &[("n", &n), ("from", &from), ("to", &(to - 1))])) }
                <rect x={px(x)} y={px(cy)} width={px(w)} height="22" rx="3" />
                <text x={px(x + w / 2.0)} y={px(cy + 15.0)} text-anchor="middle">{ text }</text>
            </g>
        }
    });

    // Groups committed at the same offset share its flag, in stripes of their colours.
    let mut flags: Vec<(u64, Vec<&GroupMark>)> = Vec::new();
    for g in &p.groups {
        let Some(c) = g.committed else { continue };
        match flags.iter_mut().find(|(o, _)| *o == c) {
            Some((_, gs)) => gs.push(g),
            None => flags.push((c, vec![g])),
        }
    }
    flags.sort_by_key(|(o, _)| *o);
    let bookmarks = flags.iter().flat_map(|(c, gs)| {
        let x = x_of(*c);
        // A shared flag widens to 4 px a group, so each stripe shows.
        let flag_w = (4.0 * gs.len() as f64).max(10.0);
        let w = flag_w / gs.len() as f64;
        gs.iter().enumerate().map(move |(i, g)| {
            let shape = if gs.len() == 1 {
                html! { <path d={format!("M{} {}h10v13l-5-4-5 4z", px(x - 5.0), px(r.y + 1.0))} /> }
            } else {
                html! { <rect x={px(x - flag_w / 2.0 + i as f64 * w)} y={px(r.y + 1.0)} width={px(w)} height="12" /> }
            };
            html! {
                <g class={classes!("bookmark", group_class(g.colour))}
                   data-committed-group={g.group_id.clone()} data-committed={c.to_string()}>
                    { title(tf(lang, "stage.bookmark", &[("group", &g.group_id), ("offset", c)])) }
                    { shape }
                </g>
            }
        })
    });
    // Each flag's letters right of it, in the band above the cells; one that would run into the previous is
    // left out (the flags keep their titles).
    let mut free_from = f64::MIN;
    let bookmark_tags = flags.iter().filter(|_| tagged).filter_map(|(c, gs)| {
        let text: String = gs.iter().map(|g| group_tag(g.colour)).collect();
        let x = x_of(*c) + (2.0 * gs.len() as f64).max(5.0) + 2.0;
        if x < free_from {
            return None;
        }
        free_from = x + text.len() as f64 * SMALL_BOLD_CHAR_W + 3.0;
        Some(html! {
            <text class="bookmark__tag" x={px(x)} y={px(r.y + 11.0)} aria-hidden="true">{ text }</text>
        })
    });

    // One triangle per consumer; consumers at the same offset share a label ("1,5,9"), and a label that would
    // run into the previous one is left out (each triangle keeps its title, and the inspector lists every
    // position). On a row read by several groups a triangle is labelled by its group's letter (a partition has
    // one owner per group), so consumers caught up in three groups read "A,B,C", in the boxes' order. A label
    // that would run into the lag column goes left of its triangle.
    let mut at: Vec<(u64, Vec<(usize, String)>)> = Vec::new();
    for m in &p.positions {
        let short = m.consumer.trim_start_matches("consumer");
        let short = match m.group {
            Some(g) if tagged => group_tag(g).to_string(),
            _ if short.is_empty() || short.len() > 4 => m.consumer.clone(),
            _ => short.to_string(),
        };
        let order = m.group.unwrap_or(usize::MAX);
        match at.iter_mut().find(|(pos, _)| *pos == m.position) {
            Some((_, names)) => names.push((order, short)),
            None => at.push((m.position, vec![(order, short)])),
        }
    }
    at.sort_by_key(|(pos, _)| *pos);
    for (_, names) in &mut at {
        if tagged {
            names.sort();
        }
    }
    let mut free_from = f64::MIN;
    let lag_left = r.right() - lag_w - 4.0;
    let position_labels = at.into_iter().filter_map(|(pos, names)| {
        let text = names
            .into_iter()
            .map(|(_, n)| n)
            .collect::<Vec<_>>()
            .join(",");
        let w = p.cell.text_w(&text);
        let mut x = x_of(pos) + 6.0;
        if x + w > lag_left {
            x = x_of(pos) - 6.0 - w;
        }
        if x < free_from {
            return None;
        }
        free_from = x + w + p.cell.char_w;
        Some(html! {
            <text class="position__label" x={px(x)} y={px(cy + 31.0)} aria-hidden="true">{ text }</text>
        })
    });
    let positions = p.positions.iter().map(|m| {
        let d = format!("M{} {}l-5 7h10z", px(x_of(m.position)), px(cy + 24.0));
        html! {
            <g class={classes!("position", consumer_class(m.colour))} data-position-of={m.consumer.clone()}
               data-position={m.position.to_string()} data-colour={m.colour.to_string()}>
                { title(tf(lang, "stage.position", &[("consumer", &m.consumer), ("pos", &m.position)])) }
                <path d={d} />
            </g>
        }
    });

    let lag_x = r.right() - lag_w;
    let lags = p.groups.iter().take(3).enumerate().map(|(i, g)| {
        // Each lag's text, then its bar clear of the text's descenders and of the next lag's capitals.
        let y = r.y + 12.0 + i as f64 * LAG_PITCH;
        let lag = g.lag;
        // The lag in full while it fits the column, else rounded down to thousands, millions, billions (the
        // title keeps it exact). On a row read by several groups it starts with the group's letter, and drops
        // the word "lag" where the letter leaves no room for it.
        let tag = if tagged {
            format!("{} ", group_tag(g.colour))
        } else {
            String::new()
        };
        let room = lag_w - 2.0 - p.cell.text_w(&tag);
        let text = match lag {
            Some(l) => fitting_in(
                room,
                p.cell.char_w,
                [
                    tf(lang, "stage.lag_n", &[("n", &l)]),
                    tf(lang, "stage.lag_n", &[("n", &short_count(l))]),
                    short_count(l),
                ],
            ),
            None => tf(lang, "stage.lag_n", &[("n", &"–")]),
        };
        let text = html! { <>
            if tagged { <tspan class="lag__tag">{ tag }</tspan> }
            { text }
        </> };
        let bar = lag.map_or(0.0, |l| (l.min(100) as f64 / 100.0) * (lag_w - 8.0));
        html! {
            <g class={classes!("lag", group_class(g.colour))} data-lag-group={g.group_id.clone()}
               data-lag={lag.map(|l| l.to_string()).unwrap_or_default()}>
                { title(tf(lang, "stage.lag_title", &[("group", &g.group_id),
                    ("lag", &lag.map_or(t(lang, "stage.unknown").to_string(), |l| l.to_string()))])) }
                { svg::text("", lag_x, y, "", text) }
                { rect("lag__track", lag_x, y + 4.0, lag_w - 8.0, 3.0, "1.5") }
                { rect("lag__bar", lag_x, y + 4.0, bar, 3.0, "1.5") }
            </g>
        }
    });

    // The owners' stripes share the left edge, top to bottom in the owners' order.
    let stripe_h = (r.h - 12.0) / p.accents.len().max(1) as f64;
    let accents = p.accents.iter().enumerate().map(|(i, (consumer, colour))| html! {
        <rect class={classes!("partition__accent", consumer_class(*colour))} x={px(r.x + 2.0)}
              y={px(r.y + 6.0 + i as f64 * stripe_h)} width="3" height={px(stripe_h - 1.0)} rx="1.5"
              data-accent-of={consumer.clone()} data-colour={colour.to_string()} />
    });

    html! {
        <g class={classes!("partition", p.selected.then_some("is-selected"), p.highlight.then_some("is-marked"), p.leader.is_none().then_some("is-offline"))}
           data-partition={p.tp.clone()} data-highlight={p.highlight.then_some("true")} data-log-end-offset={leo.to_string()}
           data-log-start-offset={p.log_start_offset.to_string()}
           data-leader={p.leader.map(|b| b.to_string()).unwrap_or_default()}
           data-committed={first_group.map(|c| c.to_string()).unwrap_or_default()}
           data-assigned-to={p.assigned_to.clone()}
           data-paused-for={(!p.paused.is_empty()).then(|| p.paused.iter().map(|(g, _)| g.as_str()).collect::<Vec<_>>().join(" "))}
           data-unassigned-for={(!p.unassigned.is_empty()).then(|| p.unassigned.iter().map(|(g, _)| g.as_str()).collect::<Vec<_>>().join(" "))}
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("partition__bg", r.x, r.y, r.w, r.h, "6") }
            { for accents }
            { svg::text("partition__name", r.x + 8.0, r.y + 21.0, "", format!("P{}", p.partition)) }
            { svg::text("partition__leader", r.x + 8.0, r.y + 36.0, "", ellipsis_in(&leader, ROW_LABEL_W - 12.0, SMALL_CHAR_W)) }
            <line class="partition__axis" x1={px(r.x + ROW_LABEL_W)} y1={px(cy + 11.0)}
                  x2={px(cells_right)} y2={px(cy + 11.0)} />
            // The cells in an element of their own: `{ for … }` alone splices its nodes into this element's
            // children, which are then diffed by position (some are unkeyed), so a new record (every cell's key
            // shifting by one) would recreate every cell of the row.
            <g class="cells" transform={format!("translate({} 0)", px(strip_x))}>{ for cells }</g>
            <g class="cells cells--old">{ for old_cells }</g>
            { for gap }
            <g class="leo" data-leo={leo.to_string()}>
                { title(tf(lang, "stage.leo_title", &[("leo", &leo)])) }
                <line x1={px(cells_right + 1.0)} y1={px(cy - 4.0)} x2={px(cells_right + 1.0)} y2={px(cy + 26.0)} />
                { svg::text("", cells_right + 5.0, cy + 15.0, "", format!("LEO {leo}")) }
            </g>
            { for bookmarks }
            { for bookmark_tags }
            { for positions }
            { for position_labels }
            { for lags }
            if let Some((_, colour)) = veiled.first() {
                <g class={classes!("paused", p.paused.is_empty().then_some("is-unassigned"))} aria-hidden="true">
                    <rect class={classes!("paused__veil", group_class(*colour))} x={px(r.x + ROW_LABEL_W - 4.0)}
                          y={px(cy - 5.0)} width={px(cells_right - r.x - ROW_LABEL_W + 8.0)} height="32" rx="4" />
                    { svg::text("paused__label", r.x + ROW_LABEL_W + 4.0, cy + 15.0, "", paused_label) }
                </g>
            }
        </g>
    }
}

/// `n` in at most four characters: as it is below 10 000, else whole thousands, millions or billions ("12k").
pub fn short_count(n: u64) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{}k", n / 1_000),
        1_000_000..=999_999_999 => format!("{}M", n / 1_000_000),
        _ => format!("{}B", n / 1_000_000_000),
    }
}

#[cfg(test)]
mod tests {
    use super::short_count;

    #[test]
    fn counts_fit_four_characters() {
        assert_eq!(short_count(9_999), "9999");
        assert_eq!(short_count(12_345), "12k");
        assert_eq!(short_count(999_999), "999k");
        assert_eq!(short_count(1_234_567), "1M");
        assert_eq!(short_count(9_999_999_990), "9B");
        for n in [
            0,
            9_999,
            10_000,
            999_999,
            1_000_000,
            999_999_999,
            9_999_999_999,
        ] {
            assert!(short_count(n).len() <= 4, "{n}");
        }
    }
}
