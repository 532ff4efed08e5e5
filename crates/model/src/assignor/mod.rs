//! Client-side partition assignors of the classic protocol, as the Java client computes them today.
//! The group leader runs one of these on every rebalance (ConsumerCoordinator.onLeaderElected).
//!
//! Source: apache/kafka trunk (4.0 era), `clients/src/main/java/org/apache/kafka/clients/consumer/`:
//! `RangeAssignor`, `RoundRobinAssignor`, `StickyAssignor`, `CooperativeStickyAssignor`,
//! `internals/AbstractPartitionAssignor`, `internals/AbstractStickyAssignor`. Racks (KIP-881) are not modelled:
//! with no `client.rack` the rack-aware branches are never taken.
//!
//! Where Java's result depends on `HashMap`/`HashSet` iteration order we reproduce that order rather than pick
//! our own (`java.rs`): it is deterministic (hash buckets, then insertion order) and real runs depend on it.
//! Deviations, all on input a real group does not produce or where Java throws:
//! * a claimed partition id beyond the topic's current count is dropped (Java keeps it and then mis-computes
//!   its unassigned partitions);
//! * where Java would throw (an old owner among the sticky general builder's fixed members, no unfilled member
//!   left in the constrained builder) we skip that step instead of failing the rebalance;
//! * `AbstractStickyAssignor.maxGeneration` is an instance field Java never resets; we take this call's maximum;
//! * hash bins of 9+ entries in tables of 64+ buckets, which Java turns into trees (see `java.rs`).

mod cooperative;
mod java;
mod range;
mod roundrobin;
pub mod server;
mod sticky;
#[cfg(test)]
mod test_support;

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::collections::VecMap;

use serde::{Deserialize, Serialize};

use crate::config::ClientProfile;
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
    /// `owned_partitions` is only the eager StickyAssignor's user data: the member revoked them before rejoining
    /// (ConsumerCoordinator.onJoinPrepare), so its ConsumerProtocolSubscription.ownedPartitions is empty.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revoked: bool,
}

/// member_id -> assigned partitions, each list sorted. Every member of the input appears (possibly empty).
pub type Assignment = VecMap<String, Vec<TopicPartition>>;

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
/// `subscriptions` is in JoinGroup response order. The leader puts them into a `HashMap` keyed by member id, and
/// that map's iteration order (hash buckets of `String.hashCode`, emulated) is what the Java assignors walk: it
/// decides, for example, which over-quota member keeps the extra partition in the sticky assignors. The slice
/// order itself only matters among member ids that share a bucket. A duplicated member id keeps its first
/// subscription.
/// `partitions_per_topic` is any map of topic -> partition count (a `VecMap` or a `BTreeMap`), in topic order.
/// The leader is a Java client; see [`assign_by`].
pub fn assign<'a>(
    assignor: AssignorName,
    partitions_per_topic: impl IntoIterator<Item = (&'a String, &'a u32)>,
    subscriptions: &[Subscription],
) -> Assignment {
    assign_by(
        ClientProfile::Java,
        assignor,
        partitions_per_topic,
        subscriptions,
    )
}

