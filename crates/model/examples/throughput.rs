//! The simulation bench's workload as a plain program, for profilers (`perf record`, callgrind).
use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig};
use grouplab_model::sim::Sim;

fn main() {
    let mut sim = Sim::new(1, ClusterConfig::default());
    sim.apply(Command::CreateTopic {
        topic: "orders".into(),
        partitions: 64,
        replication_factor: Some(3),
    })
    .unwrap();
    sim.apply(Command::AddProducer {
        name: None,
        profile: ClientProfile::Java,
        config: Default::default(),
    })
    .unwrap();
    for g in 0..3 {
        for c in 0..4 {
            sim.apply(Command::AddConsumer {
                name: Some(format!("g{g}c{c}")),
                profile: ClientProfile::Java,
                config: ConsumerConfig {
                    group_id: Some(format!("group-{g}")),
                    auto_offset_reset: Some(AutoOffsetReset::Earliest),
                    ..Default::default()
                },
                topics: vec!["orders".into()],
                assign: None,
                records_per_sec: None,
            })
            .unwrap();
        }
    }
    sim.advance_to(10_000);
    sim.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "orders".into(),
        records_per_sec: 100_000,
        keys: KeySpec::Random {
            prefix: "customer-".into(),
            cardinality: 10_000,
        },
    })
    .unwrap();
    let start = std::time::Instant::now();
    let mut t = sim.now();
    let steps: u32 = std::env::var("STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    for _ in 0..steps {
        t += 100;
        sim.advance_to(t);
        sim.take_events();
    }
    let delivered: u64 = sim.consumers.iter().map(|c| c.records_delivered).sum();
    println!("{} records delivered in {:?}", delivered, start.elapsed());
}
