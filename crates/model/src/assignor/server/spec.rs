//! What the coordinator hands a server-side assignor (`GroupSpecImpl`, `MemberSubscriptionAndAssignmentImpl`,
//! `SubscribedTopicDescriberImpl`) and what an assignor hands back, with the Java containers whose iteration
//! order later decides stickiness.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::java_map::{JavaHashMap, JavaHashSet};
use super::uuid::Uuid;
use super::{MemberSubscription, TopicMetadata};

/// A member's stored target as `Assignment.partitions()` iterates it: topics in map order, each topic's
/// partitions in set order.
pub type OrderedAssignment = Vec<(Uuid, Vec<i32>)>;

/// One member as the assignor sees it (`MemberSubscriptionAndAssignmentImpl`).
#[derive(Debug)]
pub(crate) struct MemberSpec<'a> {
    pub member_id: &'a str,
    pub instance_id: Option<&'a str>,
    /// `subscribedTopicIds()`: a `TopicIds` view that iterates the member's `HashSet<String>` of names and
    /// resolves each (names of unknown topics are skipped).
    pub topic_ids: Vec<Uuid>,
    /// `TopicIds.size()`: the number of distinct names, resolvable or not.
    pub topic_ids_size: usize,
    /// `memberAssignment(id).partitions()`: the stored target, or `Assignment.EMPTY`.
    pub current: &'a OrderedAssignment,
}

impl MemberSpec<'_> {
    /// `TopicIds.contains`.
    pub fn subscribes(&self, topic_id: &Uuid) -> bool {
        self.topic_ids.contains(topic_id)
    }
}

/// `GroupSpecImpl` + `SubscribedTopicDescriberImpl`.
#[derive(Debug)]
pub(crate) struct GroupSpec<'a> {
    /// In `memberIds()` order: the iteration order of the coordinator's `HashMap<String, …>`.
    pub members: Vec<MemberSpec<'a>>,
    /// `ModernGroup.subscriptionType() == HOMOGENEOUS`.
    pub homogeneous: bool,
    /// `numPartitions(id)` of the topics at least one member subscribes to and that exist.
    partition_counts: BTreeMap<Uuid, i32>,
    /// `isPartitionAssigned`: the inverted target assignment of the members in the spec.
    assigned: BTreeSet<(Uuid, i32)>,
}

impl GroupSpec<'_> {
    /// `SubscribedTopicDescriber.numPartitions`: -1 for a topic nobody subscribes to or that does not exist.
    pub fn num_partitions(&self, topic_id: &Uuid) -> i32 {
        self.partition_counts.get(topic_id).copied().unwrap_or(-1)
    }

    /// `GroupSpec.isPartitionAssigned`.
    pub fn is_partition_assigned(&self, topic_id: Uuid, partition: i32) -> bool {
        self.assigned.contains(&(topic_id, partition))
    }
}

/// `new HashSet<String>(list)` of a heartbeat's topic names (`ConsumerGroupMember.Builder`).
pub(crate) fn topic_name_set(names: &[String]) -> JavaHashSet<String> {
    JavaHashSet::from_collection(names.len(), names.iter().cloned())
}

/// The iteration order of `TargetAssignmentBuilder.build()`'s `new HashMap<String, …>()` after one `put` per
/// member in the given order: the order in which the assignors see the members. Returns indices.
pub fn member_iteration_order(members: &[MemberSubscription]) -> Vec<usize> {
    let mut map: JavaHashMap<String, usize> = JavaHashMap::new();
    for (i, m) in members.iter().enumerate() {
        // A repeated member id keeps its first position and takes the last value, as `put` does.
        map.put(m.member_id.clone(), i);
    }
    map.iter().map(|(_, &i)| i).collect()
}

/// `ModernGroup.subscriptionType`: HOMOGENEOUS when every subscribed topic name is subscribed by every member
/// (or nobody subscribes to anything).
pub fn is_homogeneous(members: &[MemberSubscription]) -> bool {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in members {
        let distinct: BTreeSet<&str> = m.subscribed_topics.iter().map(String::as_str).collect();
        for name in distinct {
            *counts.entry(name).or_default() += 1;
        }
    }
    counts.values().all(|&c| c == members.len())
}

