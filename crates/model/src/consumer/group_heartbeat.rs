//! The client side of the consumer rebalance protocol (KIP-848, `group.protocol=consumer`): the heartbeat
//! request manager and the membership manager of the Java client (ConsumerHeartbeatRequestManager,
//! ConsumerMembershipManager / AbstractMembershipManager), and librdkafka's KIP-848 path (rdkafka_cgrp.c),
//! which behave alike here.

use serde::{Deserialize, Serialize};

use crate::actor::{Ctx, Wake};
use crate::event::EventKind;
use crate::group::consumer_protocol::{LEAVE_GROUP_MEMBER_EPOCH, LEAVE_GROUP_STATIC_MEMBER_EPOCH};
use crate::net::{Endpoint, ErrorCode, Payload};
use crate::topic_partition::TopicPartition;

use super::poll::{commit, me, ClientEnv};
use super::{Consumer, ConsumerStatus, MemberState};

/// The client's membership state (AbstractMembershipManager's MemberState, the states the model reaches).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CgClientState {
    /// Not in the group (before joining, after leaving).
    #[default]
    Unsubscribed,
    /// A heartbeat with epoch 0 sent.
    Joining,
    /// An assignment received, not yet applied (revocation and assignment run in the application's poll).
    Reconciling,
    /// The applied assignment is being acknowledged by a heartbeat sent at once.
    Acknowledging,
    Stable,
    /// FENCED_MEMBER_EPOCH / UNKNOWN_MEMBER_ID: partitions lost, rejoining with epoch 0.
    Fenced,
    /// `max.poll.interval.ms` expired: it left and rejoins at the next poll().
    Stale,
}

impl CgClientState {
    pub fn name(self) -> &'static str {
        match self {
            CgClientState::Unsubscribed => "UNSUBSCRIBED",
            CgClientState::Joining => "JOINING",
            CgClientState::Reconciling => "RECONCILING",
            CgClientState::Acknowledging => "ACKNOWLEDGING",
            CgClientState::Stable => "STABLE",
            CgClientState::Fenced => "FENCED",
            CgClientState::Stale => "STALE",
        }
    }
}

/// KIP-1082: the client makes its member id once per consumer instance (a random Uuid, from the world's seeded
/// random source here) and keeps it across rejoins.
pub fn ensure_member_id(c: &mut Consumer, ctx: &mut Ctx) {
    if c.member_id.is_empty() {
        c.member_id = crate::kafka_uuid::random(|| ctx.rng.next_u64()).to_string();
    }
}

/// Joins when not in the group (epoch 0), once the coordinator is known.
pub fn ensure_joined(c: &mut Consumer, ctx: &mut Ctx) {
    if matches!(
        c.cg_state,
        CgClientState::Unsubscribed | CgClientState::Fenced | CgClientState::Stale
    ) && !c.cg_in_flight
    {
        ensure_member_id(c, ctx);
        c.member_epoch = 0;
        c.cg_state = CgClientState::Joining;
        c.member_state = MemberState::PreparingRebalance;
        send(c, ctx, 0);
    }
}

/// Sends a ConsumerGroupHeartbeat with `epoch` (the member's epoch, 0 to join, -1/-2 to leave).
fn send(c: &mut Consumer, ctx: &mut Ctx, epoch: i32) {
    let (Some(coordinator), Some(group_id)) = (c.coordinator, c.cfg.group_id.clone()) else {
        return;
    };
    ctx.send(
        me(c),
        Endpoint::Broker(coordinator),
        Payload::ConsumerGroupHeartbeatRequest {
            group_id,
            member_id: c.member_id.clone(),
            member_epoch: epoch,
            instance_id: c.cfg.group_instance_id.clone(),
            // The rebalance timeout is max.poll.interval.ms (ConsumerMembershipManager).
            rebalance_timeout_ms: c.cfg.max_poll_interval_ms,
            subscribed_topics: c.topics.clone(),
            server_assignor: c.cfg.group_remote_assignor.clone(),
            owned: c.assigned.clone(),
        },
    );
    if epoch >= 0 {
        c.cg_in_flight = true;
        c.cg_heartbeat_now = false;
    }
}

