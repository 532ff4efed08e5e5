//! Reading a [`Command`] (and a [`KeySpec`]) from the JSON serde's internally tagged enums write, through one
//! flat struct holding every field any command has. serde's own derive for a tagged enum first buffers the
//! whole object, then deserializes every variant again from the buffer: that came to about 60 KB of the wasm.
//! Here the object is read once, straight from the JSON, and each command takes its fields from it.
//!
//! The JSON is the same. A command ignores the fields it does not have, as before; a field it needs and
//! lacks is serde's "missing field"; an unknown `type` is serde's "unknown variant … expected one of …".

use serde::de::Error;
use serde::{Deserialize, Deserializer};

use super::{Command, KeySpec, RestoredMember, RestoredOffset};
use crate::assignor::AssignorName;
use crate::config::ClientProfile;
use crate::topic_partition::TopicPartition;

/// The `type` of a command.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Type {
    CreateTopic,
    AddPartitions,
    StopBroker,
    StartBroker,
    AddProducer,
    Produce,
    SetProduceRate,
    AddConsumer,
    CloseConsumer,
    CrashConsumer,
    RestartConsumer,
    CommitNow,
    SetProcessingRate,
    RunConsoleConsumer,
    SeedPartition,
    RestoreGroup,
}

/// Every field of every command, each optional here; which ones a command needs is in [`Fields::command`].
#[derive(Deserialize)]
struct Fields {
    #[serde(rename = "type")]
    kind: Type,
    topic: Option<String>,
    partitions: Option<u32>,
    replication_factor: Option<u32>,
    broker: Option<u32>,
    name: Option<String>,
    profile: Option<ClientProfile>,
    /// A producer's or a consumer's configuration, read by the command that knows which.
    config: Option<serde_json::Value>,
    producer: Option<String>,
    key: Option<String>,
    value: Option<String>,
    partition: Option<u32>,
    count: Option<u32>,
    records_per_sec: Option<u32>,
    keys: Option<KeySpec>,
    topics: Option<Vec<String>>,
    assign: Option<Vec<TopicPartition>>,
    consumer: Option<String>,
    sync: Option<bool>,
    group: Option<String>,
    from_beginning: Option<bool>,
    log_start_offset: Option<u64>,
    log_end_offset: Option<u64>,
    group_id: Option<String>,
    generation_id: Option<i32>,
    protocol: Option<AssignorName>,
    members: Option<Vec<RestoredMember>>,
    offsets: Option<Vec<RestoredOffset>>,
}

fn need<T, E: Error>(v: Option<T>, field: &'static str) -> Result<T, E> {
    v.ok_or_else(|| E::missing_field(field))
}

/// A configuration object (absent: the defaults).
fn config<T: for<'a> Deserialize<'a> + Default, E: Error>(
    v: Option<serde_json::Value>,
) -> Result<T, E> {
    v.map_or_else(
        || Ok(T::default()),
        |v| T::deserialize(v).map_err(E::custom),
    )
}

