//! Prints the notable events of the course-notes scenario (a debugging aid: `cargo run --example trace`).
use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig};
use grouplab_model::timeline::{is_notable, Timeline};

fn main() {
    let profile = if std::env::args().any(|a| a == "java") {
        ClientProfile::Java
    } else {
        ClientProfile::Librdkafka
    };
    let until: u64 = std::env::args()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(12_000);
    let mut t = Timeline::new(7, ClusterConfig::default());
    let cmds = vec![
        Command::CreateTopic {
            topic: "test-topic".into(),
            partitions: 4,
            replication_factor: Some(3),
        },
        Command::AddProducer {
            name: None,
            profile,
            config: Default::default(),
        },
        Command::SetProduceRate {
            producer: "producer1".into(),
            topic: "test-topic".into(),
            records_per_sec: 20,
            keys: KeySpec::Random {
                prefix: "order-".into(),
                cardinality: 50,
            },
        },
    ];
    for c in cmds {
        t.apply(c).unwrap();
    }
    for name in ["consumer1", "consumer2"] {
        t.apply(Command::AddConsumer {
            name: Some(name.into()),
            profile,
            config: ConsumerConfig {
                group_id: Some("order-consumer-group".into()),
                auto_offset_reset: Some(AutoOffsetReset::Earliest),
                ..Default::default()
            },
            topics: vec!["test-topic".into()],
            assign: None,
            records_per_sec: None,
        })
        .unwrap();
    }
    t.advance_to(until);
    let all = std::env::args().any(|a| a == "all");
    for e in t.events() {
        if all || is_notable(&e.kind) {
            println!(
                "{:>6} {}",
                e.time_ms,
                serde_json::to_string(&e.kind).unwrap()
            );
        }
    }
}
