//! AbstractStickyAssignor.ConstrainedAssignmentBuilder: all members subscribe to the same topics.
//!
//! 1. assignOwnedPartitions: members in the HashMap order of `consumerToOwnedPartitions` keep their owned
//!    partitions (sorted by partition, then topic): all of them below minQuota; maxQuota while fewer than
//!    `P % M` members have been kept at maxQuota; otherwise minQuota. The rest is revoked.
//! 2. assignRoundRobin: the unassigned partitions (topics by name, then partition) are dealt round-robin to the
//!    members under minQuota (sorted by member id), and then one each to the members at exactly minQuota.

use std::collections::{HashSet, VecDeque};

use super::{id_ranks, Partitions, Pidx};
use crate::assignor::Group;

/// Returns each member's partitions and `partitionsTransferringOwnership` (partition, new owner).
pub(crate) fn build(
    group: &Group,
    partitions: &Partitions,
    owned: Vec<Vec<Pidx>>,
    multiple_owners: &HashSet<Pidx>,
) -> (Vec<Vec<Pidx>>, Vec<(Pidx, usize)>) {
    let members = group.members.len();
    let total = partitions.total;
    let mut assignment: Vec<Vec<Pidx>> = vec![Vec::new(); members];
    let mut transferring = Vec::new();
    if members == 0 {
        return (assignment, transferring);
    }
    // Constructor: minQuota = floor(P / M), maxQuota = ceil(P / M).
    let min_quota = total / members;
    let max_quota = total.div_ceil(members);
    let expected_over_min = total % members;
    let mut current_over_min = 0usize;

    let mut assigned = vec![false; total];
    let mut revoked = vec![false; total];
    let mut under_min: Vec<usize> = Vec::new();
    let mut exactly_min: Vec<usize> = Vec::new();

    // assignOwnedPartitions, members in HashMap order (group.members is already in that order).
    for (c, mut owned) in owned.into_iter().enumerate() {
        // Sorted by partition, then topic (KAFKA-16277), so a member keeps a spread of topics.
        crate::collections::sort::sort_by_key(&mut owned, |&p| {
            (partitions.partition_number(p), partitions.topic_of[p])
        });
        owned.retain(|p| !multiple_owners.contains(p));
        let keep = if owned.len() < min_quota {
            under_min.push(c);
            owned.len()
        } else if owned.len() >= max_quota && current_over_min < expected_over_min {
            current_over_min += 1;
            if current_over_min == expected_over_min {
                exactly_min.clear();
            }
            max_quota
        } else {
            if current_over_min < expected_over_min {
                exactly_min.push(c);
            }
            min_quota
        };
        for &p in &owned[..keep] {
            assigned[p] = true;
        }
        for &p in &owned[keep..] {
            revoked[p] = true;
        }
        owned.truncate(keep);
        assignment[c] = owned;
    }

    // getUnassignedPartitions: topics sorted, partitions ascending (our Pidx order).
    let unassigned: Vec<Pidx> = (0..total).filter(|&p| !assigned[p]).collect();

    // build(): both lists sorted by member id.
    let rank = id_ranks(group);
    crate::collections::sort::sort_by_key(&mut under_min, |&c| rank[c]);
    crate::collections::sort::sort_by_key(&mut exactly_min, |&c| rank[c]);
    let mut exactly_min: VecDeque<usize> = exactly_min.into();

    // assignRoundRobin: `pos` plays the LinkedList iterator over the under-minQuota members.
    let mut pos = 0usize;
    for p in unassigned {
        let (c, from_under) = if pos < under_min.len() {
            pos += 1;
            (under_min[pos - 1], true)
        } else if under_min.is_empty() {
            match exactly_min.pop_front() {
                Some(c) => (c, false),
                // Java throws IllegalStateException("No more unfilled consumers to be assigned."): unreachable
                // because the quotas add up; we leave the rest unassigned rather than panic.
                None => break,
            }
        } else {
            pos = 1;
            (under_min[0], true)
        };
        // assignNewPartition: a partition someone had to give up, or that two members claimed, is transferring.
        assignment[c].push(p);
        if revoked[p] || multiple_owners.contains(&p) {
            transferring.push((p, c));
        }
        // Reaching minQuota moves the member to the back of the exactly-minQuota queue. (Java also counts members
        // reaching maxQuota here, but only to log an error if partitions remain: nothing depends on it.)
        if assignment[c].len() == min_quota {
            if from_under {
                pos -= 1;
                under_min.remove(pos);
            }
            exactly_min.push_back(c);
        }
    }
    (assignment, transferring)
}
