//! Typed errors for commands the model refuses. Never a panic: every bad input gets one of these.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum ModelError {
    InvalidTopicName {
        topic: String,
        reason: String,
    },
    TopicExists {
        topic: String,
    },
    UnknownTopic {
        topic: String,
    },
    InvalidPartitionCount {
        topic: String,
        requested: u32,
        min: u32,
        max: u32,
    },
    UnknownPartition {
        topic: String,
        partition: u32,
        partitions: u32,
    },
    InvalidReplicationFactor {
        requested: u32,
        brokers: u32,
    },
    UnknownBroker {
        broker: u32,
    },
    InvalidGroupId {
        reason: String,
    },
    GroupExists {
        group_id: String,
    },
    GroupFull {
        group_id: String,
        max: u32,
    },
    TooManyClients {
        max: u32,
    },
    UnknownConsumer {
        consumer: String,
    },
    UnknownProducer {
        producer: String,
    },
    NameTaken {
        name: String,
    },
    InvalidName {
        name: String,
        reason: String,
    },
    InvalidValue {
        field: String,
        reason: String,
    },
    ConsumerNotRunning {
        consumer: String,
    },
    ConsumerRunning {
        consumer: String,
    },
    NoSubscription,
    InvalidTime {
        reason: String,
    },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ModelError::*;
        match self {
            InvalidTopicName { topic, reason } => {
                write!(f, "invalid topic name {topic:?}: {reason}")
            }
            TopicExists { topic } => write!(f, "topic {topic:?} already exists"),
            UnknownTopic { topic } => write!(f, "unknown topic {topic:?}"),
            InvalidPartitionCount {
                topic,
                requested,
                min,
                max,
            } => {
                write!(
                    f,
                    "topic {topic:?}: {requested} partitions is not allowed here ({min}..={max})"
                )
            }
            UnknownPartition {
                topic,
                partition,
                partitions,
            } => {
                write!(
                    f,
                    "topic {topic:?} has no partition {partition} (it has {partitions})"
                )
            }
            InvalidReplicationFactor { requested, brokers } => {
                write!(
                    f,
                    "replication factor {requested} needs 1..={brokers} brokers"
                )
            }
            UnknownBroker { broker } => write!(f, "no broker {broker}"),
            InvalidGroupId { reason } => write!(f, "invalid group.id: {reason}"),
            GroupExists { group_id } => write!(
                f,
                "group {group_id:?} already exists (a group is restored only into a world that never saw it)"
            ),
            GroupFull { group_id, max } => {
                write!(f, "group {group_id:?} already has {max} members")
            }
            TooManyClients { max } => write!(f, "at most {max} clients in one simulation"),
            UnknownConsumer { consumer } => write!(f, "no consumer named {consumer:?}"),
            UnknownProducer { producer } => write!(f, "no producer named {producer:?}"),
            NameTaken { name } => write!(f, "the name {name:?} is already taken"),
            InvalidName { name, reason } => write!(f, "invalid name {name:?}: {reason}"),
            InvalidValue { field, reason } => write!(f, "invalid {field}: {reason}"),
            ConsumerNotRunning { consumer } => write!(f, "consumer {consumer:?} is not running"),
            ConsumerRunning { consumer } => write!(f, "consumer {consumer:?} is already running"),
            NoSubscription => write!(
                f,
                "a consumer needs topics to subscribe to or partitions to assign"
            ),
            InvalidTime { reason } => write!(f, "invalid time: {reason}"),
        }
    }
}

impl std::error::Error for ModelError {}
