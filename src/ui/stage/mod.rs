//! The stage: one SVG with brokers, producers, topics as partition logs, consumer groups with their members,
//! ownership lines and the messages in flight. Each entity is its own memoized component, so a frame
//! re-renders only what changed (usually the clock and the messages).

mod activate;
mod broker;
mod group;
pub mod layout;
pub mod member;
mod messages;
mod ownership;
mod partition;
mod producer;
mod strip;
mod svg;
pub mod window;

use grouplab_model::collections::VecMap;

use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::group::GroupState;
use grouplab_model::net::{Api, Endpoint};
use grouplab_model::view::{ConsumerView, GroupView, WorldView};

use self::activate::px;
use self::broker::BrokerNode;
use self::group::{GroupBox, Wait};
use self::layout::Layout;
use self::member::{is_idle, reconciling, state_label_with, MemberNode};
use self::messages::{Dot, MessagePaths, Messages};
use self::ownership::{OwnLine, Ownership};
use self::partition::{Cell, GroupMark, PartitionRow, PositionMark};
use self::producer::ProducerNode;
use super::snapshot::{Flight, Snapshot};
use crate::i18n::{t, tf, use_lang, Lang};
use crate::lessons::Mark;
use crate::sentences::api_name;
use crate::session::Selection;
use crate::ui::palette::group_tag;

#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub snap: Snapshot,
    pub width: f64,
    /// Drawn size over layout size (the zoom bar); the layout itself does not change.
    #[prop_or(1.0)]
    pub zoom: f64,
    /// The band of the stage in view; with many partitions only what meets it is drawn.
    #[prop_or(window::Band::ALL)]
    pub band: window::Band,
    pub selection: Option<Selection>,
    /// What the lesson step shown talks about: lit up, the rest dimmed.
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
    pub on_select: Callback<Selection>,
}

