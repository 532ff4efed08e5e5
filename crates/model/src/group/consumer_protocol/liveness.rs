//! Membership bookkeeping of a consumer group: removing (and fencing) members, the group epoch, the group state,
//! and the session and rebalance timeouts (GroupMetadataManager's consumer-group timers, ConsumerGroup).

use crate::actor::{Ctx, Wake};
use crate::event::{EventKind, LeaveReason, RebalanceReason};
use crate::group::GroupState;

use super::super::join::{set_state, GroupEnv};
use super::super::Group;
use super::member::CgMemberState;

/// Removes a member (leave, or fenced): its partitions are free, its target is gone, the group epoch goes up
/// (GroupMetadataManager.consumerGroupFenceMember / removeMember).
pub(super) fn remove_member(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    member_id: &str,
    reason: LeaveReason,
) {
    let Some(i) = g.cg.members.iter().position(|m| m.member_id == member_id) else {
        return;
    };
    let m = g.cg.members.remove(i);
    g.cg.partition_epochs
        .retain(|_, (owner, _)| owner != member_id);
    g.cg.target.remove(member_id);
    g.cg.assignor_state.remove_member(member_id);
    if matches!(
        reason,
        LeaveReason::SessionTimeout | LeaveReason::RebalanceTimeout
    ) {
        ctx.emit(EventKind::MemberFenced {
            group_id: g.group_id.clone(),
            member_id: member_id.to_string(),
            consumer: env.name(m.consumer),
            reason,
        });
    }
    ctx.emit(EventKind::MemberLeft {
        group_id: g.group_id.clone(),
        member_id: member_id.to_string(),
        consumer: env.name(m.consumer),
        reason,
    });
    let why = match reason {
        LeaveReason::SessionTimeout => RebalanceReason::SessionTimeout(member_id.into()),
        LeaveReason::RebalanceTimeout => RebalanceReason::RebalanceTimeout(member_id.into()),
        LeaveReason::PollTimeout => RebalanceReason::PollTimeout(member_id.into()),
        LeaveReason::LeaveGroup => RebalanceReason::Left(member_id.into()),
    };
    bump_group_epoch(g, ctx, why);
    update_group_state(g, ctx);
}

pub(super) fn bump_group_epoch(g: &mut Group, ctx: &mut Ctx, reason: RebalanceReason) {
    g.cg.group_epoch += 1;
    ctx.emit(EventKind::GroupEpochBumped {
        group_id: g.group_id.clone(),
        group_epoch: g.cg.group_epoch,
        reason,
    });
}

/// ConsumerGroup.maybeUpdateGroupState.
pub(super) fn update_group_state(g: &mut Group, ctx: &mut Ctx) {
    let cg = &g.cg;
    let to = if cg.members.is_empty() {
        GroupState::Empty
    } else if cg.group_epoch > cg.assignment_epoch {
        GroupState::Assigning
    } else if cg.members.iter().any(|m| {
        !m.has_left_temporarily()
            && (m.state != CgMemberState::Stable || m.member_epoch != cg.assignment_epoch)
    }) {
        GroupState::Reconciling
    } else {
        GroupState::Stable
    };
    set_state(g, ctx, to);
}

/// Keeps one pending check per group, at the earliest session or revocation deadline.
pub(super) fn schedule_checks(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    let session = env.config.group_consumer_session_timeout_ms;
    let next =
        g.cg.members
            .iter()
            .flat_map(|m| [Some(m.last_heartbeat_ms + session), m.revocation_deadline])
            .flatten()
            .min()
            .map(|t| t.max(ctx.now));
    if let Some(next) = next {
        if g.session_check_at
            .is_none_or(|at| next < at || at < ctx.now)
        {
            g.session_check_at = Some(next);
            ctx.at(
                next,
                Wake::GroupSession {
                    group: env.group_index,
                },
            );
        }
    }
}

/// The group's check fired: members silent for `group.consumer.session.timeout.ms` are fenced and removed
/// (static members that left with -2 too, now); members that did not revoke within their rebalance timeout
/// are fenced.
pub fn expire_consumer_sessions(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    if g.session_check_at != Some(ctx.now) {
        return;
    }
    g.session_check_at = None;
    let session = env.config.group_consumer_session_timeout_ms;
    let expired: Vec<(String, LeaveReason)> =
        g.cg.members
            .iter()
            .filter_map(|m| {
                if ctx.now >= m.last_heartbeat_ms + session {
                    Some((m.member_id.clone(), LeaveReason::SessionTimeout))
                } else if m.revocation_deadline.is_some_and(|d| ctx.now >= d) {
                    Some((m.member_id.clone(), LeaveReason::RebalanceTimeout))
                } else {
                    None
                }
            })
            .collect();
    for (member_id, reason) in expired {
        if reason == LeaveReason::SessionTimeout {
            ctx.emit(EventKind::SessionExpired {
                group_id: g.group_id.clone(),
                member_id: member_id.clone(),
            });
        }
        remove_member(g, ctx, env, &member_id, reason);
    }
    schedule_checks(g, ctx, env);
}

/// A new broker loads the group from `__consumer_offsets`: every member's session and revocation timers start
/// again; the next answers carry full assignments.
pub fn on_consumer_coordinator_moved(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    g.session_check_at = None;
    for m in g.cg.members.iter_mut() {
        m.last_heartbeat_ms = ctx.now;
        m.sent_assignment = None;
        if m.revocation_deadline.is_some() {
            m.revocation_deadline = Some(ctx.now + m.rebalance_timeout_ms);
        }
    }
    schedule_checks(g, ctx, env);
}
