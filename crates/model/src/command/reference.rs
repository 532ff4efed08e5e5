//! The serde-derived reading of commands this crate had before `de.rs` was written by hand, kept as the
//! oracle the hand-written reader is tested against: both must accept the same JSON, build the same values and
//! fail with the same messages (positions included). Test-only.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

use super::{Command, KeySpec, RestoredOffset};
use crate::assignor::AssignorName;
use crate::config::ClientProfile;
use crate::topic_partition::TopicPartition;

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
    config: Option<serde_json::Value>,
    producer: Option<String>,
    key: Option<String>,
    value: Option<String>,
    partition: Option<u32>,
    count: Option<u32>,
    records_per_sec: Option<u32>,
    keys: Option<OldKeySpec>,
    topics: Option<Vec<String>>,
    assign: Option<Vec<derived::TopicPartition>>,
    consumer: Option<String>,
    sync: Option<bool>,
    group: Option<String>,
    from_beginning: Option<bool>,
    log_start_offset: Option<u64>,
    log_end_offset: Option<u64>,
    group_id: Option<String>,
    generation_id: Option<i32>,
    protocol: Option<AssignorName>,
    members: Option<Vec<derived::RestoredMember>>,
    offsets: Option<Vec<derived::RestoredOffset>>,
}

fn need<T, E: Error>(v: Option<T>, field: &'static str) -> Result<T, E> {
    v.ok_or_else(|| E::missing_field(field))
}

fn config<T: for<'a> Deserialize<'a> + Default, E: Error>(
    v: Option<serde_json::Value>,
) -> Result<T, E> {
    v.map_or_else(
        || Ok(T::default()),
        |v| T::deserialize(v).map_err(E::custom),
    )
}

fn tps(v: Vec<derived::TopicPartition>) -> Vec<TopicPartition> {
    v.into_iter()
        .map(|t| TopicPartition::new(t.topic, t.partition))
        .collect()
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
                config: config::<derived::ProducerConfig, E>(f.config)?.into(),
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
                keys: need(f.keys, "keys")?.0,
            },
            Type::AddConsumer => Command::AddConsumer {
                name: f.name,
                profile: f.profile.unwrap_or_default(),
                config: config::<derived::ConsumerConfig, E>(f.config)?.into(),
                topics: f.topics.unwrap_or_default(),
                assign: f.assign.map(tps),
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
                members: f
                    .members
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| m.into())
                    .collect(),
                offsets: f
                    .offsets
                    .unwrap_or_default()
                    .into_iter()
                    .map(|o| RestoredOffset {
                        topic: o.topic,
                        partition: o.partition,
                        offset: o.offset,
                    })
                    .collect(),
            },
        })
    }
}

/// A command read the old way.
#[derive(Debug, PartialEq)]
pub struct OldCommand(pub Command);

impl<'de> Deserialize<'de> for OldCommand {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(OldCommand(Fields::deserialize(d)?.command()?))
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

/// A key spec read the old way.
#[derive(Debug, PartialEq)]
pub struct OldKeySpec(pub KeySpec);

impl<'de> Deserialize<'de> for OldKeySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = KeyFields::deserialize(d)?;
        Ok(OldKeySpec(match f.kind {
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
        }))
    }
}

/// The derived readers of the types commands hold, as they were (same names: they are in serde's messages).
pub mod derived {
    use serde::Deserialize;

    use crate::assignor::AssignorName;
    use crate::config::{AutoOffsetReset, ClientProfile};
    use crate::partitioner::Partitioner;

    #[derive(Deserialize)]
    pub struct TopicPartition {
        pub topic: std::rc::Rc<str>,
        pub partition: u32,
    }

    #[derive(Deserialize)]
    pub struct RestoredMember {
        pub consumer: String,
        pub member_id: String,
        #[serde(default)]
        pub group_instance_id: Option<String>,
        pub client_id: String,
        #[serde(default)]
        pub client_host: Option<String>,
        #[serde(default)]
        pub profile: ClientProfile,
        pub topics: Vec<String>,
        #[serde(default)]
        pub assignment: Vec<TopicPartition>,
    }