#[function_component(Stage)]
pub fn stage(p: &StageProps) -> Html {
    let lang = use_lang();
    let view: &WorldView = &p.snap.view;
    let l = Layout::compute(view, p.width);
    let sel = p.selection.as_ref();
    let rows_total: usize = l.topics.iter().map(|t| t.rows.len()).sum();
    let band = if rows_total > window::DRAW_ALL_ROWS {
        p.band
    } else {
        window::Band::ALL
    };
    let seen = |r: &layout::Rect| band.meets(r.y, r.h);
    let group_state = |g: &str| {
        view.groups
            .iter()
            .find(|x| x.group_id == g)
            .map(|x| x.state)
    };

    // Brokers
    let mut leads: VecMap<u32, Vec<String>> = VecMap::new();
    for t in &view.topics {
        for part in &t.partitions {
            if let Some(b) = part.leader {
                leads
                    .entry(b)
                    .or_default()
                    .push(format!("{}/{}", t.name, part.partition));
            }
        }
    }
    let brokers = view.brokers.iter().filter_map(|b| {
        let rect = l.broker(b.id)?;
        Some(html! {
            <BrokerNode key={format!("b-{}", b.id)} id={b.id} up={b.up} {rect} compact={l.narrow} leads={leads.get(&b.id).cloned().unwrap_or_default()}
                coordinates={b.coordinates.clone()} selected={sel == Some(&Selection::Broker(b.id))}
                on_select={p.on_select.clone()} />
        })
    });

    let producers = view.producers.iter().filter_map(|pr| {
        let rect = l.producer(&pr.name)?;
        Some(html! {
            <ProducerNode key={format!("p-{}", pr.name)} name={pr.name.clone()} profile={pr.profile.label()}
                partitioner={pr.partitioner.name()} rate={pr.rates.iter().map(|(_, r)| *r).sum::<u32>()}
                sent={pr.records_sent} {rect} compact={l.narrow} selected={sel == Some(&Selection::Producer(pr.name.clone()))}
                highlight={p.marks.iter().any(|m| m.names_producer(&pr.name))}
                on_select={p.on_select.clone()} />
        })
    });

    // Partitions
    // Who owns each partition drawn (running consumers, in their order), from one pass over the assignments:
    // asking all 256 consumers of the stress world about every row drawn was most of the stage's time.
    let mut owners_of: Vec<Vec<Vec<usize>>> = l
        .topics
        .iter()
        .map(|t| vec![Vec::new(); t.rows.len()])
        .collect();
    for (i, c) in view.consumers.iter().enumerate() {
        for tp in held(c, view).map_or(&[][..], |h| h.assigned) {
            if let Some((t, r)) = l.row_at(tp) {
                if seen(&l.topics[t].rows[r].1) {
                    owners_of[t][r].push(i);
                }
            }
        }
    }
    let mut rows = Vec::new();
    for (ti, (t, tl)) in view.topics.iter().zip(&l.topics).enumerate() {
        // The groups drawn, in the group boxes' order (their colours count in that order), and whether any
        // member of each subscribes to this topic.
        let mut topic_groups: Vec<(&String, usize, Option<&GroupView>, bool)> = l
            .group_colours
            .iter()
            .map(|(g, &colour)| {
                let gv = view.groups.iter().find(|x| &x.group_id == g);
                let subscribed =
                    gv.is_some_and(|gv| gv.members.iter().any(|m| m.subscribed.contains(&t.name)));
                (g, colour, gv, subscribed)
            })
            .collect();
        topic_groups.sort_by_key(|&(_, colour, _, _)| colour);
        let name = t.name.clone();
        let h = tl.header;
        let (onclick, onkeydown) =
            activate::handlers(p.on_select.reform(move |_| Selection::Topic(name.clone())));
        rows.push(html! {
            <g key={format!("t-{}", t.name)} class={classes!("topic", (sel == Some(&Selection::Topic(t.name.clone()))).then_some("is-selected"))}
               data-topic={t.name.clone()} role="button" tabindex="0"
               {onclick} {onkeydown}>
                { svg::title(tf(lang, "stage.topic_label", &[("topic", &t.name), ("n", &t.partitions.len())])) }
                // The whole header is the target, not just the glyphs.
                { svg::rect("topic__hit", h.x, h.y, h.w, h.h, "") }
                <text class="topic__name" x={px(h.x + 2.0)} y={px(h.y + 15.0)}>
                    { t.name.clone() }
                    <tspan class="topic__meta" dx="8">{ tf(lang, "insp.n_partitions", &[("n", &t.partitions.len())]) }</tspan>
                </text>
            </g>
        });
        for (ri, (part, (_, rect))) in t.partitions.iter().zip(&tl.rows).enumerate() {
            if !seen(rect) {
                continue;
            }
            let tp = format!("{}/{}", t.name, part.partition);
            let records: Vec<Cell> = part
                .records
                .iter()
                .map(|r| Cell {
                    offset: r.offset,
                    key: r.key.clone(),
                    value: r.value.clone(),
                })
                .collect();
            let groups: Vec<GroupMark> = topic_groups
                .iter()
                .filter_map(|&(g, colour, gv, subscribed)| {
                    let gv = gv?;
                    let committed = gv.committed.get(&tp).copied();
                    if committed.is_none() && !subscribed {
                        return None;
                    }
                    Some(GroupMark {
                        group_id: g.clone(),
                        colour,
                        committed,
                        lag: gv.lag.get(&tp).copied(),
                    })
                })
                .collect();
            let mut positions = Vec::new();
            let mut assigned_to = Vec::new();
            let mut owners = Vec::new();
            let mut accents = Vec::new();
            let owned_by: Vec<&ConsumerView> = owners_of[ti][ri]
                .iter()
                .map(|&i| &view.consumers[i])
                .collect();
            for (&i, &c) in owners_of[ti][ri].iter().zip(&owned_by) {
                assigned_to.push(held(c, view).map_or("", |h| h.member_id).to_string());
                owners.push(c.name.clone());
                // The owner's own colour (its place in its group), on its position mark and the row's accent.
                let colour = l.colour_at(i).unwrap_or(1);
                accents.push((c.name.clone(), colour));
                if let Some(&pos) = c.positions.get(&tp) {
                    positions.push(PositionMark {
                        consumer: c.name.clone(),
                        colour,
                        group: c
                            .group_id
                            .as_ref()
                            .filter(|_| !c.standalone)
                            .and_then(|g| l.group_colours.get(g).copied()),
                        position: pos,
                    });
                }
            }
            // A group mid-rebalance whose members own this partition no more (eager revokes everything at
            // JoinGroup; cooperative only what moves, KIP-429): it is read by nobody of that group now.
            // A group still forming (generation 0: nothing was ever assigned) leaves it unassigned, not paused.
            let (paused, unassigned): (Vec<Veiled>, Vec<Veiled>) = groups
                .iter()
                .filter(|g| {
                    matches!(
                        group_state(&g.group_id),
                        Some(GroupState::PreparingRebalance | GroupState::CompletingRebalance)
                    ) && !owned_by
                        .iter()
                        .any(|c| c.group_id.as_deref() == Some(g.group_id.as_str()))
                })
                .map(|g| (g.group_id.clone(), g.colour))
                .partition(|(g, _)| {
                    view.groups
                        .iter()
                        .any(|x| &x.group_id == g && x.generation_id > 0)
                });
            let selected_offset = match sel {
                Some(Selection::Record(s, o)) if *s == tp => Some(*o),
                _ => None,
            };
            rows.push(html! {
                <PartitionRow key={format!("r-{tp}")} tp={tp.clone()} partition={part.partition} rect={*rect}
                    narrow={l.narrow} cells={l.cells} cell={l.cell} leader={part.leader}
                    log_start_offset={part.log_start_offset} log_end_offset={part.log_end_offset}
                    {records} {groups} {positions} {accents} {paused} {unassigned} assigned_to={assigned_to.join(" ")} owners={owners.join(", ")}
                    selected={sel == Some(&Selection::Partition(tp.clone()))} {selected_offset}
                    highlight={p.marks.iter().any(|m| m.names_partition(&t.name, part.partition))}
                    on_select={p.on_select.clone()} />
            });
        }
    }

    // Groups and members
    let mut groups = Vec::new();
    let mut own_lines = Vec::new();
    let mut ghosts = Vec::new();
    for gl in &l.groups {
        let gv = gl
            .group_id
            .as_ref()
            .and_then(|g| view.groups.iter().find(|x| &x.group_id == g));
        groups.push(html! {
            <GroupBox key={format!("g-{}", gl.group_id.as_deref().unwrap_or_default())} group_id={gl.group_id.clone()}
                state={gv.map(|g| g.state.name())} generation_id={gv.map_or(0, |g| g.generation_id)}
                assignor={gv.and_then(|g| g.server_assignor.clone().map(AttrValue::from).or_else(|| g.assignor.map(|a| AttrValue::from(a.name()))))}
                epochs={gv.and_then(|g| Some((g.group_epoch?, g.assignment_epoch?)))}
                coordinator={gv.and_then(|g| g.coordinator.broker)} members={gl.members.len()}
                rect={gl.rect} compact={l.narrow} colour={gl.colour}
                tag={gl.group_id.as_ref().filter(|_| l.group_colours.len() > 1).map(|_| group_tag(gl.colour))}
                selected={gl.group_id.as_ref().is_some_and(|g| sel == Some(&Selection::Group(g.clone())))}
                highlight={gl.group_id.as_deref().is_some_and(|g| p.marks.iter().any(|m| m.names_group(g)))}
                on_select={p.on_select.clone()}
                wait={gv.and_then(|g| g.join_wait.as_ref()).map(|w| Wait {
                    left_ds: w.deadline_ms.saturating_sub(view.time_ms).div_ceil(100),
                    initial_delay_ms: w.initial_delay_ms,
                    extensions: w.extensions,
                    rejoined: w.rejoined,
                    members: w.members,
                })} />
        });
        for (name, rect) in &gl.members {
            let Some(ci) = l.consumer_index(name) else {
                continue;
            };
            let c = &view.consumers[ci];
            let member_seen = seen(rect);
            let gs = c.group_id.as_deref().and_then(group_state);
            let is_leader = gv.is_some_and(|g| {
                g.leader.as_deref() == Some(c.member_id.as_str()) && !c.member_id.is_empty()
            });
            let holds = held(c, view);
            let (member_id, assigned) = holds.map_or(("", &[][..]), |h| (h.member_id, h.assigned));
            let reading = holds.is_none_or(|h| h.reading);
            let rec = reconciling(c, gv);
            if member_seen {
                groups.push(html! {
                <MemberNode key={format!("m-{name}")} consumer={name.clone()} member_id={member_id.to_string()}
                    client_id={c.client_id.clone()} group_instance_id={c.group_instance_id.clone()}
                    profile={c.profile.label()} state={state_label_with(c, gs, rec.as_ref())} reconciling={rec.clone()} assigned={assigned.to_vec()} {reading}
                    idle={is_idle(c, gs)} {is_leader} rate={c.records_per_sec} trouble={member::trouble(c, view)} rect={*rect} compact={l.narrow} colour={gl.colour}
                    consumer_colour={l.colour_at(ci).unwrap_or(1)}
                    selected={sel == Some(&Selection::Consumer(name.clone()))}
                    highlight={p.marks.iter().any(|m| m.names_consumer(name) || (*m == Mark::IdleMember && is_idle(c, gs)))}
                    on_select={p.on_select.clone()} />
                });
            }
            let colour = l.colour_at(ci).unwrap_or(1);
            for tp in assigned {
                if let Some((d, top, bottom)) = l.own_path(tp, ci) {
                    // A line is drawn when any of it is in view, one passing through with both ends out of it
                    // too (it never leaves the band between its ends).
                    if !member_seen && !band.meets(top, bottom - top) {
                        continue;
                    }
                    own_lines.push(OwnLine {
                        consumer: name.clone(),
                        tp: tp.clone(),
                        colour,
                        reading,
                        d,
                    });
                }
            }
            // KIP-848: where the coordinator's target assignment puts a partition this member does not own yet.
            let target = gv
                .filter(|_| rec.is_some())
                .and_then(|g| g.target_assignment.as_ref())
                .and_then(|t| t.get(member_id));
            for tp in target
                .into_iter()
                .flat_map(|t| ownership::not_yet_owned(t, assigned))
            {
                if let Some((d, top, bottom)) = l.own_path(tp, ci) {
                    if !member_seen && !band.meets(top, bottom - top) {
                        continue;
                    }
                    ghosts.push(OwnLine {
                        consumer: name.clone(),
                        tp: tp.clone(),
                        colour,
                        reading: true,
                        d,
                    });
                }
            }
        }
    }

    let mut dots = flights_to_dots(&p.snap.flights, &l, view, p.snap.display_ms, lang);
    // A message is drawn when it or its path is in the band, and its path only as far as the band reaches:
    // when hundreds of members far down a tall stage talk to a broker at its top, the whole lines (tens of
    // thousands of pixels of dashes each) made every tile they cross slow to paint.
    dots.retain_mut(|d| {
        let path = d.path.and_then(|seg| band.clip(seg));
        d.path = path.map(|(seg, _)| seg);
        d.path_from = path.map_or(0.0, |(_, from)| from);
        band.meets(d.y, 0.0) || d.path.is_some()
    });
    let paths: Vec<_> = dots.iter().filter_map(messages::Path::of).collect();
    let (w, h) = (px(l.width), px(l.height));
    let (zw, zh) = (px(l.width * p.zoom), px(l.height * p.zoom));
    html! {
        <>
        // Ownership lines change only when an assignment (or the band drawn) does: a layer of their own under
        // the drawing, so the cells and offsets changing every frame do not make them painted again (a tall
        // world has thousands crossing the window).
        <svg class="stage-lines" width={zw.clone()} height={zh.clone()} viewBox={format!("0 0 {w} {h}")} aria-hidden="true">
            <Ownership lines={own_lines} {ghosts} />
        </svg>
        // The narrow layout's smaller monospace text (layout::Cells): a class, as the strict CSP refuses style
        // attributes.
        <svg class={classes!("stage-svg", l.narrow.then_some("is-narrow"), (!p.marks.is_empty()).then_some("has-marks"))}
             width={zw.clone()} height={zh.clone()} viewBox={format!("0 0 {w} {h}")}
             data-layout-width={w.clone()} data-layout-height={h.clone()}
             role="group" aria-label={t(lang, "stage.label")}>
            // Every child keyed, each family's keys with its own prefix: a list with an unkeyed child is diffed
            // by position, so a row or member coming into view would recreate everything after it.
            { for brokers }
            { for producers }
            { for rows }
            { for groups }
        </svg>
        // Messages move every frame: their own layer, so the big drawing under them is not repainted; their
        // paths (still while a message flies) one more, under them.
        <svg class="stage-overlay" width={zw.clone()} height={zh.clone()} viewBox={format!("0 0 {w} {h}")} aria-hidden="true">
            <MessagePaths {paths} />
        </svg>
        <svg class="stage-overlay" width={zw} height={zh} viewBox={format!("0 0 {w} {h}")} aria-hidden="true">
            <Messages {dots} />
        </svg>
        </>
    }
}

