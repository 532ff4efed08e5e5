//! The consumer's answers to coordinator responses: joining, syncing, heartbeats, commits and offset fetches
//! (AbstractCoordinator / ConsumerCoordinator response handlers).

use crate::collections::VecMap;

use crate::actor::Ctx;
use crate::assignor::{self, RebalanceProtocol};
use crate::event::EventKind;
use crate::net::{Endpoint, ErrorCode, JoinedMember, Payload};
use crate::topic_partition::TopicPartition;

use super::poll::{ensure_active_group, me, reset_position, revoke_all, send_join, ClientEnv};
use super::{Consumer, ConsumerStatus, MemberState};

pub fn on_response(c: &mut Consumer, ctx: &mut Ctx, env: &mut ClientEnv, payload: Payload) {
    if !c.is_running() {
        return;
    }
    match payload {
        Payload::FindCoordinatorResponse {
            error,
            coordinator,
            key,
        } => {
            c.finding_coordinator = false;
            if let (ErrorCode::None, Some(b)) = (error, coordinator) {
                c.coordinator = Some(b);
                ctx.emit(EventKind::CoordinatorFound {
                    consumer: c.name.clone(),
                    group_id: key,
                    broker: b,
                });
                // The poll that was waiting for the coordinator goes on joining.
                if c.uses_group_membership() {
                    ensure_active_group(c, ctx, env);
                }
            }
        }
        Payload::JoinGroupResponse {
            error,
            generation_id,
            protocol_name,
            leader,
            member_id,
            members,
            skip_assignment,
        } => {
            if c.member_state != MemberState::PreparingRebalance {
                return;
            }
            match error {
                ErrorCode::MemberIdRequired => {
                    // KIP-394: rejoin at once with the member id the coordinator handed out.
                    c.member_id = member_id;
                    send_join(c, ctx);
                }
                ErrorCode::None => {
                    c.member_id = member_id;
                    c.generation_id = generation_id;
                    c.protocol = protocol_name;
                    c.leader_id = leader;
                    c.member_state = MemberState::CompletingRebalance;
                    let assignments = if c.leader_id != c.member_id {
                        Vec::new()
                    } else if skip_assignment {
                        skip_assignment_as_leader(c, ctx, env, generation_id, &members);
                        Vec::new()
                    } else {
                        lead(c, ctx, env, generation_id, &members)
                    };
                    if let (Some(coordinator), Some(group_id)) =
                        (c.coordinator, c.cfg.group_id.clone())
                    {
                        ctx.send(
                            me(c),
                            Endpoint::Broker(coordinator),
                            Payload::SyncGroupRequest {
                                group_id,
                                member_id: c.member_id.clone(),
                                generation_id,
                                assignments,
                            },
                        );
                    }
                }
                ErrorCode::UnknownMemberId => {
                    c.member_id.clear();
                    rejoin_now(c, ctx, env);
                }
                ErrorCode::InconsistentGroupProtocol | ErrorCode::FencedInstanceId => {
                    fail(c, ctx, error)
                }
                _ => coordinator_lost(c),
            }
        }
        Payload::SyncGroupResponse { error, assignment } => {
            if c.member_state != MemberState::CompletingRebalance {
                return;
            }
            match error {
                ErrorCode::None => {
                    let assignment = assignment
                        .into_iter()
                        .map(|tp| env.cluster.interned(tp))
                        .collect();
                    apply_assignment(c, ctx, assignment)
                }
                ErrorCode::RebalanceInProgress => rejoin_now(c, ctx, env),
                ErrorCode::UnknownMemberId | ErrorCode::IllegalGeneration => {
                    lose_partitions(c, ctx, error == ErrorCode::UnknownMemberId);
                    rejoin_now(c, ctx, env);
                }
                ErrorCode::FencedInstanceId => fail(c, ctx, error),
                _ => coordinator_lost(c),
            }
        }
        Payload::HeartbeatResponse { error } => match error {
            ErrorCode::None => {}
            ErrorCode::RebalanceInProgress => {
                if c.member_state == MemberState::Stable {
                    c.rejoin_needed = true;
                    // librdkafka rejoins from its background thread; Java rejoins in the next poll().
                    if !c.is_java() {
                        ensure_active_group(c, ctx, env);
                    }
                }
            }
            ErrorCode::UnknownMemberId | ErrorCode::IllegalGeneration => {
                if matches!(
                    c.member_state,
                    MemberState::Stable | MemberState::CompletingRebalance
                ) {
                    lose_partitions(c, ctx, error == ErrorCode::UnknownMemberId);
                    if !c.is_java() {
                        ensure_active_group(c, ctx, env);
                    }
                }
            }
            ErrorCode::FencedInstanceId => fail(c, ctx, error),
            _ => c.coordinator = None,
        },
        Payload::OffsetCommitResponse { error, .. } => {
            if c.commit_sync_pending {
                // commitSync() returns (or throws CommitFailedException): the application polls again.
                c.commit_sync_pending = false;
                c.next_poll_at = ctx.now;
                ctx.at(
                    ctx.now,
                    crate::actor::Wake::Poll {
                        consumer: c.idx,
                        epoch: c.epoch,
                    },
                );
            }
            if matches!(
                error,
                ErrorCode::NotCoordinator
                    | ErrorCode::CoordinatorNotAvailable
                    | ErrorCode::NetworkException
            ) {
                c.coordinator = None;
            }
        }
        Payload::OffsetFetchResponse { error, offsets } => {
            if error != ErrorCode::None {
                for (tp, _) in &offsets {
                    c.fetching_offsets.remove(tp);
                }
                c.coordinator = None;
                return;
            }
            for (tp, committed) in offsets {
                if !c.fetching_offsets.remove(&tp) || !c.owned().contains(&tp) {
                    continue;
                }
                let leo = env
                    .cluster
                    .partition(&tp.topic, tp.partition)
                    .map_or(0, |p| p.log.log_end_offset());
                match committed {
                    // A committed offset is where the group resumes (the bookmark).
                    Some(offset) if offset <= leo => {
                        c.positions.insert(tp, offset);
                    }
                    // None, or out of range: auto.offset.reset decides.
                    _ => reset_position(c, ctx, env, &tp),
                }
            }
        }
        Payload::LeaveGroupResponse { .. } => {}
        Payload::ConsumerGroupHeartbeatResponse {
            error,
            member_epoch,
            heartbeat_interval_ms,
            assignment,
            ..
        } => super::group_heartbeat::on_heartbeat_response(
            c,
            ctx,
            env,
            error,
            member_epoch,
            heartbeat_interval_ms,
            assignment,
        ),
        _ => {}
    }
}

