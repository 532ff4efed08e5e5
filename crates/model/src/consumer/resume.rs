//! A consumer that is already a Stable member when the story starts (a restored group): it holds its member id,
//! generation and assignment, and its positions are the group's committed offsets, exactly as a consumer is
//! after SyncGroup and OffsetFetch (ConsumerCoordinator.onJoinComplete, then refreshCommittedOffsetsIfNeeded).

use crate::collections::VecMap;

use crate::assignor::AssignorName;
use crate::topic_partition::TopicPartition;

use super::{Consumer, MemberState};

/// The membership a restored consumer resumes with.
pub struct Membership<'a> {
    pub coordinator: Option<u32>,
    pub member_id: &'a str,
    pub generation_id: i32,
    pub leader_id: &'a str,
    pub protocol: AssignorName,
    pub assignment: &'a [TopicPartition],
    pub committed: &'a VecMap<TopicPartition, u64>,
    /// Partition counts of the subscribed topics (what a leader watches for changes).
    pub partitions_per_topic: &'a VecMap<String, u32>,
}

pub fn resume(c: &mut Consumer, m: Membership) {
    c.coordinator = m.coordinator;
    c.member_state = MemberState::Stable;
    c.member_id = m.member_id.to_string();
    c.generation_id = m.generation_id;
    c.leader_id = m.leader_id.to_string();
    c.protocol = Some(m.protocol);
    c.rejoin_needed = false;
    let mut assigned = m.assignment.to_vec();
    crate::collections::sort::sort(&mut assigned);
    assigned.dedup();
    c.previous_assignment = assigned.clone();
    c.previous_generation = Some(m.generation_id);
    // The leader remembers the partition counts it assigned with (ConsumerCoordinator.assignmentSnapshot).
    if m.member_id == m.leader_id {
        c.assignment_snapshot = Some(m.partitions_per_topic.clone());
    }
    // Positions start at the committed offsets; librdkafka's stored offsets too, so nothing is committed twice.
    // A partition without a commit is fetched (OffsetFetch) and then follows auto.offset.reset.
    for tp in &assigned {
        if let Some(&offset) = m.committed.get(tp) {
            c.positions.insert(tp.clone(), offset);
            c.stored.insert(tp.clone(), offset);
        }
    }
    c.assigned = assigned;
}

/// The membership a restored consumer-protocol (KIP-848) consumer resumes with.
pub struct CgMembership<'a> {
    pub coordinator: Option<u32>,
    pub member_id: &'a str,
    pub member_epoch: i32,
    /// What it owns now (its current assignment).
    pub assignment: &'a [TopicPartition],
    pub committed: &'a VecMap<TopicPartition, u64>,
}

/// A consumer with `group.protocol=consumer` that is already a member: it holds its member id, member epoch and
/// current assignment (the membership manager STABLE, as after acknowledging that assignment) and heartbeats
/// with ConsumerGroupHeartbeat from its next tick; positions start at the committed offsets.
pub fn resume_consumer_protocol(c: &mut Consumer, m: CgMembership) {
    c.coordinator = m.coordinator;
    c.member_state = MemberState::Stable;
    c.member_id = m.member_id.to_string();
    c.member_epoch = m.member_epoch;
    c.generation_id = m.member_epoch;
    c.cg_state = super::CgClientState::Stable;
    c.rejoin_needed = false;
    let mut assigned = m.assignment.to_vec();
    crate::collections::sort::sort(&mut assigned);
    assigned.dedup();
    for tp in &assigned {
        if let Some(&offset) = m.committed.get(tp) {
            c.positions.insert(tp.clone(), offset);
            c.stored.insert(tp.clone(), offset);
        }
    }
    c.assigned = assigned;
}
