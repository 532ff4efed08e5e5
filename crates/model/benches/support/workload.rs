//! The throughput workload shared by `benches/simulation.rs` and `examples/throughput.rs` (for profilers).

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig};
use grouplab_model::sim::Sim;

/// The topic `orders` with `partitions` partitions and a Java producer (`producer1`).
pub fn orders_world(partitions: u32) -> Sim {
    let mut sim = Sim::new(1, ClusterConfig::default());
    sim.apply(Command::CreateTopic {
        topic: "orders".into(),
        partitions,
        replication_factor: Some(3),
    })
    .unwrap();
    sim.apply(Command::AddProducer {
        name: None,
        profile: ClientProfile::Java,
        config: Default::default(),
    })
    .unwrap();
    sim
}

/// A Java consumer of `orders` in `group` (reading from the earliest offset).
pub fn join(sim: &mut Sim, name: Option<String>, group: String) {
    sim.apply(Command::AddConsumer {
        name,
        profile: ClientProfile::Java,
        config: ConsumerConfig {
            group_id: Some(group),
            auto_offset_reset: Some(AutoOffsetReset::Earliest),
            ..Default::default()
        },
        topics: vec!["orders".into()],
        assign: None,
        records_per_sec: None,
    })
    .unwrap();
}

/// 64 partitions, 3 groups of 4 Java consumers each, already Stable.
pub fn stable_world() -> Sim {
    let mut sim = orders_world(64);
    for g in 0..3 {
        for c in 0..4 {
            join(&mut sim, Some(format!("g{g}c{c}")), format!("group-{g}"));
        }
    }
    sim.advance_to(10_000);
    sim.take_events();
    sim
}

/// Produces at `records_per_sec` (keys from 10 000 values) for `ms`, draining events every 100 ms as the UI does.
pub fn produce_for(sim: &mut Sim, records_per_sec: u32, ms: u64) {
    sim.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "orders".into(),
        records_per_sec,
        keys: KeySpec::Random {
            prefix: "customer-".into(),
            cardinality: 10_000,
        },
    })
    .unwrap();
    let end = sim.now() + ms;
    while sim.now() < end {
        sim.advance_to((sim.now() + 100).min(end));
        sim.take_events();
    }
}