/// A heartbeat now, or right after the answer to the one in flight (a change of the member's own).
fn heartbeat_now(c: &mut Consumer, ctx: &mut Ctx) {
    if c.cg_in_flight {
        c.cg_heartbeat_now = true;
    } else if c.member_epoch > 0 {
        send(c, ctx, c.member_epoch);
    }
}

/// The next heartbeat tick, one interval (`group.consumer.heartbeat.interval.ms` as the coordinator sent it, 5 s
/// by default) from now; it replaces any earlier one.
pub fn schedule_tick(c: &mut Consumer, ctx: &mut Ctx) {
    c.cg_next_heartbeat_ms = ctx.now + c.cg_heartbeat_interval_ms.max(1);
    ctx.at(
        c.cg_next_heartbeat_ms,
        Wake::Heartbeat {
            consumer: c.idx,
            epoch: c.epoch,
        },
    );
}

/// The heartbeat timer: a heartbeat an interval after the last answer (ConsumerHeartbeatRequestManager).
pub fn on_heartbeat_timer(c: &mut Consumer, ctx: &mut Ctx) {
    if ctx.now != c.cg_next_heartbeat_ms {
        return;
    }
    if c.cg_in_flight {
        // The answer to the request in flight schedules the next tick.
        return;
    }
    schedule_tick(c, ctx);
    if c.coordinator.is_none() {
        return;
    }
    if c.cg_state == CgClientState::Fenced {
        return ensure_joined(c, ctx);
    }
    if c.member_epoch <= 0 {
        return;
    }
    if ctx.now.saturating_sub(c.last_poll_ms) > c.cfg.max_poll_interval_ms {
        // The poll timer expired: leave (ConsumerMembershipManager.transitionToSendingLeaveGroup on poll timer
        // expiry); the next poll() rejoins.
        ctx.emit(EventKind::PollTimeoutExpired {
            consumer: c.name.clone(),
            group_id: c.cfg.group_id.clone().unwrap_or_default(),
        });
        // A stale member does not revoke: its partitions are lost after the leave is sent
        // (AbstractMembershipManager.transitionToSendingLeaveGroup(true), then onPartitionsLost).
        send_leave(c, ctx);
        lose_all(c, ctx);
        c.cg_in_flight = false;
        c.cg_state = CgClientState::Stale;
        return;
    }
    if !c.cg_in_flight {
        send(c, ctx, c.member_epoch);
    }
}

/// Leaves the group: epoch -1, or -2 for a static member (AbstractMembershipManager.leaveGroupEpoch); what it
/// owns is revoked first.
pub fn leave(c: &mut Consumer, ctx: &mut Ctx) {
    super::poll::revoke_all(c, ctx);
    send_leave(c, ctx);
    c.member_epoch = 0;
    c.generation_id = -1;
    c.cg_in_flight = false;
    c.cg_target = None;
    c.cg_state = CgClientState::Unsubscribed;
    c.member_state = MemberState::Unjoined;
}

fn send_leave(c: &mut Consumer, ctx: &mut Ctx) {
    if c.member_epoch > 0 || c.cg_state == CgClientState::Joining {
        let epoch = if c.cfg.group_instance_id.is_some() {
            LEAVE_GROUP_STATIC_MEMBER_EPOCH
        } else {
            LEAVE_GROUP_MEMBER_EPOCH
        };
        send(c, ctx, epoch);
    }
}

