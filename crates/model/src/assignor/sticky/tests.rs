//! StickyAssignor / CooperativeStickyAssignor: javadoc examples, invalid input, and properties over group
//! histories carried like running clients do.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use crate::assignor::test_support::{sub, tps};
use crate::assignor::{assign, revoked_partitions, Assignment, AssignorName, Subscription};
use crate::topic_partition::TopicPartition;

fn owning(mut s: Subscription, owned: &[(&str, u32)], generation: i32) -> Subscription {
    s.owned_partitions = tps(owned);
    s.generation = Some(generation);
    s
}

fn topics(list: &[(&str, u32)]) -> BTreeMap<String, u32> {
    list.iter().map(|(t, n)| (t.to_string(), *n)).collect()
}

/// A group of running clients: each member keeps what it was assigned and the generation it got it in.
struct Clients {
    assignor: AssignorName,
    topics: BTreeMap<String, u32>,
    generation: i32,
    members: Vec<Subscription>,
}

impl Clients {
    fn new(assignor: AssignorName, topics: BTreeMap<String, u32>) -> Self {
        Clients {
            assignor,
            topics,
            generation: 0,
            members: Vec::new(),
        }
    }

    /// One JoinGroup/SyncGroup generation; returns the assignment and whether a cooperative member revoked.
    fn round(&mut self) -> (Assignment, bool) {
        self.generation += 1;
        let a = assign(self.assignor, &self.topics, &self.members);
        let mut revoked_any = false;
        for m in &mut self.members {
            let assigned = a[&m.member_id].clone();
            revoked_any |= !revoked_partitions(&m.owned_partitions, &assigned).is_empty();
            m.owned_partitions = assigned;
            m.generation = Some(self.generation);
        }
        (a, revoked_any)
    }

    /// Rounds until the group is stable: one for eager, until nobody revokes for cooperative.
    fn settle(&mut self) -> Vec<Assignment> {
        let mut rounds = Vec::new();
        loop {
            let (a, revoked) = self.round();
            rounds.push(a);
            if self.assignor == AssignorName::Sticky || !revoked || rounds.len() > 10 {
                return rounds;
            }
        }
    }
}

fn all_partitions(topics: &BTreeMap<String, u32>) -> BTreeSet<TopicPartition> {
    topics
        .iter()
        .flat_map(|(t, n)| (0..*n).map(move |p| TopicPartition::new(t.clone(), p)))
        .collect()
}

/// Every partition of a subscribed topic assigned exactly once, and only to a subscriber.
fn check_complete(
    a: &Assignment,
    subs: &[Subscription],
    topics: &BTreeMap<String, u32>,
) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for (member, list) in a {
        let s = subs
            .iter()
            .find(|s| &s.member_id == member)
            .ok_or("unknown member")?;
        for tp in list {
            if !s.topics.iter().any(|t| **t == *tp.topic) {
                return Err(format!("{tp} given to {member}, not subscribed"));
            }
            if !seen.insert(tp.clone()) {
                return Err(format!("{tp} assigned twice"));
            }
        }
    }
    let expected: BTreeSet<TopicPartition> = all_partitions(topics)
        .into_iter()
        .filter(|tp| {
            subs.iter()
                .any(|s| s.topics.iter().any(|t| **t == *tp.topic))
        })
        .collect();
    if seen != expected {
        return Err(format!("assigned {seen:?}, expected {expected:?}"));
    }
    Ok(())
}

