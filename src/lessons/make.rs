//! The words lessons are written in: the course notes' consumers and producers as model [`Command`]s, and a
//! lesson's base scenario (a topic of the course notes, a producer, a 20 ms network).

use grouplab_model::assignor::AssignorName;
use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{
    AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig, ProducerConfig,
};
use grouplab_model::partitioner::Partitioner;
use grouplab_model::scenario::{Scenario, SCENARIO_VERSION};
use grouplab_model::timeline::LoggedCommand;

pub const GROUP: &str = "order-consumer-group";
pub const TOPIC: &str = "test-topic";

/// A consumer from the notes' config (confluent-kafka, `order-consumer-group`, earliest, 50 records/s).
pub fn consumer(name: &str) -> Command {
    consumer_with(name, |_| {})
}

/// The notes' consumer in another group.
pub fn consumer_in(name: &str, group: &str) -> Command {
    consumer_with(name, |c| c.group_id = Some(group.into()))
}

/// The notes' consumer with more of its config set by `more`.
pub fn consumer_with(name: &str, more: impl FnOnce(&mut ConsumerConfig)) -> Command {
    let mut config = ConsumerConfig {
        group_id: Some(GROUP.into()),
        auto_offset_reset: Some(AutoOffsetReset::Earliest),
        ..ConsumerConfig::default()
    };
    more(&mut config);
    Command::AddConsumer {
        name: Some(name.into()),
        profile: ClientProfile::Librdkafka,
        config,
        topics: vec![TOPIC.into()],
        assign: None,
        records_per_sec: Some(50),
    }
}

/// A Java consumer in `group` with one assignor.
pub fn java(name: &str, group: &str, assignor: AssignorName) -> Command {
    let mut cmd = consumer_with(name, |c| {
        c.group_id = Some(group.into());
        c.partition_assignment_strategy = Some(vec![assignor]);
    });
    if let Command::AddConsumer { profile, .. } = &mut cmd {
        *profile = ClientProfile::Java;
    }
    cmd
}

pub fn close(name: &str) -> Command {
    Command::CloseConsumer {
        consumer: name.into(),
    }
}

pub fn crash(name: &str) -> Command {
    Command::CrashConsumer {
        consumer: name.into(),
    }
}

pub fn restart(name: &str) -> Command {
    Command::RestartConsumer {
        consumer: name.into(),
    }
}

/// How many records a second the consumer's application handles.
pub fn processing_rate(name: &str, records_per_sec: u32) -> Command {
    Command::SetProcessingRate {
        consumer: name.into(),
        records_per_sec: Some(records_per_sec),
    }
}

/// `count` records with `key` to the notes' topic.
pub fn produce(producer: &str, key: &str, count: u32) -> Command {
    Command::Produce {
        producer: producer.into(),
        topic: TOPIC.into(),
        key: Some(key.into()),
        value: None,
        partition: None,
        count: Some(count),
    }
}

/// A steady flow from `producer1`.
pub fn produce_rate(records_per_sec: u32, keys: KeySpec) -> Command {
    Command::SetProduceRate {
        producer: "producer1".into(),
        topic: TOPIC.into(),
        records_per_sec,
        keys,
    }
}

/// 4 records/s with keys order-0 .. order-19, as in the course notes.
pub fn orders() -> Command {
    produce_rate(
        4,
        KeySpec::Random {
            prefix: "order-".into(),
            cardinality: 20,
        },
    )
}

/// `kafka-console-consumer --topic test-topic [--from-beginning]`, without `--group`.
pub fn console(from_beginning: bool) -> Command {
    Command::RunConsoleConsumer {
        topic: TOPIC.into(),
        group: None,
        from_beginning,
        partition: None,
    }
}

pub fn add_producer(name: &str, profile: ClientProfile) -> Command {
    Command::AddProducer {
        name: Some(name.into()),
        profile,
        config: ProducerConfig::default(),
    }
}

/// The partition a confluent-kafka producer (crc32) picks for `key` among `n`.
pub fn crc_partition(key: &str, n: u32) -> u32 {
    Partitioner::ConsistentRandom
        .place(Some(key.as_bytes()), n)
        .partition()
        .unwrap_or(0)
}

/// The partition a Java producer (murmur2) picks for `key` among `n`.
pub fn java_partition(key: &str, n: u32) -> u32 {
    Partitioner::JavaDefault
        .place(Some(key.as_bytes()), n)
        .partition()
        .unwrap_or(0)
}

/// A lesson's world at time 0: the notes' topic with `partitions` partitions (replication factor 3),
/// `producer1` (confluent-kafka, whose metadata refresh `producer` may change), then `more` commands.
pub fn base(seed: u64, partitions: u32, producer: ProducerConfig, more: Vec<Command>) -> Scenario {
    let mut commands = vec![
        Command::CreateTopic {
            topic: TOPIC.into(),
            partitions,
            replication_factor: Some(3),
        },
        Command::AddProducer {
            name: Some("producer1".into()),
            profile: ClientProfile::default(),
            config: producer,
        },
    ];
    commands.extend(more);
    Scenario {
        version: SCENARIO_VERSION,
        seed,
        cluster: ClusterConfig {
            latency_ms: 20,
            ..ClusterConfig::default()
        },
        commands: commands
            .into_iter()
            .map(|command| LoggedCommand { at_ms: 0, command })
            .collect(),
        time_ms: Some(0),
    }
}
