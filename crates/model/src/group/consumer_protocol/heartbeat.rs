//! ConsumerGroupHeartbeat on the coordinator: join, heartbeat, leave, and reconciling the member that heartbeats
//! (GroupMetadataManager.consumerGroupHeartbeat and its helpers).

use std::rc::Rc;

use crate::actor::Ctx;
use crate::assignor::server::Uuid;
use crate::cluster::Cluster;
use crate::event::{EventKind, LeaveReason, RebalanceReason};
use crate::group::GroupState;
use crate::net::{Endpoint, ErrorCode, Payload};
use crate::topic_partition::TopicPartition;

use super::super::join::{set_state, GroupEnv};
use super::super::Group;
use super::assign::{subscription_metadata, update_target_assignment};
use super::liveness::{bump_group_epoch, remove_member, schedule_checks, update_group_state};
use super::member::{CgMember, CgMemberState};
use super::reconcile::reconcile;
use super::{
    ConsumerGroupData, GroupType, LEAVE_GROUP_MEMBER_EPOCH, LEAVE_GROUP_STATIC_MEMBER_EPOCH,
};
use crate::assignor::server::ServerAssignor;

/// A subscribed topic as the assignor sees it.
#[derive(Clone, Debug)]
pub struct TopicInfo {
    pub name: Rc<str>,
    pub topic_id: Uuid,
    pub partitions: u32,
}

/// A ConsumerGroupHeartbeat request's fields.
#[derive(Clone, Debug)]
pub struct HeartbeatArgs {
    pub client_id: String,
    pub member_id: String,
    pub member_epoch: i32,
    pub instance_id: Option<String>,
    pub rebalance_timeout_ms: u64,
    pub subscribed_topics: Vec<String>,
    pub server_assignor: Option<String>,
    pub owned: Vec<TopicPartition>,
}

fn respond(
    ctx: &mut Ctx,
    env: &GroupEnv,
    consumer: u32,
    error: ErrorCode,
    member_id: String,
    member_epoch: i32,
    assignment: Option<Vec<TopicPartition>>,
) {
    ctx.send(
        Endpoint::Broker(env.broker),
        Endpoint::Consumer(consumer),
        Payload::ConsumerGroupHeartbeatResponse {
            error,
            member_id,
            member_epoch,
            heartbeat_interval_ms: env.config.group_consumer_heartbeat_interval_ms,
            assignment,
        },
    );
}

fn refuse(ctx: &mut Ctx, env: &GroupEnv, consumer: u32, error: ErrorCode, req: &HeartbeatArgs) {
    respond(
        ctx,
        env,
        consumer,
        error,
        req.member_id.clone(),
        req.member_epoch,
        None,
    );
}

