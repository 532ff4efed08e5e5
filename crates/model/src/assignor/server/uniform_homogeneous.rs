//! `uniform` when every member subscribes to the same topics (`UniformHomogeneousAssignmentBuilder`):
//! balance first (sizes within 1), then stickiness.

use super::java_map::{JavaHashMap, JavaHashSet};
use super::spec::{deep_copy, GroupSpec, MemberTarget};
use super::uuid::Uuid;

/// UniformHomogeneousAssignmentBuilder: `new HashSet<>(firstMember.subscribedTopicIds())`, in its iteration order.
pub(crate) fn subscribed_topic_set(spec: &GroupSpec<'_>) -> JavaHashSet<Uuid> {
    match spec.members.first() {
        // UniformHomogeneousAssignmentBuilder: the first member in `memberIds()` order defines the topics.
        Some(first) => {
            JavaHashSet::from_collection(first.topic_ids_size, first.topic_ids.iter().copied())
        }
        None => JavaHashSet::new(),
    }
}

/// One target per member of `spec.members`, in the same order.
pub(crate) fn assign(spec: &GroupSpec<'_>) -> Vec<MemberTarget> {
    let subscribed = subscribed_topic_set(spec);
    // UniformHomogeneousAssignmentBuilder.build: no topic -> an empty GroupAssignment.
    if subscribed.is_empty() {
        return spec.members.iter().map(|_| MemberTarget::Absent).collect();
    }

    // UniformHomogeneousAssignmentBuilder.build: unassigned partitions topic by topic in the set's order, each in ascending order.
    let mut unassigned: Vec<(Uuid, i32)> = Vec::new();
    let mut total = 0i64;
    for topic_id in subscribed.keys() {
        let count = spec.num_partitions(topic_id).max(0);
        for p in 0..count {
            if !spec.is_partition_assigned(*topic_id, p) {
                unassigned.push((*topic_id, p));
            }
        }
        total += i64::from(count);
    }
    let members = spec.members.len() as i64;
    let min_quota = total / members;
    let mut extra = total % members;

    // UniformHomogeneousAssignmentBuilder.maybeRevokePartitions: in member order, the first `total % members` members get quota + 1; a member keeps
    // whole topics while they fit, then the first partitions (set order) of the topic that does not.
    let mut targets: Vec<MemberTarget> = Vec::with_capacity(spec.members.len());
    let mut unfilled: Vec<(usize, i64)> = Vec::new();
    for (index, member) in spec.members.iter().enumerate() {
        let mut quota = min_quota;
        if extra > 0 {
            quota += 1;
            extra -= 1;
        }
        let mut copy: Option<JavaHashMap<Uuid, JavaHashSet<i32>>> = None;
        for (topic_id, partitions) in member.current {
            if subscribed.contains_key(topic_id) {
                if partitions.len() as i64 <= quota {
                    quota -= partitions.len() as i64;
                    continue;
                }
                for &p in partitions {
                    if quota > 0 {
                        quota -= 1;
                        continue;
                    }
                    // AssignorHelpers.deepCopyAssignment: the old map is immutable, the first change works on a copy.
                    let map = copy.get_or_insert_with(|| deep_copy(member.current));
                    if let Some(set) = map.get_mut(topic_id) {
                        set.remove(&p);
                        if set.is_empty() {
                            map.remove(topic_id);
                        }
                    }
                    // UniformHomogeneousAssignmentBuilder: revoked partitions go behind the never-assigned ones.
                    unassigned.push((*topic_id, p));
                }
            } else {
                copy.get_or_insert_with(|| deep_copy(member.current))
                    .remove(topic_id);
            }
        }
        if quota > 0 {
            unfilled.push((index, quota));
        }
        targets.push(match copy {
            Some(map) => MemberTarget::Sets(map),
            None => MemberTarget::Current,
        });
    }

    // UniformHomogeneousAssignmentBuilder.assignRemainingPartitions: unfilled members in order take the next unassigned partitions up to their
    // remaining quota; an immutable (kept) map is deep-copied first, even if nothing is left to give.
    let mut next = 0;
    for (index, remaining) in unfilled {
        if matches!(targets[index], MemberTarget::Current | MemberTarget::Absent) {
            targets[index] = MemberTarget::Sets(deep_copy(spec.members[index].current));
        }
        let MemberTarget::Sets(map) = &mut targets[index] else {
            unreachable!("made mutable above")
        };
        let mut given = 0;
        while given < remaining && next < unassigned.len() {
            let (topic_id, p) = unassigned[next];
            next += 1;
            given += 1;
            map.compute_if_absent(topic_id, JavaHashSet::new).add(p);
        }
    }
    targets
}
