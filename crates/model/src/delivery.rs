//! Every delivery a group (or a standalone consumer) received, per partition, so redeliveries (at-least-once
//! duplicates) and skipped records can be counted exactly without storing each record.

use crate::collections::VecMap;

use serde::{Deserialize, Serialize};

use crate::topic_partition::TopicPartition;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryStats {
    /// One past the highest offset ever delivered.
    pub delivered_end: u64,
    /// Where the first delivery started.
    pub first_offset: Option<u64>,
    pub delivered: u64,
    /// Records delivered more than once.
    pub redelivered: u64,
    /// Records jumped over after the first delivery (an offset reset past unread records).
    pub skipped: u64,
}

/// Keyed by group id (or `consumer:<name>` for a consumer without a group), then partition.
#[derive(Clone, Debug, Default)]
pub struct Deliveries {
    pub stats: VecMap<String, VecMap<TopicPartition, DeliveryStats>>,
}

impl Deliveries {
    /// Records the delivery of offsets `from..to` and returns how many of them were redeliveries.
    pub fn record(&mut self, who: &str, tp: &TopicPartition, from: u64, to: u64) -> u64 {
        let per_group = match self.stats.get_mut(who) {
            Some(g) => g,
            None => self.stats.entry(who.to_string()).or_default(),
        };
        let s = match per_group.get_mut(tp) {
            Some(s) => s,
            None => per_group.entry(tp.clone()).or_default(),
        };
        let count = to.saturating_sub(from);
        let redelivered = to.min(s.delivered_end).saturating_sub(from);
        match s.first_offset {
            None => s.first_offset = Some(from),
            Some(_) if from > s.delivered_end => s.skipped += from - s.delivered_end,
            Some(_) => {}
        }
        s.delivered += count;
        s.redelivered += redelivered;
        s.delivered_end = s.delivered_end.max(to);
        redelivered
    }

    pub fn get(&self, who: &str, tp: &TopicPartition) -> Option<&DeliveryStats> {
        self.stats.get(who)?.get(tp)
    }

    /// Records delivered more than once to `who`, over all partitions.
    pub fn redelivered(&self, who: &str) -> u64 {
        self.stats
            .get(who)
            .map_or(0, |g| g.values().map(|s| s.redelivered).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_redeliveries_and_gaps() {
        let mut d = Deliveries::default();
        let tp = TopicPartition::new("t", 0);
        assert_eq!(d.record("g", &tp, 0, 5), 0);
        assert_eq!(d.record("g", &tp, 3, 8), 2);
        assert_eq!(d.record("g", &tp, 10, 12), 0);
        let s = d.get("g", &tp).unwrap();
        assert_eq!(
            (s.delivered, s.redelivered, s.skipped, s.delivered_end),
            (12, 2, 2, 12)
        );
    }
}
