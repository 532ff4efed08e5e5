//! AbstractStickyAssignor: shared by StickyAssignor (eager) and CooperativeStickyAssignor.
//!
//! Balanced first, then as few moves as possible. When every member has the same subscription the
//! ConstrainedAssignmentBuilder runs (KAFKA-9987, 2.8; owned partitions sorted by partition first since
//! KAFKA-16277, 3.8); otherwise the GeneralAssignmentBuilder (rewritten for scale in 3.0, KAFKA-12675).
//!
//! Owned partitions: StickyAssignor.memberData reads the previous assignment and generation from its user data;
//! CooperativeStickyAssignor.memberData reads `ownedPartitions` and `generationId`. Both arrive here as
//! `Subscription::owned_partitions` and `Subscription::generation`.

mod constrained;
mod general;

use std::collections::{HashMap, HashSet};

use super::java::{java_cmp, topic_partition_hash};
use super::Group;
use crate::hash::java_string_hashcode;
use crate::topic_partition::TopicPartition;

/// `AbstractStickyAssignor.DEFAULT_GENERATION`: what a member without a generation counts as.
pub(crate) const DEFAULT_GENERATION: i32 = -1;

/// Index of a partition in [`Partitions`]: topics in `String.compareTo` order, then partition id.
pub(crate) type Pidx = usize;

/// All partitions of the subscribed topics, numbered densely (topics in name order, then partition id: the order
/// of `getUnassignedPartitions` in the constrained builder).
pub(crate) struct Partitions<'a> {
    /// (topic, partition count, first index, `topic.hashCode()`), topics in `String.compareTo` order.
    pub topics: Vec<(&'a str, u32, usize, i32)>,
    by_name: HashMap<&'a str, usize>,
    /// For each partition: its topic's index in `topics`.
    pub topic_of: Vec<usize>,
    pub total: usize,
}

impl<'a> Partitions<'a> {
    pub fn new(group: &Group<'a>) -> Self {
        let mut topics = Vec::new();
        let mut by_name = HashMap::new();
        let mut topic_of = Vec::new();
        for (i, (topic, count)) in group.sorted_topics().into_iter().enumerate() {
            topics.push((topic, count, topic_of.len(), java_string_hashcode(topic)));
            by_name.insert(topic, i);
            topic_of.extend(std::iter::repeat_n(i, count as usize));
        }
        let total = topic_of.len();
        Partitions {
            topics,
            by_name,
            topic_of,
            total,
        }
    }

    /// The index of an existing partition; None if the topic has no metadata or the partition is out of range.
    pub fn index(&self, tp: &TopicPartition) -> Option<Pidx> {
        let &t = self.by_name.get(&*tp.topic)?;
        let (_, count, first, _) = self.topics[t];
        (tp.partition < count).then(|| first + tp.partition as usize)
    }

    pub fn topic_index(&self, topic: &str) -> Option<usize> {
        self.by_name.get(topic).copied()
    }

    pub fn partition_number(&self, p: Pidx) -> u32 {
        (p - self.topics[self.topic_of[p]].2) as u32
    }

    pub fn topic_partition(&self, p: Pidx) -> TopicPartition {
        TopicPartition::new(self.topics[self.topic_of[p]].0, self.partition_number(p))
    }

    /// `TopicPartition.hashCode()`.
    pub fn java_hash(&self, p: Pidx) -> i32 {
        topic_partition_hash(self.topics[self.topic_of[p]].3, self.partition_number(p))
    }
}

/// What AbstractStickyAssignor.assignPartitions returns, per member index of `group.members`.
pub(crate) struct StickyOutcome {
    pub assignment: Vec<Vec<TopicPartition>>,
    /// `partitionsTransferringOwnership` (partition -> new owner) from the constrained builder; None after the
    /// general builder, which leaves the cooperative assignor to compute it.
    pub transferring: Option<Vec<(TopicPartition, usize)>>,
}

