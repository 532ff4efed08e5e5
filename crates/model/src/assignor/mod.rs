//! Client-side partition assignors of the classic protocol, as the Java client computes them today.
//! The group leader runs one of these on every rebalance (ConsumerCoordinator.onLeaderElected).
//!
//! Source: apache/kafka trunk (4.0 era), `clients/src/main/java/org/apache/kafka/clients/consumer/`:
//! `RangeAssignor`, `RoundRobinAssignor`, `StickyAssignor`, `CooperativeStickyAssignor`,
//! `internals/AbstractPartitionAssignor`, `internals/AbstractStickyAssignor`. Racks (KIP-881) are not modelled:
//! with no `client.rack` the rack-aware branches are never taken.

mod cooperative;
mod java;
mod range;
mod roundrobin;
mod sticky;

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

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

impl AssignorName {
    pub const ALL: [AssignorName; 4] = [
        AssignorName::Range,
        AssignorName::RoundRobin,
        AssignorName::Sticky,
        AssignorName::CooperativeSticky,
    ];

    /// `ConsumerPartitionAssignor.name()`, the value in `partition.assignment.strategy` and in JoinGroup.
    pub fn name(self) -> &'static str {
        match self {
            AssignorName::Range => "range",
            AssignorName::RoundRobin => "roundrobin",
            AssignorName::Sticky => "sticky",
            AssignorName::CooperativeSticky => "cooperative-sticky",
        }
    }

    pub fn from_name(name: &str) -> Option<AssignorName> {
        AssignorName::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The protocol the client runs with this assignor: CooperativeStickyAssignor.supportedProtocols puts
    /// COOPERATIVE first and ConsumerCoordinator picks the highest common one; the others are EAGER only.
    pub fn protocol(self) -> RebalanceProtocol {
        match self {
            AssignorName::CooperativeSticky => RebalanceProtocol::Cooperative,
            _ => RebalanceProtocol::Eager,
        }
    }
}

/// What the leader computes for one generation (ConsumerCoordinator.onLeaderElected -> `assignor.assign`).
///
/// `subscriptions` is in JoinGroup response order; the leader puts them in a `HashMap` keyed by member id in that
/// order, and that map's iteration order is what the Java assignors see (it only matters, through ties, for
/// member ids that share a hash bucket). A duplicated member id keeps its first subscription.
pub fn assign(
    assignor: AssignorName,
    partitions_per_topic: &BTreeMap<String, u32>,
    subscriptions: &[Subscription],
) -> Assignment {
    let group = Group::new(partitions_per_topic, subscriptions);
    let lists = if group.members.is_empty() {
        Vec::new()
    } else {
        match assignor {
            AssignorName::Range => range::assign(&group),
            AssignorName::RoundRobin => roundrobin::assign(&group),
            AssignorName::Sticky => sticky::assign(&group).assignment,
            AssignorName::CooperativeSticky => cooperative::assign(&group),
        }
    };
    let mut out = Assignment::new();
    for (member, mut list) in group.members.iter().zip(lists) {
        list.sort();
        out.insert(member.id.to_string(), list);
    }
    // Every member appears, even if an assignor had nothing for it.
    for member in &group.members {
        out.entry(member.id.to_string()).or_default();
    }
    out
}

/// `owned` minus `assigned`, sorted: what a cooperative member revokes after SyncGroup; if it is not empty the
/// member requests a rejoin (ConsumerCoordinator.onJoinComplete, KIP-429).
pub fn revoked_partitions(
    owned: &[TopicPartition],
    assigned: &[TopicPartition],
) -> Vec<TopicPartition> {
    let assigned: HashSet<&TopicPartition> = assigned.iter().collect();
    let mut revoked: Vec<TopicPartition> = owned
        .iter()
        .filter(|tp| !assigned.contains(tp))
        .cloned()
        .collect();
    revoked.sort();
    revoked.dedup();
    revoked
}