/// StickyAssignor javadoc, example 1. The first assignment is the javadoc's; after C1 leaves, today's constrained
/// builder (KAFKA-9987, KAFKA-16277) keeps every previous assignment like the javadoc says, but places C1's
/// partitions differently from the javadoc's listing (which predates it): the Java client gives the result below
/// (conformance case sticky-s2-javadoc-ex1).
#[test]
fn javadoc_example_1_c1_leaves() {
    let t = topics(&[("t0", 2), ("t1", 2), ("t2", 2), ("t3", 2)]);
    let all = ["t0", "t1", "t2", "t3"];
    let mut group = Clients::new(AssignorName::Sticky, t);
    group.members = vec![sub("C0", &all), sub("C1", &all), sub("C2", &all)];
    let a = group.settle().pop().unwrap();
    assert_eq!(a["C0"], tps(&[("t0", 0), ("t1", 1), ("t3", 0)]));
    assert_eq!(a["C1"], tps(&[("t0", 1), ("t2", 0), ("t3", 1)]));
    assert_eq!(a["C2"], tps(&[("t1", 0), ("t2", 1)]));
    group.members.retain(|m| m.member_id != "C1");
    let a = group.settle().pop().unwrap();
    assert_eq!(a["C0"], tps(&[("t0", 0), ("t0", 1), ("t1", 1), ("t3", 0)]));
    assert_eq!(a["C2"], tps(&[("t1", 0), ("t2", 0), ("t2", 1), ("t3", 1)]));
}

#[test]
fn javadoc_example_2_unequal_subscriptions_then_c0_leaves() {
    let t = topics(&[("t0", 1), ("t1", 2), ("t2", 3)]);
    let mut group = Clients::new(AssignorName::Sticky, t);
    group.members = vec![
        sub("C0", &["t0"]),
        sub("C1", &["t0", "t1"]),
        sub("C2", &["t0", "t1", "t2"]),
    ];
    let a = group.settle().pop().unwrap();
    assert_eq!(a["C0"], tps(&[("t0", 0)]));
    assert_eq!(a["C1"], tps(&[("t1", 0), ("t1", 1)]));
    assert_eq!(a["C2"], tps(&[("t2", 0), ("t2", 1), ("t2", 2)]));
    group.members.retain(|m| m.member_id != "C0");
    let a = group.settle().pop().unwrap();
    assert_eq!(a["C1"], tps(&[("t0", 0), ("t1", 0), ("t1", 1)]));
    assert_eq!(a["C2"], tps(&[("t2", 0), ("t2", 1), ("t2", 2)]));
}

#[test]
fn cooperative_withholds_then_hands_over() {
    let mut group = Clients::new(AssignorName::CooperativeSticky, topics(&[("t0", 6)]));
    group.members = vec![sub("c0", &["t0"])];
    group.settle();
    group.members.push(sub("c1", &["t0"]));
    let rounds = group.settle();
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds[0]["c0"], tps(&[("t0", 0), ("t0", 1), ("t0", 2)]));
    assert_eq!(rounds[0]["c1"], vec![]);
    assert_eq!(rounds[1]["c1"], tps(&[("t0", 3), ("t0", 4), ("t0", 5)]));
}

#[test]
fn same_generation_double_claim_is_invalidated_and_withheld() {
    // Both claim t/0 in generation 5: neither keeps it as owned; the constrained builder gives it to someone and
    // marks it transferring, so the cooperative assignor withholds it for a generation.
    let t = topics(&[("t", 2)]);
    let subs = [
        owning(sub("a", &["t"]), &[("t", 0)], 5),
        owning(sub("b", &["t"]), &[("t", 0), ("t", 1)], 5),
    ];
    let eager = assign(AssignorName::Sticky, &t, &subs);
    assert_eq!(eager["a"], tps(&[("t", 0)]));
    assert_eq!(eager["b"], tps(&[("t", 1)]));
    let cooperative = assign(AssignorName::CooperativeSticky, &t, &subs);
    assert_eq!(cooperative["a"], vec![]);
    assert_eq!(cooperative["b"], tps(&[("t", 1)]));
}

#[test]
fn higher_generation_wins_a_claim() {
    let t = topics(&[("t", 2)]);
    let subs = [
        owning(sub("a", &["t"]), &[("t", 0), ("t", 1)], 3),
        owning(sub("b", &["t"]), &[("t", 0)], 4),
    ];
    for assignor in [AssignorName::Sticky, AssignorName::CooperativeSticky] {
        let a = assign(assignor, &t, &subs);
        assert_eq!(a["a"], tps(&[("t", 1)]), "{assignor:?}");
        assert_eq!(a["b"], tps(&[("t", 0)]), "{assignor:?}");
    }
}

