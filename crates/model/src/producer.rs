//! Producers: pick each record's partition exactly as the real client would, batch per partition, send
//! ProduceRequests to the partition leaders.

use crate::collections::VecMap;
use std::rc::Rc;

use crate::cluster::Cluster;
use crate::command::KeySpec;
use crate::config::EffectiveProducerConfig;
use crate::net::PendingRecord;
use crate::partitioner::{Placement, StickyRule};
use crate::rng::SimRng;

/// Per-record overhead used to count bytes toward `batch.size` (DefaultRecord header, roughly).
const RECORD_OVERHEAD_BYTES: u32 = 20;
/// Distinct keys a random-key rate draws from at most.
pub const MAX_KEY_CARDINALITY: u32 = 100_000;

#[derive(Clone, Debug)]
struct Sticky {
    partition: u32,
    bytes: u32,
    until_ms: u64,
}

/// A steady rate of records to one topic.
#[derive(Clone, Debug)]
pub struct Rate {
    pub records_per_sec: u32,
    pub keys: KeySpec,
    pub started_ms: u64,
    pub produced: u64,
    cycle: usize,
    /// The keys this rate draws from, built once (random: prefix + 0..cardinality; cycle: the list).
    table: Vec<Rc<str>>,
}

#[derive(Clone, Debug)]
pub struct Producer {
    pub idx: u32,
    pub name: Rc<str>,
    pub cfg: EffectiveProducerConfig,
    /// Partition counts as this client's metadata knows them (refreshed every metadata.max.age.ms).
    pub metadata: VecMap<String, (u32, u64)>,
    sticky: VecMap<String, Sticky>,
    pub rates: VecMap<String, Rate>,
    pub records_sent: u64,
    pub tick_scheduled: bool,
}

/// A record ready to go: its partition and the record itself.
pub struct Outgoing {
    pub partition: u32,
    pub record: PendingRecord,
}

impl Producer {
    pub fn new(idx: u32, name: Rc<str>, cfg: EffectiveProducerConfig) -> Self {
        Producer {
            idx,
            name,
            cfg,
            metadata: VecMap::new(),
            sticky: VecMap::new(),
            rates: VecMap::new(),
            records_sent: 0,
            tick_scheduled: false,
        }
    }

    /// The partition count this producer uses for `topic`, refreshing its metadata when it is older than
    /// `metadata.max.age.ms` (a new partition is invisible to a producer until then).
    pub fn partitions_for(&mut self, topic: &str, cluster: &Cluster, now: u64) -> Option<u32> {
        match self.metadata.get(topic) {
            Some(&(n, at)) if now < at + self.cfg.metadata_max_age_ms => Some(n),
            _ => {
                let n = cluster.partition_count(topic)?;
                self.metadata.insert(topic.to_string(), (n, now));
                Some(n)
            }
        }
    }

