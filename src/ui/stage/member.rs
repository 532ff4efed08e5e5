//! A consumer in its group: member id, client id, group.instance.id if static, and state. An idle member
//! (the group is stable but it owns nothing) is drawn dashed and says so.

use yew::prelude::*;

use grouplab_model::consumer::{ConsumerStatus, MemberState};
use grouplab_model::group::GroupState;
use grouplab_model::view::ConsumerView;

use super::activate::handlers;
use super::layout::Rect;
use super::svg::{rect, text, title};
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;
use crate::ui::format::short_id;
use crate::ui::markup;
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
    pub slow: Option<u32>,
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
    let owns = if p.idle {
        t(lang, "stage.idle").to_string()
    } else if p.assigned.is_empty() {
        t(lang, "stage.owns_nothing").to_string()
    } else {
        let ps: Vec<&str> = p
            .assigned
            .iter()
            .map(|tp| tp.rsplit_once('/').map_or(tp.as_str(), |(_, n)| n))
            .collect();
        let key = if p.reading {
            "stage.owns"
        } else {
            "stage.holds_unread"
        };
        tf(lang, key, &[("list", &ps.join(", P"))])
    };
    // The list while it fits the box (10 px text, about 5.6 px a character), else the count; the accessible
    // name keeps the whole list.
    let shown = if owns.chars().count() as f64 * 5.6 <= r.w - 16.0 || p.assigned.is_empty() {
        owns.clone()
    } else {
        let key = if p.reading {
            "stage.owns_n"
        } else {
            "stage.holds_n_unread"
        };
        tf(lang, key, &[("n", &p.assigned.len())])
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
           role="button" tabindex="0" {onclick} {onkeydown}>
            { title(label) }
            { rect("member__box", r.x, r.y, r.w, r.h, "8") }
            { text("member__name", r.x + 8.0, r.y + 16.0, "", html! { <>
                { &p.consumer }
                if p.is_leader { <tspan class="member__leader" dx="5">{ t(lang, "stage.leader") }</tspan> }
                if let Some(rate) = p.slow { <tspan class="member__slow" dx="5">{ format!("{rate}/s") }</tspan> }
            </> }) }
            { text("member__state", r.right() - 8.0, r.y + 16.0, "end", markup::text(state)) }
            { text("member__id", r.x + 8.0, r.y + 31.0, "", markup::text(member)) }
            { text("member__id", r.x + 8.0, r.y + 44.0, "", markup::text(client)) }
            { text("member__owns", r.x + 8.0, r.y + 57.0, "", markup::text(shown)) }
        </g>
    }
}
