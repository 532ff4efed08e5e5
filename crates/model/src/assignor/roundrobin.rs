//! RoundRobinAssignor: all partitions, topics in name order then partition id, dealt in a cycle over the members
//! in MemberInfo order; a member not subscribed to the partition's topic is skipped and the cycle goes on from there.

use super::Group;
use crate::topic_partition::TopicPartition;

/// Per member (indices of `group.members`), its partitions.
pub(crate) fn assign(group: &Group) -> Vec<Vec<TopicPartition>> {
    let mut out = vec![Vec::new(); group.members.len()];
    // RoundRobinAssignor.assign: CircularIterator over Utils.sorted(memberInfoList).
    let order = group.member_info_order();
    let mut cursor = 0usize;
    // allPartitionsSorted: a TreeSet of the subscribed topics, each with partitions 0..n-1.
    for (topic, count) in group.sorted_topics() {
        let subscribed: Vec<bool> = order
            .iter()
            .map(|&i| group.members[i].subscribes(topic))
            .collect();
        if !subscribed.contains(&true) {
            continue;
        }
        for p in 0..count {
            // `while (!subscriptions.get(assigner.peek().memberId).topics().contains(topic)) assigner.next();`
            while !subscribed[cursor] {
                cursor = (cursor + 1) % order.len();
            }
            out[order[cursor]].push(TopicPartition::new(topic, p));
            cursor = (cursor + 1) % order.len();
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
    fn javadoc_examples() {
        // RoundRobinAssignor javadoc, identical subscriptions.
        let topics = BTreeMap::from([("t0".to_string(), 3), ("t1".to_string(), 3)]);
        let a = run(
            AssignorName::RoundRobin,
            &topics,
            &[sub("C0", &["t0", "t1"]), sub("C1", &["t0", "t1"])],
        );
        assert_eq!(a["C0"], tps(&[("t0", 0), ("t0", 2), ("t1", 1)]));
        assert_eq!(a["C1"], tps(&[("t0", 1), ("t1", 0), ("t1", 2)]));
        // Unequal subscriptions: C0 -> t0; C1 -> t0, t1; C2 -> t0, t1, t2 with 1, 2 and 3 partitions.
        let topics = BTreeMap::from([
            ("t0".to_string(), 1),
            ("t1".to_string(), 2),
            ("t2".to_string(), 3),
        ]);
        let subs = [
            sub("C0", &["t0"]),
            sub("C1", &["t0", "t1"]),
            sub("C2", &["t0", "t1", "t2"]),
        ];
        let a = run(AssignorName::RoundRobin, &topics, &subs);
        assert_eq!(a["C0"], tps(&[("t0", 0)]));
        assert_eq!(a["C1"], tps(&[("t1", 0)]));
        assert_eq!(a["C2"], tps(&[("t1", 1), ("t2", 0), ("t2", 1), ("t2", 2)]));
    }

    proptest! {
        /// With equal subscriptions every member gets floor or ceil of P/M, in deal order; with any subscriptions
        /// every partition goes exactly once, to a subscriber.
        #[test]
        fn round_robin_rules(
            counts in proptest::collection::vec(0u32..15, 1..4),
            subs in proptest::collection::vec(proptest::collection::vec(any::<bool>(), 3), 1..7),
            equal in any::<bool>(),
        ) {
            let topics: BTreeMap<String, u32> =
                counts.iter().enumerate().map(|(i, n)| (format!("t{i}"), *n)).collect();
            let subscriptions: Vec<Subscription> = subs
                .iter()
                .enumerate()
                .map(|(i, flags)| {
                    let names: Vec<String> = (0..counts.len())
                        .filter(|t| equal || flags[*t])
                        .map(|t| format!("t{t}"))
                        .collect();
                    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                    sub(&format!("m{i}"), &refs)
                })
                .collect();
            let a = run(AssignorName::RoundRobin, &topics, &subscriptions);
            let mut seen = std::collections::BTreeSet::new();
            for (m, list) in &a {
                let s = subscriptions.iter().find(|s| &s.member_id == m).unwrap();
                for tp in list {
                    prop_assert!(s.topics.iter().any(|t| **t == *tp.topic));
                    prop_assert!(seen.insert(tp.clone()));
                }
            }
            let subscribed_total: u32 = topics
                .iter()
                .filter(|(t, _)| subscriptions.iter().any(|s| s.topics.contains(t)))
                .map(|(_, n)| n)
                .sum();
            prop_assert_eq!(seen.len() as u32, subscribed_total);
            if equal {
                let order = crate::assignor::sort_members(&subscriptions);
                let m = order.len() as u32;
                for (i, s) in order.iter().enumerate() {
                    let expected = subscribed_total / m + u32::from((i as u32) < subscribed_total % m);
                    prop_assert_eq!(a[&s.member_id].len() as u32, expected);
                }
            }
        }
    }
}
