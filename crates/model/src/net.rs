//! Requests and responses in flight between clients and brokers, each with a send and a receive time, so the
//! UI can draw one in flight as a pure interpolation.

use serde::{Deserialize, Serialize};

use crate::assignor::{AssignorName, Subscription};
use crate::topic_partition::TopicPartition;

/// Who sends or receives a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Endpoint {
    Broker(u32),
    Consumer(u32),
    Producer(u32),
}

/// Kafka API keys the model speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Api {
    Produce,
    FindCoordinator,
    JoinGroup,
    SyncGroup,
    Heartbeat,
    LeaveGroup,
    OffsetCommit,
    OffsetFetch,
    /// KIP-848: the one RPC of the consumer rebalance protocol (join, heartbeat, reconcile, leave).
    ConsumerGroupHeartbeat,
}

/// Kafka error codes the model returns (org.apache.kafka.common.protocol.Errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    None,
    MemberIdRequired,
    UnknownMemberId,
    IllegalGeneration,
    RebalanceInProgress,
    NotCoordinator,
    CoordinatorNotAvailable,
    InconsistentGroupProtocol,
    FencedInstanceId,
    NotLeaderOrFollower,
    UnknownTopicOrPartition,
    /// KIP-848: the member's epoch is not the one the coordinator has: it must rejoin with epoch 0.
    FencedMemberEpoch,
    /// KIP-848 / KIP-1251: an offset commit carrying an older member epoch.
    StaleMemberEpoch,
    /// KIP-848: `group.remote.assignor` names no assignor of the broker's `group.consumer.assignors`.
    UnsupportedAssignor,
    /// KIP-848: a static member's instance id is still held by another member id.
    UnreleasedInstanceId,
    /// The group already has as many members as the broker allows.
    GroupMaxSizeReached,
    /// The group exists with the other protocol (GroupMetadataManager: "Group {} is not a consumer group").
    GroupIdNotFound,
    /// Not a Kafka error code: the connection to the broker failed (the broker is down).
    NetworkException,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinedMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub subscription: Subscription,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Payload {
    ProduceRequest {
        tp: TopicPartition,
        records: Vec<PendingRecord>,
    },
    ProduceResponse {
        tp: TopicPartition,
        error: ErrorCode,
        base_offset: Option<u64>,
        count: u32,
    },
    FindCoordinatorRequest {
        key: String,
    },
    FindCoordinatorResponse {
        key: String,
        error: ErrorCode,
        coordinator: Option<u32>,
    },
    JoinGroupRequest {
        group_id: String,
        /// From the request header.
        client_id: String,
        member_id: String,
        group_instance_id: Option<String>,
        session_timeout_ms: u64,
        rebalance_timeout_ms: u64,
        /// Supported assignors in preference order, each with this member's subscription metadata.
        protocols: Vec<AssignorName>,
        subscription: Subscription,
    },
    JoinGroupResponse {
        error: ErrorCode,
        generation_id: i32,
        protocol_name: Option<AssignorName>,
        leader: String,
        member_id: String,
        /// Only the leader receives the members and their subscriptions.
        members: Vec<JoinedMember>,
        /// KIP-814: a returning static leader must not compute a new assignment.
        #[serde(default)]
        skip_assignment: bool,
    },
    SyncGroupRequest {
        group_id: String,
        member_id: String,
        generation_id: i32,
        /// Only the leader sends assignments.
        assignments: Vec<(String, Vec<TopicPartition>)>,
    },
    SyncGroupResponse {
        error: ErrorCode,
        assignment: Vec<TopicPartition>,
    },
    HeartbeatRequest {
        group_id: String,
        member_id: String,
        generation_id: i32,
    },
    HeartbeatResponse {
        error: ErrorCode,
    },
    LeaveGroupRequest {
        group_id: String,
        member_id: String,
    },
    LeaveGroupResponse {
        error: ErrorCode,
    },
    OffsetCommitRequest {
        group_id: String,
        member_id: String,
        generation_id: i32,
        offsets: Vec<(TopicPartition, u64)>,
    },
    OffsetCommitResponse {
        error: ErrorCode,
        offsets: Vec<(TopicPartition, u64)>,
    },
    OffsetFetchRequest {
        group_id: String,
        partitions: Vec<TopicPartition>,
    },
    OffsetFetchResponse {
        error: ErrorCode,
        /// None: no committed offset for that partition.
        offsets: Vec<(TopicPartition, Option<u64>)>,
    },
    /// KIP-848 ConsumerGroupHeartbeat. The real clients send a field only when it changed since the last
    /// request; the model always sends the member's whole state (the same meaning, more bytes).
    ConsumerGroupHeartbeatRequest {
        group_id: String,
        /// KIP-1082: generated by the client and kept across rejoins.
        member_id: String,
        /// 0 joins, -1 leaves, -2 is a static member's temporary leave.
        member_epoch: i32,
        instance_id: Option<String>,
        /// `max.poll.interval.ms`.
        rebalance_timeout_ms: u64,
        subscribed_topics: Vec<String>,
        server_assignor: Option<String>,
        /// The partitions the member owns now.
        owned: Vec<TopicPartition>,
    },
    ConsumerGroupHeartbeatResponse {
        error: ErrorCode,
        member_id: String,
        member_epoch: i32,
        heartbeat_interval_ms: u64,
        /// The partitions the member may own now; None: unchanged.
        assignment: Option<Vec<TopicPartition>>,
    },
}

