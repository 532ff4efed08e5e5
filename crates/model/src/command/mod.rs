//! What a user (or a lesson, or a test) can do to the simulated world. The UI sends exactly these, as JSON.
//! `Command` and `KeySpec` serialize as serde's internally tagged enums; they deserialize through one flat
//! struct of every field (`de.rs`), which reads the same JSON.

mod de;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::assignor::AssignorName;
use crate::config::{ClientProfile, ConsumerConfig, ProducerConfig};
use crate::topic_partition::TopicPartition;

/// Keys a steady-rate producer gives its records.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum KeySpec {
    /// No key: the sticky partitioners decide.
    Null,
    /// Every record carries this key.
    Fixed { key: String },
    /// `prefix` followed by a number drawn uniformly from 0..cardinality.
    Random { prefix: String, cardinality: u32 },
    /// These keys, in turn.
    Cycle { keys: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Command {
    /// `kafka-topics --create --topic T --partitions N [--replication-factor R]`.
    CreateTopic {
        topic: String,
        partitions: u32,
        replication_factor: Option<u32>,
    },
    /// `kafka-topics --alter --partitions N`: partitions can only be added.
    AddPartitions {
        topic: String,
        partitions: u32,
    },
    StopBroker {
        broker: u32,
    },
    StartBroker {
        broker: u32,
    },
    AddProducer {
        name: Option<String>,
        profile: ClientProfile,
        config: ProducerConfig,
    },
    /// Produce `count` records (default 1) with this key (None: a null key) to `topic`.
    Produce {
        producer: String,
        topic: String,
        key: Option<String>,
        value: Option<String>,
        /// An explicit partition always wins (ProducerRecord.partition()).
        partition: Option<u32>,
        count: Option<u32>,
    },
    /// A steady rate of records (0 stops it).
    SetProduceRate {
        producer: String,
        topic: String,
        records_per_sec: u32,
        keys: KeySpec,
    },
    /// A consumer that subscribes to `topics` with `config.group.id`, or (with `assign`) a standalone consumer.
    AddConsumer {
        name: Option<String>,
        profile: ClientProfile,
        config: ConsumerConfig,
        topics: Vec<String>,
        assign: Option<Vec<TopicPartition>>,
        /// Records the application processes per second (None: instantly).
        records_per_sec: Option<u32>,
    },
    /// `consumer.close()`: commits (if auto commit), leaves the group (dynamic members only).
    CloseConsumer {
        consumer: String,
    },
    /// The process dies: no commit, no LeaveGroup; the coordinator notices after `session.timeout.ms`.
    CrashConsumer {
        consumer: String,
    },
    /// Start a crashed or closed consumer again with the same configuration.
    RestartConsumer {
        consumer: String,
    },
    /// `commitSync()` / `commitAsync()` of the current positions.
    CommitNow {
        consumer: String,
        sync: bool,
    },
    /// Change how fast the application processes records (None: instantly; small values trigger
    /// `max.poll.interval.ms`).
    SetProcessingRate {
        consumer: String,
        records_per_sec: Option<u32>,
    },
    /// `kafka-console-consumer --topic T [--group G] [--from-beginning] [--partition P]`.
    RunConsoleConsumer {
        topic: String,
        group: Option<String>,
        from_beginning: bool,
        partition: Option<u32>,
    },
    /// A partition that already holds records when the story starts (an imported group's topic): its
    /// log-start and log-end offsets are set without producing the records, which are not drawn. Only on a
    /// partition nothing was written to yet.
    SeedPartition {
        topic: String,
        partition: u32,
        log_start_offset: u64,
        log_end_offset: u64,
    },
    /// A running group, as its coordinator loads it from `__consumer_offsets` (the group metadata record:
    /// generation, protocol, leader, members with their assignment; the offset commit records), with one running
    /// consumer per member that is Stable in that generation and resumes from the committed offsets.
    RestoreGroup {
        group_id: String,
        generation_id: i32,
        /// The group's selected assignor (the protocol name); None for a group without members.
        protocol: Option<AssignorName>,
        /// In join order: the first member is the group leader.
        members: Vec<RestoredMember>,
        offsets: Vec<RestoredOffset>,
        /// A consumer-protocol group (KIP-848, `group.protocol=consumer`) when set: its group epoch. Then
        /// `generation_id` and `protocol` are not used, the members' consumers run with `group.protocol=consumer`,
        /// and the coordinator loads the group epoch, the target assignment and each member's epoch and
        /// assignment. Absent (and not written) for a classic group.
        #[serde(skip_serializing_if = "Option::is_none")]
        group_epoch: Option<i32>,
        /// The group epoch the stored target assignment was computed for (default: `group_epoch`).
        #[serde(skip_serializing_if = "Option::is_none")]
        assignment_epoch: Option<i32>,
        /// The server-side assignor (`uniform`, `range`) the members ask for with `group.remote.assignor`;
        /// None: the broker's default.
        #[serde(skip_serializing_if = "Option::is_none")]
        server_assignor: Option<String>,
    },
}

/// One member of a restored group and the consumer process behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RestoredMember {
    /// The simulated consumer's name.
    pub consumer: String,
    pub member_id: String,
    #[serde(default)]
    pub group_instance_id: Option<String>,
    pub client_id: String,
    /// Where the member connects from, as the coordinator records it (MemberMetadata.clientHost).
    #[serde(default)]
    pub client_host: Option<String>,
    #[serde(default)]
    pub profile: ClientProfile,
    /// The subscription.
    pub topics: Vec<String>,
    /// The member's share in the restored generation (consumer protocol: what it owns now, its current
    /// assignment).
    #[serde(default)]
    pub assignment: Vec<TopicPartition>,
    /// Consumer protocol only: the member epoch (default: the group's assignment epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_epoch: Option<i32>,
    /// Consumer protocol only: the member's target assignment (default: its current assignment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Vec<TopicPartition>>,
}

/// A committed offset of a restored group: the next offset the group reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RestoredOffset {
    pub topic: String,
    pub partition: u32,
    pub offset: u64,
}