#[test]
fn stale_claims_are_ignored() {
    // Topics without metadata and partition ids past the current count are dropped from the claims.
    let t = topics(&[("t", 2)]);
    let subs = [
        owning(
            sub("a", &["t", "gone"]),
            &[("gone", 0), ("t", 7), ("t", 1)],
            1,
        ),
        sub("b", &["t", "gone"]),
    ];
    let a = assign(AssignorName::CooperativeSticky, &t, &subs);
    assert_eq!(a["a"], tps(&[("t", 1)]));
    assert_eq!(a["b"], tps(&[("t", 0)]));
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let t = topics(&[("t", 3), ("empty", 0)]);
    for assignor in AssignorName::ALL {
        assert!(assign(assignor, &t, &[]).is_empty());
        let a = assign(
            assignor,
            &t,
            &[sub("a", &[]), sub("b", &["empty"]), sub("a", &["t"])],
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a["b"], vec![]);
        let a = assign(
            assignor,
            &BTreeMap::new(),
            &[sub("a", &["t"]), sub("b", &["t"])],
        );
        assert_eq!(a["a"], vec![]);
    }
}

#[test]
fn empty_subscription_met_first_counts_as_equal() {
    // AbstractStickyAssignor.allSubscriptionsEqual seeds its reference set from the first non-empty subscription
    // it meets, so a member subscribed to nothing that comes first in HashMap order makes the group "equal" and
    // the constrained builder hands it partitions. ("a" is in bucket 1 and "b" in bucket 2 of 16.)
    let t = topics(&[("t", 2)]);
    let a = assign(AssignorName::Sticky, &t, &[sub("b", &["t"]), sub("a", &[])]);
    assert_eq!(a["a"], tps(&[("t", 0)]));
    assert_eq!(a["b"], tps(&[("t", 1)]));
    // Met after a non-empty one, it makes the subscriptions unequal: the general builder skips it.
    let a = assign(AssignorName::Sticky, &t, &[sub("a", &["t"]), sub("b", &[])]);
    assert_eq!(a["a"], tps(&[("t", 0), ("t", 1)]));
    assert_eq!(a["b"], vec![]);
}

#[test]
fn general_builder_revokes_an_unsubscribed_topic_and_rebalances() {
    // "a" drops topic y: its y/0 is revoked (revocationRequired) and goes to b, the only subscriber; b then has
    // 2 more than a, so performReassignments moves b's first movable partition (x/2) to a.
    let t = topics(&[("x", 4), ("y", 2)]);
    let subs = [
        owning(sub("a", &["x"]), &[("x", 0), ("x", 1), ("y", 0)], 2),
        owning(sub("b", &["x", "y"]), &[("x", 2), ("x", 3), ("y", 1)], 2),
    ];
    let a = assign(AssignorName::Sticky, &t, &subs);
    assert_eq!(a["a"], tps(&[("x", 0), ("x", 1), ("x", 2)]));
    assert_eq!(a["b"], tps(&[("x", 3), ("y", 0), ("y", 1)]));
}

/// Random equal-subscription groups: 1..4 topics, 1..8 members.
fn equal_group() -> impl Strategy<Value = (Vec<u32>, usize)> {
    (proptest::collection::vec(0u32..12, 1..4), 1usize..8)
}