/// AbstractStickyAssignor.assignPartitions.
pub(crate) fn assign(group: &Group) -> StickyOutcome {
    let partitions = Partitions::new(group);
    let claims = all_subscriptions_equal(group, &partitions);
    let to_lists = |lists: Vec<Vec<Pidx>>| -> Vec<Vec<TopicPartition>> {
        lists
            .into_iter()
            .map(|l| {
                l.into_iter()
                    .map(|p| partitions.topic_partition(p))
                    .collect()
            })
            .collect()
    };
    if claims.all_equal {
        let (lists, transferring) =
            constrained::build(group, &partitions, claims.owned, &claims.multiple_owners);
        StickyOutcome {
            assignment: to_lists(lists),
            transferring: Some(
                transferring
                    .into_iter()
                    .map(|(p, c)| (partitions.topic_partition(p), c))
                    .collect(),
            ),
        }
    } else {
        let lists = general::build(group, &partitions, claims.owned, claims.max_generation);
        StickyOutcome {
            assignment: to_lists(lists),
            transferring: None,
        }
    }
}

/// The result of AbstractStickyAssignor.allSubscriptionsEqual.
pub(crate) struct Claims {
    pub all_equal: bool,
    /// `consumerToOwnedPartitions`: each member's still-valid previously owned partitions, in claim order.
    pub owned: Vec<Vec<Pidx>>,
    /// `partitionsWithMultiplePreviousOwners`: claimed by two members of the same generation.
    pub multiple_owners: HashSet<Pidx>,
    /// `maxGeneration` over all members (DEFAULT_GENERATION for none).
    pub max_generation: i32,
}

/// AbstractStickyAssignor.allSubscriptionsEqual: whether all subscriptions are equal, and who keeps which claim.
///
/// A claim on a partition that another member already claimed goes to the higher generation; with equal
/// generations neither keeps it and it is remembered in `multiple_owners`.
/// Deviation: a claim on a partition id that no longer exists is dropped here; Java only checks the topic, and
/// such a claim would then corrupt its two-pointer `getUnassignedPartitions`.
fn all_subscriptions_equal(group: &Group, partitions: &Partitions) -> Claims {
    let mut all_equal = true;
    // Java initialises the reference set from the first subscription it meets while the set is still empty, so
    // members with an empty subscription met before any other one count as "equal" (HashMap order).
    let mut subscribed: &[&str] = &[];
    let mut owned: Vec<Vec<Pidx>> = vec![Vec::new(); group.members.len()];
    let mut previous_owner: HashMap<Pidx, usize> = HashMap::new();
    let mut multiple_owners = HashSet::new();
    let mut max_generation = DEFAULT_GENERATION;
    for (c, member) in group.members.iter().enumerate() {
        if subscribed.is_empty() {
            subscribed = &member.topics;
        } else if all_equal && member.topics.as_slice() != subscribed {
            all_equal = false;
        }
        let generation = member.generation.unwrap_or(DEFAULT_GENERATION);
        max_generation = max_generation.max(generation);
        for tp in member.owned {
            let Some(p) = partitions.index(tp) else {
                continue;
            };
            match previous_owner.get(&p).copied() {
                None => {
                    owned[c].push(p);
                    previous_owner.insert(p, c);
                }
                Some(other) => {
                    let other_generation = group.members[other]
                        .generation
                        .unwrap_or(DEFAULT_GENERATION);
                    if generation >= other_generation {
                        if let Some(pos) = owned[other].iter().position(|&x| x == p) {
                            owned[other].remove(pos);
                        }
                        previous_owner.insert(p, c);
                        if generation == other_generation {
                            // Two members of the same generation claim it: it is invalidated for both.
                            multiple_owners.insert(p);
                        } else {
                            owned[c].push(p);
                        }
                    }
                }
            }
        }
    }
    Claims {
        all_equal,
        owned,
        multiple_owners,
        max_generation,
    }
}

/// The rank of every member id in `String.compareTo` order (the constrained builder sorts unfilled members by
/// id; the general builder's SubscriptionComparator breaks size ties by id).
pub(crate) fn id_ranks(group: &Group) -> Vec<usize> {
    let mut order: Vec<usize> = (0..group.members.len()).collect();
    crate::collections::sort::sort_by(&mut order, |&a, &b| {
        java_cmp(group.members[a].id, group.members[b].id)
    });
    let mut rank = vec![0; order.len()];
    for (r, c) in order.into_iter().enumerate() {
        rank[c] = r;
    }
    rank
}

#[cfg(test)]
mod tests;
