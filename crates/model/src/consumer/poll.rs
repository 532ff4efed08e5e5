//! The application's poll loop, the heartbeat thread, positions, fetching and commits.

use crate::actor::{Ctx, Wake};
use crate::assignor::{RebalanceProtocol, Subscription};
use crate::cluster::Cluster;
use crate::config::AutoOffsetReset;
use crate::delivery::Deliveries;
use crate::event::{EventKind, LeaveReason};
use crate::net::{Endpoint, Payload};
use crate::topic_partition::TopicPartition;

use super::{Consumer, ConsumerStatus, MemberState, POLL_IDLE_MS};

/// What a consumer reads from the world while it acts.
pub struct ClientEnv<'a> {
    pub cluster: &'a Cluster,
    pub deliveries: &'a mut Deliveries,
    /// A live broker to bootstrap from (FindCoordinator goes to any broker).
    pub bootstrap: Option<u32>,
    /// One-way latency: a fetch takes a round trip to the partition leader.
    pub latency_ms: u64,
}

pub(super) fn me(c: &Consumer) -> Endpoint {
    Endpoint::Consumer(c.idx)
}

/// Starts (or restarts) the consumer's loops.
pub fn start(c: &mut Consumer, ctx: &mut Ctx) {
    let epoch = c.epoch;
    c.next_poll_at = ctx.now;
    c.last_poll_ms = ctx.now;
    c.next_auto_commit_ms = ctx.now + c.cfg.auto_commit_interval_ms;
    ctx.at(
        ctx.now,
        Wake::Poll {
            consumer: c.idx,
            epoch,
        },
    );
    if c.uses_consumer_protocol() {
        super::group_heartbeat::ensure_member_id(c, ctx);
        super::group_heartbeat::schedule_tick(c, ctx);
    } else if c.uses_group_membership() {
        ctx.at(
            ctx.now + c.cfg.heartbeat_interval_ms,
            Wake::Heartbeat {
                consumer: c.idx,
                epoch,
            },
        );
    }
    if !c.is_java() && c.cfg.enable_auto_commit && c.cfg.group_id.is_some() {
        // librdkafka commits stored offsets from a background timer (rdkafka_cgrp.c).
        ctx.at(
            ctx.now + c.cfg.auto_commit_interval_ms,
            Wake::AutoCommit {
                consumer: c.idx,
                epoch,
            },
        );
    }
    ctx.at(
        ctx.now + c.cfg.metadata_max_age_ms,
        Wake::ConsumerMetadata {
            consumer: c.idx,
            epoch,
        },
    );
}

/// One turn of the application's `while True: msg = consumer.poll(...)` loop.
pub fn on_poll(c: &mut Consumer, ctx: &mut Ctx, env: &mut ClientEnv) {
    if !c.is_running() || c.next_poll_at != ctx.now || c.commit_sync_pending {
        return;
    }
    c.last_poll_ms = ctx.now;
    if c.poll_timeout_expired {
        // The next poll after a poll timeout rejoins (AbstractCoordinator: "rejoin after poll timeout").
        c.poll_timeout_expired = false;
        c.rejoin_needed = true;
    }
    // Java commits the consumed positions inside poll() once the interval has elapsed
    // (ConsumerCoordinator.maybeAutoCommitOffsetsAsync).
    if c.is_java()
        && c.cfg.enable_auto_commit
        && c.cfg.group_id.is_some()
        && ctx.now >= c.next_auto_commit_ms
    {
        c.next_auto_commit_ms = ctx.now + c.cfg.auto_commit_interval_ms;
        if c.member_state == MemberState::Stable || c.manual_assignment.is_some() {
            commit(c, ctx);
        }
    }
    if c.uses_group_membership() {
        ensure_active_group(c, ctx, env);
    }
    if c.uses_consumer_protocol() {
        // KIP-848: revocation and assignment callbacks run in the application thread, inside poll().
        super::group_heartbeat::reconcile_in_poll(c, ctx);
    }
    let n = fetch(c, ctx, env);
    // The next records arrive at the earliest one fetch round trip later (the fetcher prefetches while the
    // application processes), and the application polls again once it has processed this batch.
    let fetch_round_trip = (2 * env.latency_ms).max(1);
    let next = if n == 0 {
        ctx.now + POLL_IDLE_MS
    } else {
        let processing = match c.records_per_sec {
            Some(rate) if rate > 0 => (n * 1000).div_ceil(u64::from(rate)),
            _ => 0,
        };
        ctx.now + processing.max(fetch_round_trip)
    };
    c.next_poll_at = next;
    ctx.at(
        next,
        Wake::Poll {
            consumer: c.idx,
            epoch: c.epoch,
        },
    );
}

