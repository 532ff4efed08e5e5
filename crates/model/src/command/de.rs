//! Reading a [`Command`] (and a [`KeySpec`]) from the JSON serde's internally tagged enums write, through one
//! flat struct holding every field any command has. serde's own derive for a tagged enum first buffers the
//! whole object, then deserializes every variant again from the buffer: that came to about 60 KB of the wasm.
//! Here the object is read once, straight from the JSON, and each command takes its fields from it.
//!
//! The JSON is the same. A command ignores the fields it does not have, as before; a field it needs and
//! lacks is serde's "missing field"; an unknown `type` is serde's "unknown variant … expected one of …".

use serde::de::Error;
use serde::{Deserialize, Deserializer};

use super::config::config;
use super::{Command, KeySpec, RestoredMember, RestoredOffset};
use crate::assignor::AssignorName;
use crate::config::ClientProfile;
use crate::fields::{self, skip, Table};
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
#[derive(Default)]
struct Fields {
    kind: Option<Type>,
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

impl Table for Fields {
    const EXPECTING: &'static str = "struct Fields";
    const LENGTH: &'static str = "struct Fields with 28 elements";
    const FIELDS: &'static [&'static str] = &[
        "type",
        "topic",
        "partitions",
        "replication_factor",
        "broker",
        "name",
        "profile",
        "config",
        "producer",
        "key",
        "value",
        "partition",
        "count",
        "records_per_sec",
        "keys",
        "topics",
        "assign",
        "consumer",
        "sync",
        "group",
        "from_beginning",
        "log_start_offset",
        "log_end_offset",
        "group_id",
        "generation_id",
        "protocol",
        "members",
        "offsets",
    ];
    const REQUIRED: u32 = 1;

    fn read<'de, D: Deserializer<'de>>(&mut self, i: usize, d: D) -> Result<(), D::Error> {
        let f = self;
        match i {
            0 => f.kind = Some(Type::deserialize(d)?),
            1 => f.topic = Deserialize::deserialize(d)?,
            2 => f.partitions = Deserialize::deserialize(d)?,
            3 => f.replication_factor = Deserialize::deserialize(d)?,
            4 => f.broker = Deserialize::deserialize(d)?,
            5 => f.name = Deserialize::deserialize(d)?,
            6 => f.profile = Deserialize::deserialize(d)?,
            7 => f.config = Deserialize::deserialize(d)?,
            8 => f.producer = Deserialize::deserialize(d)?,
            9 => f.key = Deserialize::deserialize(d)?,
            10 => f.value = Deserialize::deserialize(d)?,
            11 => f.partition = Deserialize::deserialize(d)?,
            12 => f.count = Deserialize::deserialize(d)?,
            13 => f.records_per_sec = Deserialize::deserialize(d)?,
            14 => f.keys = Deserialize::deserialize(d)?,
            15 => f.topics = Deserialize::deserialize(d)?,
            16 => f.assign = Deserialize::deserialize(d)?,
            17 => f.consumer = Deserialize::deserialize(d)?,
            18 => f.sync = Deserialize::deserialize(d)?,
            19 => f.group = Deserialize::deserialize(d)?,
            20 => f.from_beginning = Deserialize::deserialize(d)?,
            21 => f.log_start_offset = Deserialize::deserialize(d)?,
            22 => f.log_end_offset = Deserialize::deserialize(d)?,
            23 => f.group_id = Deserialize::deserialize(d)?,
            24 => f.generation_id = Deserialize::deserialize(d)?,
            25 => f.protocol = Deserialize::deserialize(d)?,
            26 => f.members = Deserialize::deserialize(d)?,
            27 => f.offsets = Deserialize::deserialize(d)?,
            _ => skip(d)?,
        }
        Ok(())
    }
}

fn need<T, E: Error>(v: Option<T>, field: &'static str) -> Result<T, E> {
    v.ok_or_else(|| E::missing_field(field))
}

impl Fields {
    fn command<E: Error>(self) -> Result<Command, E> {
        let f = self;
        Ok(match need(f.kind, "type")? {
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
        fields::read::<Fields, D>(d)?.command()
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

#[derive(Default)]
struct KeyFields {
    kind: Option<KeyKind>,
    key: Option<String>,
    prefix: Option<String>,
    cardinality: Option<u32>,
    keys: Option<Vec<String>>,
}

impl Table for KeyFields {
    const EXPECTING: &'static str = "struct KeyFields";
    const LENGTH: &'static str = "struct KeyFields with 5 elements";
    const FIELDS: &'static [&'static str] = &["kind", "key", "prefix", "cardinality", "keys"];
    const REQUIRED: u32 = 1;

    fn read<'de, D: Deserializer<'de>>(&mut self, i: usize, d: D) -> Result<(), D::Error> {
        let f = self;
        match i {
            0 => f.kind = Some(KeyKind::deserialize(d)?),
            1 => f.key = Deserialize::deserialize(d)?,
            2 => f.prefix = Deserialize::deserialize(d)?,
            3 => f.cardinality = Deserialize::deserialize(d)?,
            4 => f.keys = Deserialize::deserialize(d)?,
            _ => skip(d)?,
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = fields::read::<KeyFields, D>(d)?;
        Ok(match need(f.kind, "kind")? {
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
