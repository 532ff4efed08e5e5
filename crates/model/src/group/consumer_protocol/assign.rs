//! The one call site of the server-side assignor: GroupMetadataManager.updateTargetAssignment running
//! TargetAssignmentBuilder with the assignor the group uses (`assignor::server`, Java's uniform and range).

use std::rc::Rc;

use crate::assignor::server::{MemberSubscription, ServerAssignor, TopicMetadata};
use crate::collections::VecMap;
use crate::topic_partition::TopicPartition;

pub use crate::assignor::server::TargetAssignmentState;

use crate::actor::Ctx;
use crate::cluster::Cluster;
use crate::event::EventKind;

use super::super::join::GroupEnv;
use super::super::Group;
use super::heartbeat::TopicInfo;
use super::ConsumerGroupData;

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
        crate::collections::sort::sort(&mut tps);
        (member.clone(), tps)
    }))
}

/// Partition counts of the topics the members subscribe to that exist.
pub(super) fn subscription_metadata(
    cg: &ConsumerGroupData,
    cluster: &Cluster,
) -> VecMap<String, u32> {
    VecMap::from_iter(
        cg.subscribed_topics()
            .into_iter()
            .filter_map(|t| cluster.partition_count(&t).map(|n| (t, n))),
    )
}

/// ConsumerGroup.computePreferredServerAssignor: the assignor most members ask for (ties: the one the broker
/// lists first), else the broker's default, the first of `group.consumer.assignors`.
fn preferred_assignor(g: &Group, env: &GroupEnv) -> String {
    let listed = &env.config.group_consumer_assignors;
    let mut best: Option<(&String, usize)> = None;
    for a in listed {
        let n =
            g.cg.members
                .iter()
                .filter(|m| m.server_assignor.as_ref() == Some(a))
                .count();
        if n > 0 && best.is_none_or(|(_, b)| n > b) {
            best = Some((a, n));
        }
    }
    best.map(|(a, _)| a.clone())
        .or_else(|| listed.first().cloned())
        .unwrap_or_else(|| "uniform".to_string())
}

/// GroupMetadataManager.updateTargetAssignment: run the assignor for the new group epoch.
pub(super) fn update_target_assignment(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    cluster: &Cluster,
) {
    let name = preferred_assignor(g, env);
    let choice = name
        .parse::<ServerAssignor>()
        .unwrap_or(ServerAssignor::Uniform);
    let topics: Vec<TopicInfo> =
        g.cg.subscribed_topics()
            .iter()
            .filter_map(|t| {
                let topic = cluster.topics.get(t.as_str())?;
                Some(TopicInfo {
                    name: topic.name.clone(),
                    topic_id: topic.topic_id,
                    partitions: topic.partitions.len() as u32,
                })
            })
            .collect();
    // Members that left temporarily (epoch -2) keep their target: they are still members.
    let inputs: Vec<MemberInput> =
        g.cg.members
            .iter()
            .map(|m| MemberInput {
                member_id: &m.member_id,
                instance_id: m.instance_id.as_deref(),
                topics: &m.subscribed_topics,
            })
            .collect();
    let mut state = std::mem::take(&mut g.cg.assignor_state);
    let target = compute_target(choice, &mut state, &inputs, &topics);
    g.cg.assignor_state = state;
    g.cg.target = target;
    g.cg.assignment_epoch = g.cg.group_epoch;
    g.cg.assignor = Some(name.clone());
    ctx.emit(EventKind::TargetAssignmentComputed {
        group_id: g.group_id.clone(),
        assignment_epoch: g.cg.assignment_epoch,
        assignor: name,
        assignment: g
            .cg
            .target
            .iter()
            .map(|(m, a)| (m.clone(), a.clone()))
            .collect(),
    });
}
