//! Server-side assignors of the consumer rebalance protocol (KIP-848, `group.protocol=consumer`), as the Kafka
//! 4.0 group coordinator computes them, and the target assignment a consumer group keeps.
//!
//! Source: apache/kafka `1eb7644349cb` (4.0.0-SNAPSHOT), `group-coordinator/.../coordinator/group/`:
//! `assignor/UniformAssignor`, `UniformHomogeneousAssignmentBuilder`, `UniformHeterogeneousAssignmentBuilder`,
//! `RangeAssignor`, `AssignorHelpers`, `modern/TargetAssignmentBuilder`, `Assignment`, `TopicIds`,
//! `GroupSpecImpl`. Checked against `../shared/vectors-kip848/` (tests/conformance/target_assignment.rs).
//!
//! `uniform` walks Java `HashMap`s and `HashSet`s (the members by id, the subscribed topic ids, each member's
//! stored target), so its result depends on their iteration order; [`java_map`] reproduces OpenJDK 17's.
//! Racks are not modelled (the coordinator passes none to the assignors at this version).
//!
//! # Use from the group coordinator
//!
//! ```
//! use grouplab_model::assignor::server::{MemberSubscription, ServerAssignor, TargetAssignmentState, TopicMetadata};
//!
//! let assignor: ServerAssignor = "uniform".parse().unwrap(); // unknown name: UNSUPPORTED_ASSIGNOR
//! let topics = [TopicMetadata::new("orders", "2UF6ovdkTuWxRo0yaU79PA".parse().unwrap(), 4)];
//! let members = [
//!     MemberSubscription::new("m1", None, &["orders"]),
//!     MemberSubscription::new("m2", Some("instance-2"), &["orders"]),
//! ];
//! let mut state = TargetAssignmentState::default();
//! let target = state.compute(assignor, &members, &topics);
//! assert_eq!(target["m1"]["orders"].len() + target["m2"]["orders"].len(), 4);
//!
//! // Later: m2's instance comes back as m3 (static replacement), m1 leaves.
//! state.replace_static("m2", "m3");
//! let members = [MemberSubscription::new("m3", Some("instance-2"), &["orders"])];
//! assert_eq!(state.compute(assignor, &members, &topics)["m3"]["orders"], [0, 1, 2, 3]);
//! ```
//!
//! * `members` is in the order the coordinator inserts them into the assignor's member map; it only matters
//!   between member ids that share a hash bucket. Each member's `subscribed_topics` is in heartbeat order.
//! * A member missing from `members` has left: [`TargetAssignmentState::compute`] tombstones its target
//!   ([`TargetAssignmentState::remove_member`] does it at once).
//! * Call [`TargetAssignmentState::replace_static`] when a static member rejoins under a new id, before the
//!   next `compute`.
//! * The subscription type (HOMOGENEOUS or not) is derived from `members` as `ModernGroup` does.
//! * Subscribed names that are not in `topics` are ignored, as `TopicIds` does for unknown topics.
//! * A topic's partition count only grows between calls (Kafka cannot shrink a topic); a deleted and recreated
//!   topic has a new topic id, and targets on the old id are dropped like those of an unsubscribed topic.
//!
//! Not modelled: assignor errors (no input of this API can make them), and the transient N+1 member map of a
//! static replacement in the same heartbeat (`TargetAssignmentBuilder.staticMembers`).

pub mod java_map;
mod java_tree;
mod range;
mod spec;
mod target;
mod uniform_heterogeneous;
mod uniform_homogeneous;
pub mod uuid;

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use spec::{is_homogeneous, member_iteration_order};
pub use target::{GroupTarget, TargetAssignmentState};
pub use uuid::{Uuid, UuidParseError};

/// `group.remote.assignor`: the server-side assignors the broker offers by default (`group.consumer.assignors`
/// = `uniform,range`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerAssignor {
    Uniform,
    Range,
}

/// A `group.remote.assignor` the broker does not know: the heartbeat fails with UNSUPPORTED_ASSIGNOR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsupportedAssignor(pub String);

impl fmt::Display for UnsupportedAssignor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UNSUPPORTED_ASSIGNOR: {:?}", self.0)
    }
}

impl std::error::Error for UnsupportedAssignor {}

impl ServerAssignor {
    pub const ALL: [ServerAssignor; 2] = [ServerAssignor::Uniform, ServerAssignor::Range];

    /// `ConsumerGroupPartitionAssignor.name()`.
    pub fn name(self) -> &'static str {
        match self {
            ServerAssignor::Uniform => "uniform",
            ServerAssignor::Range => "range",
        }
    }
}

impl FromStr for ServerAssignor {
    type Err = UnsupportedAssignor;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ServerAssignor::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| UnsupportedAssignor(name.to_string()))
    }
}

impl fmt::Display for ServerAssignor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One group member as the coordinator knows it from its heartbeats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSubscription {
    pub member_id: String,
    /// `group.instance.id` of a static member.
    pub instance_id: Option<String>,
    /// Subscribed topic names, in the heartbeat's order.
    pub subscribed_topics: Vec<String>,
}

impl MemberSubscription {
    pub fn new(member_id: &str, instance_id: Option<&str>, subscribed_topics: &[&str]) -> Self {
        MemberSubscription {
            member_id: member_id.to_string(),
            instance_id: instance_id.map(str::to_string),
            subscribed_topics: subscribed_topics.iter().map(|t| t.to_string()).collect(),
        }
    }
}

/// A topic of the cluster's metadata image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicMetadata {
    pub name: String,
    pub topic_id: Uuid,
    pub partitions: u32,
}

impl TopicMetadata {
    pub fn new(name: &str, topic_id: Uuid, partitions: u32) -> Self {
        TopicMetadata {
            name: name.to_string(),
            topic_id,
            partitions,
        }
    }
}

/// The order in which the `uniform` homogeneous builder takes the topics (its `HashSet<Uuid>` of the first
/// member's topic ids), as names. Empty when no member subscribes to a known topic.
pub fn homogeneous_topic_order(
    members: &[MemberSubscription],
    topics: &[TopicMetadata],
) -> Vec<String> {
    let empty = spec::OrderedAssignment::new();
    let spec = spec::build_group_spec(members, topics, |_| &empty);
    uniform_homogeneous::subscribed_topic_set(&spec)
        .keys()
        .filter_map(|id| topics.iter().find(|t| t.topic_id == *id))
        .map(|t| t.name.clone())
        .collect()
}
