//! SyncGroup, Heartbeat, LeaveGroup, session expiry and coordinator failover (ClassicGroup, GroupMetadataManager).

use crate::actor::Ctx;
use crate::event::{EventKind, LeaveReason, RebalanceReason};
use crate::group::GroupState;
use crate::net::{Endpoint, ErrorCode, Payload};
use crate::topic_partition::TopicPartition;

use super::join::{
    join_deadline_reached, maybe_complete_join, prepare_rebalance, schedule_session_check,
    set_state, GroupEnv,
};
use super::Group;

fn reply(ctx: &mut Ctx, env: &GroupEnv, consumer: u32, payload: Payload) {
    ctx.send(
        Endpoint::Broker(env.broker),
        Endpoint::Consumer(consumer),
        payload,
    );
}

fn sync_error(ctx: &mut Ctx, env: &GroupEnv, consumer: u32, error: ErrorCode) {
    reply(
        ctx,
        env,
        consumer,
        Payload::SyncGroupResponse {
            error,
            assignment: Vec::new(),
        },
    );
}

pub fn handle_sync(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    consumer: u32,
    member_id: &str,
    generation_id: i32,
    assignments: Vec<(String, Vec<TopicPartition>)>,
) {
    let Some(member) = g.member(member_id) else {
        return sync_error(ctx, env, consumer, ErrorCode::UnknownMemberId);
    };
    let member_consumer = member.consumer;
    if generation_id != g.generation_id {
        return sync_error(ctx, env, consumer, ErrorCode::IllegalGeneration);
    }
    match g.state {
        GroupState::PreparingRebalance
        | GroupState::Empty
        | GroupState::Dead
        | GroupState::Assigning
        | GroupState::Reconciling => sync_error(ctx, env, consumer, ErrorCode::RebalanceInProgress),
        GroupState::Stable => {
            let assignment = member.assignment.clone();
            reply(
                ctx,
                env,
                member_consumer,
                Payload::SyncGroupResponse {
                    error: ErrorCode::None,
                    assignment,
                },
            );
        }
        GroupState::CompletingRebalance => {
            if let Some(m) = g.member_mut(member_id) {
                m.awaiting_sync = true;
            }
            if !g.is_leader(member_id) {
                return;
            }
            // The leader's SyncGroup carries everyone's share; members it left out get nothing.
            for m in g.members.iter_mut() {
                m.assignment = assignments
                    .iter()
                    .find(|(id, _)| *id == m.member_id)
                    .map(|(_, a)| a.clone())
                    .unwrap_or_default();
            }
            g.record_generation(ctx.now);
            set_state(g, ctx, GroupState::Stable);
            for m in g.members.iter_mut().filter(|m| m.awaiting_sync) {
                m.awaiting_sync = false;
                ctx.send(
                    Endpoint::Broker(env.broker),
                    Endpoint::Consumer(m.consumer),
                    Payload::SyncGroupResponse {
                        error: ErrorCode::None,
                        assignment: m.assignment.clone(),
                    },
                );
            }
        }
    }
}

pub fn handle_heartbeat(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    consumer: u32,
    member_id: &str,
    generation_id: i32,
) {
    let current_generation = g.generation_id;
    let error = match g.member_mut(member_id) {
        None => ErrorCode::UnknownMemberId,
        Some(_) if generation_id != current_generation => ErrorCode::IllegalGeneration,
        Some(m) => {
            m.last_heartbeat_ms = ctx.now;
            // A heartbeat during PreparingRebalance tells the member to rejoin.
            if g.state == GroupState::PreparingRebalance {
                ErrorCode::RebalanceInProgress
            } else {
                ErrorCode::None
            }
        }
    };
    schedule_session_check(g, ctx, env);
    reply(ctx, env, consumer, Payload::HeartbeatResponse { error });
}

pub fn handle_leave(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv, consumer: u32, member_id: &str) {
    let error = if g.member(member_id).is_some() {
        remove_member(g, ctx, env, member_id, LeaveReason::LeaveGroup);
        ErrorCode::None
    } else if g.pending_members.remove(member_id) {
        ErrorCode::None
    } else {
        ErrorCode::UnknownMemberId
    };
    reply(ctx, env, consumer, Payload::LeaveGroupResponse { error });
}

