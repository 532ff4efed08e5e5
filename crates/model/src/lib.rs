//! GroupLab's Kafka model: brokers, topics, keyed partitioning, group coordinators, the classic rebalance
//! protocol and offsets, as a pure, deterministic discrete-event simulation.
//!
//! No clock, no randomness and no I/O it does not own: the same seed and the same commands give the same
//! history, natively and in wasm.
//!
//! The surface: a [`Scenario`] (a seed, a cluster and timed [`Command`]s) builds a [`Timeline`], which
//! applies commands, advances simulated time, seeks back (checkpoints and replay) and forks when acted on in
//! the past; its [`Sim`] is the world at the current time, whose [`WorldView`] the UI draws and whose
//! [`Event`]s narrate what happened. Errors are [`ModelError`] (a refused command) and [`ScenarioError`].
//!
//! Inside, in layers that only look down: `collections`, `limits`, `hash`, `rng` and `words` (plain
//! building blocks); `net` (messages), `actor` (what an actor may do while handling an input: [`actor::Ctx`]);
//! the actors' rules — `cluster`, `producer` and `partitioner`, `group` (the coordinator, classic and KIP-848),
//! `consumer` (the client), `assignor` (client-side classic, and server-side in `assignor::server`); then
//! `sim` (the world that routes messages and timers between them), `timeline`, `view` and `scenario`.

// Tests may sort with std (the shared sort of `sort` is for the shipped model; clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod actor;
pub mod alternatives;
pub mod assignor;
pub mod cluster;
pub mod collections;
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
pub mod limits;
pub mod log;
pub mod net;
pub mod partitioner;
pub mod producer;
pub mod rng;
pub mod scenario;
pub mod sim;
pub mod timeline;
pub mod topic_partition;
pub mod validate;
pub mod view;
pub mod words;

pub use topic_partition::TopicPartition;

pub use command::Command;
pub use error::ModelError;
pub use event::{Event, EventKind};
pub use scenario::{Scenario, ScenarioError};
pub use sim::Sim;
pub use timeline::Timeline;
pub use view::WorldView;