/// Builds the spec as `TargetAssignmentBuilder.build()` does: members put in the given order into a fresh
/// `HashMap`, each with its `TopicIds` and its stored target (`empty` when it has none).
pub(crate) fn build_group_spec<'a>(
    members: &'a [MemberSubscription],
    topics: &[TopicMetadata],
    current: impl Fn(&str) -> &'a OrderedAssignment,
) -> GroupSpec<'a> {
    let ids: BTreeMap<&str, &TopicMetadata> = topics.iter().map(|t| (t.name.as_str(), t)).collect();
    let mut partition_counts = BTreeMap::new();
    let mut assigned = BTreeSet::new();
    let mut specs = Vec::with_capacity(members.len());
    for index in member_iteration_order(members) {
        let m = &members[index];
        let names = topic_name_set(&m.subscribed_topics);
        let topic_ids: Vec<Uuid> = names
            .keys()
            .filter_map(|name| ids.get(name.as_str()))
            .map(|t| {
                partition_counts.insert(t.topic_id, t.partitions as i32);
                t.topic_id
            })
            .collect();
        let current = current(&m.member_id);
        for (topic_id, partitions) in current {
            assigned.extend(partitions.iter().map(|&p| (*topic_id, p)));
        }
        specs.push(MemberSpec {
            member_id: &m.member_id,
            instance_id: m.instance_id.as_deref(),
            topic_ids,
            topic_ids_size: names.len(),
            current,
        });
    }
    GroupSpec {
        members: specs,
        homogeneous: is_homogeneous(members),
        partition_counts,
        assigned,
    }
}

/// A member's entry of the assignor's `GroupAssignment`, kept in the container Java built it in.
#[derive(Debug)]
pub(crate) enum MemberTarget {
    /// Not in the output map (`Assignment.EMPTY`).
    Absent,
    /// The member's current (immutable) assignment object, returned as is.
    Current,
    /// A `HashMap<Uuid, HashSet<Integer>>` the assignor built or copied and changed.
    Sets(JavaHashMap<Uuid, JavaHashSet<i32>>),
    /// RangeAssignor: a `HashMap<Uuid, RangeSet>`; a `RangeSet` iterates in ascending order.
    Ranges(JavaHashMap<Uuid, Range<i32>>),
}

impl MemberTarget {
    /// The record `newConsumerGroupTargetAssignmentRecord` writes: map entries in iteration order, each
    /// set copied into a list (`new ArrayList<>(set)`).
    pub fn record(&self, current: &OrderedAssignment) -> OrderedAssignment {
        match self {
            MemberTarget::Absent => Vec::new(),
            MemberTarget::Current => current.clone(),
            MemberTarget::Sets(map) => map
                .iter()
                .map(|(t, set)| (*t, set.keys().copied().collect()))
                .collect(),
            MemberTarget::Ranges(map) => {
                map.iter().map(|(t, r)| (*t, r.clone().collect())).collect()
            }
        }
    }
}

/// `AssignorHelpers.deepCopyAssignment`: `new HashMap<>(size)`, then per entry `new HashSet<>(set)`.
pub(crate) fn deep_copy(assignment: &OrderedAssignment) -> JavaHashMap<Uuid, JavaHashSet<i32>> {
    let mut copy = JavaHashMap::with_capacity(assignment.len());
    for (topic_id, partitions) in assignment {
        copy.put(
            *topic_id,
            JavaHashSet::from_collection(partitions.len(), partitions.iter().copied()),
        );
    }
    copy
}

/// `Assignment.fromRecord`: `Collectors.toMap` into a default `HashMap` (`putIfAbsent` per entry), each list
/// turned into `new HashSet<>(list)`. Returns the stored object's iteration order.
pub(crate) fn replay_record(record: &OrderedAssignment) -> OrderedAssignment {
    let mut map: JavaHashMap<Uuid, JavaHashSet<i32>> = JavaHashMap::new();
    for (topic_id, partitions) in record {
        map.put_if_absent(
            *topic_id,
            JavaHashSet::from_collection(partitions.len(), partitions.iter().copied()),
        );
    }
    map.iter()
        .map(|(t, set)| (*t, set.keys().copied().collect()))
        .collect()
}