fn make_topics(counts: &[u32]) -> BTreeMap<String, u32> {
    counts
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("t{i}"), *n))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Equal subscriptions: complete, balanced within one; after a member leaves nobody remaining loses anything.
    #[test]
    fn sticky_balanced_and_sticky_when_a_member_leaves(
        (counts, n) in equal_group(),
        leaver in any::<prop::sample::Index>(),
        cooperative in any::<bool>(),
    ) {
        let assignor = if cooperative { AssignorName::CooperativeSticky } else { AssignorName::Sticky };
        let t = make_topics(&counts);
        let names: Vec<String> = t.keys().cloned().collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut group = Clients::new(assignor, t.clone());
        for i in 0..n {
            group.members.push(sub(&format!("consumer-{i}"), &refs));
            group.settle();
        }
        let a = group.settle().pop().unwrap();
        check_complete(&a, &group.members, &t).map_err(TestCaseError::fail)?;
        let sizes: Vec<usize> = a.values().map(Vec::len).collect();
        prop_assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1, "{a:?}");

        let before = a;
        let gone = group.members.remove(leaver.index(n)).member_id;
        let rounds = group.settle();
        prop_assert_eq!(rounds.len(), 1);
        let after = rounds.last().unwrap();
        for m in &group.members {
            let kept: BTreeSet<&TopicPartition> = after[&m.member_id].iter().collect();
            prop_assert!(before[&m.member_id].iter().all(|tp| kept.contains(tp)), "{} lost partitions after {} left", m.member_id, gone);
        }
        check_complete(after, &group.members, &t).map_err(TestCaseError::fail)?;
    }

    /// Cooperative, equal subscriptions, a member joins: the first round only withholds (no member gains a
    /// partition someone else owned), the second assigns every withheld partition and nobody revokes again.
    #[test]
    fn cooperative_join_settles_in_two_rounds((counts, n) in equal_group()) {
        let t = make_topics(&counts);
        let names: Vec<String> = t.keys().cloned().collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut group = Clients::new(AssignorName::CooperativeSticky, t.clone());
        for i in 0..n {
            group.members.push(sub(&format!("m{i}"), &refs));
            group.settle();
        }
        let before: BTreeMap<String, Vec<TopicPartition>> =
            group.members.iter().map(|m| (m.member_id.clone(), m.owned_partitions.clone())).collect();
        group.members.push(sub("newcomer", &refs));
        let (first, revoked) = group.round();
        for (m, list) in &first {
            let old = before.get(m).cloned().unwrap_or_default();
            prop_assert!(list.iter().all(|tp| old.contains(tp)), "{m} gained {list:?} in the first round");
        }
        let withheld: BTreeSet<TopicPartition> = all_partitions(&t)
            .into_iter()
            .filter(|tp| first.values().all(|l| !l.contains(tp)))
            .collect();
        prop_assert_eq!(revoked, !withheld.is_empty());
        if revoked {
            let (second, revoked_again) = group.round();
            prop_assert!(!revoked_again, "second round revoked again");
            for tp in &withheld {
                prop_assert!(second.values().any(|l| l.contains(tp)), "{tp} still withheld");
            }
            for (m, list) in &first {
                prop_assert!(list.iter().all(|tp| second[m].contains(tp)));
            }
            check_complete(&second, &group.members, &t).map_err(TestCaseError::fail)?;
        }
    }

    /// Unequal subscriptions (the general builder), members joining and leaving: every subscribed partition is
    /// assigned exactly once, only to subscribers, once the group settles.
    #[test]
    fn general_builder_is_complete(
        counts in proptest::collection::vec(1u32..10, 2..5),
        history in proptest::collection::vec((any::<bool>(), proptest::collection::vec(any::<bool>(), 4)), 1..10),
        cooperative in any::<bool>(),
    ) {
        let assignor = if cooperative { AssignorName::CooperativeSticky } else { AssignorName::Sticky };
        let t = make_topics(&counts);
        let names: Vec<String> = t.keys().cloned().collect();
        let mut group = Clients::new(assignor, t.clone());
        for (i, (join, flags)) in history.iter().enumerate() {
            if *join || group.members.len() < 2 {
                let mut mine: Vec<&str> = names.iter().zip(flags).filter(|(_, f)| **f).map(|(n, _)| n.as_str()).collect();
                if mine.is_empty() {
                    mine.push(&names[i % names.len()]);
                }
                group.members.push(sub(&format!("m{i}"), &mine));
            } else {
                group.members.remove(i % group.members.len());
            }
            let settled = group.settle().pop().unwrap();
            check_complete(&settled, &group.members, &t).map_err(TestCaseError::fail)?;
        }
    }
}

