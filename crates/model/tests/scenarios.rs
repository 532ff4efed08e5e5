//! End-to-end scenarios of the model: the course notes' situations, played through the protocol.

#![allow(clippy::disallowed_methods)] // tests may sort with std (clippy.toml)

mod common;

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig};
use grouplab_model::event::EventKind;
use grouplab_model::group::GroupState;
use grouplab_model::scenario::Scenario;
use grouplab_model::timeline::Timeline;
use grouplab_model::view::WorldView;

fn consumer(name: &str, group: &str, profile: ClientProfile) -> Command {
    Command::AddConsumer {
        name: Some(name.into()),
        profile,
        config: ConsumerConfig {
            group_id: Some(group.into()),
            auto_offset_reset: Some(AutoOffsetReset::Earliest),
            ..Default::default()
        },
        topics: vec!["test-topic".into()],
        assign: None,
        records_per_sec: None,
    }
}

/// The course notes: test-topic with 4 partitions, a producer, two consumers in order-consumer-group.
fn course_notes(profile: ClientProfile) -> Timeline {
    let mut t = Timeline::new(7, ClusterConfig::default());
    t.apply(Command::CreateTopic {
        topic: "test-topic".into(),
        partitions: 4,
        replication_factor: Some(3),
    })
    .unwrap();
    t.apply(Command::AddProducer {
        name: None,
        profile,
        config: Default::default(),
    })
    .unwrap();
    t.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "test-topic".into(),
        records_per_sec: 20,
        keys: KeySpec::Random {
            prefix: "order-".into(),
            cardinality: 50,
        },
    })
    .unwrap();
    t.apply(consumer("consumer1", "order-consumer-group", profile))
        .unwrap();
    t.apply(consumer("consumer2", "order-consumer-group", profile))
        .unwrap();
    t
}

fn group<'a>(v: &'a WorldView, id: &str) -> &'a grouplab_model::view::GroupView {
    v.groups
        .iter()
        .find(|g| g.group_id == id)
        .expect("group exists")
}

fn owned(v: &WorldView, consumer: &str) -> Vec<String> {
    v.consumers
        .iter()
        .find(|c| c.name == consumer)
        .unwrap()
        .assigned
        .clone()
}

#[test]
fn two_consumers_split_four_partitions() {
    for profile in [ClientProfile::Librdkafka, ClientProfile::Java] {
        let mut t = course_notes(profile);
        // Initial delay 3 s, extended once by the second member (InitialDelayedJoin), then the first
        // auto commit (5 s interval) after the group is Stable.
        t.advance_to(12_000);
        let v = t.sim().view(10);
        let g = group(&v, "order-consumer-group");
        assert_eq!(g.state, GroupState::Stable, "{profile:?}");
        assert_eq!(
            g.generation_id, 1,
            "one rebalance after the initial delay ({profile:?})"
        );
        assert_eq!(g.members.len(), 2);
        let (a, b) = (owned(&v, "consumer1"), owned(&v, "consumer2"));
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(b.len(), 2, "{b:?}");
        // Range gives contiguous ranges in member-id order.
        let mut all: Vec<String> = a.iter().chain(&b).cloned().collect();
        all.sort();
        assert_eq!(
            all,
            vec![
                "test-topic/0",
                "test-topic/1",
                "test-topic/2",
                "test-topic/3"
            ]
        );
        // Member ids are client.id + "-" + UUID.
        let prefix = if profile == ClientProfile::Java {
            "consumer-order-consumer-group-"
        } else {
            "rdkafka-"
        };
        for m in &g.members {
            assert!(m.member_id.starts_with(prefix), "{}", m.member_id);
            let (client_id, uuid) = m.member_id.split_at(m.member_id.len() - 37);
            assert_eq!(client_id, m.client_id, "member id = client.id + '-' + UUID");
            assert!(
                uuid.starts_with('-') && uuid[1..].split('-').map(str::len).eq([8, 4, 4, 4, 12]),
                "{uuid}"
            );
        }
        // Records flow and the group commits behind the log end.
        let total_leo: u64 = v.topics[0]
            .partitions
            .iter()
            .map(|p| p.log_end_offset)
            .sum();
        assert!(total_leo >= 190, "produced {total_leo}");
        let committed: u64 = g.committed.values().sum();
        assert!(
            committed > 0 && committed <= total_leo,
            "committed {committed} of {total_leo}"
        );
    }
}

