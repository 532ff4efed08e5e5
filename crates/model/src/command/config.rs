//! Reading a command's `config` object: a consumer's or a producer's, which only the command's `type` tells, and
//! that may come after `config` in the object. So the object is kept as a `serde_json::Value` while the command
//! is read (which also gives a key written twice its last value), then read as the configuration the command
//! takes, through the field table of `fields.rs` rather than serde's derived visitors (issue 6, bundle size).
//!
//! Reading the object straight from the JSON text instead was measured: 1.2 KB more saved, but a bad value
//! would then be worded by the text reader ("expected value" rather than "invalid type: …, expected string or
//! map"), which users see.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

use crate::assignor::AssignorName;
use crate::config::{AutoOffsetReset, ConsumerConfig, GroupProtocol, ProducerConfig};
use crate::fields::{self, skip, Table};
use crate::partitioner::Partitioner;

/// Reads the configuration in `v` (None: absent or null, the defaults).
pub(super) fn config<T: Table, E: Error>(v: Option<serde_json::Value>) -> Result<T, E> {
    v.map_or_else(|| Ok(T::default()), |v| fields::read(v).map_err(E::custom))
}

impl Table for ConsumerConfig {
    const EXPECTING: &'static str = "struct ConsumerConfig";
    const LENGTH: &'static str = "struct ConsumerConfig with 15 elements";
    const FIELDS: &'static [&'static str] = &[
        "group.id",
        "group.instance.id",
        "client.id",
        "partition.assignment.strategy",
        "session.timeout.ms",
        "heartbeat.interval.ms",
        "max.poll.interval.ms",
        "max.poll.records",
        "auto.offset.reset",
        "enable.auto.commit",
        "auto.commit.interval.ms",
        "metadata.max.age.ms",
        "allow.auto.create.topics",
        "group.protocol",
        "group.remote.assignor",
    ];
    const REQUIRED: u32 = 0;
    const DEFAULTED: u32 = !0;

    fn read<'de, D: Deserializer<'de>>(&mut self, i: usize, d: D) -> Result<(), D::Error> {
        let c = self;
        match i {
            0 => c.group_id = Deserialize::deserialize(d)?,
            1 => c.group_instance_id = Deserialize::deserialize(d)?,
            2 => c.client_id = Deserialize::deserialize(d)?,
            3 => c.partition_assignment_strategy = Option::<Vec<AssignorName>>::deserialize(d)?,
            4 => c.session_timeout_ms = Deserialize::deserialize(d)?,
            5 => c.heartbeat_interval_ms = Deserialize::deserialize(d)?,
            6 => c.max_poll_interval_ms = Deserialize::deserialize(d)?,
            7 => c.max_poll_records = Deserialize::deserialize(d)?,
            8 => c.auto_offset_reset = Option::<AutoOffsetReset>::deserialize(d)?,
            9 => c.enable_auto_commit = Deserialize::deserialize(d)?,
            10 => c.auto_commit_interval_ms = Deserialize::deserialize(d)?,
            11 => c.metadata_max_age_ms = Deserialize::deserialize(d)?,
            12 => c.allow_auto_create_topics = Deserialize::deserialize(d)?,
            13 => c.group_protocol = Option::<GroupProtocol>::deserialize(d)?,
            14 => c.group_remote_assignor = Deserialize::deserialize(d)?,
            _ => skip(d)?,
        }
        Ok(())
    }
}

impl Table for ProducerConfig {
    const EXPECTING: &'static str = "struct ProducerConfig";
    const LENGTH: &'static str = "struct ProducerConfig with 6 elements";
    const FIELDS: &'static [&'static str] = &[
        "client.id",
        "partitioner",
        "batch.size",
        "linger.ms",
        "sticky.partitioning.linger.ms",
        "metadata.max.age.ms",
    ];
    const REQUIRED: u32 = 0;
    const DEFAULTED: u32 = !0;

    fn read<'de, D: Deserializer<'de>>(&mut self, i: usize, d: D) -> Result<(), D::Error> {
        let c = self;
        match i {
            0 => c.client_id = Deserialize::deserialize(d)?,
            1 => c.partitioner = Option::<Partitioner>::deserialize(d)?,
            2 => c.batch_size = Deserialize::deserialize(d)?,
            3 => c.linger_ms = Deserialize::deserialize(d)?,
            4 => c.sticky_partitioning_linger_ms = Deserialize::deserialize(d)?,
            5 => c.metadata_max_age_ms = Deserialize::deserialize(d)?,
            _ => skip(d)?,
        }
        Ok(())
    }
}