/// A group that reads nobody of a partition now (its id and colour): paused in a rebalance, or still forming.
type Veiled = (String, usize);

/// A member's place in its group as the coordinator holds it.
#[derive(Clone, Copy)]
struct Held<'a> {
    member_id: &'a str,
    assigned: &'a [String],
    /// The process is running and reads its partitions.
    reading: bool,
}

/// What the group holds for consumer `c`. A running consumer owns what it was assigned. A stopped one (crashed,
/// or a static member closed without LeaveGroup) keeps its membership and its partitions at the coordinator until
/// its session times out (GroupCoordinator's session expiry), but nobody reads them meanwhile.
fn held<'a>(c: &'a ConsumerView, view: &'a WorldView) -> Option<Held<'a>> {
    if c.status == grouplab_model::consumer::ConsumerStatus::Running {
        return Some(Held {
            member_id: &c.member_id,
            assigned: &c.assigned,
            reading: true,
        });
    }
    let group = c.group_id.as_deref()?;
    let g = view.groups.iter().find(|g| g.group_id == group)?;
    let m = g.members.iter().find(|m| m.consumer == c.name)?;
    Some(Held {
        member_id: &m.member_id,
        assigned: &m.assigned,
        reading: false,
    })
}

/// A ConsumerGroupHeartbeat of a member that is reconciling (KIP-848) is drawn as a pill, like JoinGroup; a
/// keep-alive of a settled member stays a small dot, like a classic Heartbeat.
fn heartbeat_matters(f: &Flight, view: &WorldView) -> bool {
    if f.api != Api::ConsumerGroupHeartbeat {
        return false;
    }
    let name = if f.request { &f.from_name } else { &f.to_name };
    let Some(c) = view.consumers.iter().find(|c| &c.name == name) else {
        return false;
    };
    let group_state = c
        .group_id
        .as_deref()
        .and_then(|g| view.groups.iter().find(|x| x.group_id == g))
        .map(|g| g.state);
    crate::engine::heartbeat_matters(group_state, c.membership_state.as_deref())
        || f.error
            .is_some_and(|e| e != grouplab_model::net::ErrorCode::None)
}

