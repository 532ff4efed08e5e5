//! What each server-side assignor (`uniform`, `range`) would make a consumer-protocol group's target at its next
//! epoch, computed from the group as the world's view shows it: the members in the coordinator's order with their
//! subscriptions, and each member's current target as the assignor's starting point (`uniform` is sticky: it
//! keeps what it can of the stored target, as GroupMetadataManager.updateTargetAssignment gives it to
//! TargetAssignmentBuilder). Topic ids are the model's own ([`crate::kafka_uuid::topic_id`]).

use std::collections::BTreeMap;

use crate::assignor::server::{
    MemberSubscription, ServerAssignor, TargetAssignmentState, TopicMetadata, Uuid,
};
use crate::kafka_uuid::topic_id;
use crate::view::{GroupView, TopicView};

/// (name, partition count) of each topic of a view.
pub fn partition_counts(topics: &[TopicView]) -> impl Iterator<Item = (&str, u32)> {
    topics
        .iter()
        .map(|t| (t.name.as_str(), t.partitions.len() as u32))
}

/// One assignor's answer: member id -> its partitions as `topic/partition`, topics and partitions sorted.
pub type Alternative = (ServerAssignor, BTreeMap<String, Vec<String>>);

/// Every server-side assignor's target for `group` (a consumer-protocol group; empty for a classic one), over
/// the cluster's topics as (name, partition count).
pub fn alternative_targets<'a>(
    group: &GroupView,
    topics: impl IntoIterator<Item = (&'a str, u32)>,
) -> Vec<Alternative> {
    let Some(current) = &group.target_assignment else {
        return Vec::new();
    };
    let members: Vec<MemberSubscription> = group
        .members
        .iter()
        .map(|m| MemberSubscription {
            member_id: m.member_id.clone(),
            instance_id: m.group_instance_id.clone(),
            subscribed_topics: m.subscribed.clone(),
        })
        .collect();
    let metadata: Vec<TopicMetadata> = topics
        .into_iter()
        .map(|(name, n)| TopicMetadata::new(name, topic_id(name), n))
        .collect();
    ServerAssignor::ALL
        .into_iter()
        .map(|assignor| {
            let mut state = TargetAssignmentState::default();
            for m in &members {
                state.restore(&m.member_id, &by_topic(current.get(&m.member_id)));
            }
            let target = state.compute(assignor, &members, &metadata);
            let keys = target
                .iter()
                .map(|(member, topics)| {
                    let tps = topics
                        .iter()
                        .flat_map(|(t, ps)| ps.iter().map(move |p| format!("{t}/{p}")))
                        .collect();
                    (member.clone(), tps)
                })
                .collect();
            (assignor, keys)
        })
        .collect()
}

/// `["orders/3", "orders/1"]` as the record a restored target is read from: (name, id, partitions) per topic.
fn by_topic(tps: Option<&Vec<String>>) -> Vec<(String, Uuid, Vec<i32>)> {
    let mut out: Vec<(String, Uuid, Vec<i32>)> = Vec::new();
    for tp in tps.into_iter().flatten() {
        let Some((topic, p)) = tp.rsplit_once('/') else {
            continue;
        };
        let Ok(p) = p.parse::<i32>() else { continue };
        match out.iter_mut().find(|(t, _, _)| t == topic) {
            Some((_, _, ps)) => ps.push(p),
            None => out.push((topic.to_string(), topic_id(topic), vec![p])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::config::{ClientProfile, ConsumerConfig, GroupProtocol};
    use crate::scenario::Scenario;

    /// Three `group.protocol=consumer` members on the course notes' four partitions: uniform's answer is the
    /// target the coordinator computed (it is what the group uses), range's deals contiguous ranges 2/1/1.
    #[test]
    fn uniform_gives_the_target_and_range_its_ranges() {
        let mut t = Scenario::course_notes().build().unwrap();
        for name in ["k1", "k2", "k3"] {
            t.apply(Command::AddConsumer {
                name: Some(name.into()),
                profile: ClientProfile::Java,
                config: ConsumerConfig {
                    group_id: Some("kip848".into()),
                    group_protocol: Some(GroupProtocol::Consumer),
                    ..Default::default()
                },
                topics: vec!["test-topic".into()],
                assign: None,
                records_per_sec: None,
            })
            .unwrap();
        }
        t.advance_to(30_000);
        let v = t.sim().view(0);
        let g = v.groups.iter().find(|g| g.group_id == "kip848").unwrap();
        let alternatives = alternative_targets(g, partition_counts(&v.topics));
        assert_eq!(alternatives.len(), 2);
        let (uniform, range) = (&alternatives[0], &alternatives[1]);
        assert_eq!(uniform.0, ServerAssignor::Uniform);
        let mut current = g.target_assignment.clone().unwrap();
        for tps in current.values_mut() {
            tps.sort();
        }
        assert_eq!(
            uniform.1, current,
            "the group uses uniform: its answer is the target"
        );
        assert_eq!(range.0, ServerAssignor::Range);
        let mut sizes: Vec<usize> = range.1.values().map(Vec::len).collect();
        sizes.sort_unstable();
        assert_eq!(sizes, [1, 1, 2]);
        for tps in range.1.values() {
            let ps: Vec<u32> = tps
                .iter()
                .map(|tp| tp.rsplit_once('/').unwrap().1.parse().unwrap())
                .collect();
            assert!(ps.windows(2).all(|w| w[1] == w[0] + 1), "a range: {ps:?}");
        }
    }

    #[test]
    fn a_classic_group_has_no_server_side_alternatives() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(10_000);
        let v = t.sim().view(0);
        assert!(alternative_targets(&v.groups[0], partition_counts(&v.topics)).is_empty());
    }
}
