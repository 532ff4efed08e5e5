//! A consumer in its group: member id, client id, group.instance.id if static, and state. An idle member
//! (the group is stable but it owns nothing) is drawn dashed and says so.

use yew::prelude::*;

use grouplab_model::consumer::{ConsumerStatus, MemberState};
use grouplab_model::group::GroupState;
use grouplab_model::view::{ConsumerView, WorldView};

use super::activate::handlers;
use super::layout::Rect;
use super::svg::{rect, text, title};
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;
use crate::ui::format::short_id;
use crate::ui::palette::group_class;

/// The member's state in the words of the issue: joining, awaiting sync, stable, revoking, dead; and "not
/// told yet" for a member still consuming while its group prepares a rebalance it has not heard of.
pub fn state_label(c: &ConsumerView, group_state: Option<GroupState>) -> &'static str {
    match &c.status {
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
    pub colour: usize,
    pub selected: bool,
    /// The lesson step shown talks about it.
    #[prop_or_default]
    pub highlight: bool,
    pub on_select: Callback<Selection>,
}

#[function_component(MemberNode)]
pub fn member_node(p: &MemberProps) -> Html {
    let lang = use_lang();
    let r = p.rect;
    let name = p.consumer.clone();
    let (onclick, onkeydown) = handlers(
        p.on_select
            .reform(move |_| Selection::Consumer(name.clone())),
    );
    let chars = ((r.w - 16.0) / 6.2).max(8.0) as usize;
    let member = if p.member_id.is_empty() {
        t(lang, "stage.no_member_id").to_string()
    } else {
        short_id(&tf(lang, "stage.member_id", &[("id", &p.member_id)]), chars)
    };
    let client = match &p.group_instance_id {
        Some(i) => short_id(
            &tf(
                lang,
                "stage.client_static",
                &[("client", &p.client_id), ("id", i)],
            ),
            chars,
        ),
        None => short_id(
            &tf(
                lang,
                "stage.client_profile",
                &[("client", &p.client_id), ("profile", &p.profile)],
            ),
            chars,
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
    // The processing rate, right on the last line, with the trouble it is in (if any) in words.
    let rate = p.rate.map(|r| match p.trouble {
        Some(Trouble::LagGrows) => tf(lang, "stage.rate_lag_grows", &[("rate", &r)]),
        Some(Trouble::PollLate) => tf(lang, "stage.rate_poll_late", &[("rate", &r)]),
        None => tf(lang, "stage.rate", &[("rate", &r)]),
    });
    let rate = match (rate, p.trouble) {
        (None, Some(Trouble::PollLate)) => Some(t(lang, "stage.poll_late").to_string()),
        (rate, _) => rate,
    };
    // What the member owns on the same line, 10 px text (about 5.6 px a character) beside the rate's 12 px
    // (about 6.8): the sentence, else the count, else the bare list; a member owning nothing keeps its note and
    // drops a rate that is no trouble. The accessible name keeps both whole.
    let rate_w = |rate: &Option<String>| {
        rate.as_ref()
            .map_or(0.0, |r| r.chars().count() as f64 * 6.8 + 8.0)
    };
    let fits = |s: &str, rate: &Option<String>| {
        s.chars().count() as f64 * 5.6 + rate_w(rate) <= r.w - 16.0
    };
    let (shown, shown_rate) = if p.assigned.is_empty() {
        let keep = fits(&owns, &rate) || p.trouble.is_some();
        (owns.clone(), if keep { rate.clone() } else { None })
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
        let shown = forms
            .iter()
            .find(|f| fits(f, &rate))
            .unwrap_or(&list)
            .clone();
        (shown, rate.clone())
    };
    let state = t(lang, state_key(p.state));
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
    if p.state == "not told yet" {
        label.push_str(t(lang, "stage.not_told_hint"));
    }
    html! {
        <g class={classes!("member", group_class(p.colour), state_class, p.idle.then_some("is-idle"),
                           p.selected.then_some("is-selected"), p.highlight.then_some("is-marked"))}
           data-consumer={p.consumer.clone()} data-highlight={p.highlight.then_some("true")} data-member={p.member_id.clone()}
           data-client-id={p.client_id.clone()}
           data-group-instance-id={p.group_instance_id.clone().unwrap_or_default()}
           data-state={p.state} data-idle={p.idle.to_string()} data-assigned={p.assigned.join(" ")} data-reading={p.reading.to_string()}
           data-trouble={p.trouble.map(Trouble::id)}
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("member__box", r.x, r.y, r.w, r.h, "8") }
            { text("member__name", r.x + 8.0, r.y + 16.0, "", html! { <>
                { &p.consumer }
                if p.is_leader { <tspan class="member__leader" dx="5">{ t(lang, "stage.leader") }</tspan> }
            </> }) }
            { text("member__state", r.right() - 8.0, r.y + 16.0, "end", state) }
            { text("member__id", r.x + 8.0, r.y + 31.0, "", member) }
            { text("member__id", r.x + 8.0, r.y + 44.0, "", client) }
            { text("member__owns", r.x + 8.0, r.y + 57.0, "", shown) }
            if let Some(rate) = shown_rate {
                <text class={classes!("member__rate", p.trouble.map(|_| "is-trouble"))} x={super::activate::px(r.right() - 8.0)}
                      y={super::activate::px(r.y + 57.0)} text-anchor="end"
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
}