impl Payload {
    pub fn api(&self) -> Api {
        use Payload::*;
        match self {
            ProduceRequest { .. } | ProduceResponse { .. } => Api::Produce,
            FindCoordinatorRequest { .. } | FindCoordinatorResponse { .. } => Api::FindCoordinator,
            JoinGroupRequest { .. } | JoinGroupResponse { .. } => Api::JoinGroup,
            SyncGroupRequest { .. } | SyncGroupResponse { .. } => Api::SyncGroup,
            HeartbeatRequest { .. } | HeartbeatResponse { .. } => Api::Heartbeat,
            LeaveGroupRequest { .. } | LeaveGroupResponse { .. } => Api::LeaveGroup,
            OffsetCommitRequest { .. } | OffsetCommitResponse { .. } => Api::OffsetCommit,
            OffsetFetchRequest { .. } | OffsetFetchResponse { .. } => Api::OffsetFetch,
            ConsumerGroupHeartbeatRequest { .. } | ConsumerGroupHeartbeatResponse { .. } => {
                Api::ConsumerGroupHeartbeat
            }
        }
    }

    pub fn is_request(&self) -> bool {
        use Payload::*;
        matches!(
            self,
            ProduceRequest { .. }
                | FindCoordinatorRequest { .. }
                | JoinGroupRequest { .. }
                | SyncGroupRequest { .. }
                | HeartbeatRequest { .. }
                | LeaveGroupRequest { .. }
                | OffsetCommitRequest { .. }
                | OffsetFetchRequest { .. }
                | ConsumerGroupHeartbeatRequest { .. }
        )
    }

    /// The error a response carries, if it is a response.
    pub fn error(&self) -> Option<ErrorCode> {
        use Payload::*;
        match self {
            ProduceResponse { error, .. }
            | FindCoordinatorResponse { error, .. }
            | JoinGroupResponse { error, .. }
            | SyncGroupResponse { error, .. }
            | HeartbeatResponse { error }
            | LeaveGroupResponse { error }
            | OffsetCommitResponse { error, .. }
            | OffsetFetchResponse { error, .. }
            | ConsumerGroupHeartbeatResponse { error, .. } => Some(*error),
            _ => None,
        }
    }
}

/// A record on its way to the partition leader; the offset is assigned on append.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingRecord {
    pub key: Option<std::rc::Rc<str>>,
    pub value: Option<std::rc::Rc<str>>,
    pub timestamp_ms: u64,
}

/// One message in flight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: u64,
    pub from: Endpoint,
    pub to: Endpoint,
    pub sent_at_ms: u64,
    pub arrives_at_ms: u64,
    pub payload: Payload,
}
