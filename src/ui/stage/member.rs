//! A consumer in its group: member id, client id, group.instance.id if static, and state. An idle member
//! (the group is stable but it owns nothing) is drawn dashed and says so. The wide layout's box has four lines
//! (name and state, member id, client, what it owns and its rate); the narrow one three (name and state, what
//! it owns and its rate, member id), the client in its title.

use yew::prelude::*;

use grouplab_model::config::GroupProtocol;
use grouplab_model::consumer::{ConsumerStatus, MemberState};
use grouplab_model::group::GroupState;
use grouplab_model::view::{ConsumerView, GroupView, WorldView};

use super::activate::handlers;
use super::layout::{Rect, MIN_TEXT_PX, MONO_EM, NARROW_PAIRED_MEMBER_H};
use super::svg::{ellipsis_in, rect, text, title, SMALL_BOLD_CHAR_W, SMALL_CHAR_W};
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;
use crate::ui::format::short_id;
use crate::ui::palette::{consumer_class, group_class};

/// The member's state in the words of the issue: joining, awaiting sync, stable, revoking, dead; and "not
/// told yet" for a member still consuming while its group prepares a rebalance it has not heard of.
pub fn state_label(c: &ConsumerView, group_state: Option<GroupState>) -> &'static str {
    state_label_with(c, group_state, None)
}

/// [`state_label`], a KIP-848 member's from its [`Reconciling`]: revoking (UNREVOKED_PARTITIONS), waiting
/// (UNRELEASED_PARTITIONS), stable, or joining while the coordinator has no record of it.
pub fn state_label_with(
    c: &ConsumerView,
    group_state: Option<GroupState>,
    r: Option<&Reconciling>,
) -> &'static str {
    match &c.status {
        ConsumerStatus::Running if r.is_some() => match r.map_or("", |r| r.state.as_str()) {
            "STABLE" => "stable",
            "UNREVOKED_PARTITIONS" => "revoking",
            "UNRELEASED_PARTITIONS" => "waiting",
            _ => "joining",
        },
        ConsumerStatus::Crashed => "dead (crashed)",
        ConsumerStatus::Closed => "closed",
        ConsumerStatus::Failed(_) => "dead (failed)",
        ConsumerStatus::Running if c.standalone => "assigned",
        ConsumerStatus::Running => match c.member_state {
            MemberState::Unjoined => "joining",
            MemberState::PreparingRebalance => "joining",
            MemberState::CompletingRebalance => "awaiting sync",
            // The coordinator waits for its JoinGroup; the member hears of the rebalance from its next heartbeat
            // response (REBALANCE_IN_PROGRESS: AbstractCoordinator.HeartbeatResponseHandler) and keeps consuming
            // until then; a Java consumer then revokes and rejoins in its next poll().
            MemberState::Stable if group_state == Some(GroupState::PreparingRebalance) => {
                if c.rejoin_needed {
                    "revoking"
                } else {
                    "not told yet"
                }
            }
            MemberState::Stable => "stable",
        },
    }
}

/// A KIP-848 member's place in its reconciliation, as the coordinator holds it (its `ConsumerGroupMember`):
/// the member epoch and `MemberState`, what it must revoke and what it waits for.
#[derive(Clone, Debug, PartialEq)]
pub struct Reconciling {
    pub epoch: i32,
    /// STABLE, UNREVOKED_PARTITIONS, UNRELEASED_PARTITIONS (modern/MemberState); the client's own state
    /// (JOINING, FENCED…) while the coordinator has no record of it.
    pub state: String,
    /// UNREVOKED_PARTITIONS: what it still owns outside its target (`topic/partition`).
    pub revoking: Vec<String>,
    /// UNRELEASED_PARTITIONS: partitions of its target another member still owns.
    pub waiting_for: Vec<String>,
}

