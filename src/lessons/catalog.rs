//! The ten lessons of the course notes, in order, as data: a base scenario and the commands of every step,
//! in the model's own JSON command format (the same JSON `window.grouplab.run` takes). Data rather than
//! code keeps the wasm small. What each step must show is in `checks.rs` (tests).
//! Narration is in the i18n tables (`<id>.title`, `<id>.<step>`).

use grouplab_model::command::Command;
use grouplab_model::config::{ClusterConfig, ProducerConfig};
use grouplab_model::partitioner::Partitioner;
use grouplab_model::scenario::{Scenario, SCENARIO_VERSION};
use grouplab_model::timeline::LoggedCommand;

use super::{Lesson, Step};

pub const GROUP: &str = "order-consumer-group";
pub const TOPIC: &str = "test-topic";
/// Lesson 3's key: crc32 (confluent-kafka) and murmur2 (Java) put it in different partitions of 4.
pub const KEY_HASH: &str = "order-7";
/// Lesson 10's key: crc32 puts it in different partitions of 4 and of 6.
pub const KEY_MOVE: &str = "order-1";

/// The partition a confluent-kafka producer (crc32) picks for `key` among `n`.
pub fn crc_partition(key: &str, n: u32) -> u32 {
    Partitioner::ConsistentRandom
        .place(Some(key.as_bytes()), n)
        .partition()
        .unwrap_or(0)
}

