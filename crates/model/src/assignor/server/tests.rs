//! The HashMap emulation against orders recorded with OpenJDK 17.0.15, a few readable assignor cases, and
//! properties of the assignors over random groups. The exact Kafka results are checked by the conformance
//! vectors (tests/conformance/target_assignment.rs).

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::java_map::{capacity_for, table_size_for, JavaHashMap, JavaHashSet};
use super::*;

fn keys(map: &JavaHashMap<i32, ()>) -> Vec<i32> {
    map.keys().copied().collect()
}

fn puts(map: &mut JavaHashMap<i32, ()>, ks: &[i32]) {
    for &k in ks {
        map.put(k, ());
    }
}

fn computes(map: &mut JavaHashMap<i32, ()>, ks: &[i32]) {
    for &k in ks {
        map.compute_if_absent(k, || ());
    }
}

#[test]
fn sizing_helpers_follow_java() {
    assert_eq!(table_size_for(0), 1);
    assert_eq!(table_size_for(1), 1);
    assert_eq!(table_size_for(5), 8);
    assert_eq!(table_size_for(16), 16);
    // (int) (n / 0.75f) + 1
    assert_eq!(capacity_for(0), 1);
    assert_eq!(capacity_for(3), 5);
    assert_eq!(capacity_for(12), 17);
}

// Each expected order below was printed by OpenJDK 17.0.15 for the same calls.

#[test]
fn put_appends_and_compute_if_absent_prepends_in_a_bin() {
    // 1, 17 and 33 share bin 1 of 16.
    let mut map = JavaHashMap::new();
    puts(&mut map, &[1, 17]);
    computes(&mut map, &[33]);
    assert_eq!(keys(&map), [33, 1, 17]);
}

#[test]
fn compute_if_absent_resizes_before_inserting() {
    // new HashMap<>(0): one bin, threshold 0; each computeIfAbsent over the threshold doubles the table first.
    let mut map = JavaHashMap::with_capacity(0);
    computes(&mut map, &[5, 3, 8]);
    assert_eq!(keys(&map), [8, 5, 3]);
    // new HashMap<>(2): 7 and 3 share a bin of 2, then 5 doubles the table to 4 (7 and 3 still together).
    let mut map = JavaHashMap::with_capacity(2);
    computes(&mut map, &[7, 3, 5]);
    assert_eq!(keys(&map), [5, 3, 7]);
}

#[test]
fn a_ninth_put_into_one_bin_doubles_a_small_table() {
    let mut map = JavaHashMap::new();
    puts(&mut map, &[0, 16, 32, 48, 64, 80, 96, 112]);
    assert_eq!(map.capacity(), 16);
    assert_eq!(keys(&map), [0, 16, 32, 48, 64, 80, 96, 112]);
    map.put(128, ());
    assert_eq!(map.capacity(), 32);
    assert_eq!(keys(&map), [0, 32, 64, 96, 128, 16, 48, 80, 112]);
}

#[test]
fn an_eighth_compute_if_absent_into_one_bin_doubles_a_small_table() {
    let mut map = JavaHashMap::new();
    computes(&mut map, &[0, 16, 32, 48, 64, 80, 96]);
    assert_eq!(keys(&map), [96, 80, 64, 48, 32, 16, 0]);
    computes(&mut map, &[112]);
    assert_eq!(map.capacity(), 32);
    assert_eq!(keys(&map), [96, 64, 32, 0, 112, 80, 48, 16]);
}