#[test]
fn same_seed_same_history() {
    let run = || {
        let mut t = course_notes(ClientProfile::Librdkafka);
        t.advance_to(20_000);
        serde_json::to_string(&t.notable_events().collect::<Vec<_>>()).unwrap()
    };
    assert_eq!(run(), run());
}

#[test]
fn crash_then_session_timeout_reassigns_with_higher_generation() {
    let mut t = course_notes(ClientProfile::Librdkafka);
    t.advance_to(10_000);
    t.apply(Command::CrashConsumer {
        consumer: "consumer2".into(),
    })
    .unwrap();
    t.advance_to(40_000);
    let v = t.sim().view(0);
    assert_eq!(
        group(&v, "order-consumer-group").generation_id,
        1,
        "nothing happens before session.timeout.ms"
    );
    assert_eq!(owned(&v, "consumer1").len(), 2);
    t.advance_to(60_000);
    let v = t.sim().view(0);
    let g = group(&v, "order-consumer-group");
    assert_eq!(g.generation_id, 2);
    assert_eq!(g.state, GroupState::Stable);
    assert_eq!(owned(&v, "consumer1").len(), 4);
    assert!(t
        .events()
        .any(|e| matches!(e.kind, EventKind::SessionExpired { .. })));
}

#[test]
fn seek_back_reproduces_the_same_state() {
    let mut t = course_notes(ClientProfile::Java);
    t.advance_to(30_000);
    let at_12 = {
        let mut u = course_notes(ClientProfile::Java);
        u.advance_to(12_345);
        serde_json::to_string(&u.sim().view(50)).unwrap()
    };
    t.seek(12_345);
    assert_eq!(serde_json::to_string(&t.sim().view(50)).unwrap(), at_12);
    t.seek(30_000);
    t.seek(12_345);
    assert_eq!(serde_json::to_string(&t.sim().view(50)).unwrap(), at_12);
}

#[test]
fn checkpoints_of_a_big_world_stay_within_their_record_budget() {
    let mut t = common::topic_and_producer(3, "big", 1024, 3);
    t.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "big".into(),
        records_per_sec: 10_000,
        keys: KeySpec::Random {
            prefix: "k".into(),
            cardinality: 5000,
        },
    })
    .unwrap();
    t.advance_to(60_000);
    let records = t.sim().retained_records();
    assert!(
        records > 150_000,
        "every partition keeps up to 200 records: {records}"
    );
    assert!(
        t.checkpoint_count() * records <= 4_000_000 + records * 16,
        "{} checkpoints of {records} records",
        t.checkpoint_count()
    );
    // Seeking back still works from the sparser checkpoints.
    t.seek(30_000);
    assert_eq!(t.now(), 30_000);
}

#[test]
fn the_log_names_unnamed_clients_and_a_crashed_consumer_owns_nothing() {
    let mut t = Scenario::course_notes().build().unwrap();
    t.apply(Command::AddConsumer {
        name: None,
        profile: ClientProfile::Java,
        config: ConsumerConfig {
            group_id: Some("order-consumer-group".into()),
            ..Default::default()
        },
        topics: vec!["test-topic".into()],
        assign: None,
        records_per_sec: None,
    })
    .unwrap();
    match &t.log().last().unwrap().command {
        Command::AddConsumer { name, .. } => assert_eq!(name.as_deref(), Some("consumer3")),
        other => panic!("{other:?}"),
    }
    t.advance_to(10_000);
    t.apply(Command::CrashConsumer {
        consumer: "consumer3".into(),
    })
    .unwrap();
    let v = t.sim().view(0);
    assert!(owned(&v, "consumer3").is_empty());
}

/// Acting in the past forks the history, but only for a command the model takes: a refused one leaves the
/// future that was played (and its commands) in place.
#[test]
fn a_refused_command_in_the_past_keeps_the_future() {
    let mut t = course_notes(ClientProfile::Librdkafka);
    t.advance_to(20_000);
    let log = t.log().len();
    t.seek(8_000);
    let refused = t.apply(Command::StopBroker { broker: 99 });
    assert!(refused.is_err());
    assert_eq!(t.end_ms(), 20_000, "the future survives a refused command");
    assert_eq!(t.log().len(), log);
    t.apply(Command::StopBroker { broker: 1 }).unwrap();
    assert_eq!(
        t.end_ms(),
        8_000,
        "a command taken at 8 s replaces what came after"
    );
}
