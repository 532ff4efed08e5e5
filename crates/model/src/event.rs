//! Typed events: every change in the world emits one. Animation, narration and the event log are built on them.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::assignor::AssignorName;
use crate::config::AutoOffsetReset;
use crate::group::GroupState;
use crate::net::{Api, Endpoint, ErrorCode};
use crate::topic_partition::TopicPartition;
use crate::words::{english_display, msg, serialize_as_english, Message, Worded};

/// Why a member left a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaveReason {
    /// LeaveGroup from `close()`.
    LeaveGroup,
    /// LeaveGroup sent by the heartbeat thread when `max.poll.interval.ms` expired.
    PollTimeout,
    /// No heartbeat for `session.timeout.ms`.
    SessionTimeout,
    /// Did not rejoin within the rebalance timeout.
    RebalanceTimeout,
}

/// Why the coordinator starts a rebalance (the member id it is about). In the JSON, the English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RebalanceReason {
    Joined(String),
    LeaderRejoined(String),
    NewSubscription(String),
    StaticNewSubscription(String),
    SessionTimeout(String),
    PollTimeout(String),
    Left(String),
    /// KIP-848: a member did not revoke within its rebalance timeout and was fenced.
    RebalanceTimeout(String),
    /// KIP-848: the partition count of a subscribed topic changed.
    MetadataChanged(String),
}

impl Worded for RebalanceReason {
    fn message(&self) -> Message {
        use RebalanceReason::*;
        match self {
            Joined(m) => msg!("rb.joined" => "{member} joined", member = m),
            LeaderRejoined(m) => {
                msg!("rb.leader_rejoined" => "the leader {member} rejoined", member = m)
            }
            NewSubscription(m) => {
                msg!("rb.new_subscription" => "{member} rejoined with a new subscription", member = m)
            }
            StaticNewSubscription(m) => {
                msg!("rb.static_subscription" => "static member {member} rejoined with a new subscription", member = m)
            }
            SessionTimeout(m) => {
                msg!("rb.session_timeout" => "{member} missed its session timeout", member = m)
            }
            PollTimeout(m) => {
                msg!("rb.poll_timeout" => "{member} left: max.poll.interval.ms expired", member = m)
            }
            Left(m) => msg!("rb.left" => "{member} left the group", member = m),
            RebalanceTimeout(m) => {
                msg!("rb.rebalance_timeout" => "{member} did not revoke its partitions within its rebalance timeout", member = m)
            }
            MetadataChanged(t) => {
                msg!("rb.metadata" => "the partition count of {topic} changed", topic = t)
            }
        }
    }
}

english_display!(RebalanceReason);
serialize_as_english!(RebalanceReason);

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub time_ms: u64,
    pub seq: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "event")]
