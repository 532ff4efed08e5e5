//! Client-side partition assignors of the classic protocol, as the Java client computes them today.
//! The group leader runs one of these on every rebalance (ConsumerCoordinator.onLeaderElected).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::topic_partition::TopicPartition;

/// The `partition.assignment.strategy` names, as both clients spell them (`ConsumerPartitionAssignor.name()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AssignorName {
    #[serde(rename = "range")]
    Range,
    #[serde(rename = "roundrobin")]
    RoundRobin,
    #[serde(rename = "sticky")]
    Sticky,
    #[serde(rename = "cooperative-sticky")]
    CooperativeSticky,
}

/// Eager: revoke everything before rejoining. Cooperative: revoke only what moves (KIP-429).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RebalanceProtocol {
    Eager,
    Cooperative,
}

/// What one member tells the leader in its JoinGroup metadata (ConsumerPartitionAssignor.Subscription).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    /// Subscribed topics.
    pub topics: Vec<String>,
    /// Partitions the member owned in `generation` (cooperative: `ownedPartitions`; eager sticky: its user data).
    pub owned_partitions: Vec<TopicPartition>,
    /// The generation in which it owned them; None for a member that never had an assignment.
    pub generation: Option<i32>,
}

/// member_id -> assigned partitions, each list sorted. Every member of the input appears (possibly empty).
pub type Assignment = BTreeMap<String, Vec<TopicPartition>>;