/// The order in which range and roundrobin lay out members (AbstractPartitionAssignor.MemberInfo.compareTo):
/// static members first by `group.instance.id`, then dynamic members by member id, both with `String.compareTo`
/// (so `"consumer-10" < "consumer-2"`). The sort is stable (Collections.sort) over the leader's HashMap order, which
/// only shows for two static members with the same instance id. Duplicated member ids keep the first.
pub fn sort_members(subs: &[Subscription]) -> Vec<&Subscription> {
    let unique = dedupe(subs);
    let ids: Vec<&str> = unique.iter().map(|s| s.member_id.as_str()).collect();
    let mut ordered: Vec<&Subscription> = java::hash_map_order(&ids)
        .into_iter()
        .map(|i| unique[i])
        .collect();
    ordered.sort_by(|a, b| {
        member_info_cmp(
            (&a.member_id, a.group_instance_id.as_deref()),
            (&b.member_id, b.group_instance_id.as_deref()),
        )
    });
    ordered
}

/// AbstractPartitionAssignor.MemberInfo.compareTo.
fn member_info_cmp(a: (&str, Option<&str>), b: (&str, Option<&str>)) -> Ordering {
    match (a.1, b.1) {
        (Some(x), Some(y)) => java::java_cmp(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => java::java_cmp(a.0, b.0),
    }
}

/// The first subscription of every member id, in input order.
fn dedupe(subs: &[Subscription]) -> Vec<&Subscription> {
    let mut seen = HashSet::new();
    subs.iter()
        .filter(|s| seen.insert(s.member_id.as_str()))
        .collect()
}

/// One member as the Java assignors see it.
#[derive(Debug)]
pub(crate) struct Member<'a> {
    pub id: &'a str,
    pub instance_id: Option<&'a str>,
    /// The subscription, sorted and without duplicates (the client sends a set); may name topics without metadata.
    pub topics: Vec<&'a str>,
    /// Cooperative: `ownedPartitions`; eager sticky: the previous assignment from its user data.
    pub owned: &'a [TopicPartition],
    pub generation: Option<i32>,
}

impl Member<'_> {
    pub fn subscribes(&self, topic: &str) -> bool {
        self.topics.binary_search(&topic).is_ok()
    }
}

/// The assignor's input after AbstractPartitionAssignor.assign(Cluster, GroupSubscription).
#[derive(Debug)]
pub(crate) struct Group<'a> {
    /// In the iteration order of the leader's `HashMap<String, Subscription>` (ConsumerCoordinator.onLeaderElected).
    pub members: Vec<Member<'a>>,
    /// Only topics someone subscribes to and that have at least one partition: AbstractPartitionAssignor.assign
    /// skips the others ("no metadata is available").
    pub partitions_per_topic: BTreeMap<&'a str, u32>,
}

impl<'a> Group<'a> {
    pub fn new(
        partitions_per_topic: &'a BTreeMap<String, u32>,
        subscriptions: &'a [Subscription],
    ) -> Self {
        let unique = dedupe(subscriptions);
        let ids: Vec<&str> = unique.iter().map(|s| s.member_id.as_str()).collect();
        let members: Vec<Member<'a>> = java::hash_map_order(&ids)
            .into_iter()
            .map(|i| {
                let s = unique[i];
                let mut topics: Vec<&str> = s.topics.iter().map(String::as_str).collect();
                topics.sort_unstable();
                topics.dedup();
                Member {
                    id: &s.member_id,
                    instance_id: s.group_instance_id.as_deref(),
                    topics,
                    owned: &s.owned_partitions,
                    generation: s.generation,
                }
            })
            .collect();
        let subscribed: HashSet<&str> = members
            .iter()
            .flat_map(|m| m.topics.iter().copied())
            .collect();
        let partitions_per_topic = partitions_per_topic
            .iter()
            .filter(|(topic, &n)| n > 0 && subscribed.contains(topic.as_str()))
            .map(|(topic, &n)| (topic.as_str(), n))
            .collect();
        Group {
            members,
            partitions_per_topic,
        }
    }

    /// Indices into `members` in MemberInfo order (a stable sort of the HashMap order).
    pub fn member_info_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.members.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.members[a], &self.members[b]);
            member_info_cmp((a.id, a.instance_id), (b.id, b.instance_id))
        });
        order
    }

    /// The topics with metadata in `String.compareTo` order (TreeSet / Collections.sort in the assignors).
    pub fn sorted_topics(&self) -> Vec<(&'a str, u32)> {
        let mut topics: Vec<(&str, u32)> = self
            .partitions_per_topic
            .iter()
            .map(|(t, n)| (*t, *n))
            .collect();
        topics.sort_by(|a, b| java::java_cmp(a.0, b.0));
        topics
    }
}
