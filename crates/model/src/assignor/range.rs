//! RangeAssignor: per topic, contiguous ranges over the subscribed members in MemberInfo order; the first
//! `partitions % members` members get one extra (RangeAssignor.assignRanges / TopicAssignmentState.maxAssignable).

use super::Group;
use crate::topic_partition::TopicPartition;

/// Per member (indices of `group.members`), its partitions.
pub(crate) fn assign(group: &Group) -> Vec<Vec<TopicPartition>> {
    let mut out = vec![Vec::new(); group.members.len()];
    // RangeAssignor.consumersPerTopic + TopicAssignmentState: members of each topic sorted by MemberInfo.
    let order = group.member_info_order();
    for (&topic, &count) in &group.partitions_per_topic {
        let consumers: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| group.members[i].subscribes(topic))
            .collect();
        if consumers.is_empty() {
            continue;
        }
        let m = consumers.len() as u32;
        // TopicAssignmentState: numPartitionsPerConsumer and the consumers with an extra partition.
        let per_consumer = count / m;
        let with_extra = count % m;
        for (i, &c) in consumers.iter().enumerate() {
            let i = i as u32;
            let start = per_consumer * i + i.min(with_extra);
            let length = per_consumer + u32::from(i < with_extra);
            out[c].extend((start..start + length).map(|p| TopicPartition::new(topic, p)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use crate::assignor::test_support::{sub, tps};
    use crate::assignor::{assign as run, AssignorName, Subscription};

    #[test]
    fn javadoc_example() {
        // RangeAssignor javadoc: C0 and C1, t0 and t1 with 3 partitions each.
        let topics = BTreeMap::from([("t0".to_string(), 3), ("t1".to_string(), 3)]);
        let a = run(
            AssignorName::Range,
            &topics,
            &[sub("C0", &["t0", "t1"]), sub("C1", &["t0", "t1"])],
        );
        assert_eq!(a["C0"], tps(&[("t0", 0), ("t0", 1), ("t1", 0), ("t1", 1)]));
        assert_eq!(a["C1"], tps(&[("t0", 2), ("t1", 2)]));
    }

    #[test]
    fn lexicographic_member_order_and_static_members_first() {
        let topics = BTreeMap::from([("t".to_string(), 3)]);
        let mut subs = vec![
            sub("consumer-2", &["t"]),
            sub("consumer-10", &["t"]),
            sub("z", &["t"]),
        ];
        let a = run(AssignorName::Range, &topics, &subs);
        assert_eq!(a["consumer-10"], tps(&[("t", 0)]));
        assert_eq!(a["consumer-2"], tps(&[("t", 1)]));
        assert_eq!(a["z"], tps(&[("t", 2)]));
        subs[2].group_instance_id = Some("instance".into());
        let a = run(AssignorName::Range, &topics, &subs);
        assert_eq!(a["z"], tps(&[("t", 0)]));
    }

    #[test]
    fn more_members_than_partitions_leaves_the_tail_empty_and_ignores_unknown_topics() {
        let topics = BTreeMap::from([("t".to_string(), 1), ("unsubscribed".to_string(), 4)]);
        let a = run(
            AssignorName::Range,
            &topics,
            &[sub("a", &["t", "missing"]), sub("b", &["t"])],
        );
        assert_eq!(a["a"], tps(&[("t", 0)]));
        assert_eq!(a["b"], vec![]);
    }

    proptest! {
        /// Per topic: every partition exactly once, only to subscribers, contiguous, sizes q or q+1 with the
        /// larger ranges going to the first members in MemberInfo order.
        #[test]
        fn range_rules(
            counts in proptest::collection::vec(0u32..20, 1..4),
            subs in proptest::collection::vec(proptest::collection::vec(any::<bool>(), 3), 1..7),
        ) {
            let topics: BTreeMap<String, u32> =
                counts.iter().enumerate().map(|(i, n)| (format!("t{i}"), *n)).collect();
            let subscriptions: Vec<Subscription> = subs
                .iter()
                .enumerate()
                .map(|(i, flags)| {
                    let names: Vec<String> = (0..counts.len()).filter(|t| flags[*t]).map(|t| format!("t{t}")).collect();
                    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                    sub(&format!("m{i}"), &refs)
                })
                .collect();
            let a = run(AssignorName::Range, &topics, &subscriptions);
            prop_assert_eq!(a.len(), subscriptions.len());
            for (topic, &n) in &topics {
                let members: Vec<&str> = crate::assignor::sort_members(&subscriptions)
                    .into_iter()
                    .filter(|s| s.topics.contains(topic))
                    .map(|s| s.member_id.as_str())
                    .collect();
                let mut next = 0;
                for (i, m) in members.iter().enumerate() {
                    let mine: Vec<u32> = a[*m].iter().filter(|tp| *tp.topic == **topic).map(|tp| tp.partition).collect();
                    let q = n / members.len() as u32;
                    let r = (n % members.len() as u32) as usize;
                    prop_assert_eq!(mine.len() as u32, q + u32::from(i < r));
                    prop_assert_eq!(mine, (next..next + q + u32::from(i < r)).collect::<Vec<_>>());
                    next += q + u32::from(i < r);
                }
                if !members.is_empty() {
                    prop_assert_eq!(next, n);
                }
                for (m, list) in &a {
                    if !members.contains(&m.as_str()) {
                        prop_assert!(list.iter().all(|tp| *tp.topic != **topic));
                    }
                }
            }
        }
    }
}
