//! Builders shared by the assignor tests.

use super::Subscription;
use crate::topic_partition::TopicPartition;

/// A member with no history subscribing to `topics`.
pub fn sub(id: &str, topics: &[&str]) -> Subscription {
    Subscription {
        member_id: id.into(),
        group_instance_id: None,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        owned_partitions: vec![],
        generation: None,
        revoked: false,
    }
}

pub fn tps(list: &[(&str, u32)]) -> Vec<TopicPartition> {
    list.iter()
        .map(|(t, p)| TopicPartition::new(*t, *p))
        .collect()
}
