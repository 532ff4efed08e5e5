//! Client and broker configuration, with each client's real defaults. Field names are Kafka's property names.

use serde::{Deserialize, Serialize};

use crate::assignor::AssignorName;
use crate::partitioner::Partitioner;

/// Which real client a simulated client behaves like.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ClientProfile {
    /// The Apache Kafka Java client.
    Java,
    /// librdkafka, as used by confluent-kafka (Python): the client of the course notes.
    #[default]
    Librdkafka,
}

impl ClientProfile {
    pub fn label(self) -> &'static str {
        match self {
            ClientProfile::Java => "Java",
            ClientProfile::Librdkafka => "confluent-kafka",
        }
    }
}

/// `auto.offset.reset`: applies only when the group has no valid committed offset for a partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutoOffsetReset {
    Earliest,
    Latest,
    /// Java `none` / librdkafka `error`: the consumer reports NoOffsetForPartition.
    None,
}

/// `group.protocol` (KIP-848): the classic JoinGroup/SyncGroup protocol, or the consumer rebalance protocol
/// (ConsumerGroupHeartbeat). Both clients still default to `classic` (Java ConsumerConfig, librdkafka 2.12).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum GroupProtocol {
    #[default]
    Classic,
    Consumer,
}

impl GroupProtocol {
    pub fn name(self) -> &'static str {
        match self {
            GroupProtocol::Classic => "classic",
            GroupProtocol::Consumer => "consumer",
        }
    }
}

/// A consumer's configuration. `Option`s left empty take the profile's default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// Java `metadata.max.age.ms`, librdkafka `topic.metadata.refresh.interval.ms`.
    #[serde(rename = "metadata.max.age.ms")]
    pub metadata_max_age_ms: Option<u64>,
    /// Java `allow.auto.create.topics` (true) vs librdkafka (false).
    #[serde(rename = "allow.auto.create.topics")]
    pub allow_auto_create_topics: Option<bool>,
    /// `classic` (default) or `consumer` (KIP-848). Left out of the JSON when unset, so classic configs
    /// serialize as before.
    #[serde(rename = "group.protocol", skip_serializing_if = "Option::is_none")]
    pub group_protocol: Option<GroupProtocol>,
    /// KIP-848: the server-side assignor this member asks for (`uniform`, `range`); the broker refuses an
    /// unknown name (UNSUPPORTED_ASSIGNOR), so any text is accepted here.
    #[serde(
        rename = "group.remote.assignor",
        skip_serializing_if = "Option::is_none"
    )]
    pub group_remote_assignor: Option<String>,
}

/// A consumer's configuration with every default filled in for its profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EffectiveConsumerConfig {
    pub profile: ClientProfile,
    pub group_id: Option<String>,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub partition_assignment_strategy: Vec<AssignorName>,
    pub session_timeout_ms: u64,
    pub heartbeat_interval_ms: u64,
    pub max_poll_interval_ms: u64,
    pub max_poll_records: u32,
    pub auto_offset_reset: AutoOffsetReset,
    pub enable_auto_commit: bool,
    pub auto_commit_interval_ms: u64,
    pub metadata_max_age_ms: u64,
    pub allow_auto_create_topics: bool,
    #[serde(default)]
    pub group_protocol: GroupProtocol,
    #[serde(default)]
    pub group_remote_assignor: Option<String>,
}

impl ConsumerConfig {
    /// Fills the profile's defaults. `java_client_seq` is the per-JVM counter of `consumer-<group>-<seq>`.
    pub fn effective(
        &self,
        profile: ClientProfile,
        java_client_seq: u32,
    ) -> EffectiveConsumerConfig {
        let java = profile == ClientProfile::Java;
        // Java client.id default: "consumer-" + groupId + "-" + seq (ConsumerConfig); librdkafka: "rdkafka".
        let default_client_id = if java {
            match &self.group_id {
                Some(g) => format!("consumer-{g}-{java_client_seq}"),
                None => format!("consumer-{java_client_seq}"),
            }
        } else {
            "rdkafka".to_string()
        };
        EffectiveConsumerConfig {
            profile,
            group_id: self.group_id.clone(),
            group_instance_id: self.group_instance_id.clone(),
            client_id: self.client_id.clone().unwrap_or(default_client_id),
            // Java default [RangeAssignor, CooperativeStickyAssignor] since 3.0; librdkafka "range,roundrobin".
            // With group.protocol=consumer the broker assigns: no client-side assignor.
            partition_assignment_strategy: self
                .partition_assignment_strategy
                .clone()
                .unwrap_or_else(|| {
                    if self.group_protocol == Some(GroupProtocol::Consumer) {
                        Vec::new()
                    } else if java {
                        vec![AssignorName::Range, AssignorName::CooperativeSticky]
                    } else {
                        vec![AssignorName::Range, AssignorName::RoundRobin]
                    }
                }),
            // 45000 since Java 3.0 (KIP-735) and librdkafka 1.7.
            session_timeout_ms: self.session_timeout_ms.unwrap_or(45_000),
            heartbeat_interval_ms: self.heartbeat_interval_ms.unwrap_or(3_000),
            max_poll_interval_ms: self.max_poll_interval_ms.unwrap_or(300_000),
            max_poll_records: self.max_poll_records.unwrap_or(500),
            auto_offset_reset: self.auto_offset_reset.unwrap_or(AutoOffsetReset::Latest),
            enable_auto_commit: self.enable_auto_commit.unwrap_or(true),
            auto_commit_interval_ms: self.auto_commit_interval_ms.unwrap_or(5_000),
            metadata_max_age_ms: self.metadata_max_age_ms.unwrap_or(300_000),
            // Java consumer allow.auto.create.topics=true; librdkafka false.
            allow_auto_create_topics: self.allow_auto_create_topics.unwrap_or(java),
            group_protocol: self.group_protocol.unwrap_or_default(),
            group_remote_assignor: self.group_remote_assignor.clone(),
        }
    }
}

