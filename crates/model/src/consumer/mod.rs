//! The client side of a consumer: its application poll loop, positions, commits and its half of the group
//! protocol (ConsumerCoordinator / AbstractCoordinator in the Java client, rdkafka_cgrp.c in librdkafka).

pub mod group_heartbeat;
mod membership;
pub mod poll;
mod resume;

use crate::collections::VecMap;
use crate::collections::VecSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::actor::Ctx;
use crate::assignor::{AssignorName, RebalanceProtocol};
use crate::cluster::Cluster;
use crate::config::{ClientProfile, EffectiveConsumerConfig};
use crate::event::EventKind;
use crate::topic_partition::TopicPartition;

pub use group_heartbeat::CgClientState;
pub use membership::on_response;
pub use poll::{close, on_auto_commit, on_heartbeat, on_poll, start};
pub use resume::{resume, resume_consumer_protocol, CgMembership, Membership};

/// How long an idle application waits in `poll()` before looping (the course notes' `consumer.poll(1.0)`
/// blocks up to a second; the Java examples use 100 ms).
pub const POLL_IDLE_MS: u64 = 100;
/// `retry.backoff.ms` (100 in both clients).
pub const RETRY_BACKOFF_MS: u64 = 100;

/// The client's view of its membership (Java MemberState).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberState {
    Unjoined,
    /// JoinGroup sent, waiting for the answer.
    PreparingRebalance,
    /// SyncGroup sent, waiting for the assignment.
    CompletingRebalance,
    Stable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
pub enum ConsumerStatus {
    Running,
    Crashed,
    Closed,
    /// A fatal error the application did not survive (e.g. INCONSISTENT_GROUP_PROTOCOL).
    Failed(String),
}

/// What the console consumer was started with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleRun {
    pub group_generated: bool,
    pub from_beginning: bool,
}

#[derive(Clone, Debug)]
pub struct Consumer {
    pub idx: u32,
    pub name: Rc<str>,
    pub cfg: EffectiveConsumerConfig,
    pub topics: Vec<String>,
    /// `assign()`: no group membership, no rebalance.
    pub manual_assignment: Option<Vec<TopicPartition>>,
    pub console: Option<ConsoleRun>,
    /// Records the application processes per second; None: instantly.
    pub records_per_sec: Option<u32>,
    pub status: ConsumerStatus,
    /// Bumped on crash, close and restart: timers of an earlier incarnation are ignored.
    pub epoch: u32,

    pub coordinator: Option<u32>,
    pub finding_coordinator: bool,
    pub member_state: MemberState,
    pub member_id: String,
    pub generation_id: i32,
    pub leader_id: String,
    pub protocol: Option<AssignorName>,
    pub rejoin_needed: bool,
    /// Partitions owned now.
    pub assigned: Vec<TopicPartition>,
    /// The eager StickyAssignor's user data: the previous assignment and its generation.
    pub previous_assignment: Vec<TopicPartition>,
    pub previous_generation: Option<i32>,
    /// The leader's partition counts when it computed the assignment (ConsumerCoordinator.assignmentSnapshot).
    pub assignment_snapshot: Option<VecMap<String, u32>>,

    /// Next offset to fetch per owned partition.
    pub positions: VecMap<TopicPartition, u64>,
    /// Partitions waiting for an OffsetFetch answer.
    pub fetching_offsets: VecSet<TopicPartition>,
    /// librdkafka's stored offsets (offset + 1 of each message handed to the application).
    pub stored: VecMap<TopicPartition, u64>,
    /// Partitions with no valid offset under `auto.offset.reset=none`.
    pub no_offset: VecSet<TopicPartition>,
    pub next_poll_at: u64,
    pub last_poll_ms: u64,
    pub next_auto_commit_ms: u64,
    pub poll_timeout_expired: bool,
    /// `commitSync()` in progress: the application thread waits for the OffsetCommit answer.
    pub commit_sync_pending: bool,
    /// Where to resume the round-robin over partitions in the next fetch.
    pub fetch_cursor: usize,

    pub metadata: VecMap<String, u32>,
    /// Who deliveries are counted for: the group id, or `consumer:<name>` without a group.
    pub delivery_key: String,
    /// `cfg.group_id`, shared by the events of every fetch (a copy costs no allocation).
    pub group_id: Option<Rc<str>>,
    pub records_delivered: u64,
    pub records_redelivered: u64,

    /// KIP-848 (`group.protocol=consumer`): the member epoch the coordinator gave (0: not in the group).
    pub member_epoch: i32,
    pub cg_state: CgClientState,
    /// The heartbeat interval the coordinator sent (`group.consumer.heartbeat.interval.ms`).
    pub cg_heartbeat_interval_ms: u64,
    /// When the next heartbeat is due (an interval after the last answer); earlier ticks are stale.
    pub cg_next_heartbeat_ms: u64,
    /// A ConsumerGroupHeartbeat is waiting for its answer (one at a time).
    pub cg_in_flight: bool,
    /// Send another heartbeat as soon as the one in flight is answered.
    pub cg_heartbeat_now: bool,
    /// An assignment from the coordinator that poll() has not applied yet.
    pub cg_target: Option<Vec<TopicPartition>>,
}