pub fn on_heartbeat_response(
    c: &mut Consumer,
    ctx: &mut Ctx,
    env: &ClientEnv,
    error: ErrorCode,
    member_epoch: i32,
    heartbeat_interval_ms: u64,
    assignment: Option<Vec<TopicPartition>>,
) {
    // The answer to a leave, or to a request of a membership given up since.
    if member_epoch < 0 || !c.cg_in_flight {
        return;
    }
    c.cg_in_flight = false;
    if heartbeat_interval_ms > 0 {
        c.cg_heartbeat_interval_ms = heartbeat_interval_ms;
    }
    schedule_tick(c, ctx);
    match error {
        ErrorCode::None => {
            c.member_epoch = member_epoch;
            c.generation_id = member_epoch;
            c.member_state = MemberState::Stable;
            if let Some(a) = assignment {
                let mut a: Vec<TopicPartition> =
                    a.into_iter().map(|tp| env.cluster.interned(tp)).collect();
                crate::collections::sort::sort(&mut a);
                a.dedup();
                c.cg_target = Some(a);
                c.cg_state = CgClientState::Reconciling;
                // Revocation and assignment run in the application thread, at its next poll().
                wake_poll(c, ctx);
            } else if matches!(
                c.cg_state,
                CgClientState::Joining | CgClientState::Acknowledging
            ) {
                c.cg_state = CgClientState::Stable;
            }
            if c.cg_heartbeat_now {
                heartbeat_now(c, ctx);
            }
        }
        ErrorCode::FencedMemberEpoch | ErrorCode::UnknownMemberId => {
            // ConsumerMembershipManager.transitionToFenced: partitions lost, then a rejoin with epoch 0 and the
            // same member id (KIP-1082), here from the next poll() or heartbeat tick (so a coordinator that keeps
            // fencing is not asked again every round trip).
            lose_all(c, ctx);
            c.cg_state = CgClientState::Fenced;
            wake_poll(c, ctx);
        }
        ErrorCode::NotCoordinator
        | ErrorCode::CoordinatorNotAvailable
        | ErrorCode::NetworkException => {
            c.coordinator = None;
            if c.cg_state == CgClientState::Joining {
                c.cg_state = CgClientState::Unsubscribed;
            }
        }
        // UNSUPPORTED_ASSIGNOR, GROUP_ID_NOT_FOUND, UNRELEASED_INSTANCE_ID, FENCED_INSTANCE_ID,
        // GROUP_MAX_SIZE_REACHED, ...: fatal for the consumer (AbstractHeartbeatRequestManager.onErrorResponse,
        // ConsumerHeartbeatRequestManager.handleSpecificError).
        _ => {
            let message = format!("{error:?}");
            ctx.emit(EventKind::ConsumerError {
                consumer: c.name.clone(),
                message: message.clone(),
            });
            c.status = ConsumerStatus::Failed(message);
        }
    }
}

fn wake_poll(c: &mut Consumer, ctx: &mut Ctx) {
    if c.commit_sync_pending || c.next_poll_at <= ctx.now {
        return;
    }
    // An idle application wakes from poll() when there is work (the background event queue).
    if c.records_per_sec.is_none() {
        c.next_poll_at = ctx.now;
        ctx.at(
            ctx.now,
            Wake::Poll {
                consumer: c.idx,
                epoch: c.epoch,
            },
        );
    }
}

/// In poll(): applies an assignment received from the coordinator. Partitions dropped are revoked (after a
/// commit with auto commit, as onPartitionsRevoked does), new ones assigned; then a heartbeat acknowledges it
/// at once. Partitions kept are consumed all along.
pub fn reconcile_in_poll(c: &mut Consumer, ctx: &mut Ctx) {
    let Some(target) = c.cg_target.take() else {
        return;
    };
    let group_id = c.cfg.group_id.clone().unwrap_or_default();
    let revoked: Vec<TopicPartition> = c
        .assigned
        .iter()
        .filter(|tp| !target.contains(tp))
        .cloned()
        .collect();
    let added: Vec<TopicPartition> = target
        .iter()
        .filter(|tp| !c.assigned.contains(tp))
        .cloned()
        .collect();
    if !revoked.is_empty() {
        if c.cfg.enable_auto_commit {
            commit(c, ctx);
        }
        c.forget(&revoked);
        ctx.emit(EventKind::PartitionsRevoked {
            consumer: c.name.clone(),
            group_id: group_id.clone(),
            partitions: revoked.clone(),
        });
    }
    c.assigned = target;
    if !added.is_empty() {
        ctx.emit(EventKind::PartitionsAssigned {
            consumer: c.name.clone(),
            group_id: Some(group_id),
            partitions: added.clone(),
        });
    }
    if revoked.is_empty() && added.is_empty() {
        c.cg_state = CgClientState::Stable;
        return;
    }
    c.cg_state = CgClientState::Acknowledging;
    heartbeat_now(c, ctx);
}

/// The member is out of the group: its partitions are lost, not revoked (onPartitionsLost).
fn lose_all(c: &mut Consumer, ctx: &mut Ctx) {
    c.lose_assignment(ctx);
    c.cg_target = None;
    c.member_epoch = 0;
    c.generation_id = -1;
    c.member_state = MemberState::Unjoined;
}