/// AbstractCoordinator.ensureActiveGroup: find the coordinator, then (re)join if needed.
pub(super) fn ensure_active_group(c: &mut Consumer, ctx: &mut Ctx, env: &mut ClientEnv) {
    if !c.is_running() {
        return;
    }
    let Some(group_id) = c.cfg.group_id.clone() else {
        return;
    };
    if c.coordinator.is_none() {
        if !c.finding_coordinator {
            if let Some(b) = env.bootstrap {
                c.finding_coordinator = true;
                ctx.send(
                    me(c),
                    Endpoint::Broker(b),
                    Payload::FindCoordinatorRequest { key: group_id },
                );
            }
        }
        return;
    }
    if c.uses_consumer_protocol() {
        super::group_heartbeat::ensure_joined(c, ctx);
        return;
    }
    let joining = matches!(
        c.member_state,
        MemberState::PreparingRebalance | MemberState::CompletingRebalance
    );
    if !joining && (c.member_state == MemberState::Unjoined || c.rejoin_needed) {
        join_prepare(c, ctx);
        send_join(c, ctx);
    }
}

/// ConsumerCoordinator.onJoinPrepare: commit, then (eager) revoke everything before rejoining.
fn join_prepare(c: &mut Consumer, ctx: &mut Ctx) {
    if c.cfg.enable_auto_commit && c.generation_id >= 0 && c.member_state == MemberState::Stable {
        commit(c, ctx);
    }
    if c.rebalance_protocol() == RebalanceProtocol::Eager && !c.assigned.is_empty() {
        revoke_all(c, ctx);
    }
}

pub(super) fn revoke_all(c: &mut Consumer, ctx: &mut Ctx) {
    if c.assigned.is_empty() {
        return;
    }
    ctx.emit(EventKind::PartitionsRevoked {
        consumer: c.name.clone(),
        group_id: c.cfg.group_id.clone().unwrap_or_default(),
        partitions: c.assigned.clone(),
    });
    // The eager StickyAssignor remembers what it had in its user data (StickyAssignor.memberAssignment).
    c.previous_assignment = std::mem::take(&mut c.assigned);
    c.previous_generation = Some(c.generation_id);
    c.positions.clear();
    c.stored.clear();
    c.fetching_offsets.clear();
    c.no_offset.clear();
}

pub(super) fn send_join(c: &mut Consumer, ctx: &mut Ctx) {
    let (Some(group_id), Some(coordinator)) = (c.cfg.group_id.clone(), c.coordinator) else {
        return;
    };
    // Cooperative members send what they own (ConsumerProtocolSubscription.ownedPartitions); the eager
    // StickyAssignor sends its previous assignment as user data.
    let (owned, generation, revoked) = if !c.assigned.is_empty() {
        (
            c.assigned.clone(),
            (c.generation_id >= 0).then_some(c.generation_id),
            false,
        )
    } else {
        let revoked = !c.previous_assignment.is_empty();
        (
            c.previous_assignment.clone(),
            c.previous_generation,
            revoked,
        )
    };
    let subscription = Subscription {
        member_id: c.member_id.clone(),
        group_instance_id: c.cfg.group_instance_id.clone(),
        topics: c.topics.clone(),
        owned_partitions: owned,
        generation,
        revoked,
    };
    ctx.send(
        me(c),
        Endpoint::Broker(coordinator),
        Payload::JoinGroupRequest {
            group_id,
            client_id: c.cfg.client_id.clone(),
            member_id: c.member_id.clone(),
            group_instance_id: c.cfg.group_instance_id.clone(),
            session_timeout_ms: c.cfg.session_timeout_ms,
            // The rebalance timeout is max.poll.interval.ms (ConsumerCoordinator).
            rebalance_timeout_ms: c.cfg.max_poll_interval_ms,
            protocols: c.cfg.partition_assignment_strategy.clone(),
            subscription,
        },
    );
    c.member_state = MemberState::PreparingRebalance;
    c.rejoin_needed = false;
}