impl Consumer {
    pub fn new(idx: u32, name: Rc<str>, cfg: EffectiveConsumerConfig, topics: Vec<String>) -> Self {
        let delivery_key = cfg
            .group_id
            .clone()
            .unwrap_or_else(|| format!("consumer:{name}"));
        Consumer {
            delivery_key,
            group_id: cfg.group_id.as_deref().map(Rc::from),
            idx,
            name,
            cfg,
            topics,
            manual_assignment: None,
            console: None,
            records_per_sec: None,
            status: ConsumerStatus::Running,
            epoch: 0,
            coordinator: None,
            finding_coordinator: false,
            member_state: MemberState::Unjoined,
            member_id: String::new(),
            generation_id: -1,
            leader_id: String::new(),
            protocol: None,
            rejoin_needed: true,
            assigned: Vec::new(),
            previous_assignment: Vec::new(),
            previous_generation: None,
            assignment_snapshot: None,
            positions: VecMap::new(),
            fetching_offsets: VecSet::new(),
            stored: VecMap::new(),
            no_offset: VecSet::new(),
            next_poll_at: 0,
            last_poll_ms: 0,
            next_auto_commit_ms: 0,
            poll_timeout_expired: false,
            commit_sync_pending: false,
            fetch_cursor: 0,
            metadata: VecMap::new(),
            records_delivered: 0,
            records_redelivered: 0,
            member_epoch: 0,
            cg_state: CgClientState::Unsubscribed,
            cg_heartbeat_interval_ms: crate::config::CG_HEARTBEAT_INTERVAL_MS,
            cg_next_heartbeat_ms: 0,
            cg_in_flight: false,
            cg_heartbeat_now: false,
            cg_target: None,
        }
    }

    /// A group member speaking the consumer rebalance protocol (KIP-848).
    pub fn uses_consumer_protocol(&self) -> bool {
        self.uses_group_membership()
            && self.cfg.group_protocol == crate::config::GroupProtocol::Consumer
    }

    /// Forgets what the consumer knew of `partitions` (positions, offsets stored for commit, fetches in
    /// progress): they were revoked.
    pub fn forget(&mut self, partitions: &[TopicPartition]) {
        for tp in partitions {
            self.positions.remove(tp);
            self.stored.remove(tp);
            self.fetching_offsets.remove(tp);
            self.no_offset.remove(tp);
        }
    }

    /// Drops every assigned partition as lost, not revoked (onPartitionsLost: no commit, no callback that could
    /// commit): the member is out of its group or generation. Positions and stored offsets go with them.
    pub fn lose_assignment(&mut self, ctx: &mut Ctx) {
        if !self.assigned.is_empty() {
            ctx.emit(EventKind::PartitionsLost {
                consumer: self.name.clone(),
                group_id: self.cfg.group_id.clone().unwrap_or_default(),
                partitions: self.assigned.clone(),
            });
        }
        self.assigned.clear();
        self.positions.clear();
        self.stored.clear();
        self.fetching_offsets.clear();
        self.no_offset.clear();
    }

    pub fn is_running(&self) -> bool {
        self.status == ConsumerStatus::Running
    }

    /// A member of a group through `subscribe()` (not `assign()`).
    pub fn uses_group_membership(&self) -> bool {
        self.manual_assignment.is_none() && self.cfg.group_id.is_some()
    }

    /// Java: the highest protocol every configured assignor supports, whichever assignor the group selected
    /// (ConsumerCoordinator's constructor), so the default `[range, cooperative-sticky]` is EAGER.
    /// librdkafka: the selected assignor's protocol (it requires all configured assignors to share one).
    pub fn rebalance_protocol(&self) -> RebalanceProtocol {
        let configured = &self.cfg.partition_assignment_strategy;
        if self.is_java() && !configured.is_empty() {
            return if configured
                .iter()
                .all(|a| a.protocol() == RebalanceProtocol::Cooperative)
            {
                RebalanceProtocol::Cooperative
            } else {
                RebalanceProtocol::Eager
            };
        }
        self.protocol
            .map_or(RebalanceProtocol::Eager, |p| p.protocol())
    }

    pub fn is_java(&self) -> bool {
        self.cfg.profile == ClientProfile::Java
    }

    /// Forgets everything of a previous incarnation (a restarted process starts from scratch).
    pub fn reset_client_state(&mut self) {
        let fresh = Consumer::new(
            self.idx,
            self.name.clone(),
            self.cfg.clone(),
            self.topics.clone(),
        );
        let keep_manual = self.manual_assignment.take();
        let keep_console = self.console.take();
        let (rate, epoch, delivered, redelivered) = (
            self.records_per_sec,
            self.epoch,
            self.records_delivered,
            self.records_redelivered,
        );
        *self = fresh;
        self.manual_assignment = keep_manual;
        self.console = keep_console;
        self.records_per_sec = rate;
        self.epoch = epoch;
        self.records_delivered = delivered;
        self.records_redelivered = redelivered;
    }

    /// The partitions this consumer reads: its group assignment, or its manual one.
    pub fn owned(&self) -> &[TopicPartition] {
        match &self.manual_assignment {
            Some(a) => a,
            None => &self.assigned,
        }
    }

    /// The committed offsets a commit now would write: positions (Java commits consumed positions;
    /// librdkafka commits stored offsets).
    pub fn commit_offsets(&self) -> Vec<(TopicPartition, u64)> {
        let source = if self.is_java() {
            &self.positions
        } else {
            &self.stored
        };
        self.owned()
            .iter()
            .filter_map(|tp| source.get(tp).map(|&o| (tp.clone(), o)))
            .collect()
    }

    /// Refreshes this client's metadata for its topics from the cluster (a Metadata request, not drawn).
    pub fn refresh_metadata(&mut self, cluster: &Cluster) {
        self.metadata = VecMap::from_iter(
            self.topics
                .iter()
                .map(String::as_str)
                .chain(self.manual_assignment.iter().flatten().map(|tp| &*tp.topic))
                .filter_map(|t| cluster.partition_count(t).map(|n| (t.to_string(), n))),
        );
    }
}
