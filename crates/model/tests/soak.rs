//! Soak: 24 simulated hours at 100 records/s with members joining, crashing, restarting and leaving, in two
//! classic groups and one consumer-protocol (KIP-848) group. Memory stays bounded (retention, in-flight
//! messages, the timer queue) and every invariant holds at the end.

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{
    AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig, GroupProtocol,
};
use grouplab_model::consumer::ConsumerStatus;
use grouplab_model::group::GroupState;
use grouplab_model::rng::SimRng;
use grouplab_model::sim::Sim;
use grouplab_model::TopicPartition;

const HOUR_MS: u64 = 3_600_000;
const GROUPS: [&str; 3] = ["billing", "audit", "search"];
/// The group whose members use `group.protocol=consumer`.
const KIP_848_GROUP: &str = "search";
const PARTITIONS: u32 = 8;

#[test]
fn a_day_of_churn_stays_bounded_and_correct() {
    let retained = 200;
    let mut sim = Sim::new(
        42,
        ClusterConfig {
            retained_records_per_partition: retained,
            ..ClusterConfig::default()
        },
    );
    sim.apply(Command::CreateTopic {
        topic: "events".into(),
        partitions: PARTITIONS,
        replication_factor: Some(3),
    })
    .unwrap();
    sim.apply(Command::AddProducer {
        name: None,
        profile: ClientProfile::Java,
        config: Default::default(),
    })
    .unwrap();
    sim.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "events".into(),
        records_per_sec: 100,
        keys: KeySpec::Random {
            prefix: "user-".into(),
            cardinality: 500,
        },
    })
    .unwrap();
    let mut names = Vec::new();
    for (i, group) in GROUPS.iter().cycle().take(9).enumerate() {
        let name = format!("c{i}");
        sim.apply(Command::AddConsumer {
            name: Some(name.clone()),
            profile: if i % 2 == 0 {
                ClientProfile::Java
            } else {
                ClientProfile::Librdkafka
            },
            config: ConsumerConfig {
                group_id: Some((*group).into()),
                auto_offset_reset: Some(AutoOffsetReset::Earliest),
                group_protocol: (*group == KIP_848_GROUP).then_some(GroupProtocol::Consumer),
                ..Default::default()
            },
            topics: vec!["events".into()],
            assign: None,
            records_per_sec: None,
        })
        .unwrap();
        names.push(name);
    }

    // Every simulated minute something happens to a random member: crash, restart, close, or nothing.
    let mut rng = SimRng::new(7);
    let mut peak_in_flight = 0;
    let mut peak_records = 0;
    let end = 24 * HOUR_MS;
    let mut t = 0;
    while t < end - 10 * 60_000 {
        t += 60_000;
        sim.advance_to(t);
        sim.take_events();
        let name = names[rng.below(names.len() as u64) as usize].clone();
        let _ = match rng.below(4) {
            0 => sim.apply(Command::CrashConsumer { consumer: name }),
            1 => sim.apply(Command::RestartConsumer { consumer: name }),
            2 => sim.apply(Command::CloseConsumer { consumer: name }),
            _ => Ok(Default::default()),
        };
        peak_in_flight = peak_in_flight.max(sim.in_flight.len());
        let records: usize = sim
            .cluster
            .topics
            .values()
            .flat_map(|t| &t.partitions)
            .map(|p| p.log.records().len())
            .sum();
        peak_records = peak_records.max(records);
    }
    // Everyone comes back, the producer stops, and the groups settle and catch up.
    for name in &names {
        let _ = sim.apply(Command::RestartConsumer {
            consumer: name.clone(),
        });
    }
    sim.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "events".into(),
        records_per_sec: 0,
        keys: KeySpec::Null,
    })
    .unwrap();
    sim.advance_to(end);
    sim.take_events();

    // Bounded memory: retention caps the records kept; messages in flight and timers do not pile up.
    assert!(
        peak_records <= (retained * PARTITIONS) as usize,
        "records kept: {peak_records}"
    );
    assert!(
        peak_in_flight < 200,
        "messages in flight peaked at {peak_in_flight}"
    );
    assert!(
        sim.pending_wakes() < 2_000,
        "timers pending: {}",
        sim.pending_wakes()
    );

    let produced: u64 = (0..PARTITIONS)
        .map(|p| {
            sim.cluster
                .partition("events", p)
                .unwrap()
                .log
                .log_end_offset()
        })
        .sum();
    // 100 records/s until ten minutes before the end.
    assert_eq!(
        produced,
        100 * (end - 10 * 60_000) / 1000,
        "a day at 100 records/s"
    );
    for group in GROUPS {
        let g = sim.group(group).unwrap();
        assert_eq!(g.state, GroupState::Stable, "{group}");
        let running: Vec<_> = sim
            .consumers
            .iter()
            .filter(|c| {
                c.status == ConsumerStatus::Running && c.cfg.group_id.as_deref() == Some(group)
            })
            .collect();
        if group == KIP_848_GROUP {
            // Every member at the assignment epoch, on both sides.
            assert!(g.is_consumer_group());
            assert_eq!(g.cg.group_epoch, g.cg.assignment_epoch);
            assert_eq!(g.cg.members.len(), running.len());
            for c in &running {
                assert_eq!(c.member_epoch, g.cg.assignment_epoch, "{}", c.name);
            }
        }
        // Each partition owned by exactly one member of the stable group.
        for p in 0..PARTITIONS {
            let tp = TopicPartition::new("events", p);
            let owners = running.iter().filter(|c| c.assigned.contains(&tp)).count();
            assert_eq!(owners, 1, "{group} {tp}");
            // Committed <= log-end offset, and every record was delivered at least once, none skipped.
            let leo = sim
                .cluster
                .partition("events", p)
                .unwrap()
                .log
                .log_end_offset();
            let committed = g.offsets.get(&tp).map_or(0, |c| c.offset);
            assert!(
                committed <= leo,
                "{group} {tp}: committed {committed} > {leo}"
            );
            let s = sim.deliveries.get(group, &tp).expect("delivered");
            assert_eq!(s.first_offset, Some(0));
            assert_eq!(s.skipped, 0, "{group} {tp}");
            assert_eq!(s.delivered_end, leo, "{group} {tp} caught up");
        }
        // The churn caused at-least-once redeliveries (crashes lose uncommitted progress).
        assert!(sim.deliveries.redelivered(group) > 0, "{group}");
    }
}
