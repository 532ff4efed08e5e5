//! The broker side of the consumer rebalance protocol (KIP-848, `group.protocol=consumer`): one RPC,
//! ConsumerGroupHeartbeat; a group epoch; a target assignment computed on the broker by a server-side
//! assignor; each member reconciled toward its target on its own (GroupMetadataManager.consumerGroupHeartbeat,
//! modern/consumer/ConsumerGroup, CurrentAssignmentBuilder, ConsumerGroupMember).
//!
//! A group's type is chosen by its first member (GroupMetadataManager creates a consumer group for a
//! ConsumerGroupHeartbeat and a classic group for a JoinGroup); an empty group changes type when a member of
//! the other protocol arrives, keeping its committed offsets.
//!
//! Simplified, on purpose:
//! * no mixed groups and no online migration: a consumer-protocol member is refused by a classic group with
//!   members (GROUP_ID_NOT_FOUND), a classic member by a consumer group with members
//!   (INCONSISTENT_GROUP_PROTOCOL), where a 4.x broker (`group.consumer.migration.policy=bidirectional`)
//!   would upgrade the classic group or take the classic member in;
//! * the clients send their whole state in every heartbeat (the real ones send a field only when it changed),
//!   and the coordinator sends the assignment only when it changed or to a join;
//! * subscriptions are topic lists (no regex subscriptions), racks are not modelled, topics are never deleted;
//! * the subscription metadata is compared at every heartbeat (the broker refreshes it when its metadata image
//!   changes): the effect, a new group epoch at the next heartbeat after partitions are added, is the same;
//! * the member map handed to the assignor is in join order (the coordinator's TimelineHashMap order, which
//!   only matters between member ids sharing a Java HashMap bucket, is not reproduced);
//! * only the broker's own assignors (`uniform`, `range`), no custom ones; the `group.consumer.min/max.*`
//!   bounds and `group.consumer.max.size` are not modelled (the model's own member limit applies).

mod assign;
mod heartbeat;
mod liveness;
mod load;
mod member;
mod reconcile;
#[cfg(test)]
mod tests;

use crate::collections::VecMap;
use crate::topic_partition::TopicPartition;

pub use assign::TargetAssignmentState;
pub use heartbeat::{handle_consumer_heartbeat, HeartbeatArgs, TopicInfo};
pub use liveness::{expire_consumer_sessions, on_consumer_coordinator_moved};
pub use load::{load, StoredCgMember, StoredConsumerGroup};
pub use member::{CgMember, CgMemberState};

/// Which protocol a group speaks (GroupType CLASSIC / CONSUMER).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupType {
    #[default]
    Classic,
    Consumer,
}

/// KIP-848 ConsumerGroup.MemberEpoch constants.
pub const LEAVE_GROUP_MEMBER_EPOCH: i32 = -1;
pub const LEAVE_GROUP_STATIC_MEMBER_EPOCH: i32 = -2;

/// The state of a consumer group (`modern/consumer/ConsumerGroup`); empty for a classic group.
#[derive(Clone, Debug, Default)]
pub struct ConsumerGroupData {
    /// Bumped on every change of membership, subscriptions or subscribed topics' metadata.
    pub group_epoch: i32,
    /// The group epoch the target assignment was computed for.
    pub assignment_epoch: i32,
    /// In join order.
    pub members: Vec<CgMember>,
    /// member id -> its target partitions (sorted).
    pub target: VecMap<String, Vec<TopicPartition>>,
    /// Who owns each partition now (assigned or pending revocation), at which member epoch
    /// (ConsumerGroup.currentPartitionEpoch); absent: free (epoch -1).
    pub partition_epochs: VecMap<TopicPartition, (String, i32)>,
    /// Partition counts of the subscribed topics when the group epoch was last computed (the subscription
    /// metadata): a change bumps the group epoch.
    pub subscription_metadata: VecMap<String, u32>,
    /// What the server-side assignor keeps between runs.
    pub assignor_state: TargetAssignmentState,
    /// The assignor the last target was computed with.
    pub assignor: Option<String>,
}

impl ConsumerGroupData {
    pub fn member(&self, member_id: &str) -> Option<&CgMember> {
        self.members.iter().find(|m| m.member_id == member_id)
    }

    pub fn member_mut(&mut self, member_id: &str) -> Option<&mut CgMember> {
        self.members.iter_mut().find(|m| m.member_id == member_id)
    }

    pub fn static_member(&self, instance_id: &str) -> Option<&CgMember> {
        self.members
            .iter()
            .find(|m| m.instance_id.as_deref() == Some(instance_id))
    }

    /// ConsumerGroup.currentPartitionEpoch: the owner of `tp`, if any.
    pub fn owner(&self, tp: &TopicPartition) -> Option<&(String, i32)> {
        self.partition_epochs.get(tp)
    }

    /// ConsumerGroup.updateMember's bookkeeping: the member's assigned and pending-revocation partitions are
    /// owned at its epoch; what it no longer holds is free.
    pub fn set_partition_epochs(&mut self, member_id: &str) {
        self.partition_epochs.retain(|_, (m, _)| m != member_id);
        if let Some(m) = self.member(member_id) {
            let epoch = m.member_epoch;
            let owned: Vec<TopicPartition> = m
                .assigned
                .iter()
                .chain(&m.pending_revocation)
                .cloned()
                .collect();
            for tp in owned {
                self.partition_epochs
                    .insert(tp, (member_id.to_string(), epoch));
            }
        }
    }

    /// The subscribed topic names of every member, sorted and deduplicated.
    pub fn subscribed_topics(&self) -> Vec<String> {
        let mut topics: Vec<String> = self
            .members
            .iter()
            .flat_map(|m| m.subscribed_topics.iter().cloned())
            .collect();
        crate::collections::sort::sort(&mut topics);
        topics.dedup();
        topics
    }
}

/// ConsumerGroup.validateOffsetCommit: the request's generation field carries the member epoch. A commit with
/// a negative epoch is a standalone (assign()) commit, allowed while the group has no members; otherwise the
/// member must exist (UNKNOWN_MEMBER_ID) and its epoch must be the coordinator's, or (KIP-1251) an older one
/// that is not older than the epoch at which the member got each committed partition (STALE_MEMBER_EPOCH).
pub fn validate_offset_commit(
    g: &super::Group,
    member_id: &str,
    member_epoch: i32,
    offsets: &[(TopicPartition, u64)],
) -> crate::net::ErrorCode {
    use crate::net::ErrorCode;
    if member_epoch < 0 && g.cg.members.is_empty() {
        return ErrorCode::None;
    }
    let Some(m) = g.cg.member(member_id) else {
        return ErrorCode::UnknownMemberId;
    };
    if member_epoch == m.member_epoch {
        return ErrorCode::None;
    }
    // KIP-1251: assignmentEpoch <= clientEpoch <= brokerEpoch, per committed partition.
    let relaxed = member_epoch < m.member_epoch
        && member_epoch >= 0
        && offsets.iter().all(|(tp, _)| {
            m.assigned_at
                .get(tp)
                .is_some_and(|&assigned| assigned <= member_epoch)
        });
    if relaxed {
        ErrorCode::None
    } else {
        ErrorCode::StaleMemberEpoch
    }
}