/// A consumer from the notes' config (confluent-kafka, `order-consumer-group`, earliest, 50 records/s),
/// with extra config entries.
macro_rules! consumer {
    ($name:literal) => {
        consumer!($name, "order-consumer-group", "")
    };
    ($name:literal, $group:literal, $extra:literal) => {
        concat!(
            r#"{"type":"add_consumer","name":""#,
            $name,
            r#"","config":{"group.id":""#,
            $group,
            r#"","auto.offset.reset":"earliest""#,
            $extra,
            r#"},"topics":["test-topic"],"records_per_sec":50}"#
        )
    };
}
/// A Java consumer with one assignor.
macro_rules! java {
    ($name:literal, $group:literal, $assignor:literal) => {
        concat!(
            r#"{"type":"add_consumer","name":""#,
            $name,
            r#"","profile":"java","config":{"group.id":""#,
            $group,
            r#"","auto.offset.reset":"earliest","partition.assignment.strategy":[""#,
            $assignor,
            r#""]},"topics":["test-topic"],"records_per_sec":50}"#
        )
    };
}
macro_rules! close {
    ($name:literal) => {
        concat!(r#"{"type":"close_consumer","consumer":""#, $name, r#""}"#)
    };
}
macro_rules! produce {
    ($producer:literal, $key:literal, $count:literal) => {
        concat!(
            r#"{"type":"produce","producer":""#,
            $producer,
            r#"","topic":"test-topic","key":""#,
            $key,
            r#"","count":"#,
            $count,
            "}"
        )
    };
}
macro_rules! console {
    ($from_beginning:literal) => {
        concat!(
            r#"{"type":"run_console_consumer","topic":"test-topic","from_beginning":"#,
            $from_beginning,
            "}"
        )
    };
}
/// 4 records/s with keys order-0 .. order-19, as in the course notes.
const ORDERS: &str = r#"{"type":"set_produce_rate","producer":"producer1","topic":"test-topic","records_per_sec":4,"keys":{"kind":"random","prefix":"order-","cardinality":20}}"#;

struct Data {
    id: &'static str,
    seed: u64,
    partitions: u32,
    /// The clients refresh metadata every second (lesson 10) instead of every 5 minutes.
    fast_metadata: bool,
    /// Commands at time 0 after the topic and the producer.
    base: &'static [&'static str],
    /// (simulated ms the step plays for, its commands)
    steps: &'static [(u64, &'static [&'static str])],
}

const DATA: &[Data] = &[
    // 1. Two consumers from the same config form one group and split the partitions.
    Data {
        id: "group",
        seed: 101,
        partitions: 4,
        fast_metadata: false,
        base: &[ORDERS],
        steps: &[
            (2_000, &[]),
            (8_000, &[consumer!("consumer1")]),
            (10_000, &[consumer!("consumer2")]),
            (2_000, &[]),
        ],
    },
    // 2. Offset = bookmark: position, committed offset, log-end offset; resume; earliest vs latest.
    Data {
        id: "offsets",
        seed: 102,
        partitions: 4,
        fast_metadata: false,
        base: &[ORDERS],
        steps: &[
            (12_000, &[consumer!("consumer1")]),
            (
                10_000,
                &[r#"{"type":"set_processing_rate","consumer":"consumer1","records_per_sec":1}"#],
            ),
            (10_000, &[close!("consumer1")]),
            (
                12_000,
                &[
                    r#"{"type":"restart_consumer","consumer":"consumer1"}"#,
                    r#"{"type":"set_processing_rate","consumer":"consumer1","records_per_sec":50}"#,
                ],
            ),
            (
                10_000,
                &[
                    consumer!("reader-earliest", "audit-earliest", ""),
                    r#"{"type":"add_consumer","name":"reader-latest","config":{"group.id":"audit-latest","auto.offset.reset":"latest"},"topics":["test-topic"],"records_per_sec":50}"#,
                ],
            ),
        ],
    },
    // 3. Keys pick partitions (the notes' question and answer); crc32 vs murmur2.
    Data {
        id: "keys",
        seed: 103,
        partitions: 4,
        fast_metadata: false,
        base: &[],
        steps: &[
            (8_000, &[consumer!("consumer1")]),
            (4_000, &[produce!("producer1", "order-7", 20)]),
            (2_000, &[]),
            (
                4_000,
                &[
                    r#"{"type":"add_producer","name":"java-producer","profile":"java"}"#,
                    produce!("java-producer", "order-7", 20),
                ],
            ),
        ],
    },
    // 4. Every run of kafka-console-consumer without --group makes a new group.
    Data {
        id: "console",
        seed: 104,
        partitions: 4,
        fast_metadata: false,
        base: &[
            produce!("producer1", "order-1", 10),
            produce!("producer1", "order-2", 10),
            produce!("producer1", "order-3", 10),
        ],
        steps: &[
            (8_000, &[console!(true)]),
            (8_000, &[close!("console1"), console!(true)]),
            (8_000, &[close!("console2"), console!(false)]),
        ],
    },
    // 5. More consumers than partitions: one stays idle.
    Data {
        id: "idle",
        seed: 105,
        partitions: 4,
        fast_metadata: false,
        base: &[ORDERS],
        steps: &[
            (
                10_000,
                &[
                    consumer!("consumer1"),
                    consumer!("consumer2"),
                    consumer!("consumer3"),
                    consumer!("consumer4"),
                ],
            ),
            (10_000, &[consumer!("consumer5")]),
            (10_000, &[close!("consumer1")]),
        ],
    },
    // 6. Two groups on one topic: each group gets every record; members of one group share them.
    Data {
        id: "pubsub",
        seed: 106,
        partitions: 4,
        fast_metadata: false,
        base: &[ORDERS],
        steps: &[
            (10_000, &[consumer!("consumer1"), consumer!("consumer2")]),
            (10_000, &[consumer!("billing1", "billing-group", "")]),
            (10_000, &[]),
        ],
    },
    // 7. A crash: nothing until session.timeout.ms, then a rebalance and duplicates.
    Data {
        id: "crash",
        seed: 107,
        partitions: 4,
        fast_metadata: false,
        base: &[ORDERS],
        steps: &[
            (12_500, &[consumer!("consumer1"), consumer!("consumer2")]),
            (
                20_000,
                &[r#"{"type":"crash_consumer","consumer":"consumer1"}"#],
            ),
            (35_000, &[]),
        ],
    },
    // 8. Eager (range) vs cooperative-sticky, side by side on one topic.
    Data {
        id: "cooperative",
        seed: 108,
        partitions: 6,
        fast_metadata: false,
        base: &[ORDERS],
        steps: &[
            (
                12_000,
                &[
                    java!("eager1", "eager-group", "range"),
                    java!("eager2", "eager-group", "range"),
                    java!("coop1", "coop-group", "cooperative-sticky"),
                    java!("coop2", "coop-group", "cooperative-sticky"),
                ],
            ),
            (
                15_000,
                &[
                    java!("eager3", "eager-group", "range"),
                    java!("coop3", "coop-group", "cooperative-sticky"),
                ],
            ),
        ],
    },
    // 9. Static membership: a quick restart with group.instance.id, no rebalance.
    Data {
        id: "static",
        seed: 109,
        partitions: 4,
        fast_metadata: false,
        base: &[ORDERS],
        steps: &[
            (
                10_000,
                &[
                    consumer!(
                        "consumer1",
                        "order-consumer-group",
                        r#","group.instance.id":"order-app-1""#
                    ),
                    consumer!(
                        "consumer2",
                        "order-consumer-group",
                        r#","group.instance.id":"order-app-2""#
                    ),
                ],
            ),
            (8_000, &[close!("consumer1")]),
            (
                8_000,
                &[r#"{"type":"restart_consumer","consumer":"consumer1"}"#],
            ),
            (50_000, &[close!("consumer2")]),
        ],
    },
    // 10. Adding partitions moves keys (metadata.max.age.ms lowered so it shows within seconds).
    Data {
        id: "partitions",
        seed: 110,
        partitions: 4,
        fast_metadata: true,
        base: &[
            r#"{"type":"set_produce_rate","producer":"producer1","topic":"test-topic","records_per_sec":2,"keys":{"kind":"fixed","key":"order-1"}}"#,
        ],
        steps: &[
            (
                10_000,
                &[
                    consumer!(
                        "consumer1",
                        "order-consumer-group",
                        r#","metadata.max.age.ms":1000"#
                    ),
                    consumer!(
                        "consumer2",
                        "order-consumer-group",
                        r#","metadata.max.age.ms":1000"#
                    ),
                ],
            ),
            (
                10_000,
                &[r#"{"type":"add_partitions","topic":"test-topic","partitions":6}"#],
            ),
        ],
    },
];

fn parse(json: &str) -> Command {
    // from_slice everywhere: one copy of the JSON reader in the wasm (issue 6, bundle size).
    serde_json::from_slice(json.as_bytes()).unwrap_or_else(|e| panic!("lesson command {json}: {e}"))
}

fn build(d: &Data) -> Lesson {
    let producer = ProducerConfig {
        metadata_max_age_ms: d.fast_metadata.then_some(1_000),
        ..ProducerConfig::default()
    };
    let mut commands = vec![
        Command::CreateTopic {
            topic: TOPIC.into(),
            partitions: d.partitions,
            replication_factor: Some(3),
        },
        Command::AddProducer {
            name: Some("producer1".into()),
            profile: Default::default(),
            config: producer,
        },
    ];
    commands.extend(d.base.iter().map(|j| parse(j)));
    Lesson {
        id: d.id,
        base: Scenario {
            version: SCENARIO_VERSION,
            seed: d.seed,
            cluster: ClusterConfig {
                latency_ms: 20,
                ..ClusterConfig::default()
            },
            commands: commands
                .into_iter()
                .map(|command| LoggedCommand { at_ms: 0, command })
                .collect(),
            time_ms: Some(0),
        },
        steps: d
            .steps
            .iter()
            .map(|(dur_ms, cmds)| Step {
                commands: cmds.iter().map(|j| parse(j)).collect(),
                dur_ms: *dur_ms,
            })
            .collect(),
    }
}

/// Every lesson, in the order of the table of contents.
pub fn all() -> Vec<Lesson> {
    DATA.iter().map(build).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::lessons::checks::java_partition;

    #[test]
    fn chosen_keys_show_the_difference() {
        assert_ne!(crc_partition(KEY_HASH, 4), java_partition(KEY_HASH, 4));
        assert_ne!(crc_partition(KEY_MOVE, 4), crc_partition(KEY_MOVE, 6));
    }
}