/// The reconciliation of consumer `c` in its group `g`; None for a classic member.
pub fn reconciling(c: &ConsumerView, g: Option<&GroupView>) -> Option<Reconciling> {
    if c.group_protocol != GroupProtocol::Consumer || c.standalone {
        return None;
    }
    let m = g.and_then(|g| {
        g.members
            .iter()
            .find(|m| m.consumer == c.name)
            .map(|m| (g, m))
    });
    Some(match m {
        Some((g, m)) => {
            let state = m.member_state.clone().unwrap_or_default();
            // CurrentAssignmentBuilder: a partition of the target still owned elsewhere is held back.
            let waiting_for = if state == "UNRELEASED_PARTITIONS" {
                g.target_assignment
                    .as_ref()
                    .and_then(|t| t.get(&m.member_id))
                    .map(|t| {
                        t.iter()
                            .filter(|tp| !m.assigned.contains(tp))
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            Reconciling {
                epoch: m.member_epoch.unwrap_or(0),
                state,
                revoking: m.revoking.clone().unwrap_or_default(),
                waiting_for,
            }
        }
        None => Reconciling {
            epoch: c.member_epoch.unwrap_or(0),
            state: c.membership_state.clone().unwrap_or_default(),
            revoking: Vec::new(),
            waiting_for: Vec::new(),
        },
    })
}

/// `P1, P3` for `["t/1", "t/3"]`.
pub fn partition_list(tps: &[String]) -> String {
    tps.iter()
        .map(|tp| format!("P{}", tp.rsplit_once('/').map_or(tp.as_str(), |(_, n)| n)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a running KIP-848 member's box says after its name: its epoch and where it is in reconciling, e.g.
/// "epoch 4 · stable", "epoch 3 · revoking P3", "epoch 4 · waiting for P3".
pub fn reconciling_text(lang: crate::i18n::Lang, r: &Reconciling) -> String {
    tf(
        lang,
        "stage.epoch_state",
        &[("epoch", &r.epoch), ("state", &reconciling_state(lang, r))],
    )
}

/// The word for a KIP-848 member's state alone ("waiting", without the partitions it waits for).
fn reconciling_word(lang: crate::i18n::Lang, r: &Reconciling) -> String {
    let key = match r.state.as_str() {
        "STABLE" => "mstate.stable",
        "UNREVOKED_PARTITIONS" => "mstate.revoking",
        "UNRELEASED_PARTITIONS" => "mstate.waiting",
        "FENCED" => "mstate.fenced",
        _ => "mstate.joining",
    };
    t(lang, key).to_string()
}

/// A KIP-848 member's state without its epoch (ConsumerMembershipManager's MemberState), what a narrow box shows.
fn reconciling_state(lang: crate::i18n::Lang, r: &Reconciling) -> String {
    match r.state.as_str() {
        "UNREVOKED_PARTITIONS" if !r.revoking.is_empty() => tf(
            lang,
            "stage.revoking_list",
            &[("list", &partition_list(&r.revoking))],
        ),
        "UNRELEASED_PARTITIONS" if !r.waiting_for.is_empty() => tf(
            lang,
            "stage.waiting_for",
            &[("list", &partition_list(&r.waiting_for))],
        ),
        _ => reconciling_word(lang, r),
    }
}

/// Bold 12 px, about 7.6 px a character: a member's name.
const NAME_CHAR_W: f64 = 7.6;

/// What the first line shows: the name whole and the longest of `states` (the state, then shorter forms of it)
/// that leaves room for it; else the first form that leaves six characters of the name, else the last form cut
/// (to at least four characters); the name takes what is left. The state is bold 11 px.
fn first_line(name: &str, states: &[String], room: f64) -> (String, String) {
    let len = name.chars().count();
    let leaving = |chars: usize| {
        let state_room = room - 8.0 - chars as f64 * NAME_CHAR_W;
        states
            .iter()
            .find(|s| s.chars().count() as f64 * SMALL_BOLD_CHAR_W <= state_room)
    };
    let state = match leaving(len).or_else(|| leaving(len.min(6))) {
        Some(s) => s.clone(),
        None => ellipsis_in(
            states.last().map_or("", String::as_str),
            (room - 8.0 - 6.0 * NAME_CHAR_W).max(4.0 * SMALL_BOLD_CHAR_W),
            SMALL_BOLD_CHAR_W,
        ),
    };
    let state_w = state.chars().count() as f64 * SMALL_BOLD_CHAR_W;
    (ellipsis_in(name, room - state_w - 8.0, NAME_CHAR_W), state)
}

/// The i18n key of a [`state_label`] (the label itself stays English in `data-state` and CSS classes).
pub fn state_key(label: &str) -> &'static str {
    match label {
        "dead (crashed)" => "mstate.crashed",
        "closed" => "mstate.closed",
        "dead (failed)" => "mstate.failed",
        "assigned" => "mstate.assigned",
        "joining" => "mstate.joining",
        "awaiting sync" => "mstate.awaiting",
        "revoking" => "mstate.revoking",
        "not told yet" => "mstate.not_told",
        "waiting" => "mstate.waiting",
        _ => "mstate.stable",
    }
}

/// Real trouble a member is in, shown in the warning colour next to its processing rate (a rate alone is
/// not trouble).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// It processes fewer records a second than arrive on its partitions: its lag grows.
    LagGrows,
    /// Its last poll() was over half of max.poll.interval.ms ago: it is about to be timed out of the group.
    PollLate,
}

impl Trouble {
    pub fn id(self) -> &'static str {
        match self {
            Trouble::LagGrows => "lag",
            Trouble::PollLate => "poll",
        }
    }
}

/// The trouble a running member is in, if any: its poll() nearly too late, or records arriving on its
/// partitions faster than it processes them (the producers' rates shared evenly over each topic's partitions).
pub fn trouble(c: &ConsumerView, v: &WorldView) -> Option<Trouble> {
    if c.status != ConsumerStatus::Running {
        return None;
    }
    let since_poll = v.time_ms.saturating_sub(c.last_poll_ms);
    if c.group_id.is_some() && !c.standalone && since_poll * 2 > c.max_poll_interval_ms {
        return Some(Trouble::PollLate);
    }
    let rate = c.records_per_sec?;
    let arriving: f64 = v
        .producers
        .iter()
        .flat_map(|p| p.rates.iter())
        .map(|(topic, r)| {
            let partitions = v
                .topics
                .iter()
                .find(|t| &t.name == topic)
                .map_or(1, |t| t.partitions.len().max(1));
            let mine = c
                .assigned
                .iter()
                .filter(|tp| tp.rsplit_once('/').is_some_and(|(t, _)| t == topic))
                .count();
            *r as f64 * mine as f64 / partitions as f64
        })
        .sum();
    (f64::from(rate) < arriving).then_some(Trouble::LagGrows)
}

/// Stable in a stable group, yet owning nothing.
pub fn is_idle(c: &ConsumerView, group_state: Option<GroupState>) -> bool {
    c.status == ConsumerStatus::Running
        && !c.standalone
        && c.member_state == MemberState::Stable
        && group_state == Some(GroupState::Stable)
        && c.assigned.is_empty()
}

#[derive(Properties, PartialEq)]
pub struct MemberProps {
    pub consumer: String,
    pub member_id: String,
    pub client_id: String,
    pub group_instance_id: Option<String>,
    pub profile: &'static str,
    pub state: &'static str,
    pub assigned: Vec<String>,
    /// The process runs. A stopped member still holds its partitions at the coordinator, unread.
    #[prop_or(true)]
    pub reading: bool,
    pub idle: bool,
    pub is_leader: bool,
    /// Records it processes a second (None: as fast as they come).
    pub rate: Option<u32>,
    pub trouble: Option<Trouble>,
    pub rect: Rect,
    /// The narrow layout's shorter box.
    #[prop_or_default]
    pub compact: bool,
    /// Its group's colour (the box's outline).
    pub colour: usize,
    /// Its own colour, 1 … 8 (palette::consumer_colour): the bar on the box's left edge, as on its ownership
    /// lines and position marks.
    #[prop_or(1)]
    pub consumer_colour: usize,
    pub selected: bool,
    /// The lesson step shown talks about it.
    #[prop_or_default]
    pub highlight: bool,
    /// A KIP-848 member: its epoch and reconciliation state, said after its name instead of `state`.
    #[prop_or_default]
    pub reconciling: Option<Reconciling>,
    pub on_select: Callback<Selection>,
}

/// Where the member's text starts, right of its colour bar (3 px in, 5 px wide).
const TEXT_X: f64 = 12.0;

#[function_component(MemberNode)]
pub fn member_node(p: &MemberProps) -> Html {
    let lang = use_lang();
    let r = p.rect;
    let name = p.consumer.clone();
    let (onclick, onkeydown) = handlers(
        p.on_select
            .reform(move |_| Selection::Consumer(name.clone())),
    );
    // Text starts right of the colour bar and ends 8 px from the right edge.
    let left = r.x + TEXT_X;
    let room = r.w - TEXT_X - 8.0;
    // The ids in 11 px monospace, cut to that room.
    let id_chars = (room / (MIN_TEXT_PX * MONO_EM)).max(8.0) as usize;
    let member = if p.member_id.is_empty() {
        t(lang, "stage.no_member_id").to_string()
    } else {
        tf(lang, "stage.member_id", &[("id", &p.member_id)])
    };
    let client = match &p.group_instance_id {
        Some(i) => tf(
            lang,
            "stage.client_static",
            &[("client", &p.client_id), ("id", i)],
        ),
        None => tf(
            lang,
            "stage.client_profile",
            &[("client", &p.client_id), ("profile", &p.profile)],
        ),
    };
    let list = {
        let ps: Vec<&str> = p
            .assigned
            .iter()
            .map(|tp| tp.rsplit_once('/').map_or(tp.as_str(), |(_, n)| n))
            .collect();
        format!("P{}", ps.join(", P"))
    };
    let owns = if p.idle {
        t(lang, "stage.idle").to_string()
    } else if p.assigned.is_empty() {
        t(lang, "stage.owns_nothing").to_string()
    } else if p.reading {
        tf(lang, "stage.owns", &[("list", &&list[1..])])
    } else {
        tf(lang, "stage.holds_unread", &[("list", &&list[1..])])
    };
    // The processing rate, right on the owns line, with the trouble it is in (if any) in words.
    let rate = p.rate.map(|r| match p.trouble {
        Some(Trouble::LagGrows) => tf(lang, "stage.rate_lag_grows", &[("rate", &r)]),
        Some(Trouble::PollLate) => tf(lang, "stage.rate_poll_late", &[("rate", &r)]),
        None => tf(lang, "stage.rate", &[("rate", &r)]),
    });
    let rate = match (rate, p.trouble) {
        (None, Some(Trouble::PollLate)) => Some(t(lang, "stage.poll_late").to_string()),
        (rate, _) => rate,
    };
    // What the member owns on the same line, 11 px text (about 6 px a character) beside the rate's 12 px
    // (about 6.8): the sentence, else the count, else the bare list, else the list cut; a member owning nothing
    // keeps its note (cut if need be) and drops a rate that is no trouble. The accessible name keeps both whole.
    let rate_w = |rate: &Option<String>| {
        rate.as_ref()
            .map_or(0.0, |r| r.chars().count() as f64 * 6.8 + 8.0)
    };
    let fits = |s: &str, rate: &Option<String>| {
        s.chars().count() as f64 * SMALL_CHAR_W + rate_w(rate) <= room
    };
    let (shown, shown_rate) = if p.assigned.is_empty() {
        let keep = fits(&owns, &rate) || p.trouble.is_some();
        let rate = if keep { rate.clone() } else { None };
        (ellipsis_in(&owns, room - rate_w(&rate), SMALL_CHAR_W), rate)
    } else {
        let forms = [
            owns.clone(),
            if p.reading {
                tf(lang, "stage.owns_n", &[("n", &p.assigned.len())])
            } else {
                tf(lang, "stage.holds_n_unread", &[("n", &p.assigned.len())])
            },
            list.clone(),
        ];
        let shown = match forms.iter().find(|f| fits(f, &rate)) {
            Some(f) => f.clone(),
            None => ellipsis_in(&list, room - rate_w(&rate), SMALL_CHAR_W),
        };
        (shown, rate.clone())
    };
    let alive = p.state != "dead (crashed)" && p.state != "closed" && p.state != "dead (failed)";
    // The state, and the shorter forms a narrow box falls back to before it cuts the name: a KIP-848 member's
    // state without its epoch (the group's header has it), then without the partitions it waits for or revokes
    // (what it owns is on the next line), "dead (crashed)" as "dead" (the box's colour and title say why).
    let states: Vec<String> = match &p.reconciling {
        Some(r) if alive => {
            let mut forms = vec![
                reconciling_text(lang, r),
                reconciling_state(lang, r),
                reconciling_word(lang, r),
            ];
            forms.dedup();
            forms
        }
        _ => {
            let full = t(lang, state_key(p.state)).to_string();
            let short = full.split_once(" (").map(|(head, _)| head.to_string());
            std::iter::once(full).chain(short).collect()
        }
    };
    let state = states[0].clone();
    let state_class = format!("mstate-{}", p.state.split(' ').next().unwrap_or("x"));
    let mut label = tf(
        lang,
        "stage.member_label",
        &[
            ("consumer", &p.consumer),
            ("state", &state),
            ("owns", &owns),
            ("member", &member),
        ],
    );
    if p.is_leader {
        label.push_str(t(lang, "stage.group_leader"));
    }
    if let Some(rate) = &rate {
        label.push_str(", ");
        label.push_str(rate);
    }
    label.push_str(", ");
    label.push_str(&client);
    if p.state == "not told yet" {
        label.push_str(t(lang, "stage.not_told_hint"));
    }
    // The first line: the name and the leader tag left, the state right (first_line); the leader tag gives way
    // before the name is cut (the title and the popover say it).
    let leader = t(lang, "stage.leader");
    let leader_w = 5.0 + leader.chars().count() as f64 * SMALL_BOLD_CHAR_W;
    let (name, shown_state) = first_line(&p.consumer, &states, room);
    let show_leader = p.is_leader
        && name == p.consumer
        && p.consumer.chars().count() as f64 * NAME_CHAR_W
            + leader_w
            + shown_state.chars().count() as f64 * SMALL_BOLD_CHAR_W
            + 8.0
            <= room;
    // Baselines: name and state; member id; client; what it owns and its rate. The compact box puts what it
    // owns second and leaves the client to its title; a half-width one (layout::NARROW_PAIRED_MEMBER_H) leaves
    // the member id to it too.
    let (id_y, client_y, owns_y) = if p.compact && r.h < NARROW_PAIRED_MEMBER_H + 1.0 {
        (None, None, 31.0)
    } else if p.compact {
        (Some(45.0), None, 31.0)
    } else {
        (Some(31.0), Some(45.0), 59.0)
    };
    html! {
        <g class={classes!("member", group_class(p.colour), consumer_class(p.consumer_colour), state_class, p.idle.then_some("is-idle"),
                           p.selected.then_some("is-selected"), p.highlight.then_some("is-marked"))}
           data-consumer={p.consumer.clone()} data-colour={p.consumer_colour.to_string()} data-highlight={p.highlight.then_some("true")} data-member={p.member_id.clone()}
           data-client-id={p.client_id.clone()}
           data-group-instance-id={p.group_instance_id.clone().unwrap_or_default()}
           data-state={p.state} data-idle={p.idle.to_string()} data-assigned={p.assigned.join(" ")} data-reading={p.reading.to_string()}
           data-trouble={p.trouble.map(Trouble::id)}
           data-member-epoch={p.reconciling.as_ref().map(|r| r.epoch.to_string())}
           data-membership-state={p.reconciling.as_ref().map(|r| r.state.clone())}
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("member__box", r.x, r.y, r.w, r.h, "8") }
            { rect("member__bar", r.x + 3.0, r.y + 5.0, 5.0, r.h - 10.0, "2.5") }
            { text("member__name", left, r.y + 16.0, "", html! { <>
                { name }
                if show_leader { <tspan class="member__leader" dx="5">{ leader }</tspan> }
            </> }) }
            { text("member__state", r.right() - 8.0, r.y + 16.0, "end", shown_state) }
            if let Some(y) = id_y {
                { text("member__id", left, r.y + y, "", short_id(&member, id_chars)) }
            }
            if let Some(y) = client_y {
                { text("member__id", left, r.y + y, "", short_id(&client, id_chars)) }
            }
            { text("member__owns", left, r.y + owns_y, "", shown) }
            if let Some(rate) = shown_rate {
                <text class={classes!("member__rate", p.trouble.map(|_| "is-trouble"))} x={super::activate::px(r.right() - 8.0)}
                      y={super::activate::px(r.y + owns_y)} text-anchor="end"
                      data-trouble={p.trouble.map(Trouble::id)}>{ rate }</text>
            }
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use grouplab_model::command::Command;
    use grouplab_model::scenario::Scenario;

    /// A phone's half-width box (about 135 px of text room): the name stays whole and the state drops its
    /// epoch, or "dead (crashed)" its reason; a name too long for any form keeps six characters and the state.
    #[test]
    fn a_narrow_box_shortens_the_state_before_it_cuts_the_name() {
        let forms = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
        assert_eq!(
            first_line("consumer2", &forms("epoch 4 · stable", "stable"), 135.0),
            ("consumer2".to_string(), "stable".to_string())
        );
        assert_eq!(
            first_line("consumer1", &forms("dead (crashed)", "dead"), 135.0),
            ("consumer1".to_string(), "dead".to_string())
        );
        // A wide box keeps the whole state.
        assert_eq!(
            first_line("consumer2", &forms("epoch 4 · stable", "stable"), 260.0),
            ("consumer2".to_string(), "epoch 4 · stable".to_string())
        );
        let long = "a-consumer-with-a-name-of-forty-chars-xx";
        let (name, state) = first_line(long, &forms("epoch 4 · stable", "stable"), 260.0);
        assert_eq!(state, "epoch 4 · stable");
        assert!(name.ends_with('…') && name.chars().count() >= 6, "{name}");
        let w = name.chars().count() as f64 * NAME_CHAR_W
            + 8.0
            + state.chars().count() as f64 * SMALL_BOLD_CHAR_W;
        assert!(w <= 260.0, "{w}");
    }

    #[test]
    fn only_a_growing_lag_or_a_late_poll_is_trouble() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(12_000);
        let v = t.sim().view(40);
        let c1 = v.consumers.iter().find(|c| c.name == "consumer1").unwrap();
        // 50 records/s against about 2/s arriving on its two partitions: a rate, not trouble.
        assert_eq!(c1.records_per_sec, Some(50));
        assert_eq!(trouble(c1, &v), None);
        t.apply(Command::SetProcessingRate {
            consumer: "consumer1".into(),
            records_per_sec: Some(1),
        })
        .unwrap();
        t.advance_to(13_000);
        let v = t.sim().view(40);
        let c1 = v.consumers.iter().find(|c| c.name == "consumer1").unwrap();
        assert_eq!(trouble(c1, &v), Some(Trouble::LagGrows));
        // A poll more than half of max.poll.interval.ms ago.
        let mut late = c1.clone();
        late.last_poll_ms = 0;
        late.max_poll_interval_ms = 20_000;
        assert_eq!(trouble(&late, &v), Some(Trouble::PollLate));
    }

    /// A KIP-848 member's box says its epoch and where it is in reconciling, from the coordinator's record of
    /// it: waiting for a partition still owned elsewhere, then stable at the new epoch.
    #[test]
    fn a_consumer_protocol_member_says_its_epoch_and_state() {
        use crate::i18n::Lang;
        let l = crate::lessons::all()
            .into_iter()
            .find(|l| l.id == "kip848")
            .unwrap();
        let at = |k: usize| l.scenario(k, true).build().unwrap().sim().view(0);
        // The lesson's group and the member that joins it in step 2.
        let group_and_newcomer = |v: &WorldView| {
            let g = v
                .groups
                .iter()
                .find(|g| g.group_id == crate::lessons::GROUP)
                .unwrap()
                .clone();
            let c4 = v
                .consumers
                .iter()
                .find(|c| c.name == "consumer4")
                .unwrap()
                .clone();
            (g, c4)
        };
        let v = at(1);
        let (g, c4) = group_and_newcomer(&v);
        let (g, c4) = (&g, &c4);
        let r = reconciling(c4, Some(g)).unwrap();
        assert_eq!(r.state, "UNRELEASED_PARTITIONS");
        assert_eq!(r.epoch, g.group_epoch.unwrap());
        assert_eq!(r.waiting_for.len(), 1);
        assert_eq!(state_label_with(c4, Some(g.state), Some(&r)), "waiting");
        let p = partition_list(&r.waiting_for);
        assert_eq!(
            reconciling_text(Lang::En, &r),
            format!("epoch {} · waiting for {p}", r.epoch)
        );
        assert_eq!(
            reconciling_text(Lang::Hi, &r),
            format!("epoch {} · {p} ka wait", r.epoch)
        );
        // A member the coordinator has not told yet stays stable at its old epoch.
        let old = v
            .consumers
            .iter()
            .filter_map(|c| reconciling(c, Some(g)))
            .filter(|r| r.state == "STABLE")
            .map(|r| r.epoch)
            .min();
        assert_eq!(old, Some(g.group_epoch.unwrap() - 1));
        // Revoking: a member in UNREVOKED_PARTITIONS names what it gives up.
        let revoking = Reconciling {
            epoch: 3,
            state: "UNREVOKED_PARTITIONS".into(),
            revoking: vec!["test-topic/3".into()],
            waiting_for: Vec::new(),
        };
        assert_eq!(
            reconciling_text(Lang::En, &revoking),
            "epoch 3 · revoking P3"
        );
        assert_eq!(
            state_label_with(c4, Some(g.state), Some(&revoking)),
            "revoking"
        );
        // Reconciled: stable at the group epoch.
        let v = at(2);
        let (g, c4) = group_and_newcomer(&v);
        let (g, c4) = (&g, &c4);
        let r = reconciling(c4, Some(g)).unwrap();
        assert_eq!(
            reconciling_text(Lang::En, &r),
            format!("epoch {} · stable", g.group_epoch.unwrap())
        );
        // A classic member has none.
        let mut classic = c4.clone();
        classic.group_protocol = GroupProtocol::Classic;
        assert_eq!(reconciling(&classic, Some(g)), None);
    }
}