#[test]
fn a_full_bin_of_a_large_table_becomes_a_tree_and_iterates_root_first() {
    let base = [0, 64, 128, 192, 256, 320, 384, 448];
    let fresh = || {
        let mut map = JavaHashMap::with_capacity(64);
        puts(&mut map, &base);
        map
    };
    assert_eq!(keys(&fresh()), base);
    // The 9th key of bin 0 treeifies it: the tree's root (192) moves to the front.
    let mut map = fresh();
    puts(&mut map, &[512]);
    assert_eq!(map.capacity(), 64);
    assert_eq!(keys(&map), [192, 0, 64, 128, 256, 320, 384, 448, 512]);
    // A key inserted into the tree is linked right behind its tree parent.
    puts(&mut map, &[576, 1]);
    assert_eq!(
        keys(&map),
        [192, 0, 64, 128, 256, 320, 384, 448, 512, 576, 1]
    );
    // Removing from the tree rebalances it and moves the new root to the front.
    map.remove(&0);
    assert_eq!(keys(&map), [320, 192, 64, 128, 256, 384, 448, 512, 576, 1]);
    // A tree that gets too small becomes a list again, in its current order.
    for k in [64, 128, 192] {
        map.remove(&k);
    }
    assert_eq!(keys(&map), [320, 256, 384, 448, 512, 576, 1]);
    // computeIfAbsent's 8th key treeifies the bin too.
    let mut map = JavaHashMap::with_capacity(64);
    computes(&mut map, &[512, 448, 384, 320, 256, 192, 128, 64]);
    assert_eq!(keys(&map), [256, 64, 128, 192, 320, 384, 448, 512]);
}

#[test]
fn colliding_strings_in_a_tree_bin_follow_compare_to() {
    // 16 ids of one String.hashCode (blocks "Aa" / "BB") put into new HashMap<>(64), then "m1".
    let ids = "BBBBAaBB,BBBBAaAa,BBBBBBBB,BBBBBBAa,BBAaAaBB,BBAaAaAa,BBAaBBBB,BBAaBBAa,AaBBAaBB,AaBBAaAa,\
               AaBBBBBB,AaBBBBAa,AaAaAaBB,AaAaAaAa,AaAaBBBB,AaAaBBAa,m1";
    let mut map: JavaHashMap<String, ()> = JavaHashMap::with_capacity(64);
    for id in ids.split(',') {
        map.put(id.to_string(), ());
    }
    let order: Vec<&str> = map.keys().map(String::as_str).collect();
    let java = "BBAaAaBB,BBBBAaBB,BBBBAaAa,BBBBBBBB,BBBBBBAa,BBAaAaAa,AaBBBBBB,AaBBBBAa,BBAaBBBB,BBAaBBAa,\
                AaBBAaBB,AaBBAaAa,AaAaBBBB,AaAaBBAa,AaAaAaBB,AaAaAaAa,m1";
    assert_eq!(order.join(","), java);
}