    /// Picks the partition for one record (an explicit partition always wins: KafkaProducer.partition).
    #[allow(clippy::too_many_arguments)]
    pub fn choose_partition(
        &mut self,
        topic: &str,
        key: Option<&str>,
        explicit: Option<u32>,
        value_len: usize,
        num_partitions: u32,
        cluster: &Cluster,
        now: u64,
        rng: &mut SimRng,
    ) -> u32 {
        if let Some(p) = explicit {
            return p;
        }
        // The non-allocating path: same decisions as `Partitioner::place`, without the explanation.
        match self
            .cfg
            .partitioner
            .partition(key.map(str::as_bytes), num_partitions)
        {
            Ok(partition) => partition,
            Err(Placement::Hashed(steps)) => steps.partition,
            Err(Placement::RandomPerMessage) => rng.below(u64::from(num_partitions)) as u32,
            Err(Placement::Sticky(rule)) => {
                let size =
                    key.map_or(0, str::len) as u32 + value_len as u32 + RECORD_OVERHEAD_BYTES;
                self.sticky_partition(topic, rule, size, num_partitions, cluster, now, rng)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn sticky_partition(
        &mut self,
        topic: &str,
        rule: StickyRule,
        size: u32,
        n: u32,
        cluster: &Cluster,
        now: u64,
        rng: &mut SimRng,
    ) -> u32 {
        let batch_size = self.cfg.batch_size.max(1);
        let linger = self.cfg.sticky_partitioning_linger_ms;
        let current = self.sticky.get(topic).filter(|s| s.partition < n).cloned();
        let switch = match (&current, rule) {
            (None, _) => true,
            // KIP-794 (BuiltInPartitioner): switch once batch.size bytes went to the current partition.
            (Some(s), StickyRule::UniformSticky) => s.bytes >= batch_size,
            // librdkafka: a new random partition every sticky.partitioning.linger.ms (0: every message).
            (Some(s), StickyRule::StickyRandom) => linger == 0 || now >= s.until_ms,
        };
        let partition = if switch {
            // BuiltInPartitioner.nextPartition / rd_kafka_msg_sticky_partition: uniform over available
            // partitions (those with a leader); over all when none is available.
            let available: Vec<u32> = (0..n)
                .filter(|&p| {
                    cluster
                        .partition(topic, p)
                        .is_some_and(|p| p.leader.is_some())
                })
                .collect();
            let p = if available.is_empty() {
                rng.below(u64::from(n)) as u32
            } else {
                available[rng.below(available.len() as u64) as usize]
            };
            self.sticky.insert(
                topic.to_string(),
                Sticky {
                    partition: p,
                    bytes: 0,
                    until_ms: now + linger,
                },
            );
            p
        } else {
            current.map_or(0, |s| s.partition)
        };
        if let Some(s) = self.sticky.get_mut(topic) {
            s.bytes = s.bytes.saturating_add(size);
        }
        partition
    }

    pub fn set_rate(&mut self, topic: &str, records_per_sec: u32, keys: KeySpec, now: u64) {
        if records_per_sec == 0 {
            self.rates.remove(topic);
        } else {
            let table = match &keys {
                KeySpec::Null => Vec::new(),
                KeySpec::Fixed { key } => vec![Rc::from(key.as_str())],
                KeySpec::Random {
                    prefix,
                    cardinality,
                } => (0..(*cardinality).clamp(1, MAX_KEY_CARDINALITY))
                    .map(|n| Rc::from(format!("{prefix}{n}").as_str()))
                    .collect(),
                KeySpec::Cycle { keys } => keys.iter().map(|k| Rc::from(k.as_str())).collect(),
            };
            self.rates.insert(
                topic.to_string(),
                Rate {
                    records_per_sec,
                    keys,
                    started_ms: now,
                    produced: 0,
                    cycle: 0,
                    table,
                },
            );
        }
    }

    /// Keys of the records due now from the steady rates, per topic.
    pub fn due_records(
        &mut self,
        now: u64,
        rng: &mut SimRng,
    ) -> Vec<(String, Vec<Option<Rc<str>>>)> {
        let mut out = Vec::with_capacity(self.rates.len());
        for (topic, rate) in self.rates.iter_mut() {
            let should =
                u64::from(rate.records_per_sec) * now.saturating_sub(rate.started_ms) / 1000;
            let due = should.saturating_sub(rate.produced);
            rate.produced += due;
            if due == 0 {
                continue;
            }
            let keys = (0..due)
                .map(|_| match &rate.keys {
                    KeySpec::Null => None,
                    _ if rate.table.is_empty() => None,
                    KeySpec::Random { .. } => {
                        Some(rate.table[rng.below(rate.table.len() as u64) as usize].clone())
                    }
                    KeySpec::Fixed { .. } | KeySpec::Cycle { .. } => {
                        let k = rate.table[rate.cycle % rate.table.len()].clone();
                        rate.cycle += 1;
                        Some(k)
                    }
                })
                .collect();
            out.push((topic.clone(), keys));
        }
        out
    }
}
