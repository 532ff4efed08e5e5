//! GroupLab's Kafka model: brokers, topics, keyed partitioning, group coordinators, the classic rebalance
//! protocol and offsets, as a pure, deterministic discrete-event simulation.
//!
//! No clock, no randomness and no I/O it does not own: the same seed and the same commands give the same
//! history, natively and in wasm.

pub mod assignor;
pub mod cluster;
pub mod command;
pub mod config;
pub mod consumer;
pub mod coordinator;
pub mod delivery;
pub mod error;
pub mod event;
pub mod group;
pub mod hash;
pub mod kafka_uuid;
pub mod log;
pub mod net;
pub mod partitioner;
pub mod producer;
pub mod rng;
pub mod scenario;
pub mod sim;
pub mod sort;
pub mod timeline;
pub mod topic_partition;
pub mod validate;
pub mod vec_map;
pub mod vec_set;
pub mod view;
pub mod words;

pub use topic_partition::TopicPartition;

pub use command::Command;
pub use error::ModelError;
pub use event::{Event, EventKind};
pub use sim::Sim;