/// The leader runs the selected assignor over every member's subscription (ConsumerCoordinator.onLeaderElected).
fn lead(
    c: &mut Consumer,
    ctx: &mut Ctx,
    env: &ClientEnv,
    generation_id: i32,
    members: &[JoinedMember],
) -> Vec<(String, Vec<TopicPartition>)> {
    let Some(protocol) = c.protocol else {
        return Vec::new();
    };
    let partitions_per_topic: VecMap<String, u32> = VecMap::from_iter(
        members
            .iter()
            .flat_map(|m| m.subscription.topics.iter())
            .filter_map(|t| env.cluster.partition_count(t).map(|n| (t.clone(), n))),
    );
    let subscriptions: Vec<_> = members.iter().map(|m| m.subscription.clone()).collect();
    // The leader's own client computes it: librdkafka orders range and roundrobin members its own way.
    let assignment = assignor::assign_by(
        c.cfg.profile,
        protocol,
        &partitions_per_topic,
        &subscriptions,
    );
    c.assignment_snapshot = Some(partitions_per_topic);
    let assignment: Vec<(String, Vec<TopicPartition>)> = assignment.into_iter().collect();
    ctx.emit(EventKind::AssignmentComputed {
        group_id: c.cfg.group_id.clone().unwrap_or_default(),
        generation_id,
        leader: c.member_id.clone(),
        assignor: protocol,
        assignment: assignment.clone(),
    });
    assignment
}