/// The heartbeat thread: heartbeats while joined, and leaves when the application stopped polling.
pub fn on_heartbeat(c: &mut Consumer, ctx: &mut Ctx) {
    if !c.is_running() {
        return;
    }
    if c.uses_consumer_protocol() {
        return super::group_heartbeat::on_heartbeat_timer(c, ctx);
    }
    ctx.at(
        ctx.now + c.cfg.heartbeat_interval_ms,
        Wake::Heartbeat {
            consumer: c.idx,
            epoch: c.epoch,
        },
    );
    // AbstractCoordinator.HeartbeatThread skips while the member has not joined (UNJOINED, PREPARING_REBALANCE).
    if matches!(
        c.member_state,
        MemberState::Unjoined | MemberState::PreparingRebalance
    ) || c.poll_timeout_expired
    {
        return;
    }
    if ctx.now.saturating_sub(c.last_poll_ms) > c.cfg.max_poll_interval_ms {
        // "consumer poll timeout has expired": leave the group (AbstractCoordinator.maybeLeaveGroup).
        ctx.emit(EventKind::PollTimeoutExpired {
            consumer: c.name.clone(),
            group_id: c.cfg.group_id.clone().unwrap_or_default(),
        });
        leave_group(c, ctx, LeaveReason::PollTimeout);
        c.poll_timeout_expired = true;
        return;
    }
    if let (Some(coordinator), Some(group_id)) = (c.coordinator, c.cfg.group_id.clone()) {
        ctx.send(
            me(c),
            Endpoint::Broker(coordinator),
            Payload::HeartbeatRequest {
                group_id,
                member_id: c.member_id.clone(),
                generation_id: c.generation_id,
            },
        );
    }
}

/// Revokes everything and, for a dynamic member, sends LeaveGroup (a static member sends none: KIP-345).
fn leave_group(c: &mut Consumer, ctx: &mut Ctx, _reason: LeaveReason) {
    revoke_all(c, ctx);
    if c.cfg.group_instance_id.is_none() && !c.member_id.is_empty() {
        if let (Some(coordinator), Some(group_id)) = (c.coordinator, c.cfg.group_id.clone()) {
            ctx.send(
                me(c),
                Endpoint::Broker(coordinator),
                Payload::LeaveGroupRequest {
                    group_id,
                    member_id: c.member_id.clone(),
                },
            );
        }
    }
    // AbstractCoordinator.resetGenerationOnLeaveGroup.
    c.member_id.clear();
    c.generation_id = -1;
    c.member_state = MemberState::Unjoined;
    c.rejoin_needed = true;
}

/// librdkafka's auto-commit timer.
pub fn on_auto_commit(c: &mut Consumer, ctx: &mut Ctx) {
    if !c.is_running() {
        return;
    }
    ctx.at(
        ctx.now + c.cfg.auto_commit_interval_ms,
        Wake::AutoCommit {
            consumer: c.idx,
            epoch: c.epoch,
        },
    );
    if c.member_state == MemberState::Stable || c.manual_assignment.is_some() {
        commit(c, ctx);
    }
}

/// `close()`: commit (auto commit), revoke, leave (dynamic members only).
pub fn close(c: &mut Consumer, ctx: &mut Ctx) {
    if c.cfg.enable_auto_commit
        && (c.member_state == MemberState::Stable || c.manual_assignment.is_some())
    {
        commit(c, ctx);
    }
    if c.uses_consumer_protocol() {
        super::group_heartbeat::leave(c, ctx);
    } else if c.uses_group_membership() && c.member_state != MemberState::Unjoined {
        leave_group(c, ctx, LeaveReason::LeaveGroup);
    }
    c.status = ConsumerStatus::Closed;
    ctx.emit(EventKind::ConsumerClosed {
        consumer: c.name.clone(),
    });
}

/// `commitSync()`: like `commitAsync()`, but the application does not poll again until the coordinator answers.
pub fn commit_sync(c: &mut Consumer, ctx: &mut Ctx) {
    if commit(c, ctx) {
        c.commit_sync_pending = true;
    }
}

/// Sends an OffsetCommit of the current positions (Java) or stored offsets (librdkafka); false if there was
/// nothing to commit or no coordinator to send it to.
pub fn commit(c: &mut Consumer, ctx: &mut Ctx) -> bool {
    let (Some(coordinator), Some(group_id)) = (c.coordinator, c.cfg.group_id.clone()) else {
        return false;
    };
    let offsets = c.commit_offsets();
    if offsets.is_empty() {
        return false;
    }
    let (member_id, generation_id) = if c.manual_assignment.is_some() {
        (String::new(), -1)
    } else {
        (c.member_id.clone(), c.generation_id)
    };
    ctx.send(
        me(c),
        Endpoint::Broker(coordinator),
        Payload::OffsetCommitRequest {
            group_id,
            member_id,
            generation_id,
            offsets,
        },
    );
    true
}

/// Applies `auto.offset.reset` to a partition with no committed offset.
pub(super) fn reset_position(
    c: &mut Consumer,
    ctx: &mut Ctx,
    env: &ClientEnv,
    tp: &TopicPartition,
) {
    let Some(p) = env.cluster.partition(&tp.topic, tp.partition) else {
        return;
    };
    let offset = match c.cfg.auto_offset_reset {
        AutoOffsetReset::Earliest => p.log.log_start_offset(),
        AutoOffsetReset::Latest => p.log.log_end_offset(),
        AutoOffsetReset::None => {
            c.no_offset.insert(tp.clone());
            ctx.emit(EventKind::NoOffsetForPartition {
                consumer: c.name.clone(),
                tp: tp.clone(),
            });
            return;
        }
    };
    c.positions.insert(tp.clone(), offset);
    ctx.emit(EventKind::OffsetReset {
        consumer: c.name.clone(),
        tp: tp.clone(),
        policy: c.cfg.auto_offset_reset,
        offset,
    });
}

