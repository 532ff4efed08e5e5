//! Reading a [`Command`] (and a [`KeySpec`]) from the JSON serde's internally tagged enums write: serde's derive
//! reads one flat struct holding every field any command has, and each command takes its fields from it.
//!
//! A command ignores the fields it does not have; a field it needs and lacks is serde's "missing field"; an
//! unknown `type` is serde's "unknown variant … expected one of …".
//!
//! Not `#[serde(tag = "type")]` on the enums: serde's derive for an internally tagged enum reads the whole object
//! into a buffer before it reads the variant from there, so a bad value's message loses its place (`"broker":"x"`
//! reads "invalid type: string \"x\", expected u32", not "… at line 1 column 34").

use serde::de::{DeserializeOwned, Error};
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

/// Every field of every command, each optional here but the `type`; which ones a command needs is in
/// [`Fields::command`].
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
    /// A producer's or a consumer's configuration, read by the command that knows which ([`config`]).
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
    group_epoch: Option<i32>,
    assignment_epoch: Option<i32>,
    server_assignor: Option<String>,
}

/// Reads a command's `config` as the configuration the command takes (None: absent or null, the defaults). Only
/// the command's `type` tells whether it is a consumer's or a producer's, and the `type` may come after
/// `config`, so the object is kept as a `serde_json::Value` while the command is read (a key written twice in
/// it takes its last value).
fn config<T: DeserializeOwned + Default, E: Error>(v: Option<serde_json::Value>) -> Result<T, E> {
    v.map_or_else(
        || Ok(T::default()),
        |v| T::deserialize(v).map_err(E::custom),
    )
}

fn need<T, E: Error>(v: Option<T>, field: &'static str) -> Result<T, E> {
    v.ok_or_else(|| E::missing_field(field))
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
                group_epoch: f.group_epoch,
                assignment_epoch: f.assignment_epoch,
                server_assignor: f.server_assignor,
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
