//! The coordinator's stored target assignment of one consumer group (the `ConsumerGroupTargetAssignmentMember`
//! records as replayed into `ConsumerGroup.targetAssignment`), and the step that recomputes it
//! (`TargetAssignmentBuilder.build()`).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::spec::{build_group_spec, replay_record, MemberTarget, OrderedAssignment};
use super::uuid::Uuid;
use super::{range, uniform_heterogeneous, uniform_homogeneous};
use super::{MemberSubscription, ServerAssignor, TopicMetadata};

/// member id -> topic name -> partitions, ascending.
pub type GroupTarget = BTreeMap<String, BTreeMap<String, Vec<i32>>>;

/// One member's stored target: topics and partitions in the Java iteration order of the `Assignment` that
/// `Assignment.fromRecord` made of its last record. That order decides what `uniform` keeps next time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct StoredTarget {
    topics: Vec<StoredTopic>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct StoredTopic {
    topic_id: Uuid,
    /// The topic's name when the target was stored (to name it even if the topic is gone since).
    name: String,
    partitions: Vec<i32>,
}

impl StoredTarget {
    fn ordered(&self) -> OrderedAssignment {
        self.topics
            .iter()
            .map(|t| (t.topic_id, t.partitions.clone()))
            .collect()
    }

    fn from_ordered(ordered: OrderedAssignment, names: impl Fn(&Uuid) -> String) -> Self {
        StoredTarget {
            topics: ordered
                .into_iter()
                .map(|(topic_id, partitions)| StoredTopic {
                    name: names(&topic_id),
                    topic_id,
                    partitions,
                })
                .collect(),
        }
    }

    /// `Assignment.equals`: the same topics with the same partition sets, whatever the order.
    fn same_partitions(&self, other: &OrderedAssignment) -> bool {
        let mine: BTreeMap<Uuid, BTreeSet<i32>> = self
            .topics
            .iter()
            .map(|t| (t.topic_id, t.partitions.iter().copied().collect()))
            .collect();
        let theirs: BTreeMap<Uuid, BTreeSet<i32>> = other
            .iter()
            .map(|(t, ps)| (*t, ps.iter().copied().collect()))
            .collect();
        mine == theirs
    }

    fn sorted(&self) -> BTreeMap<String, Vec<i32>> {
        self.topics
            .iter()
            .map(|t| {
                let mut partitions = t.partitions.clone();
                crate::collections::sort::sort(&mut partitions);
                (t.name.clone(), partitions)
            })
            .collect()
    }
}

/// The target assignment a consumer group keeps between heartbeats; see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetAssignmentState {
    /// Stored targets by member id (a member without one has `Assignment.EMPTY`).
    stored: BTreeMap<String, StoredTarget>,
    /// `stored`, sorted for readers; kept in step with it.
    sorted: GroupTarget,
}