fn anchor(l: &Layout, e: &Endpoint, name: &str) -> Option<(f64, f64)> {
    match e {
        Endpoint::Broker(b) => l.broker_anchor(*b),
        Endpoint::Consumer(_) => l.member_anchor(name),
        Endpoint::Producer(_) => l.producer_anchor(name),
    }
}

fn flights_to_dots(
    flights: &[Flight],
    l: &Layout,
    view: &WorldView,
    now: f64,
    lang: Lang,
) -> Vec<Dot> {
    flights
        .iter()
        .filter_map(|f| {
            let (x1, y1) = anchor(l, &f.from, &f.from_name)?;
            // A record flies from its producer into its partition's log, where it lands at the log-end offset.
            let into_log = (f.api == Api::Produce && f.request)
                .then(|| f.tp.as_deref().and_then(|tp| l.row_tail(tp)))
                .flatten();
            let (x2, y2) = match into_log {
                Some(at) => at,
                None => anchor(l, &f.to, &f.to_name)?,
            };
            let span = (f.arrives_at_ms.saturating_sub(f.sent_at_ms)) as f64;
            let t = if span <= 0.0 {
                1.0
            } else {
                ((now - f.sent_at_ms as f64) / span).clamp(0.0, 1.0)
            };
            let x = x1 + (x2 - x1) * t;
            let y = y1 + (y2 - y1) * t;
            let api = api_name(f.api);
            let small = !crate::engine::is_protocol(f.api) && !heartbeat_matters(f, view);
            // Kafka's API names are ASCII (JoinGroup, OffsetCommit...).
            let mut class = format!("api-{}", api.to_ascii_lowercase());
            if !f.request {
                class.push_str(" is-response");
            }
            let error = f
                .error
                .filter(|e| *e != grouplab_model::net::ErrorCode::None);
            if error.is_some() {
                class.push_str(" is-error");
            }
            let kind = if f.request {
                "stage.request"
            } else {
                "stage.response"
            };
            let mut title = tf(
                lang,
                kind,
                &[("api", &api), ("from", &f.from_name), ("to", &f.to_name)],
            );
            if let Some(tp) = &f.tp {
                title.push_str(&format!(" ({tp}"));
                if f.records > 0 {
                    title.push_str(&tf(lang, "stage.records", &[("n", &f.records)]));
                }
                title.push(')');
            }
            if let Some(e) = error {
                title.push_str(&format!(" · {}", crate::sentences::error_name(e)));
            }
            let label = if error.is_some() {
                format!("{api} !")
            } else {
                api.to_string()
            };
            Some(Dot {
                id: f.id,
                x,
                y,
                path: (!small).then_some((x1, y1, x2, y2)),
                path_from: 0.0,
                label,
                class,
                title,
                pill: !small,
            })
        })
        .collect()
}
