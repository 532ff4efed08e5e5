//! The server-side `range` assignor (`RangeAssignor` of the group coordinator): contiguous ranges per topic,
//! members sorted static-first. It ignores current assignments at this Kafka version.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Range;

use super::java_map::{capacity_for, JavaHashMap};
use super::spec::{GroupSpec, MemberSpec, MemberTarget};
use super::uuid::Uuid;
use crate::assignor::java::java_cmp;

/// RangeAssignor.TopicMetadata: the next range of one topic.
struct TopicRanges {
    partitions: i32,
    members: i32,
    /// -1 until computed (maybeComputeQuota).
    min_quota: i32,
    extra: i32,
    next: i32,
}

impl TopicRanges {
    fn new(partitions: i32, members: i32) -> Self {
        TopicRanges {
            partitions,
            members,
            min_quota: -1,
            extra: -1,
            next: 0,
        }
    }

    /// RangeAssignor.maybeComputeQuota + addPartitionsToAssignment: the next `quota` (+1 while extra partitions remain)
    /// partitions, or None when the range is empty.
    fn next_range(&mut self) -> Option<Range<i32>> {
        if self.min_quota == -1 {
            self.min_quota = self.partitions / self.members;
            self.extra = self.partitions % self.members;
        }
        let start = self.next;
        let mut quota = self.min_quota;
        if self.extra > 0 {
            quota += 1;
            self.extra -= 1;
        }
        let end = (start + quota).min(self.partitions);
        self.next = end;
        (start < end).then_some(start..end)
    }
}

/// RangeAssignor.sortMemberIds: static members first by instance id, then dynamic ones by member id
/// (`String.compareTo`). Returns indices into `spec.members`.
fn sorted_members(spec: &GroupSpec<'_>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spec.members.len()).collect();
    let cmp = |a: &MemberSpec<'_>, b: &MemberSpec<'_>| match (a.instance_id, b.instance_id) {
        (Some(x), Some(y)) => java_cmp(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => java_cmp(a.member_id, b.member_id),
    };
    crate::collections::sort::sort_by(&mut order, |&a, &b| cmp(&spec.members[a], &spec.members[b]));
    order
}

pub(crate) fn assign(spec: &GroupSpec<'_>) -> Vec<MemberTarget> {
    let mut targets: Vec<MemberTarget> =
        spec.members.iter().map(|_| MemberTarget::Absent).collect();
    if spec.members.is_empty() {
        return targets;
    }
    let order = sorted_members(spec);
    if spec.homogeneous {
        // RangeAssignor.assignHomogeneousGroup: the first sorted member's topics, every member counted for each.
        let first = &spec.members[order[0]];
        let mut topics: Vec<(Uuid, TopicRanges)> = first
            .topic_ids
            .iter()
            .map(|t| {
                let ranges = TopicRanges::new(spec.num_partitions(t), spec.members.len() as i32);
                (*t, ranges)
            })
            .collect();
        let capacity = capacity_for(topics.len());
        for &index in &order {
            let mut map = JavaHashMap::with_capacity(capacity);
            for (topic_id, ranges) in &mut topics {
                if let Some(range) = ranges.next_range() {
                    map.put(*topic_id, range);
                }
            }
            targets[index] = MemberTarget::Ranges(map);
        }
    } else {
        // RangeAssignor.assignHeterogeneousGroup: each topic counts its own subscribers.
        let mut topics: BTreeMap<Uuid, TopicRanges> = BTreeMap::new();
        for &index in &order {
            for t in &spec.members[index].topic_ids {
                topics
                    .entry(*t)
                    .or_insert_with(|| TopicRanges::new(spec.num_partitions(t), 0))
                    .members += 1;
            }
        }
        for &index in &order {
            let member = &spec.members[index];
            let mut map = JavaHashMap::with_capacity(capacity_for(member.topic_ids_size));
            for topic_id in &member.topic_ids {
                let ranges = topics.get_mut(topic_id).expect("counted above");
                if let Some(range) = ranges.next_range() {
                    map.put(*topic_id, range);
                }
            }
            targets[index] = MemberTarget::Ranges(map);
        }
    }
    targets
}