impl TargetAssignmentState {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `assignor` over `members` (in the coordinator's insertion order) and stores each member's new
    /// target as the coordinator does: a member whose target did not change keeps its stored object (and its
    /// iteration order); the others get the replay of a fresh record. Members not in `members` are tombstoned.
    /// Returns every member's target (empty for a member with nothing), topics and partitions sorted.
    pub fn compute(
        &mut self,
        assignor: ServerAssignor,
        members: &[MemberSubscription],
        topics: &[TopicMetadata],
    ) -> &GroupTarget {
        // GroupMetadataManager: a member that left had its target tombstoned.
        let listed: BTreeSet<&str> = members.iter().map(|m| m.member_id.as_str()).collect();
        self.stored.retain(|id, _| listed.contains(id.as_str()));

        let empty = OrderedAssignment::new();
        let current: BTreeMap<&str, OrderedAssignment> = self
            .stored
            .iter()
            .map(|(id, t)| (id.as_str(), t.ordered()))
            .collect();
        let spec = build_group_spec(members, topics, |id| current.get(id).unwrap_or(&empty));
        let targets = if spec.members.is_empty() {
            Vec::new()
        } else {
            match assignor {
                // UniformAssignor.assign: the homogeneous builder iff the group's subscription type says so.
                ServerAssignor::Uniform if spec.homogeneous => uniform_homogeneous::assign(&spec),
                ServerAssignor::Uniform => uniform_heterogeneous::assign(&spec),
                ServerAssignor::Range => range::assign(&spec),
            }
        };

        let mut names: BTreeMap<Uuid, String> = self
            .stored
            .values()
            .flat_map(|t| t.topics.iter().map(|tt| (tt.topic_id, tt.name.clone())))
            .collect();
        names.extend(topics.iter().map(|t| (t.topic_id, t.name.clone())));
        let name_of = |id: &Uuid| names.get(id).cloned().unwrap_or_else(|| id.to_string());

        let mut updates = Vec::new();
        for (member, target) in spec.members.iter().zip(&targets) {
            // TargetAssignmentBuilder.build: a record only for a member whose target changed.
            let record = target.record(member.current);
            let unchanged = match self.stored.get(member.member_id) {
                Some(old) => old.same_partitions(&record),
                None => record.is_empty(),
            } || matches!(target, MemberTarget::Current);
            if !unchanged {
                // Assignment.fromRecord: the replayed record is what the next run iterates.
                let stored = StoredTarget::from_ordered(replay_record(&record), name_of);
                updates.push((member.member_id.to_string(), stored));
            }
        }
        for (member_id, stored) in updates {
            self.store(member_id, stored);
        }
        self.sorted = members
            .iter()
            .map(|m| {
                let target = self.stored.get(&m.member_id).map(StoredTarget::sorted);
                (m.member_id.clone(), target.unwrap_or_default())
            })
            .collect();
        &self.sorted
    }

    /// The last computed target of every current member (after later removals and replacements).
    pub fn targets(&self) -> &GroupTarget {
        &self.sorted
    }

    /// A member's stored target, topics and partitions sorted; None if it has none.
    pub fn target(&self, member_id: &str) -> Option<&BTreeMap<String, Vec<i32>>> {
        self.sorted.get(member_id)
    }

    /// A member's stored target in Java iteration order (topic name, partitions in set order): what the
    /// `uniform` assignor will walk when it decides what the member keeps.
    pub fn java_order(&self, member_id: &str) -> Vec<(String, Vec<i32>)> {
        self.stored
            .get(member_id)
            .map(|t| {
                t.topics
                    .iter()
                    .map(|tt| (tt.name.clone(), tt.partitions.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A member's target read back from its ConsumerGroupTargetAssignmentMember record (a restored group):
    /// (topic name, topic id, partitions) per topic; an empty target stores nothing (`Assignment.EMPTY`).
    pub fn restore(&mut self, member_id: &str, topics: &[(String, Uuid, Vec<i32>)]) {
        if topics.is_empty() {
            return;
        }
        let record: OrderedAssignment = topics
            .iter()
            .map(|(_, id, partitions)| (*id, partitions.clone()))
            .collect();
        let names: BTreeMap<Uuid, String> = topics
            .iter()
            .map(|(name, id, _)| (*id, name.clone()))
            .collect();
        let stored = StoredTarget::from_ordered(replay_record(&record), |id| {
            names.get(id).cloned().unwrap_or_else(|| id.to_string())
        });
        self.store(member_id.to_string(), stored);
    }

    /// A member left (or was fenced): its target is tombstoned.
    pub fn remove_member(&mut self, member_id: &str) {
        self.stored.remove(member_id);
        self.sorted.remove(member_id);
    }

    /// A static member rejoined under a new member id (GroupMetadataManager.replaceMember): the new id gets a
    /// target record made from the old id's target, and the old id is tombstoned.
    pub fn replace_static(&mut self, old_member_id: &str, new_member_id: &str) {
        let old = self.stored.remove(old_member_id).unwrap_or_default();
        self.sorted.remove(old_member_id);
        let names: BTreeMap<Uuid, String> = old
            .topics
            .iter()
            .map(|t| (t.topic_id, t.name.clone()))
            .collect();
        let replayed = replay_record(&old.ordered());
        let stored = StoredTarget::from_ordered(replayed, |id| names[id].clone());
        self.store(new_member_id.to_string(), stored);
    }

    fn store(&mut self, member_id: String, stored: StoredTarget) {
        self.sorted.insert(member_id.clone(), stored.sorted());
        self.stored.insert(member_id, stored);
    }
}
