//! Brokers, topics and partition leadership, including the `__consumer_offsets` topic.

use crate::collections::VecMap;
use std::rc::Rc;

use crate::assignor::server::Uuid;
use crate::config::ClusterConfig;
use crate::log::PartitionLog;
use crate::rng::SimRng;
use crate::topic_partition::TopicPartition;

pub const OFFSETS_TOPIC: &str = "__consumer_offsets";

#[derive(Clone, Debug)]
pub struct Broker {
    pub id: u32,
    pub up: bool,
}

#[derive(Clone, Debug)]
pub struct Partition {
    /// Replica list; the first is the preferred leader.
    pub replicas: Vec<u32>,
    pub leader: Option<u32>,
    pub log: PartitionLog,
}

#[derive(Clone, Debug)]
pub struct Topic {
    /// Shared by every `TopicPartition` the model makes for this topic (see [`Cluster::topic_name`]).
    pub name: Rc<str>,
    /// KIP-516 topic id, derived from the name ([`crate::kafka_uuid::topic_id`]).
    pub topic_id: Uuid,
    pub partitions: Vec<Partition>,
}

/// Replica placement as `AdminUtils.assignReplicasToBrokersRackUnaware` (server/.../admin/AdminUtils.java):
/// a random start index and replica shift, each partition's first replica round-robin over the brokers.
pub fn place_replicas(
    brokers: &[u32],
    partitions: u32,
    replication_factor: u32,
    first_partition: u32,
    start: (usize, usize),
) -> Vec<Vec<u32>> {
    let n = brokers.len();
    if n == 0 {
        return vec![Vec::new(); partitions as usize];
    }
    let rf = (replication_factor as usize).clamp(1, n);
    let (start_index, mut next_replica_shift) = start;
    let mut out = Vec::with_capacity(partitions as usize);
    let first_partition = first_partition as usize;
    for current in first_partition..first_partition + partitions as usize {
        if current > 0 && current.is_multiple_of(n) {
            next_replica_shift += 1;
        }
        let first = (current + start_index) % n;
        let mut replicas = vec![brokers[first]];
        for j in 0..rf - 1 {
            // AdminUtils.replicaIndex: shift = 1 + (secondReplicaShift + replicaIndex) % (nBrokers - 1)
            let shift = 1 + (next_replica_shift + j) % (n - 1);
            replicas.push(brokers[(first + shift) % n]);
        }
        out.push(replicas);
    }
    out
}

#[derive(Clone, Debug)]
pub struct Cluster {
    pub brokers: Vec<Broker>,
    pub topics: VecMap<String, Topic>,
    /// Replica lists and leaders of `__consumer_offsets` (its log is not simulated record by record).
    pub offsets_topic: Vec<(Vec<u32>, Option<u32>)>,
    retained: u32,
}

impl Cluster {
    pub fn new(config: &ClusterConfig, rng: &mut SimRng) -> Self {
        let brokers: Vec<Broker> = (0..config.brokers.max(1))
            .map(|id| Broker { id, up: true })
            .collect();
        let ids: Vec<u32> = brokers.iter().map(|b| b.id).collect();
        let start = (
            rng.below(ids.len() as u64) as usize,
            rng.below(ids.len() as u64) as usize,
        );
        let offsets_topic = place_replicas(
            &ids,
            config.offsets_topic_num_partitions.max(1),
            config.offsets_topic_replication_factor,
            0,
            start,
        )
        .into_iter()
        .map(|r| {
            let leader = r.first().copied();
            (r, leader)
        })
        .collect();
        Cluster {
            brokers,
            topics: VecMap::new(),
            offsets_topic,
            retained: config.retained_records_per_partition,
        }
    }

    pub fn broker_ids(&self) -> Vec<u32> {
        self.brokers.iter().map(|b| b.id).collect()
    }

    pub fn is_up(&self, broker: u32) -> bool {
        self.brokers.get(broker as usize).is_some_and(|b| b.up)
    }

    pub fn create_topic(
        &mut self,
        name: &str,
        partitions: u32,
        replication_factor: u32,
        rng: &mut SimRng,
    ) {
        let ids = self.broker_ids();
        let start = (
            rng.below(ids.len() as u64) as usize,
            rng.below(ids.len() as u64) as usize,
        );
        let placement = place_replicas(&ids, partitions, replication_factor, 0, start);
        let parts = placement
            .into_iter()
            .map(|replicas| self.new_partition(replicas))
            .collect();
        self.topics.insert(
            name.to_string(),
            Topic {
                name: Rc::from(name),
                topic_id: crate::kafka_uuid::topic_id(name),
                partitions: parts,
            },
        );
    }

    /// New partitions continue the placement of the existing ones (AdminUtils with startPartitionId).
    pub fn add_partitions(&mut self, name: &str, total: u32, rng: &mut SimRng) {
        let ids = self.broker_ids();
        let start = (
            rng.below(ids.len() as u64) as usize,
            rng.below(ids.len() as u64) as usize,
        );
        let Some(topic) = self.topics.get(name) else {
            return;
        };
        let existing = topic.partitions.len() as u32;
        let rf = topic
            .partitions
            .first()
            .map_or(1, |p| p.replicas.len() as u32);
        let placement = place_replicas(&ids, total.saturating_sub(existing), rf, existing, start);
        let new: Vec<Partition> = placement
            .into_iter()
            .map(|r| self.new_partition(r))
            .collect();
        if let Some(topic) = self.topics.get_mut(name) {
            topic.partitions.extend(new);
        }
    }

    fn new_partition(&self, replicas: Vec<u32>) -> Partition {
        let leader = replicas.iter().copied().find(|&b| self.is_up(b));
        Partition {
            replicas,
            leader,
            log: PartitionLog::new(self.retained),
        }
    }

