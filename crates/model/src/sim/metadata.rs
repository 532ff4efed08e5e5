//! When the clients learn of a topic's new partitions. Clients cache a topic's partition count and refresh it every
//! `metadata.max.age.ms` (300 s by default): a partition added now is invisible to each of them until then.

use super::{Sim, Wake};

impl Sim {
    /// The first time, from now, that a client of `topic` refreshes its metadata: a running consumer subscribed to
    /// it (its periodic refresh: KafkaConsumer's `ConsumerMetadata`, librdkafka's `topic.metadata.refresh`), or a
    /// producer whose cached count has aged (`Producer.partitions_for`, refreshed on its next send). None if no
    /// client reads or writes it.
    pub fn next_metadata_refresh(&self, topic: &str) -> Option<u64> {
        let consumers = self.queue.iter().filter_map(|entry| {
            let (at, _, wake) = &entry.0;
            let Wake::ConsumerMetadata { consumer, epoch } = wake else {
                return None;
            };
            let c = self.consumers.get(*consumer as usize)?;
            let reads = c.epoch == *epoch && c.is_running() && c.topics.iter().any(|t| t == topic);
            reads.then_some(*at)
        });
        let producers = self.producers.iter().filter_map(|p| {
            let &(_, at) = p.metadata.get(topic)?;
            Some((at + p.cfg.metadata_max_age_ms).max(self.now))
        });
        consumers.chain(producers).min()
    }

    /// Partitions added but not yet seen: the first topic (by name) one of whose running consumers caches fewer
    /// partitions than it has, with its partition count and that topic's next refresh.
    pub fn unseen_partitions(&self) -> Option<UnseenPartitions> {
        let topic = self
            .consumers
            .iter()
            .filter(|c| c.is_running())
            .flat_map(|c| {
                c.metadata.iter().filter_map(|(topic, &known)| {
                    let now = self.cluster.partition_count(topic)?;
                    (known < now).then_some(topic.as_str())
                })
            })
            .min()?;
        Some(UnseenPartitions {
            topic: topic.to_string(),
            partitions: self.cluster.partition_count(topic)?,
            refresh_ms: self.next_metadata_refresh(topic)?,
        })
    }
}

/// A topic whose new partitions its consumers will see only at `refresh_ms` (`metadata.max.age.ms`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnseenPartitions {
    pub topic: String,
    pub partitions: u32,
    pub refresh_ms: u64,
}

#[cfg(test)]
mod tests {
    use crate::command::Command;
    use crate::scenario::Scenario;

    /// The course notes' scenario: consumers refresh 300 s after they start, so two partitions added at 10 s stay
    /// unseen until then.
    #[test]
    fn added_partitions_wait_for_the_next_refresh() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(10_000);
        t.apply(Command::AddPartitions {
            topic: "test-topic".into(),
            partitions: 6,
        })
        .unwrap();
        let at = t.sim().next_metadata_refresh("test-topic").unwrap();
        assert!((300_000..=301_000).contains(&at), "{at}");
        assert_eq!(t.sim().next_metadata_refresh("no-such-topic"), None);
        let unseen = t.sim().unseen_partitions().unwrap();
        assert_eq!(
            (unseen.topic.as_str(), unseen.partitions, unseen.refresh_ms),
            ("test-topic", 6, at)
        );
        // After the refresh every consumer knows the six partitions: nothing is pending.
        t.advance_to(at + 1);
        assert_eq!(t.sim().unseen_partitions(), None);
    }

    #[test]
    fn nothing_is_unseen_without_added_partitions() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(20_000);
        assert_eq!(t.sim().unseen_partitions(), None);
    }
}
