//! A member of a consumer group as the coordinator keeps it (modern/consumer/ConsumerGroupMember,
//! modern/MemberState).

use serde::{Deserialize, Serialize};

use crate::topic_partition::TopicPartition;

/// The coordinator's view of a member's reconciliation (modern/MemberState).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CgMemberState {
    /// At the target epoch with every partition it may have.
    #[default]
    Stable,
    /// Must revoke partitions first; stays at its previous epoch until its heartbeat no longer lists them.
    UnrevokedPartitions,
    /// At the target epoch, waiting for partitions other members still own.
    UnreleasedPartitions,
    Unknown,
}

impl CgMemberState {
    pub fn name(self) -> &'static str {
        match self {
            CgMemberState::Stable => "STABLE",
            CgMemberState::UnrevokedPartitions => "UNREVOKED_PARTITIONS",
            CgMemberState::UnreleasedPartitions => "UNRELEASED_PARTITIONS",
            CgMemberState::Unknown => "UNKNOWN",
        }
    }
}

#[derive(Clone, Debug)]
pub struct CgMember {
    pub member_id: String,
    pub instance_id: Option<String>,
    pub client_id: String,
    /// Which simulated consumer to answer.
    pub consumer: u32,
    pub member_epoch: i32,
    pub previous_member_epoch: i32,
    pub state: CgMemberState,
    /// The subscription, in the member's order.
    pub subscribed_topics: Vec<String>,
    pub server_assignor: Option<String>,
    /// `max.poll.interval.ms`, sent by the client.
    pub rebalance_timeout_ms: u64,
    /// What the member may own now (sorted).
    pub assigned: Vec<TopicPartition>,
    /// What it must give up before it moves on (sorted).
    pub pending_revocation: Vec<TopicPartition>,
    pub last_heartbeat_ms: u64,
    /// When a member still revoking is fenced (its rebalance timeout, from when it was asked).
    pub revocation_deadline: Option<u64>,
    /// The member epoch at which it got each partition it holds (KIP-1251: a commit may carry an older epoch, but
    /// not one older than the partition's assignment).
    pub assigned_at: crate::collections::VecMap<TopicPartition, i32>,
    /// The assignment last sent to the client (a response carries the assignment only when it changed).
    pub sent_assignment: Option<Vec<TopicPartition>>,
}

impl CgMember {
    pub fn new(member_id: String, consumer: u32, now: u64) -> Self {
        CgMember {
            member_id,
            instance_id: None,
            client_id: String::new(),
            consumer,
            member_epoch: 0,
            previous_member_epoch: 0,
            state: CgMemberState::Stable,
            subscribed_topics: Vec::new(),
            server_assignor: None,
            rebalance_timeout_ms: 300_000,
            assigned: Vec::new(),
            pending_revocation: Vec::new(),
            last_heartbeat_ms: now,
            revocation_deadline: None,
            assigned_at: crate::collections::VecMap::new(),
            sent_assignment: None,
        }
    }

    /// A static member that left temporarily (epoch -2) keeps its place and assignment until its session ends.
    pub fn has_left_temporarily(&self) -> bool {
        self.member_epoch == super::LEAVE_GROUP_STATIC_MEMBER_EPOCH
    }
}
