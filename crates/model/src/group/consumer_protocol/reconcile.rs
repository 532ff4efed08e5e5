//! Moving one member toward its target assignment (modern/consumer/CurrentAssignmentBuilder): revoke first,
//! then take what no other member still owns, then STABLE at the target epoch.

use crate::topic_partition::TopicPartition;

use super::member::{CgMember, CgMemberState};
use super::ConsumerGroupData;

/// The member's next state, epoch and partitions. `owned`: what its heartbeat lists (the client always sends it
/// here). Returns the updated member; the caller stores it and updates the partition epochs.
pub fn reconcile(
    g: &ConsumerGroupData,
    m: &CgMember,
    target_epoch: i32,
    target: &[TopicPartition],
    owned: &[TopicPartition],
) -> CgMember {
    match m.state {
        // CurrentAssignmentBuilder.build, STABLE: nothing to do while the member is at the target epoch.
        CgMemberState::Stable if m.member_epoch == target_epoch => m.clone(),
        // UNREVOKED_PARTITIONS: the member stays (at its old epoch) until its heartbeat no longer lists the
        // partitions it must revoke (ownsRevokedPartitions).
        CgMemberState::UnrevokedPartitions if owns_any(owned, &m.pending_revocation) => m.clone(),
        CgMemberState::Unknown => m.clone(),
        // Revocation done: on to the next epoch (current + 1) and toward the latest target.
        CgMemberState::UnrevokedPartitions => {
            next_assignment(g, m, m.member_epoch + 1, target_epoch, target, owned)
        }
        // STABLE at an older epoch, or UNRELEASED_PARTITIONS: computeNextAssignment.
        _ => next_assignment(g, m, m.member_epoch, target_epoch, target, owned),
    }
}

fn owns_any(owned: &[TopicPartition], revoking: &[TopicPartition]) -> bool {
    revoking.iter().any(|tp| owned.contains(tp))
}

/// CurrentAssignmentBuilder.computeNextAssignment: `member_epoch` is the epoch the member keeps if it must
/// revoke (again).
fn next_assignment(
    g: &ConsumerGroupData,
    m: &CgMember,
    member_epoch: i32,
    target_epoch: i32,
    target: &[TopicPartition],
    owned: &[TopicPartition],
) -> CgMember {
    let current = &m.assigned;
    let kept: Vec<TopicPartition> = current
        .iter()
        .filter(|tp| target.contains(tp))
        .cloned()
        .collect();
    let revoking: Vec<TopicPartition> = current
        .iter()
        .filter(|tp| !target.contains(tp))
        .cloned()
        .collect();
    // A partition of the target that is still owned (its partition epoch is not -1) is held back.
    let (free, unreleased): (Vec<TopicPartition>, Vec<TopicPartition>) = target
        .iter()
        .filter(|tp| !current.contains(tp))
        .cloned()
        .partition(|tp| g.owner(tp).is_none());
    let mut next = m.clone();
    next.pending_revocation.clear();
    // ConsumerGroupMember.Builder.updateMemberEpoch: the previous epoch is the one the member had.
    next.previous_member_epoch = m.member_epoch;
    if !revoking.is_empty() && owns_any(owned, &revoking) {
        // Revoke first: keep only owned ∩ target, stay at the member's epoch.
        next.state = CgMemberState::UnrevokedPartitions;
        next.member_epoch = member_epoch;
        next.assigned = kept;
        next.pending_revocation = revoking;
        return next;
    }
    let mut assigned = kept;
    assigned.extend(free);
    crate::collections::sort::sort(&mut assigned);
    next.assigned = assigned;
    next.state = if unreleased.is_empty() {
        CgMemberState::Stable
    } else {
        CgMemberState::UnreleasedPartitions
    };
    next.member_epoch = target_epoch;
    next
}
