//! `TopicPartition`: a partition of a topic, ordered by topic name then partition id (as Kafka's comparators do).

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: u32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: u32) -> Self {
        TopicPartition {
            topic: topic.into(),
            partition,
        }
    }

    /// Parses the `topic/partition` form used in data attributes and JSON state.
    pub fn parse(s: &str) -> Option<Self> {
        let (topic, p) = s.rsplit_once('/')?;
        Some(TopicPartition::new(topic, p.parse().ok()?))
    }
}

/// `topic/partition`, the stable form used in data attributes, JSON state and the event log.
impl fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.topic, self.partition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_parse_round_trip() {
        let tp = TopicPartition::new("test-topic", 3);
        assert_eq!(tp.to_string(), "test-topic/3");
        assert_eq!(TopicPartition::parse("test-topic/3"), Some(tp));
        assert_eq!(TopicPartition::parse("nope"), None);
    }
}