impl Fields {
    fn command<E: Error>(self) -> Result<Command, E> {
        let f = self;
        Ok(match f.kind {
            Type::CreateTopic => Command::CreateTopic {
                topic: need(f.topic, "topic")?,
                partitions: need(f.partitions, "partitions")?,
                replication_factor: f.replication_factor,
            },
            Type::AddPartitions => Command::AddPartitions {
                topic: need(f.topic, "topic")?,
                partitions: need(f.partitions, "partitions")?,
            },
            Type::StopBroker => Command::StopBroker {
                broker: need(f.broker, "broker")?,
            },
            Type::StartBroker => Command::StartBroker {
                broker: need(f.broker, "broker")?,
            },
            Type::AddProducer => Command::AddProducer {
                name: f.name,
                profile: f.profile.unwrap_or_default(),
                config: config(f.config)?,
            },
            Type::Produce => Command::Produce {
                producer: need(f.producer, "producer")?,
                topic: need(f.topic, "topic")?,
                key: f.key,
                value: f.value,
                partition: f.partition,
                count: f.count,
            },
            Type::SetProduceRate => Command::SetProduceRate {
                producer: need(f.producer, "producer")?,
                topic: need(f.topic, "topic")?,
                records_per_sec: need(f.records_per_sec, "records_per_sec")?,
                keys: need(f.keys, "keys")?,
            },
            Type::AddConsumer => Command::AddConsumer {
                name: f.name,
                profile: f.profile.unwrap_or_default(),
                config: config(f.config)?,
                topics: f.topics.unwrap_or_default(),
                assign: f.assign,
                records_per_sec: f.records_per_sec,
            },
            Type::CloseConsumer => Command::CloseConsumer {
                consumer: need(f.consumer, "consumer")?,
            },
            Type::CrashConsumer => Command::CrashConsumer {
                consumer: need(f.consumer, "consumer")?,
            },
            Type::RestartConsumer => Command::RestartConsumer {
                consumer: need(f.consumer, "consumer")?,
            },
            Type::CommitNow => Command::CommitNow {
                consumer: need(f.consumer, "consumer")?,
                sync: f.sync.unwrap_or(false),
            },
            Type::SetProcessingRate => Command::SetProcessingRate {
                consumer: need(f.consumer, "consumer")?,
                records_per_sec: f.records_per_sec,
            },
            Type::RunConsoleConsumer => Command::RunConsoleConsumer {
                topic: need(f.topic, "topic")?,
                group: f.group,
                from_beginning: f.from_beginning.unwrap_or(false),
                partition: f.partition,
            },
            Type::SeedPartition => Command::SeedPartition {
                topic: need(f.topic, "topic")?,
                partition: need(f.partition, "partition")?,
                log_start_offset: f.log_start_offset.unwrap_or(0),
                log_end_offset: need(f.log_end_offset, "log_end_offset")?,
            },
            Type::RestoreGroup => Command::RestoreGroup {
                group_id: need(f.group_id, "group_id")?,
                generation_id: need(f.generation_id, "generation_id")?,
                protocol: f.protocol,
                members: f.members.unwrap_or_default(),
                offsets: f.offsets.unwrap_or_default(),
            },
        })
    }
}