#[test]
fn remove_never_shrinks_the_table() {
    let mut grown = JavaHashMap::new();
    puts(&mut grown, &[16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert_eq!(grown.capacity(), 32);
    for k in 2..=12 {
        assert_eq!(grown.remove(&k), Some(()));
    }
    assert_eq!(grown.remove(&2), None);
    assert_eq!(keys(&grown), [1, 16]);
    let mut fresh = JavaHashMap::new();
    puts(&mut fresh, &[16, 1]);
    assert_eq!(keys(&fresh), [16, 1]);
}

#[test]
fn hash_set_from_a_collection_keeps_list_order_within_a_bin() {
    let set = JavaHashSet::from_collection(3, [33, 1, 17]);
    assert_eq!(set.capacity(), 16);
    assert_eq!(set.keys().copied().collect::<Vec<_>>(), [33, 1, 17]);
    // 13 elements: new HashMap<>(18) has 32 bins.
    let set = JavaHashSet::from_collection(13, 0..13);
    assert_eq!(set.capacity(), 32);
}

#[test]
fn put_replaces_a_value_in_place() {
    let mut map: JavaHashMap<String, i32> = JavaHashMap::new();
    // "Aa" and "BB" have the same String.hashCode.
    map.put("Aa".to_string(), 1);
    map.put("BB".to_string(), 2);
    assert_eq!(map.put("Aa".to_string(), 3), Some(1));
    assert!(!map.put_if_absent("BB".to_string(), 4));
    let entries: Vec<(String, i32)> = map.iter().map(|(k, v)| (k.clone(), *v)).collect();
    assert_eq!(entries, [("Aa".to_string(), 3), ("BB".to_string(), 2)]);
    assert_eq!(map.get(&"BB".to_string()), Some(&2));
    assert_eq!(map.len(), 2);
}

fn topic(name: &str, partitions: u32) -> TopicMetadata {
    // Distinct, deterministic ids: the name's bytes in the low half.
    let mut lsb = 0i64;
    for b in name.bytes() {
        lsb = lsb.wrapping_mul(257).wrapping_add(i64::from(b));
    }
    TopicMetadata::new(name, Uuid { msb: 42, lsb }, partitions)
}

fn member(id: &str, topics: &[&str]) -> MemberSubscription {
    MemberSubscription::new(id, None, topics)
}

fn target(pairs: &[(&str, &[i32])]) -> BTreeMap<String, Vec<i32>> {
    pairs
        .iter()
        .map(|(t, p)| (t.to_string(), p.to_vec()))
        .collect()
}

#[test]
fn assignor_names() {
    assert_eq!("uniform".parse(), Ok(ServerAssignor::Uniform));
    assert_eq!("range".parse(), Ok(ServerAssignor::Range));
    assert_eq!(
        "sticky".parse::<ServerAssignor>(),
        Err(UnsupportedAssignor("sticky".to_string()))
    );
    assert_eq!(ServerAssignor::Range.to_string(), "range");
}

#[test]
fn uniform_gives_the_extra_partition_first_and_stays_sticky() {
    // "m1", "m2", "m3" hash to bins 4, 5, 6: the assignor sees them in that order.
    let topics = [topic("t", 7)];
    let members = [
        member("m1", &["t"]),
        member("m2", &["t"]),
        member("m3", &["t"]),
    ];
    assert_eq!(member_iteration_order(&members), [0, 1, 2]);
    let mut state = TargetAssignmentState::new();
    let got = state
        .compute(ServerAssignor::Uniform, &members, &topics)
        .clone();
    assert_eq!(got["m1"], target(&[("t", &[0, 1, 2])]));
    assert_eq!(got["m2"], target(&[("t", &[3, 4])]));
    assert_eq!(got["m3"], target(&[("t", &[5, 6])]));
    // m3 leaves: m1 (quota 4) and m2 (quota 3) keep theirs and share 5, 6.
    let got = state.compute(ServerAssignor::Uniform, &members[..2], &topics);
    assert_eq!(got["m1"], target(&[("t", &[0, 1, 2, 5])]));
    assert_eq!(got["m2"], target(&[("t", &[3, 4, 6])]));
    assert_eq!(got.len(), 2);
    assert_eq!(state.target("m3"), None);
}

#[test]
fn uniform_heterogeneous_fills_the_busiest_topic_first() {
    // b has 2 partitions for 1 subscriber, a 2 for 2: b goes first, so m2 gets b and m1 all of a.
    let topics = [topic("a", 2), topic("b", 2)];
    let members = [member("m1", &["a"]), member("m2", &["a", "b"])];
    assert!(!is_homogeneous(&members));
    let mut state = TargetAssignmentState::new();
    let got = state.compute(ServerAssignor::Uniform, &members, &topics);
    assert_eq!(got["m1"], target(&[("a", &[0, 1])]));
    assert_eq!(got["m2"], target(&[("b", &[0, 1])]));
}

#[test]
fn range_puts_static_members_first_and_copartitions() {
    let topics = [topic("x", 4), topic("y", 4)];
    let members = [
        member("a", &["x", "y"]),
        MemberSubscription::new("z", Some("instance-1"), &["y", "x"]),
    ];
    let mut state = TargetAssignmentState::new();
    let got = state.compute(ServerAssignor::Range, &members, &topics);
    assert_eq!(got["z"], target(&[("x", &[0, 1]), ("y", &[0, 1])]));
    assert_eq!(got["a"], target(&[("x", &[2, 3]), ("y", &[2, 3])]));
}

#[test]
fn a_static_member_rejoining_under_a_new_id_keeps_its_target() {
    let topics = [topic("t", 4)];
    let members = [
        MemberSubscription::new("old", Some("app-1"), &["t"]),
        member("other", &["t"]),
    ];
    let mut state = TargetAssignmentState::new();
    let before = state.compute(ServerAssignor::Uniform, &members, &topics)["old"].clone();
    state.replace_static("old", "new");
    assert_eq!(state.target("old"), None);
    assert_eq!(state.target("new"), Some(&before));
    let members = [
        MemberSubscription::new("new", Some("app-1"), &["t"]),
        member("other", &["t"]),
    ];
    let got = state.compute(ServerAssignor::Uniform, &members, &topics);
    assert_eq!(got["new"], before);

    // The state survives a serde round trip, iteration orders included.
    let json = serde_json::to_string(&state).unwrap();
    let back: TargetAssignmentState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, state);
}

#[test]
fn nobody_subscribed_means_nothing_assigned() {
    let topics = [topic("t", 3)];
    let members = [member("m1", &[]), member("m2", &["unknown"])];
    let mut state = TargetAssignmentState::new();
    for assignor in ServerAssignor::ALL {
        let got = state.compute(assignor, &members, &topics);
        assert!(got.values().all(BTreeMap::is_empty), "{assignor}: {got:?}");
        assert_eq!(got.len(), 2);
    }
    assert!(state
        .compute(ServerAssignor::Uniform, &[], &topics)
        .is_empty());
}

/// One step of a random group: which of the member pool is in, and each member's subset of the topics.
#[derive(Clone, Debug)]
struct Step {
    present: Vec<bool>,
    subscriptions: Vec<Vec<bool>>,
    partitions: Vec<u32>,
}

const POOL: [&str; 8] = [
    "m1",
    "m2",
    "c-7",
    "consumer-10",
    "Aa",
    "BB",
    "x",
    "member-3",
];
const TOPICS: [&str; 3] = ["orders", "payments", "t"];

fn step_strategy() -> impl Strategy<Value = Step> {
    (
        prop::collection::vec(any::<bool>(), POOL.len()),
        prop::collection::vec(
            prop::collection::vec(any::<bool>(), TOPICS.len()),
            POOL.len(),
        ),
        prop::collection::vec(1u32..40, TOPICS.len()),
    )
        .prop_map(|(present, subscriptions, partitions)| Step {
            present,
            subscriptions,
            partitions,
        })
}

/// The members and topics of a step; `counts` carries each topic's partition count, which only grows (Kafka
/// cannot shrink a topic).
fn step_input(
    step: &Step,
    homogeneous: bool,
    counts: &mut [u32; 3],
) -> (Vec<MemberSubscription>, Vec<TopicMetadata>) {
    for (count, &n) in counts.iter_mut().zip(&step.partitions) {
        *count = (*count).max(n);
    }
    let topics: Vec<TopicMetadata> = TOPICS
        .iter()
        .zip(counts.iter())
        .map(|(t, &n)| topic(t, n))
        .collect();
    let members = POOL
        .iter()
        .enumerate()
        .filter(|(i, _)| step.present[*i])
        .map(|(i, id)| {
            // Homogeneous groups all take the first present member's topics.
            let row = if homogeneous {
                step.present
                    .iter()
                    .position(|&p| p)
                    .map_or(&step.subscriptions[i], |first| &step.subscriptions[first])
            } else {
                &step.subscriptions[i]
            };
            let subs: Vec<&str> = TOPICS
                .iter()
                .zip(row)
                .filter(|(_, &s)| s)
                .map(|(t, _)| *t)
                .collect();
            member(id, &subs)
        })
        .collect();
    (members, topics)
}

/// Every partition of a subscribed topic is owned exactly once, by a subscriber; nothing else is owned.
fn check_ownership(members: &[MemberSubscription], topics: &[TopicMetadata], got: &GroupTarget) {
    let mut owners: BTreeMap<(String, i32), Vec<String>> = BTreeMap::new();
    for (member_id, assignment) in got {
        let subscription: BTreeSet<&String> = members
            .iter()
            .find(|m| &m.member_id == member_id)
            .expect("only members appear")
            .subscribed_topics
            .iter()
            .collect();
        for (t, partitions) in assignment {
            assert!(subscription.contains(t), "{member_id} got unsubscribed {t}");
            for &p in partitions {
                owners
                    .entry((t.clone(), p))
                    .or_default()
                    .push(member_id.clone());
            }
        }
    }
    let subscribed: BTreeSet<&String> = members.iter().flat_map(|m| &m.subscribed_topics).collect();
    let mut expected = BTreeSet::new();
    for t in topics.iter().filter(|t| subscribed.contains(&t.name)) {
        for p in 0..t.partitions as i32 {
            expected.insert((t.name.clone(), p));
        }
    }
    assert_eq!(owners.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert!(owners.values().all(|o| o.len() == 1), "{owners:?}");
    assert_eq!(got.len(), members.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn uniform_homogeneous_is_balanced_and_complete(steps in prop::collection::vec(step_strategy(), 1..5)) {
        let mut state = TargetAssignmentState::new();
        let mut counts = [0; 3];
        for step in &steps {
            let (members, topics) = step_input(step, true, &mut counts);
            let got = state.compute(ServerAssignor::Uniform, &members, &topics).clone();
            check_ownership(&members, &topics, &got);
            let sizes: Vec<usize> = got.values().map(|a| a.values().map(Vec::len).sum()).collect();
            if let (Some(min), Some(max)) = (sizes.iter().min(), sizes.iter().max()) {
                prop_assert!(max - min <= 1, "sizes {sizes:?}");
            }
        }
    }

    #[test]
    fn uniform_heterogeneous_assigns_every_partition_once(steps in prop::collection::vec(step_strategy(), 1..5)) {
        let mut state = TargetAssignmentState::new();
        let mut counts = [0; 3];
        for step in &steps {
            let (members, topics) = step_input(step, false, &mut counts);
            let got = state.compute(ServerAssignor::Uniform, &members, &topics).clone();
            check_ownership(&members, &topics, &got);
        }
    }

    #[test]
    fn range_assigns_every_partition_once(steps in prop::collection::vec(step_strategy(), 1..5), homogeneous in any::<bool>()) {
        let mut state = TargetAssignmentState::new();
        let mut counts = [0; 3];
        for step in &steps {
            let (members, topics) = step_input(step, homogeneous, &mut counts);
            let got = state.compute(ServerAssignor::Range, &members, &topics).clone();
            check_ownership(&members, &topics, &got);
        }
    }

    /// Random put / putIfAbsent / computeIfAbsent / remove: the emulation agrees with a plain set about the
    /// contents, and iteration visits bins in index order.
    #[test]
    fn java_map_keeps_its_contents(ops in prop::collection::vec((0u8..4, -40i32..400), 0..120), initial in 0usize..40) {
        let mut map: JavaHashMap<i32, ()> = JavaHashMap::with_capacity(initial);
        let mut model = BTreeSet::new();
        for (op, k) in ops {
            match op {
                0 => { map.put(k, ()); model.insert(k); }
                1 => { map.put_if_absent(k, ()); model.insert(k); }
                2 => { map.compute_if_absent(k, || ()); model.insert(k); }
                _ => { prop_assert_eq!(map.remove(&k).is_some(), model.remove(&k)); }
            }
        }
        prop_assert_eq!(map.len(), model.len());
        prop_assert_eq!(map.keys().copied().collect::<BTreeSet<_>>(), model);
        let cap = map.capacity().max(1) as u32;
        let bins: Vec<u32> = map.keys().map(|k| super::java_map::spread(*k) & (cap - 1)).collect();
        prop_assert!(bins.windows(2).all(|w| w[0] <= w[1]), "{bins:?}");
    }
}