/// A producer's configuration. `Option`s left empty take the profile's default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EffectiveProducerConfig {
    pub profile: ClientProfile,
    pub client_id: String,
    pub partitioner: Partitioner,
    pub batch_size: u32,
    pub linger_ms: u64,
    pub sticky_partitioning_linger_ms: u64,
    pub metadata_max_age_ms: u64,
}

impl ProducerConfig {
    pub fn effective(
        &self,
        profile: ClientProfile,
        java_client_seq: u32,
    ) -> EffectiveProducerConfig {
        let java = profile == ClientProfile::Java;
        // linger.ms: Java 5 since 4.0 (KIP-1030); librdkafka 5.
        let linger_ms = self.linger_ms.unwrap_or(5);
        EffectiveProducerConfig {
            profile,
            client_id: self.client_id.clone().unwrap_or_else(|| {
                if java {
                    format!("producer-{java_client_seq}")
                } else {
                    "rdkafka".to_string()
                }
            }),
            partitioner: self.partitioner.unwrap_or(if java {
                Partitioner::JavaDefault
            } else {
                Partitioner::ConsistentRandom
            }),
            batch_size: self.batch_size.unwrap_or(16_384),
            linger_ms,
            // librdkafka sticky.partitioning.linger.ms defaults to 2 x linger.ms (src/rdkafka_conf.c).
            sticky_partitioning_linger_ms: self
                .sticky_partitioning_linger_ms
                .unwrap_or(2 * linger_ms),
            metadata_max_age_ms: self.metadata_max_age_ms.unwrap_or(300_000),
        }
    }
}

/// Broker-side settings of the simulated cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterConfig {
    pub brokers: u32,
    #[serde(rename = "num.partitions")]
    pub num_partitions: u32,
    #[serde(rename = "default.replication.factor")]
    pub default_replication_factor: u32,
    #[serde(rename = "offsets.topic.num.partitions")]
    pub offsets_topic_num_partitions: u32,
    #[serde(rename = "offsets.topic.replication.factor")]
    pub offsets_topic_replication_factor: u32,
    #[serde(rename = "group.initial.rebalance.delay.ms")]
    pub group_initial_rebalance_delay_ms: u64,
    #[serde(rename = "auto.create.topics.enable")]
    pub auto_create_topics_enable: bool,
    #[serde(rename = "leader.imbalance.check.interval.seconds")]
    pub leader_imbalance_check_interval_seconds: u64,
    /// KIP-848 (GroupCoordinatorConfig): `group.consumer.session.timeout.ms` (45000),
    /// `group.consumer.heartbeat.interval.ms` (5000) and `group.consumer.assignors` (`uniform,range`; the first
    /// is the default). Left out of the JSON at their defaults, so older scenarios read and write as before.
    #[serde(
        rename = "group.consumer.session.timeout.ms",
        skip_serializing_if = "is_default_cg_session"
    )]
    pub group_consumer_session_timeout_ms: u64,
    #[serde(
        rename = "group.consumer.heartbeat.interval.ms",
        skip_serializing_if = "is_default_cg_heartbeat"
    )]
    pub group_consumer_heartbeat_interval_ms: u64,
    #[serde(
        rename = "group.consumer.assignors",
        skip_serializing_if = "is_default_cg_assignors"
    )]
    pub group_consumer_assignors: Vec<String>,
    /// One-way network latency between any client and any broker, in simulated ms.
    pub latency_ms: u64,
    /// Records kept in memory per partition (offsets stay exact beyond it).
    pub retained_records_per_partition: u32,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            brokers: 3,
            // Broker defaults: num.partitions=1, default.replication.factor=1 (ServerLogConfigs / ReplicationConfigs).
            num_partitions: 1,
            default_replication_factor: 1,
            offsets_topic_num_partitions: crate::coordinator::DEFAULT_OFFSETS_TOPIC_PARTITIONS,
            offsets_topic_replication_factor: 3,
            group_initial_rebalance_delay_ms: 3_000,
            auto_create_topics_enable: true,
            leader_imbalance_check_interval_seconds: 300,
            group_consumer_session_timeout_ms: CG_SESSION_TIMEOUT_MS,
            group_consumer_heartbeat_interval_ms: CG_HEARTBEAT_INTERVAL_MS,
            group_consumer_assignors: default_cg_assignors(),
            latency_ms: 5,
            retained_records_per_partition: 200,
        }
    }
}

/// GroupCoordinatorConfig.CONSUMER_GROUP_SESSION_TIMEOUT_MS_DEFAULT.
pub const CG_SESSION_TIMEOUT_MS: u64 = 45_000;
/// GroupCoordinatorConfig.CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS_DEFAULT.
pub const CG_HEARTBEAT_INTERVAL_MS: u64 = 5_000;

/// GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNORS_DEFAULT: `uniform,range`.
fn default_cg_assignors() -> Vec<String> {
    vec!["uniform".to_string(), "range".to_string()]
}

fn is_default_cg_session(v: &u64) -> bool {
    *v == CG_SESSION_TIMEOUT_MS
}

fn is_default_cg_heartbeat(v: &u64) -> bool {
    *v == CG_HEARTBEAT_INTERVAL_MS
}

fn is_default_cg_assignors(v: &[String]) -> bool {
    v == default_cg_assignors()
}