/// Removes a member and rebalances the rest (removeMemberAndUpdateGroup).
fn remove_member(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    member_id: &str,
    reason: LeaveReason,
) {
    let Some(i) = g.members.iter().position(|m| m.member_id == member_id) else {
        return;
    };
    let m = g.members.remove(i);
    ctx.emit(EventKind::MemberLeft {
        group_id: g.group_id.clone(),
        member_id: m.member_id.clone(),
        consumer: env.name(m.consumer),
        reason,
    });
    if g.is_leader(member_id) {
        g.leader = g.members.first().map(|m| m.member_id.clone());
    }
    match g.state {
        GroupState::Stable | GroupState::CompletingRebalance => {
            let why = match reason {
                LeaveReason::SessionTimeout => RebalanceReason::SessionTimeout(member_id.into()),
                LeaveReason::PollTimeout => RebalanceReason::PollTimeout(member_id.into()),
                _ => RebalanceReason::Left(member_id.into()),
            };
            prepare_rebalance(g, ctx, env, why);
        }
        GroupState::PreparingRebalance => maybe_complete_join(g, ctx, env),
        // Assigning and Reconciling are consumer-protocol states, never a classic group's.
        GroupState::Empty | GroupState::Dead | GroupState::Assigning | GroupState::Reconciling => {}
    }
}

/// The group's session check fired: members silent for `session.timeout.ms` are removed, except those
/// waiting for a JoinGroup or SyncGroup answer (ClassicGroupMember.hasSatisfiedHeartbeat).
pub fn expire_sessions(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    if g.is_consumer_group() {
        return super::consumer_protocol::expire_consumer_sessions(g, ctx, env);
    }
    if g.session_check_at != Some(ctx.now) {
        return;
    }
    g.session_check_at = None;
    let expired: Vec<String> = g
        .members
        .iter()
        .filter(|m| {
            !m.awaiting_join
                && !m.awaiting_sync
                && ctx.now >= m.last_heartbeat_ms + m.session_timeout_ms
        })
        .map(|m| m.member_id.clone())
        .collect();
    for member_id in expired {
        ctx.emit(EventKind::SessionExpired {
            group_id: g.group_id.clone(),
            member_id: member_id.clone(),
        });
        remove_member(g, ctx, env, &member_id, LeaveReason::SessionTimeout);
    }
    // Members kept alive while waiting are checked again a session later.
    for m in g
        .members
        .iter_mut()
        .filter(|m| m.awaiting_join || m.awaiting_sync)
    {
        if ctx.now >= m.last_heartbeat_ms + m.session_timeout_ms {
            m.last_heartbeat_ms = ctx.now;
        }
    }
    schedule_session_check(g, ctx, env);
}

pub fn on_join_deadline(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    join_deadline_reached(g, ctx, env);
}

/// A new broker leads the group's `__consumer_offsets` partition and loads the group from it
/// (GroupMetadataManager.loadGroupsForPartition): the last stored generation, members' sessions restarted.
/// An unfinished join is lost; its members find out and rejoin.
pub fn on_coordinator_moved(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    if g.is_consumer_group() {
        return super::consumer_protocol::on_consumer_coordinator_moved(g, ctx, env);
    }
    g.join_deadline = None;
    g.initial_delay_remaining = None;
    g.pending_members.clear();
    g.session_check_at = None;
    if matches!(
        g.state,
        GroupState::PreparingRebalance | GroupState::CompletingRebalance
    ) {
        // Only the last completed generation was written to the log.
        let stored = g.history.last().cloned();
        let keep: Vec<String> = stored
            .as_ref()
            .map(|r| r.assignment.iter().map(|(id, _)| id.clone()).collect())
            .unwrap_or_default();
        g.members.retain(|m| keep.contains(&m.member_id));
        if let Some(r) = stored {
            g.generation_id = r.generation_id;
            g.protocol = r.protocol;
            g.leader = r.leader;
            for m in g.members.iter_mut() {
                m.assignment = r
                    .assignment
                    .iter()
                    .find(|(id, _)| *id == m.member_id)
                    .map(|(_, a)| a.clone())
                    .unwrap_or_default();
            }
        }
        let to = if g.members.is_empty() {
            GroupState::Empty
        } else {
            GroupState::Stable
        };
        set_state(g, ctx, to);
    }
    for m in g.members.iter_mut() {
        m.awaiting_join = false;
        m.awaiting_sync = false;
        m.last_heartbeat_ms = ctx.now;
    }
    schedule_session_check(g, ctx, env);
}