/// KIP-814 (ConsumerCoordinator.onLeaderElected with skipAssignment): no assignor run; the leader only takes
/// a metadata snapshot to watch. Partitions added before this snapshot stay unassigned until something else
/// rebalances the group (the case KAFKA-13435 left open).
fn skip_assignment_as_leader(
    c: &mut Consumer,
    ctx: &mut Ctx,
    env: &ClientEnv,
    generation_id: i32,
    members: &[JoinedMember],
) {
    let snapshot: VecMap<String, u32> = VecMap::from_iter(
        members
            .iter()
            .flat_map(|m| m.subscription.topics.iter())
            .filter_map(|t| env.cluster.partition_count(t).map(|n| (t.clone(), n))),
    );
    c.assignment_snapshot = Some(snapshot);
    ctx.emit(EventKind::AssignmentSkipped {
        group_id: c.cfg.group_id.clone().unwrap_or_default(),
        generation_id,
        leader: c.member_id.clone(),
    });
}

/// ConsumerCoordinator.onJoinComplete: eager members take the whole new assignment; cooperative members revoke
/// only what moved away and rejoin if they did (KIP-429).
fn apply_assignment(c: &mut Consumer, ctx: &mut Ctx, mut assignment: Vec<TopicPartition>) {
    crate::collections::sort::sort(&mut assignment);
    assignment.dedup();
    c.member_state = MemberState::Stable;
    let group_id = c.cfg.group_id.clone().unwrap_or_default();
    if c.rebalance_protocol() == RebalanceProtocol::Cooperative {
        let revoked = assignor::revoked_partitions(&c.assigned, &assignment);
        if !revoked.is_empty() {
            c.forget(&revoked);
            ctx.emit(EventKind::PartitionsRevoked {
                consumer: c.name.clone(),
                group_id: group_id.clone(),
                partitions: revoked,
            });
            c.rejoin_needed = true;
        }
        let added: Vec<TopicPartition> = assignment
            .iter()
            .filter(|tp| !c.assigned.contains(tp))
            .cloned()
            .collect();
        c.assigned = assignment;
        ctx.emit(EventKind::PartitionsAssigned {
            consumer: c.name.clone(),
            group_id: Some(group_id),
            partitions: added,
        });
    } else {
        c.assigned = assignment.clone();
        ctx.emit(EventKind::PartitionsAssigned {
            consumer: c.name.clone(),
            group_id: Some(group_id),
            partitions: assignment,
        });
    }
    c.previous_assignment = c.assigned.clone();
    c.previous_generation = Some(c.generation_id);
}

/// The member is no longer in the generation: its partitions are lost (onPartitionsLost), not revoked.
fn lose_partitions(c: &mut Consumer, ctx: &mut Ctx, reset_member_id: bool) {
    c.lose_assignment(ctx);
    c.generation_id = -1;
    if reset_member_id {
        c.member_id.clear();
    }
    c.member_state = MemberState::Unjoined;
    c.rejoin_needed = true;
}

fn rejoin_now(c: &mut Consumer, ctx: &mut Ctx, env: &mut ClientEnv) {
    c.member_state = MemberState::Unjoined;
    c.rejoin_needed = true;
    if c.rebalance_protocol() == RebalanceProtocol::Eager {
        revoke_all(c, ctx);
    }
    ensure_active_group(c, ctx, env);
}

/// NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE or a broken connection: find the coordinator again and rejoin.
fn coordinator_lost(c: &mut Consumer) {
    c.coordinator = None;
    c.member_state = MemberState::Unjoined;
    c.rejoin_needed = true;
}

fn fail(c: &mut Consumer, ctx: &mut Ctx, error: ErrorCode) {
    let message = format!("{error:?}");
    ctx.emit(EventKind::ConsumerError {
        consumer: c.name.clone(),
        message: message.clone(),
    });
    c.status = ConsumerStatus::Failed(message);
}
