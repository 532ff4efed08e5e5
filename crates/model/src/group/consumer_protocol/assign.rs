//! The one call site of the server-side assignor: GroupMetadataManager.updateTargetAssignment running
//! TargetAssignmentBuilder with the assignor the group uses (`assignor::server`, Java's uniform and range).

use std::rc::Rc;

use crate::assignor::server::{MemberSubscription, ServerAssignor, TopicMetadata};
use crate::topic_partition::TopicPartition;
use crate::vec_map::VecMap;

pub use crate::assignor::server::TargetAssignmentState;

use super::heartbeat::TopicInfo;

/// One member's input to the assignor.
pub struct MemberInput<'a> {
    pub member_id: &'a str,
    pub instance_id: Option<&'a str>,
    pub topics: &'a [String],
}

/// The new target assignment: member id -> sorted partitions (every member present, maybe with nothing).
/// `members` in the order the group keeps them (join order): the order the coordinator inserts them into the
/// assignor's member map (it matters only between ids that share a Java HashMap bucket).
pub fn compute_target(
    assignor: ServerAssignor,
    state: &mut TargetAssignmentState,
    members: &[MemberInput],
    topics: &[TopicInfo],
) -> VecMap<String, Vec<TopicPartition>> {
    let subscriptions: Vec<MemberSubscription> = members
        .iter()
        .map(|m| MemberSubscription {
            member_id: m.member_id.to_string(),
            instance_id: m.instance_id.map(str::to_string),
            subscribed_topics: m.topics.to_vec(),
        })
        .collect();
    let metadata: Vec<TopicMetadata> = topics
        .iter()
        .map(|t| TopicMetadata::new(&t.name, t.topic_id, t.partitions))
        .collect();
    let names: Vec<&Rc<str>> = topics.iter().map(|t| &t.name).collect();
    let target = state.compute(assignor, &subscriptions, &metadata);
    VecMap::from_iter(target.iter().map(|(member, by_topic)| {
        let mut tps: Vec<TopicPartition> = by_topic
            .iter()
            .flat_map(|(topic, partitions)| {
                // The cluster's shared topic name, when the topic exists.
                let name: Rc<str> = names
                    .iter()
                    .find(|n| ****n == *topic.as_str())
                    .map_or_else(|| Rc::from(topic.as_str()), |n| Rc::clone(n));
                partitions
                    .iter()
                    .map(move |&p| TopicPartition::new(name.clone(), p as u32))
            })
            .collect();
        crate::sort::sort(&mut tps);
        (member.clone(), tps)
    }))
}
