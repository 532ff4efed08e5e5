//! GroupLab's Kafka model: brokers, topics, keyed partitioning, group coordinators, the classic rebalance
//! protocol and offsets, as a pure, deterministic discrete-event simulation.
//!
//! No clock, no randomness and no I/O it does not own: the same seed and the same commands give the same
//! history, natively and in wasm.

pub mod assignor;
pub mod coordinator;
pub mod hash;
pub mod partitioner;
pub mod topic_partition;

pub use topic_partition::TopicPartition;