    /// The topic's shared name (a copy costs no allocation, and compares by pointer first).
    pub fn topic_name(&self, topic: &str) -> Option<&Rc<str>> {
        self.topics.get(topic).map(|t| &t.name)
    }

    /// `tp` naming its topic with the shared name, when the topic exists.
    pub fn interned(&self, mut tp: TopicPartition) -> TopicPartition {
        if let Some(name) = self.topic_name(&tp.topic) {
            tp.topic = name.clone();
        }
        tp
    }

    pub fn partition_count(&self, topic: &str) -> Option<u32> {
        self.topics.get(topic).map(|t| t.partitions.len() as u32)
    }

    pub fn partition(&self, topic: &str, partition: u32) -> Option<&Partition> {
        self.topics.get(topic)?.partitions.get(partition as usize)
    }

    pub fn partition_mut(&mut self, topic: &str, partition: u32) -> Option<&mut Partition> {
        self.topics
            .get_mut(topic)?
            .partitions
            .get_mut(partition as usize)
    }

    /// The leader of `__consumer_offsets` partition `p`: the group coordinator for groups hashed there.
    pub fn offsets_leader(&self, p: u32) -> Option<u32> {
        self.offsets_topic.get(p as usize).and_then(|(_, l)| *l)
    }

    /// Marks the broker down or up and re-elects leaders: the next live replica leads while the preferred
    /// leader is down (all replicas are in sync here, so any live replica can lead).
    /// Returns the partitions whose leader changed, as (topic or None for offsets topic, partition, new leader).
    pub fn set_broker_up(
        &mut self,
        broker: u32,
        up: bool,
    ) -> Vec<(Option<Rc<str>>, u32, Option<u32>)> {
        if let Some(b) = self.brokers.get_mut(broker as usize) {
            b.up = up;
        }
        let live: Vec<bool> = self.brokers.iter().map(|b| b.up).collect();
        let is_live = |b: u32| live.get(b as usize).copied().unwrap_or(false);
        let mut changed = Vec::new();
        for topic in self.topics.values_mut() {
            for (i, p) in topic.partitions.iter_mut().enumerate() {
                let new = elect(&p.replicas, p.leader, is_live, up);
                if new != p.leader {
                    p.leader = new;
                    changed.push((Some(topic.name.clone()), i as u32, new));
                }
            }
        }
        for (i, (replicas, leader)) in self.offsets_topic.iter_mut().enumerate() {
            let new = elect(replicas, *leader, is_live, up);
            if new != *leader {
                *leader = new;
                changed.push((None, i as u32, new));
            }
        }
        changed
    }

    /// Preferred replica election (auto.leader.rebalance.enable, every leader.imbalance.check.interval.seconds).
    pub fn elect_preferred_leaders(&mut self) -> Vec<(Option<Rc<str>>, u32, Option<u32>)> {
        let live: Vec<bool> = self.brokers.iter().map(|b| b.up).collect();
        let is_live = |b: u32| live.get(b as usize).copied().unwrap_or(false);
        let mut changed = Vec::new();
        for topic in self.topics.values_mut() {
            for (i, p) in topic.partitions.iter_mut().enumerate() {
                if let Some(&pref) = p.replicas.first() {
                    if is_live(pref) && p.leader != Some(pref) {
                        p.leader = Some(pref);
                        changed.push((Some(topic.name.clone()), i as u32, Some(pref)));
                    }
                }
            }
        }
        for (i, (replicas, leader)) in self.offsets_topic.iter_mut().enumerate() {
            if let Some(&pref) = replicas.first() {
                if is_live(pref) && *leader != Some(pref) {
                    *leader = Some(pref);
                    changed.push((None, i as u32, Some(pref)));
                }
            }
        }
        changed
    }
}

/// On a broker stopping, a partition led by a dead broker moves to the first live replica; on a broker
/// starting, an offline partition gets a leader again (preferred election waits for the imbalance check).
fn elect(
    replicas: &[u32],
    current: Option<u32>,
    is_live: impl Fn(u32) -> bool,
    _starting: bool,
) -> Option<u32> {
    match current {
        Some(l) if is_live(l) => Some(l),
        _ => replicas.iter().copied().find(|&b| is_live(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_spreads_leaders_round_robin() {
        let p = place_replicas(&[0, 1, 2], 6, 3, 0, (0, 0));
        let leaders: Vec<u32> = p.iter().map(|r| r[0]).collect();
        assert_eq!(leaders, vec![0, 1, 2, 0, 1, 2]);
        for r in &p {
            let mut s = r.clone();
            s.sort();
            s.dedup();
            assert_eq!(s.len(), 3, "replicas on distinct brokers: {r:?}");
        }
    }

    #[test]
    fn stopping_a_broker_moves_leadership() {
        let mut rng = SimRng::new(1);
        let cfg = ClusterConfig::default();
        let mut c = Cluster::new(&cfg, &mut rng);
        c.create_topic("t", 6, 3, &mut rng);
        let led_by_0: Vec<u32> = (0..6)
            .filter(|&i| c.partition("t", i).unwrap().leader == Some(0))
            .collect();
        assert!(!led_by_0.is_empty());
        c.set_broker_up(0, false);
        for i in 0..6 {
            assert_ne!(c.partition("t", i).unwrap().leader, Some(0));
            assert!(c.partition("t", i).unwrap().leader.is_some());
        }
        c.set_broker_up(0, true);
        c.elect_preferred_leaders();
        for i in led_by_0 {
            assert_eq!(c.partition("t", i).unwrap().leader, Some(0));
        }
    }
}