pub fn handle_consumer_heartbeat(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    cluster: &Cluster,
    consumer: u32,
    mut req: HeartbeatArgs,
) {
    if g.group_type == GroupType::Classic {
        if !g.members.is_empty() || !g.pending_members.is_empty() {
            // GroupMetadataManager.getOrMaybeCreateConsumerGroup: "Group {} is not a consumer group". A real
            // broker upgrades a classic group of consumer-protocol-type members online
            // (group.consumer.migration.policy, bidirectional by default): not modelled; the model answers as
            // when the upgrade is not possible.
            return refuse(ctx, env, consumer, ErrorCode::GroupIdNotFound, &req);
        }
        // An empty classic group becomes a consumer group; its committed offsets stay
        // (GroupMetadataManager.getOrMaybeCreateConsumerGroup).
        g.group_type = GroupType::Consumer;
        g.cg = ConsumerGroupData::default();
        g.generation_id = 0;
        g.protocol = None;
        g.leader = None;
        set_state(g, ctx, GroupState::Empty);
    }
    if req.member_epoch == LEAVE_GROUP_MEMBER_EPOCH
        || req.member_epoch == LEAVE_GROUP_STATIC_MEMBER_EPOCH
    {
        return leave(g, ctx, env, consumer, &req);
    }
    // throwIfConsumerGroupHeartbeatRequestIsInvalid: an assignor the broker does not have.
    if let Some(a) = &req.server_assignor {
        let known = env.config.group_consumer_assignors.iter().any(|x| x == a)
            && a.parse::<ServerAssignor>().is_ok();
        if !known {
            return refuse(ctx, env, consumer, ErrorCode::UnsupportedAssignor, &req);
        }
    }
    if req.member_id.is_empty() {
        // Clients before KIP-1082 let the coordinator pick the member id.
        req.member_id = crate::kafka_uuid::random(|| ctx.rng.next_u64()).to_string();
    }
    let mut bump: Option<RebalanceReason> = None;
    if req.member_epoch == 0 {
        match join(g, ctx, env, consumer, &req) {
            Ok(reason) => bump = reason,
            Err(error) => return refuse(ctx, env, consumer, error, &req),
        }
    } else {
        if let Some(instance) = &req.instance_id {
            // throwIfStaticMemberIsUnknown / throwIfInstanceIdIsFenced: the instance id now belongs to another
            // member id (its replacement).
            match g.cg.static_member(instance) {
                None => return refuse(ctx, env, consumer, ErrorCode::UnknownMemberId, &req),
                Some(s) if s.member_id != req.member_id => {
                    return refuse(ctx, env, consumer, ErrorCode::FencedInstanceId, &req)
                }
                Some(_) => {}
            }
        }
        let Some(m) = g.cg.member(&req.member_id) else {
            return refuse(ctx, env, consumer, ErrorCode::UnknownMemberId, &req);
        };
        // throwIfMemberEpochIsInvalid: a newer epoch, or an older one that is not the previous epoch with owned
        // partitions the member still has (a lost response), is fenced.
        let ok = req.member_epoch == m.member_epoch
            || (req.member_epoch == m.previous_member_epoch
                && req.owned.iter().all(|tp| m.assigned.contains(tp)));
        // A static member that left with -2 holds epoch -2: any greater epoch is fenced.
        if !ok || m.has_left_temporarily() {
            return refuse(ctx, env, consumer, ErrorCode::FencedMemberEpoch, &req);
        }
    }
    // Update the member from the request (ConsumerGroupMember.Builder.maybeUpdate*).
    let now = ctx.now;
    let Some(m) = g.cg.member_mut(&req.member_id) else {
        return;
    };
    m.last_heartbeat_ms = now;
    m.consumer = consumer;
    m.client_id = req.client_id.clone();
    m.rebalance_timeout_ms = req.rebalance_timeout_ms;
    m.server_assignor = req.server_assignor.clone();
    if !same_topics(&m.subscribed_topics, &req.subscribed_topics) {
        m.subscribed_topics = req.subscribed_topics.clone();
        bump.get_or_insert(RebalanceReason::NewSubscription(req.member_id.clone()));
    }
    // The subscription metadata (partition counts of the subscribed topics) changed: a new group epoch
    // (GroupMetadataManager.consumerGroupHeartbeat, "subscription metadata").
    let metadata = subscription_metadata(&g.cg, cluster);
    if metadata != g.cg.subscription_metadata {
        let changed = metadata
            .iter()
            .find(|(t, n)| g.cg.subscription_metadata.get(t.as_str()) != Some(n))
            .map(|(t, _)| t.clone());
        if let Some(t) = changed {
            bump.get_or_insert(RebalanceReason::MetadataChanged(t));
        }
        g.cg.subscription_metadata = metadata;
    }
    if let Some(reason) = bump {
        bump_group_epoch(g, ctx, reason);
    }
    if g.cg.group_epoch > g.cg.assignment_epoch {
        update_target_assignment(g, ctx, env, cluster);
    }
    reconcile_member(g, ctx, env, &req.member_id, &req.owned);
    update_group_state(g, ctx);
    schedule_checks(g, ctx, env);
    let Some(m) = g.cg.member_mut(&req.member_id) else {
        return;
    };
    // The assignment travels when it changed, and always in the answer to a join.
    let assignment = (req.member_epoch == 0 || m.sent_assignment.as_ref() != Some(&m.assigned))
        .then(|| m.assigned.clone());
    if assignment.is_some() {
        m.sent_assignment = Some(m.assigned.clone());
    }
    let (member_id, epoch) = (m.member_id.clone(), m.member_epoch);
    respond(
        ctx,
        env,
        consumer,
        ErrorCode::None,
        member_id,
        epoch,
        assignment,
    );
}

fn same_topics(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|t| b.contains(t))
}

/// A heartbeat with epoch 0: a new member, a member rejoining after it was fenced or lost its partitions, or a
/// static member coming back. Returns why the group epoch must go up, if it must.
fn join(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    consumer: u32,
    req: &HeartbeatArgs,
) -> Result<Option<RebalanceReason>, ErrorCode> {
    if let Some(instance) = &req.instance_id {
        if let Some(old) = g.cg.static_member(instance) {
            // getOrMaybeSubscribeStaticConsumerGroupMember: the instance id is taken over only from a member that
            // left with epoch -2 (throwIfInstanceIdIsUnreleased), else UNRELEASED_INSTANCE_ID.
            if !old.has_left_temporarily() {
                return Err(ErrorCode::UnreleasedInstanceId);
            }
            // The new member id takes over the old one's assignment and target, at epoch 0 (replaceMember);
            // no new group epoch.
            let old_id = old.member_id.clone();
            replace_static(g, &old_id, &req.member_id, consumer);
            if old_id != req.member_id {
                ctx.emit(EventKind::StaticMemberReplaced {
                    group_id: g.group_id.clone(),
                    group_instance_id: instance.clone(),
                    old_member_id: old_id,
                    member_id: req.member_id.clone(),
                });
            }
            return Ok(None);
        }
    }
    if let Some(m) = g.cg.member(&req.member_id) {
        // A member the coordinator still holds, joining again with epoch 0: throwIfMemberEpochIsInvalid (only a
        // lost answer to its own join passes).
        let lost_answer =
            m.previous_member_epoch == 0 && req.owned.iter().all(|tp| m.assigned.contains(tp));
        if m.member_epoch > 0 && !lost_answer {
            return Err(ErrorCode::FencedMemberEpoch);
        }
        return Ok(None);
    }
    if g.cg.members.len() as u32 >= crate::limits::MAX_MEMBERS_PER_GROUP {
        return Err(ErrorCode::GroupMaxSizeReached);
    }
    let mut m = CgMember::new(req.member_id.clone(), consumer, ctx.now);
    m.instance_id = req.instance_id.clone();
    m.subscribed_topics = req.subscribed_topics.clone();
    g.cg.members.push(m);
    ctx.emit(EventKind::MemberJoined {
        group_id: g.group_id.clone(),
        member_id: req.member_id.clone(),
        consumer: env.name(consumer),
    });
    Ok(Some(RebalanceReason::Joined(req.member_id.clone())))
}