    impl From<RestoredMember> for crate::command::RestoredMember {
        fn from(m: RestoredMember) -> Self {
            Self {
                consumer: m.consumer,
                member_id: m.member_id,
                group_instance_id: m.group_instance_id,
                client_id: m.client_id,
                client_host: m.client_host,
                profile: m.profile,
                topics: m.topics,
                assignment: super::tps(m.assignment),
            }
        }
    }

    #[derive(Deserialize)]
    pub struct RestoredOffset {
        pub topic: String,
        pub partition: u32,
        pub offset: u64,
    }

    #[derive(Default, Deserialize)]
    #[serde(default)]
    pub struct ConsumerConfig {
        #[serde(rename = "group.id")]
        pub group_id: Option<String>,
        #[serde(rename = "group.instance.id")]
        pub group_instance_id: Option<String>,
        #[serde(rename = "client.id")]
        pub client_id: Option<String>,
        #[serde(rename = "partition.assignment.strategy")]
        pub partition_assignment_strategy: Option<Vec<AssignorName>>,
        #[serde(rename = "session.timeout.ms")]
        pub session_timeout_ms: Option<u64>,
        #[serde(rename = "heartbeat.interval.ms")]
        pub heartbeat_interval_ms: Option<u64>,
        #[serde(rename = "max.poll.interval.ms")]
        pub max_poll_interval_ms: Option<u64>,
        #[serde(rename = "max.poll.records")]
        pub max_poll_records: Option<u32>,
        #[serde(rename = "auto.offset.reset")]
        pub auto_offset_reset: Option<AutoOffsetReset>,
        #[serde(rename = "enable.auto.commit")]
        pub enable_auto_commit: Option<bool>,
        #[serde(rename = "auto.commit.interval.ms")]
        pub auto_commit_interval_ms: Option<u64>,
        #[serde(rename = "metadata.max.age.ms")]
        pub metadata_max_age_ms: Option<u64>,
        #[serde(rename = "allow.auto.create.topics")]
        pub allow_auto_create_topics: Option<bool>,
        #[serde(rename = "group.protocol")]
        pub group_protocol: Option<crate::config::GroupProtocol>,
        #[serde(rename = "group.remote.assignor")]
        pub group_remote_assignor: Option<String>,
    }

    impl From<ConsumerConfig> for crate::config::ConsumerConfig {
        fn from(c: ConsumerConfig) -> Self {
            Self {
                group_id: c.group_id,
                group_instance_id: c.group_instance_id,
                client_id: c.client_id,
                partition_assignment_strategy: c.partition_assignment_strategy,
                session_timeout_ms: c.session_timeout_ms,
                heartbeat_interval_ms: c.heartbeat_interval_ms,
                max_poll_interval_ms: c.max_poll_interval_ms,
                max_poll_records: c.max_poll_records,
                auto_offset_reset: c.auto_offset_reset,
                enable_auto_commit: c.enable_auto_commit,
                auto_commit_interval_ms: c.auto_commit_interval_ms,
                metadata_max_age_ms: c.metadata_max_age_ms,
                allow_auto_create_topics: c.allow_auto_create_topics,
                group_protocol: c.group_protocol,
                group_remote_assignor: c.group_remote_assignor,
            }
        }
    }

    #[derive(Default, Deserialize)]
    #[serde(default)]
    pub struct ProducerConfig {
        #[serde(rename = "client.id")]
        pub client_id: Option<String>,
        pub partitioner: Option<Partitioner>,
        #[serde(rename = "batch.size")]
        pub batch_size: Option<u32>,
        #[serde(rename = "linger.ms")]
        pub linger_ms: Option<u64>,
        #[serde(rename = "sticky.partitioning.linger.ms")]
        pub sticky_partitioning_linger_ms: Option<u64>,
        #[serde(rename = "metadata.max.age.ms")]
        pub metadata_max_age_ms: Option<u64>,
    }

    impl From<ProducerConfig> for crate::config::ProducerConfig {
        fn from(c: ProducerConfig) -> Self {
            Self {
                client_id: c.client_id,
                partitioner: c.partitioner,
                batch_size: c.batch_size,
                linger_ms: c.linger_ms,
                sticky_partitioning_linger_ms: c.sticky_partitioning_linger_ms,
                metadata_max_age_ms: c.metadata_max_age_ms,
            }
        }
    }
}