/// Fetches up to `max.poll.records` from the owned partitions and hands them to the application.
fn fetch(c: &mut Consumer, ctx: &mut Ctx, env: &mut ClientEnv) -> u64 {
    // Borrow the owned list out of the consumer while positions change (no clone on the hot path).
    let manual = c.manual_assignment.is_some();
    let owned = if manual {
        c.manual_assignment.take().unwrap_or_default()
    } else {
        std::mem::take(&mut c.assigned)
    };
    let n = fetch_owned(c, ctx, env, &owned);
    if manual {
        c.manual_assignment = Some(owned);
    } else {
        c.assigned = owned;
    }
    n
}

fn fetch_owned(
    c: &mut Consumer,
    ctx: &mut Ctx,
    env: &mut ClientEnv,
    owned: &[TopicPartition],
) -> u64 {
    if owned.is_empty() {
        return 0;
    }
    // Partitions without a position: the committed offset first (OffsetFetch), else auto.offset.reset.
    if owned.iter().any(|tp| !c.positions.contains_key(tp)) {
        request_positions(c, ctx, env, owned);
    }
    let mut budget = u64::from(c.cfg.max_poll_records.max(1));
    let mut total = 0;
    let n = owned.len();
    let start = c.fetch_cursor % n;
    for i in 0..n {
        if budget == 0 {
            break;
        }
        let tp = &owned[(start + i) % n];
        let Some(pos) = c.positions.get_mut(tp) else {
            continue;
        };
        let Some(p) = env.cluster.partition(&tp.topic, tp.partition) else {
            continue;
        };
        if p.leader.is_none() {
            continue;
        }
        let from = *pos;
        let take = p.log.log_end_offset().saturating_sub(from).min(budget);
        if take == 0 {
            continue;
        }
        let to = from + take;
        *pos = to;
        let redelivered = env.deliveries.record(&c.delivery_key, tp, from, to);
        c.records_delivered += take;
        c.records_redelivered += redelivered;
        ctx.emit(EventKind::RecordsFetched {
            consumer: c.name.clone(),
            group_id: c.group_id.clone(),
            tp: tp.clone(),
            from_offset: from,
            to_offset: to,
            redelivered,
        });
        // librdkafka stores offset + 1 when it hands a message to the application (enable.auto.offset.store).
        match c.stored.get_mut(tp) {
            Some(s) => *s = to,
            None => {
                c.stored.insert(tp.clone(), to);
            }
        }
        budget -= take;
        total += take;
        c.fetch_cursor = (start + i + 1) % n;
    }
    total
}

/// Owned partitions without a position get the group's committed offset (OffsetFetch) or, with no group,
/// `auto.offset.reset`.
fn request_positions(
    c: &mut Consumer,
    ctx: &mut Ctx,
    env: &mut ClientEnv,
    owned: &[TopicPartition],
) {
    let missing: Vec<TopicPartition> = owned
        .iter()
        .filter(|tp| {
            !c.positions.contains_key(*tp)
                && !c.fetching_offsets.contains(*tp)
                && !c.no_offset.contains(*tp)
        })
        .cloned()
        .collect();
    if missing.is_empty() {
        return;
    }
    match (c.cfg.group_id.clone(), c.coordinator) {
        (Some(group_id), Some(coordinator)) => {
            c.fetching_offsets.extend(missing.iter().cloned());
            ctx.send(
                me(c),
                Endpoint::Broker(coordinator),
                Payload::OffsetFetchRequest {
                    group_id,
                    partitions: missing,
                },
            );
        }
        (Some(_), None) => ensure_coordinator_for_offsets(c, ctx, env),
        (None, _) => {
            for tp in &missing {
                reset_position(c, ctx, env, tp);
            }
        }
    }
}

/// A standalone consumer with a group.id still needs the coordinator for its committed offsets.
fn ensure_coordinator_for_offsets(c: &mut Consumer, ctx: &mut Ctx, env: &ClientEnv) {
    if c.finding_coordinator {
        return;
    }
    if let (Some(b), Some(group_id)) = (env.bootstrap, c.cfg.group_id.clone()) {
        c.finding_coordinator = true;
        ctx.send(
            me(c),
            Endpoint::Broker(b),
            Payload::FindCoordinatorRequest { key: group_id },
        );
    }
}
