//! Setup shared by the integration tests.
#![allow(dead_code)] // each test file uses a part of it

use grouplab_model::command::Command;
use grouplab_model::config::{ClientProfile, ClusterConfig};
use grouplab_model::timeline::Timeline;

/// A world with `topic` (`partitions` partitions, replication factor `rf`) and a Java producer, `producer1`.
pub fn topic_and_producer(seed: u64, topic: &str, partitions: u32, rf: u32) -> Timeline {
    let mut t = Timeline::new(seed, ClusterConfig::default());
    t.apply(Command::CreateTopic {
        topic: topic.into(),
        partitions,
        replication_factor: Some(rf),
    })
    .unwrap();
    t.apply(Command::AddProducer {
        name: None,
        profile: ClientProfile::Java,
        config: Default::default(),
    })
    .unwrap();
    t
}