#[test]
fn the_member_that_keeps_max_quota_follows_hash_map_order() {
    // 12 partitions, 5 members: minQuota 2, maxQuota 3, two members keep 3. The leader's HashMap visits
    // c3 (bucket 0) and c4 (1) before c0 (13), c1 (14), c2 (15), so c3 and then c0 keep three, not c0 and c1.
    let t = topics(&[("t0", 12)]);
    let all = ["t0"];
    let owned = [
        ("c0", [0, 1, 2]),
        ("c1", [6, 7, 8]),
        ("c2", [4, 5, 10]),
        ("c3", [3, 9, 11]),
    ];
    let mut subs: Vec<Subscription> = owned
        .iter()
        .map(|(id, ps)| {
            let list: Vec<(&str, u32)> = ps.iter().map(|p| ("t0", *p)).collect();
            owning(sub(id, &all), &list, 7)
        })
        .collect();
    subs.push(sub("c4", &all));
    let a = assign(AssignorName::Sticky, &t, &subs);
    assert_eq!(a["c0"], tps(&[("t0", 0), ("t0", 1), ("t0", 2)]));
    assert_eq!(a["c3"], tps(&[("t0", 3), ("t0", 9), ("t0", 11)]));
    assert_eq!(a["c1"], tps(&[("t0", 6), ("t0", 7)]));
    assert_eq!(a["c2"], tps(&[("t0", 4), ("t0", 5)]));
    assert_eq!(a["c4"], tps(&[("t0", 8), ("t0", 10)]));
}

/// Arbitrary input, including what no real group sends: duplicate member ids, empty subscriptions, topics without
/// metadata or partitions, claims on missing partitions, duplicate and conflicting claims, odd generations.
fn arbitrary_subscriptions() -> impl Strategy<Value = Vec<Subscription>> {
    let member = (
        0usize..6,
        proptest::option::of(0usize..3),
        proptest::collection::vec(0usize..4, 0..4),
        proptest::collection::vec((0usize..4, 0u32..8), 0..6),
        proptest::option::of(-3i32..4),
    );
    proptest::collection::vec(member, 0..7).prop_map(|members| {
        members
            .into_iter()
            .map(|(id, instance, topics, owned, generation)| Subscription {
                member_id: ["a", "b", "Aa", "BB", "consumer-10", "consumer-2"][id].to_string(),
                group_instance_id: instance.map(|i| format!("i{i}")),
                topics: topics.into_iter().map(|t| format!("t{t}")).collect(),
                owned_partitions: owned
                    .into_iter()
                    .map(|(t, p)| TopicPartition::new(format!("t{t}"), p))
                    .collect(),
                generation,
                revoked: false,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_never_assigns_twice(
        counts in proptest::collection::vec(0u32..6, 0..4),
        subs in arbitrary_subscriptions(),
    ) {
        let t: BTreeMap<String, u32> = counts.iter().enumerate().map(|(i, n)| (format!("t{i}"), *n)).collect();
        for assignor in AssignorName::ALL {
            let a = assign(assignor, &t, &subs);
            let ids: BTreeSet<&String> = subs.iter().map(|s| &s.member_id).collect();
            prop_assert_eq!(a.keys().collect::<BTreeSet<_>>(), ids);
            let mut seen = BTreeSet::new();
            for list in a.values() {
                prop_assert!(list.windows(2).all(|w| w[0] < w[1]));
                for tp in list {
                    prop_assert!(t.get(&*tp.topic).is_some_and(|n| tp.partition < *n), "{tp} does not exist");
                    prop_assert!(seen.insert(tp.clone()), "{tp} assigned twice by {assignor:?}");
                }
            }
        }
    }
}