fn replace_static(g: &mut Group, old_id: &str, new_id: &str, consumer: u32) {
    if let Some(m) = g.cg.member_mut(old_id) {
        m.member_id = new_id.to_string();
        m.consumer = consumer;
        m.member_epoch = 0;
        m.previous_member_epoch = 0;
        m.sent_assignment = None;
    }
    if let Some(t) = g.cg.target.remove(old_id) {
        g.cg.target.insert(new_id.to_string(), t);
    }
    if old_id != new_id {
        g.cg.assignor_state.replace_static(old_id, new_id);
    }
    g.cg.set_partition_epochs(old_id);
    g.cg.set_partition_epochs(new_id);
}

/// Epoch -1 (leave) or -2 (a static member's temporary leave).
fn leave(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv, consumer: u32, req: &HeartbeatArgs) {
    let Some(m) = g.cg.member_mut(&req.member_id) else {
        return refuse(ctx, env, consumer, ErrorCode::UnknownMemberId, req);
    };
    if req.member_epoch == LEAVE_GROUP_STATIC_MEMBER_EPOCH && m.instance_id.is_some() {
        // consumerGroupStaticMemberGroupLeave: the member stays with its assignment, at epoch -2, until its
        // session times out or its instance id comes back.
        if !m.has_left_temporarily() {
            m.previous_member_epoch = m.member_epoch;
        }
        m.member_epoch = LEAVE_GROUP_STATIC_MEMBER_EPOCH;
        m.last_heartbeat_ms = ctx.now;
        m.revocation_deadline = None;
        ctx.emit(EventKind::MemberLeft {
            group_id: g.group_id.clone(),
            member_id: req.member_id.clone(),
            consumer: env.name(consumer),
            reason: LeaveReason::LeaveGroup,
        });
        schedule_checks(g, ctx, env);
    } else {
        remove_member(g, ctx, env, &req.member_id, LeaveReason::LeaveGroup);
    }
    respond(
        ctx,
        env,
        consumer,
        ErrorCode::None,
        req.member_id.clone(),
        req.member_epoch,
        None,
    );
}

/// Moves the heartbeating member toward its target (only the member that heartbeats is reconciled).
fn reconcile_member(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    member_id: &str,
    owned: &[TopicPartition],
) {
    let Some(m) = g.cg.member(member_id) else {
        return;
    };
    let target = g.cg.target.get(member_id).cloned().unwrap_or_default();
    let next = reconcile(&g.cg, m, g.cg.assignment_epoch, &target, owned);
    let changed = next.member_epoch != m.member_epoch
        || next.previous_member_epoch != m.previous_member_epoch
        || next.state != m.state
        || next.assigned != m.assigned
        || next.pending_revocation != m.pending_revocation;
    let Some(slot) = g.cg.member_mut(member_id) else {
        return;
    };
    *slot = next;
    let m = slot;
    // GroupMetadataManager.maybeReconcile: on every change, a member left revoking must finish within its
    // rebalance timeout or be fenced (scheduleConsumerGroupRebalanceTimeout); otherwise the timer is cancelled.
    if changed {
        m.revocation_deadline = (m.state == CgMemberState::UnrevokedPartitions)
            .then(|| ctx.now + m.rebalance_timeout_ms);
    }
    let epoch = m.member_epoch;
    let held: Vec<TopicPartition> = m
        .assigned
        .iter()
        .chain(&m.pending_revocation)
        .cloned()
        .collect();
    m.assigned_at.retain(|tp, _| held.contains(tp));
    for tp in &m.assigned {
        if !m.assigned_at.contains_key(tp) {
            m.assigned_at.insert(tp.clone(), epoch);
        }
    }
    if changed {
        ctx.emit(EventKind::MemberReconciled {
            group_id: g.group_id.clone(),
            member_id: member_id.to_string(),
            consumer: env.name(m.consumer),
            member_epoch: m.member_epoch,
            member_state: m.state.name().to_string(),
            assigned: m.assigned.clone(),
            revoking: m.pending_revocation.clone(),
        });
    }
    g.cg.set_partition_epochs(member_id);
}