impl<'de> Deserialize<'de> for Command {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Fields::deserialize(d)?.command()
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KeyKind {
    Null,
    Fixed,
    Random,
    Cycle,
}

#[derive(Deserialize)]
struct KeyFields {
    kind: KeyKind,
    key: Option<String>,
    prefix: Option<String>,
    cardinality: Option<u32>,
    keys: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = KeyFields::deserialize(d)?;
        Ok(match f.kind {
            KeyKind::Null => KeySpec::Null,
            KeyKind::Fixed => KeySpec::Fixed {
                key: need(f.key, "key")?,
            },
            KeyKind::Random => KeySpec::Random {
                prefix: need(f.prefix, "prefix")?,
                cardinality: need(f.cardinality, "cardinality")?,
            },
            KeyKind::Cycle => KeySpec::Cycle {
                keys: need(f.keys, "keys")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ConsumerConfig, ProducerConfig};

    /// One of every command, with every field set (so a field the flat struct drops shows as a difference).
    fn every_command() -> Vec<Command> {
        let tp = |p| TopicPartition::new("t", p);
        vec![
            Command::CreateTopic {
                topic: "t".into(),
                partitions: 4,
                replication_factor: Some(3),
            },
            Command::AddPartitions {
                topic: "t".into(),
                partitions: 6,
            },
            Command::StopBroker { broker: 1 },
            Command::StartBroker { broker: 2 },
            Command::AddProducer {
                name: Some("p".into()),
                profile: ClientProfile::Java,
                config: ProducerConfig {
                    client_id: Some("c".into()),
                    partitioner: Some(crate::partitioner::Partitioner::Murmur2Random),
                    batch_size: Some(10),
                    linger_ms: Some(5),
                    sticky_partitioning_linger_ms: Some(7),
                    metadata_max_age_ms: Some(1000),
                },
            },
            Command::Produce {
                producer: "p".into(),
                topic: "t".into(),
                key: Some("k".into()),
                value: Some("v".into()),
                partition: Some(1),
                count: Some(3),
            },
            Command::SetProduceRate {
                producer: "p".into(),
                topic: "t".into(),
                records_per_sec: 5,
                keys: KeySpec::Random {
                    prefix: "k-".into(),
                    cardinality: 9,
                },
            },
            Command::AddConsumer {
                name: Some("c".into()),
                profile: ClientProfile::Java,
                config: serde_json::from_str::<ConsumerConfig>(
                    r#"{"group.id":"g","group.instance.id":"i","client.id":"c",
                        "partition.assignment.strategy":["range","cooperative-sticky"],
                        "session.timeout.ms":10000,"heartbeat.interval.ms":1000,"max.poll.interval.ms":5000,
                        "max.poll.records":10,"auto.offset.reset":"earliest","enable.auto.commit":false,
                        "auto.commit.interval.ms":100,"metadata.max.age.ms":1000,"allow.auto.create.topics":true}"#,
                )
                .unwrap(),
                topics: vec!["t".into()],
                assign: Some(vec![tp(0), tp(1)]),
                records_per_sec: Some(7),
            },
            Command::CloseConsumer {
                consumer: "c".into(),
            },
            Command::CrashConsumer {
                consumer: "c".into(),
            },
            Command::RestartConsumer {
                consumer: "c".into(),
            },
            Command::CommitNow {
                consumer: "c".into(),
                sync: true,
            },
            Command::SetProcessingRate {
                consumer: "c".into(),
                records_per_sec: Some(2),
            },
            Command::RunConsoleConsumer {
                topic: "t".into(),
                group: Some("g".into()),
                from_beginning: true,
                partition: Some(2),
            },
            Command::SeedPartition {
                topic: "t".into(),
                partition: 3,
                log_start_offset: 4,
                log_end_offset: 9,
            },
            Command::RestoreGroup {
                group_id: "g".into(),
                generation_id: 5,
                protocol: Some(AssignorName::Sticky),
                members: vec![RestoredMember {
                    consumer: "c".into(),
                    member_id: "m".into(),
                    group_instance_id: Some("i".into()),
                    client_id: "cl".into(),
                    client_host: Some("/10.0.0.1".into()),
                    profile: ClientProfile::Java,
                    topics: vec!["t".into()],
                    assignment: vec![tp(0)],
                }],
                offsets: vec![RestoredOffset {
                    topic: "t".into(),
                    partition: 0,
                    offset: 3,
                }],
            },
        ]
    }

    #[test]
    fn every_command_reads_back_what_it_writes() {
        let all = every_command();
        for c in &all {
            let json = serde_json::to_string(c).unwrap();
            let back: Command = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, c, "{json}");
        }
        for keys in [
            KeySpec::Null,
            KeySpec::Fixed { key: "k".into() },
            KeySpec::Cycle {
                keys: vec!["a".into(), "b".into()],
            },
        ] {
            let json = serde_json::to_string(&keys).unwrap();
            assert_eq!(serde_json::from_str::<KeySpec>(&json).unwrap(), keys);
        }
    }

    #[test]
    fn defaults_missing_fields_and_unknown_types() {
        let c: Command = serde_json::from_str(r#"{"type":"add_consumer"}"#).unwrap();
        assert_eq!(
            c,
            Command::AddConsumer {
                name: None,
                profile: ClientProfile::default(),
                config: ConsumerConfig::default(),
                topics: vec![],
                assign: None,
                records_per_sec: None,
            }
        );
        // Fields of other commands are ignored, as serde's tagged enums do.
        let c: Command =
            serde_json::from_str(r#"{"broker":2,"type":"stop_broker","topic":"t"}"#).unwrap();
        assert_eq!(c, Command::StopBroker { broker: 2 });
        let err = |json: &str| {
            serde_json::from_str::<Command>(json)
                .unwrap_err()
                .to_string()
        };
        assert!(
            err(r#"{"type":"create_topic","topic":"t"}"#).starts_with("missing field `partitions`")
        );
        assert!(err(r#"{"topic":"t"}"#).starts_with("missing field `type`"));
        let unknown = err(r#"{"type":"explode"}"#);
        assert!(
            unknown.starts_with("unknown variant `explode`, expected one of `create_topic`"),
            "{unknown}"
        );
        let bad_config = err(r#"{"type":"add_consumer","config":{"session.timeout.ms":"soon"}}"#);
        assert!(
            bad_config.starts_with("invalid type: string \"soon\", expected u64"),
            "{bad_config}"
        );
        assert!(err(r#"{"type":"set_produce_rate","producer":"p","topic":"t","records_per_sec":1,"keys":{"kind":"fixed"}}"#)
            .starts_with("missing field `key`"));
    }
}
