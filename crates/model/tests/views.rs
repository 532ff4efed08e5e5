//! `Sim::view_into` (a view updated in place, reusing an earlier one's strings) gives exactly what `Sim::view`
//! builds anew, whatever view it starts from: the same world a moment earlier, later (after a rewind), or
//! another world altogether.

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{
    AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig, GroupProtocol,
};
use grouplab_model::scenario::Scenario;
use grouplab_model::timeline::Timeline;
use grouplab_model::view::WorldView;

fn consumer(name: &str, group: &str) -> Command {
    Command::AddConsumer {
        name: Some(name.into()),
        profile: ClientProfile::Java,
        config: ConsumerConfig {
            group_id: Some(group.into()),
            auto_offset_reset: Some(AutoOffsetReset::Earliest),
            // group-1 uses the consumer rebalance protocol (KIP-848).
            group_protocol: (group == "group-1").then_some(GroupProtocol::Consumer),
            ..Default::default()
        },
        topics: vec!["orders".into()],
        assign: None,
        records_per_sec: None,
    }
}

/// 12 partitions, three groups of three (one of them a KIP-848 consumer group), keyed records at 200/s (shown as `m{offset}`, having no value)
/// and a few unkeyed ones by hand, some with a value; a member crashes, one closes, one restarts, partitions
/// are added.
fn busy_world() -> Timeline {
    let mut t = Timeline::new(11, ClusterConfig::default());
    let run = |t: &mut Timeline, c: Command| {
        t.apply(c).unwrap();
    };
    run(
        &mut t,
        Command::CreateTopic {
            topic: "orders".into(),
            partitions: 12,
            replication_factor: Some(3),
        },
    );
    run(
        &mut t,
        Command::AddProducer {
            name: None,
            profile: ClientProfile::Java,
            config: Default::default(),
        },
    );
    run(
        &mut t,
        Command::SetProduceRate {
            producer: "producer1".into(),
            topic: "orders".into(),
            records_per_sec: 200,
            keys: KeySpec::Random {
                prefix: "k-".into(),
                cardinality: 50,
            },
        },
    );
    for g in 0..3 {
        for c in 0..3 {
            run(
                &mut t,
                consumer(&format!("g{g}c{c}"), &format!("group-{g}")),
            );
        }
    }
    t
}

fn step(t: &mut Timeline, at: u64) {
    let c = match at {
        4_000 => Some(Command::CrashConsumer {
            consumer: "g0c1".into(),
        }),
        6_000 => Some(Command::CloseConsumer {
            consumer: "g1c2".into(),
        }),
        8_000 => Some(Command::AddPartitions {
            topic: "orders".into(),
            partitions: 16,
        }),
        9_000 => Some(Command::RestartConsumer {
            consumer: "g0c1".into(),
        }),
        _ => None,
    };
    if let Some(c) = c {
        t.apply(c).unwrap();
    }
    if at % 1_000 == 500 {
        t.apply(Command::Produce {
            producer: "producer1".into(),
            topic: "orders".into(),
            key: None,
            value: (at % 2_000 == 500).then(|| format!("hello {at}")),
            partition: None,
            count: Some(3),
        })
        .unwrap();
    }
    t.advance_to(at);
}

#[test]
fn a_view_updated_in_place_is_the_view() {
    let mut t = busy_world();
    let other = Scenario::course_notes().build().unwrap().sim().view(40);
    let mut v = WorldView::default();
    let mut at = 0;
    while at <= 16_000 {
        step(&mut t, at);
        // Mostly the previous frame's view; now and then another world's, or none, or fewer records.
        let limit = if at % 3_000 == 0 { 5 } else { 40 };
        match at % 2_500 {
            0 => v = other.clone(),
            1_250 => v = WorldView::default(),
            _ => {}
        }
        t.sim().view_into(&mut v, limit);
        assert_eq!(v, t.sim().view(limit), "at {at} ms");
        at += 125;
    }
    // What the walk went through: placeholder values and real ones, a closed member, added partitions.
    let records: Vec<_> = v.topics[0]
        .partitions
        .iter()
        .flat_map(|p| &p.records)
        .collect();
    assert!(records.iter().any(|r| r.value == format!("m{}", r.offset)));
    assert!(records.iter().any(|r| r.value != format!("m{}", r.offset)));
    assert!(v
        .consumers
        .iter()
        .any(|c| c.name == "g1c2" && c.assigned.is_empty()));
    assert_eq!(v.topics[0].partitions.len(), 16);
    assert!(v
        .groups
        .iter()
        .any(|g| g.group_id == "group-1" && g.target_assignment.is_some()));
    // Back in time: the later view is updated to the earlier world.
    t.seek(3_000);
    t.sim().view_into(&mut v, 40);
    assert_eq!(v, t.sim().view(40));
}