/// [`assign`] as a `leader` of that client computes it: a librdkafka leader lays out range and roundrobin
/// members in its own order ([`rdkafka_member_cmp`]). Its sticky assignors are ports of Java's pre-2.6
/// algorithm, which this model does not reproduce: they run as Java's (balanced and sticky alike, the chosen
/// partitions may differ; KAFKA-SEMANTICS.md c).
pub fn assign_by<'a>(
    leader: ClientProfile,
    assignor: AssignorName,
    partitions_per_topic: impl IntoIterator<Item = (&'a String, &'a u32)>,
    subscriptions: &[Subscription],
) -> Assignment {
    let topics: Vec<(&str, u32)> = partitions_per_topic
        .into_iter()
        .map(|(t, &n)| (t.as_str(), n))
        .collect();
    let mut group = Group::new(&topics, subscriptions);
    group.leader = leader;
    if assignor == AssignorName::CooperativeSticky {
        // CooperativeStickyAssignor reads ownedPartitions only (AbstractStickyAssignor.memberData): a member that
        // revoked everything eagerly before rejoining claims nothing, and nothing is withheld for it.
        for m in &mut group.members {
            if m.revoked {
                m.owned = &[];
            }
        }
    }
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
    // Every member appears, even if an assignor had nothing for it (member ids are distinct after `dedupe`).
    let mut lists = lists.into_iter();
    group
        .members
        .iter()
        .map(|member| {
            let mut list = lists.next().unwrap_or_default();
            crate::collections::sort::sort(&mut list);
            (member.id.to_string(), list)
        })
        .collect()
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
    crate::collections::sort::sort(&mut revoked);
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
    crate::collections::sort::sort_by(&mut ordered, |a, b| {
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

/// librdkafka's member order for range and roundrobin (rdkafka_assignor.c `rd_kafka_group_member_cmp`): two
/// static members by `group.instance.id`, any other pair by member id, bytewise (`rd_kafkap_str_cmp`). Static
/// members are not put first, so a mixed group orders differently from Java's. The broker makes a static
/// member's id from its instance id (`<instance>-<uuid>`), so both orders agree; only instance ids of which one
/// is a prefix of another can make them disagree, and then librdkafka's qsort and our stable sort may differ.
fn rdkafka_member_cmp(a: (&str, Option<&str>), b: (&str, Option<&str>)) -> Ordering {
    match (a.1, b.1) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => a.0.cmp(b.0),
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
    /// See [`Subscription::revoked`].
    pub revoked: bool,
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
    pub partitions_per_topic: VecMap<&'a str, u32>,
    /// The client the leader runs: it decides the member order of range and roundrobin.
    pub leader: ClientProfile,
}

impl<'a> Group<'a> {
    pub fn new(partitions_per_topic: &[(&'a str, u32)], subscriptions: &'a [Subscription]) -> Self {
        let unique = dedupe(subscriptions);
        let ids: Vec<&str> = unique.iter().map(|s| s.member_id.as_str()).collect();
        let members: Vec<Member<'a>> = java::hash_map_order(&ids)
            .into_iter()
            .map(|i| {
                let s = unique[i];
                let mut topics: Vec<&str> = s.topics.iter().map(String::as_str).collect();
                crate::collections::sort::sort(&mut topics);
                topics.dedup();
                Member {
                    id: &s.member_id,
                    instance_id: s.group_instance_id.as_deref(),
                    topics,
                    owned: &s.owned_partitions,
                    generation: s.generation,
                    revoked: s.revoked,
                }
            })
            .collect();
        let subscribed: HashSet<&str> = members
            .iter()
            .flat_map(|m| m.topics.iter().copied())
            .collect();
        let partitions_per_topic = partitions_per_topic
            .iter()
            .filter(|&&(topic, n)| n > 0 && subscribed.contains(topic))
            .copied()
            .collect();
        Group {
            members,
            partitions_per_topic,
            leader: ClientProfile::Java,
        }
    }

    /// Indices into `members` in the leader's member order: Java's MemberInfo order (a stable sort of the
    /// HashMap order), or librdkafka's.
    pub fn member_info_order(&self) -> Vec<usize> {
        let cmp = match self.leader {
            ClientProfile::Java => member_info_cmp,
            ClientProfile::Librdkafka => rdkafka_member_cmp,
        };
        let mut order: Vec<usize> = (0..self.members.len()).collect();
        crate::collections::sort::sort_by(&mut order, |&a, &b| {
            let (a, b) = (&self.members[a], &self.members[b]);
            cmp((a.id, a.instance_id), (b.id, b.instance_id))
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
        crate::collections::sort::sort_by(&mut topics, |a, b| java::java_cmp(a.0, b.0));
        topics
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn sub(id: &str, instance: Option<&str>) -> Subscription {
        Subscription {
            member_id: id.into(),
            group_instance_id: instance.map(str::to_string),
            topics: vec!["t".into()],
            owned_partitions: vec![],
            generation: None,
            revoked: false,
        }
    }

    #[test]
    fn names_round_trip_and_protocols() {
        for a in AssignorName::ALL {
            assert_eq!(AssignorName::from_name(a.name()), Some(a));
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.name()));
        }
        assert_eq!(AssignorName::from_name("uniform"), None);
        assert_eq!(
            AssignorName::CooperativeSticky.protocol(),
            RebalanceProtocol::Cooperative
        );
        assert_eq!(AssignorName::Sticky.protocol(), RebalanceProtocol::Eager);
    }

    #[test]
    fn member_order_static_first_then_string_order_and_first_duplicate_wins() {
        let subs = [
            sub("consumer-2", None),
            sub("consumer-10", None),
            sub("z", Some("b")),
            sub("y", Some("a")),
            sub("consumer-2", Some("dup")),
        ];
        let order: Vec<(&str, Option<&str>)> = sort_members(&subs)
            .into_iter()
            .map(|s| (s.member_id.as_str(), s.group_instance_id.as_deref()))
            .collect();
        assert_eq!(
            order,
            [
                ("y", Some("a")),
                ("z", Some("b")),
                ("consumer-10", None),
                ("consumer-2", None)
            ]
        );
    }

    /// rd_kafka_group_member_cmp: two static members by instance id, every other pair by member id (the broker
    /// makes a static member's id from its instance id), so static members are not put first: a librdkafka
    /// leader's range over 4 partitions, against a Java leader's.
    #[test]
    fn a_librdkafka_leader_orders_members_by_member_id_unless_both_are_static() {
        let subs = [
            sub("zeta-1", Some("zeta")),
            sub("rdkafka-3", None),
            sub("alpha-9", Some("alpha")),
            sub("consumer-10", None),
        ];
        let topics = [("t".to_string(), 4u32)];
        let order = |leader| {
            let a = assign_by(
                leader,
                AssignorName::Range,
                topics.iter().map(|(t, n)| (t, n)),
                &subs,
            );
            let mut by_partition: Vec<(u32, String)> = a
                .into_iter()
                .map(|(m, tps)| (tps[0].partition, m))
                .collect();
            by_partition.sort();
            by_partition.into_iter().map(|(_, m)| m).collect::<Vec<_>>()
        };
        assert_eq!(
            order(ClientProfile::Java),
            ["alpha-9", "zeta-1", "consumer-10", "rdkafka-3"]
        );
        assert_eq!(
            order(ClientProfile::Librdkafka),
            ["alpha-9", "consumer-10", "rdkafka-3", "zeta-1"]
        );
    }

    #[test]
    fn static_members_with_the_same_instance_id_keep_hash_map_order() {
        // Collections.sort is stable: ties keep the leader's HashMap order ("b" is in bucket 2, "a" in 1).
        let subs = [sub("b", Some("same")), sub("a", Some("same"))];
        let order: Vec<&str> = sort_members(&subs)
            .into_iter()
            .map(|s| s.member_id.as_str())
            .collect();
        assert_eq!(order, ["a", "b"]);
    }

    #[test]
    fn revoked_is_owned_minus_assigned() {
        let tp = |p| TopicPartition::new("t", p);
        assert_eq!(
            revoked_partitions(&[tp(3), tp(1), tp(2)], &[tp(2), tp(5)]),
            [tp(1), tp(3)]
        );
        assert!(revoked_partitions(&[], &[tp(1)]).is_empty());
    }

    #[test]
    fn every_member_appears_and_lists_are_sorted() {
        let topics = BTreeMap::from([("t".to_string(), 5), ("u".to_string(), 3)]);
        let mut subs: Vec<Subscription> = (0..4).map(|i| sub(&format!("m{i}"), None)).collect();
        for s in &mut subs {
            s.topics = vec!["u".into(), "t".into()];
        }
        subs.push(Subscription {
            topics: vec!["nothing-here".into()],
            ..sub("idle", None)
        });
        for a in AssignorName::ALL {
            let out = assign(a, &topics, &subs);
            assert_eq!(out.len(), 5, "{a:?}");
            assert!(out["idle"].is_empty(), "{a:?}");
            for list in out.values() {
                assert!(list.windows(2).all(|w| w[0] < w[1]), "{a:?}: {list:?}");
            }
        }
    }
}
