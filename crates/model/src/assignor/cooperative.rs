//! CooperativeStickyAssignor (KIP-429): the sticky target, minus every partition that changes owner.
//!
//! The old owner sees the partition missing from its assignment, revokes it and rejoins
//! (ConsumerCoordinator.onJoinComplete); the next generation gives it to the new owner. A move takes two
//! generations.

use std::collections::{HashMap, HashSet};

use super::{sticky, Group};
use crate::topic_partition::TopicPartition;

/// Per member (indices of `group.members`), its partitions for this generation.
pub(crate) fn assign(group: &Group) -> Vec<Vec<TopicPartition>> {
    let outcome = sticky::assign(group);
    let mut assignment = outcome.assignment;
    // CooperativeStickyAssignor.assign: the constrained builder tracked the transfers; after the general one
    // they are computed from the members' ownedPartitions.
    let transferring = match outcome.transferring {
        Some(t) => t,
        None => compute_partitions_transferring_ownership(group, &assignment),
    };
    // adjustAssignment: withhold every transferring partition from its new owner.
    let mut withheld: HashMap<usize, HashSet<TopicPartition>> = HashMap::new();
    for (tp, c) in transferring {
        withheld.entry(c).or_default().insert(tp);
    }
    for (c, set) in withheld {
        if let Some(list) = assignment.get_mut(c) {
            list.retain(|tp| !set.contains(tp));
        }
    }
    assignment
}

/// CooperativeStickyAssignor.computePartitionsTransferringOwnership: partitions newly assigned to a member that
/// some member claimed in `ownedPartitions` and does not get back.
fn compute_partitions_transferring_ownership(
    group: &Group,
    assignment: &[Vec<TopicPartition>],
) -> Vec<(TopicPartition, usize)> {
    let mut added: Vec<(TopicPartition, usize)> = Vec::new();
    let mut revoked: HashSet<&TopicPartition> = HashSet::new();
    for (c, (member, assigned)) in group.members.iter().zip(assignment).enumerate() {
        let owned: HashSet<&TopicPartition> = member.owned.iter().collect();
        added.extend(
            assigned
                .iter()
                .filter(|tp| !owned.contains(tp))
                .map(|tp| (tp.clone(), c)),
        );
        let assigned: HashSet<&TopicPartition> = assigned.iter().collect();
        revoked.extend(member.owned.iter().filter(|tp| !assigned.contains(tp)));
    }
    added.retain(|(tp, _)| revoked.contains(tp));
    added
}