pub enum EventKind {
    TopicCreated {
        topic: String,
        partitions: u32,
        auto_created: bool,
    },
    PartitionsAdded {
        topic: String,
        from: u32,
        to: u32,
    },
    /// A partition starts out holding records that are not drawn (SeedPartition).
    PartitionSeeded {
        tp: TopicPartition,
        log_start_offset: u64,
        log_end_offset: u64,
    },
    BrokerStopped {
        broker: u32,
    },
    BrokerStarted {
        broker: u32,
    },
    LeaderChanged {
        tp: TopicPartition,
        leader: Option<u32>,
    },
    CoordinatorMoved {
        group_id: String,
        from: Option<u32>,
        to: Option<u32>,
    },
    ProducerAdded {
        producer: Rc<str>,
    },
    RecordsProduced {
        producer: Rc<str>,
        tp: TopicPartition,
        base_offset: u64,
        count: u32,
    },
    ProduceFailed {
        producer: Rc<str>,
        tp: TopicPartition,
        error: ErrorCode,
        count: u32,
    },
    RequestSent {
        id: u64,
        api: Api,
        from: Endpoint,
        to: Endpoint,
        arrives_at_ms: u64,
    },
    ResponseSent {
        id: u64,
        api: Api,
        from: Endpoint,
        to: Endpoint,
        arrives_at_ms: u64,
        error: ErrorCode,
    },
    ConsumerStarted {
        consumer: Rc<str>,
        group_id: Option<String>,
        client_id: String,
    },
    ConsoleConsumerStarted {
        consumer: Rc<str>,
        group_id: String,
        from_beginning: bool,
    },
    ConsumerClosed {
        consumer: Rc<str>,
    },
    ConsumerCrashed {
        consumer: Rc<str>,
    },
    CoordinatorFound {
        consumer: Rc<str>,
        group_id: String,
        broker: u32,
    },
    MemberIdAssigned {
        consumer: Rc<str>,
        group_id: String,
        member_id: String,
    },
    MemberJoined {
        group_id: String,
        member_id: String,
        consumer: Rc<str>,
    },
    StaticMemberReplaced {
        group_id: String,
        group_instance_id: String,
        old_member_id: String,
        member_id: String,
    },
    MemberLeft {
        group_id: String,
        member_id: String,
        consumer: Rc<str>,
        reason: LeaveReason,
    },
    GroupStateChanged {
        group_id: String,
        from: GroupState,
        to: GroupState,
    },
    RebalanceStarted {
        group_id: String,
        reason: RebalanceReason,
    },
    GenerationStarted {
        group_id: String,
        generation_id: i32,
        protocol: Option<AssignorName>,
        leader: Option<String>,
        members: Vec<String>,
    },
    /// The coordinator loaded a group from `__consumer_offsets` (RestoreGroup): Stable at `generation_id` with
    /// these members, or Empty with committed offsets only.
    GroupRestored {
        group_id: String,
        generation_id: i32,
        protocol: Option<AssignorName>,
        leader: Option<String>,
        members: Vec<String>,
        offsets: u32,
    },
    /// KIP-814: the returning static leader did not run the assignor; the group keeps its assignment.
    AssignmentSkipped {
        group_id: String,
        generation_id: i32,
        leader: String,
    },
    AssignmentComputed {
        group_id: String,
        generation_id: i32,
        leader: String,
        assignor: AssignorName,
        assignment: Vec<(String, Vec<TopicPartition>)>,
    },
    PartitionsRevoked {
        consumer: Rc<str>,
        group_id: String,
        partitions: Vec<TopicPartition>,
    },
    PartitionsAssigned {
        consumer: Rc<str>,
        group_id: Option<String>,
        partitions: Vec<TopicPartition>,
    },
    PartitionsLost {
        consumer: Rc<str>,
        group_id: String,
        partitions: Vec<TopicPartition>,
    },
    RecordsFetched {
        consumer: Rc<str>,
        group_id: Option<Rc<str>>,
        tp: TopicPartition,
        from_offset: u64,
        to_offset: u64,
        redelivered: u64,
    },
    OffsetReset {
        consumer: Rc<str>,
        tp: TopicPartition,
        policy: AutoOffsetReset,
        offset: u64,
    },
    NoOffsetForPartition {
        consumer: Rc<str>,
        tp: TopicPartition,
    },
    OffsetCommitted {
        group_id: String,
        consumer: Rc<str>,
        offsets: Vec<(TopicPartition, u64)>,
    },
    OffsetCommitFailed {
        group_id: String,
        consumer: Rc<str>,
        error: ErrorCode,
    },
    PollTimeoutExpired {
        consumer: Rc<str>,
        group_id: String,
    },
    SessionExpired {
        group_id: String,
        member_id: String,
    },
    UnknownTopic {
        consumer: Rc<str>,
        topic: String,
    },
    ConsumerError {
        consumer: Rc<str>,
        message: String,
    },
    /// KIP-848: the group epoch went up (membership, a subscription or a subscribed topic's partitions changed).
    GroupEpochBumped {
        group_id: String,
        group_epoch: i32,
        reason: RebalanceReason,
    },
    /// KIP-848: the coordinator ran its server-side assignor for the group epoch (TargetAssignmentBuilder).
    TargetAssignmentComputed {
        group_id: String,
        assignment_epoch: i32,
        assignor: String,
        assignment: Vec<(String, Vec<TopicPartition>)>,
    },
    /// KIP-848: the coordinator moved a member toward its target (CurrentAssignmentBuilder): its epoch, its state
    /// (STABLE, UNREVOKED_PARTITIONS, UNRELEASED_PARTITIONS), what it may own and what it must revoke.
    MemberReconciled {
        group_id: String,
        member_id: String,
        consumer: Rc<str>,
        member_epoch: i32,
        member_state: String,
        assigned: Vec<TopicPartition>,
        revoking: Vec<TopicPartition>,
    },
    /// KIP-848: the coordinator fenced a member (no heartbeat within the session timeout, or no revocation within
    /// its rebalance timeout): it is removed and must rejoin with epoch 0.
    MemberFenced {
        group_id: String,
        member_id: String,
        consumer: Rc<str>,
        reason: LeaveReason,
    },
}
