//! AbstractStickyAssignor.GeneralAssignmentBuilder: members subscribe to different topics (KAFKA-12675, 3.0).
//!
//! 1. prepopulateCurrentAssignments: `prevAssignment` = for each partition, its owner in the highest generation
//!    below `maxGeneration` (members that missed the last generation).
//! 2. assignOwnedPartitions: keep each member's owned partitions that it still subscribes to; dropping any sets
//!    `revocationRequired`.
//! 3. balance: give each unassigned partition (topics with fewer potential consumers first) to the subscriber with
//!    the fewest partitions; then performReassignments, first over the unassigned partitions (unless a revocation
//!    is required), then over all, moving a partition while its owner has 2+ more than some other subscriber; the
//!    result is reverted if it is not more balanced than before the moves (getBalanceScore).
//!
//! Data structures differ from Java's (a per-topic ordered set answers "first subscriber in
//! sortedCurrentSubscriptions", isBalanced reads a per-topic index kept up to date move by move), but every
//! decision is Java's, in Java's order. Java's `maxGeneration` field is never reset between calls on one assignor instance; we use this call's.

use std::collections::{BTreeSet, HashMap};

use crate::collections::VecMap;

use super::{id_ranks, Partitions, Pidx, DEFAULT_GENERATION};
use crate::assignor::java::{java_cmp, JavaHashSet};
use crate::assignor::Group;

pub(crate) fn build(
    group: &Group,
    partitions: &Partitions,
    owned: Vec<Vec<Pidx>>,
    max_generation: i32,
) -> Vec<Vec<Pidx>> {
    let mut builder = Builder::new(group, partitions, max_generation);
    builder.assign_owned_partitions(group, owned);
    builder.balance();
    let mut lists = vec![Vec::new(); group.members.len()];
    for (p, owner) in builder.owner.iter().enumerate() {
        if let Some(c) = *owner {
            lists[c].push(p);
        }
    }
    lists
}

/// A (size, rank) key: the order of `sortedCurrentSubscriptions` (SubscriptionComparator: assignment size, then
/// member id). Sets of them stay `BTreeSet`s, not `VecSet`s: every move re-keys a member in the set of each topic
/// it could take, and with a thousand members a sorted `Vec`'s shifts made the sticky assignor twice as slow.
type SizeKey = (usize, usize);

struct Builder<'p> {
    partitions: &'p Partitions<'p>,
    rank: Vec<usize>,
    by_rank: Vec<usize>,
    /// consumer2AllPotentialTopics (topic indices).
    potential_topics: Vec<Vec<usize>>,
    /// topic2AllPotentialConsumers, counted.
    potential_consumers: Vec<usize>,
    /// getMaxAssignmentSize per member.
    max_assignment: Vec<usize>,
    /// sortedAllPartitions: topics by (potential consumers, name) (TopicComparator), then partition id.
    sorted_all_partitions: Vec<Pidx>,
    /// prevAssignment: partition -> (member, generation).
    prev_assignment: HashMap<Pidx, (usize, i32)>,
    /// currentPartitionConsumer / currentAssignment.
    owner: Vec<Option<usize>>,
    size: Vec<usize>,
    /// sortedCurrentSubscriptions; `participating[c]` is false once `c` is moved to fixedAssignments.
    sorted: BTreeSet<SizeKey>,
    participating: Vec<bool>,
    /// Per topic, its potential consumers ordered like sortedCurrentSubscriptions.
    subscribers: Vec<BTreeSet<SizeKey>>,
    revocation_required: bool,
    movements: PartitionMovements,
    /// What isBalanced needs, maintained move by move during performReassignments.
    index: BalanceIndex,
}

impl<'p> Builder<'p> {
    fn new(group: &Group, partitions: &'p Partitions<'p>, max_generation: i32) -> Self {
        let members = group.members.len();
        let topics = partitions.topics.len();
        let rank = id_ranks(group);
        let mut by_rank = vec![0; members];
        for (c, &r) in rank.iter().enumerate() {
            by_rank[r] = c;
        }
        let mut potential_consumers = vec![0usize; topics];
        let potential_topics: Vec<Vec<usize>> = group
            .members
            .iter()
            .map(|m| {
                m.topics
                    .iter()
                    .filter_map(|t| partitions.topic_index(t))
                    .collect()
            })
            .collect();
        for list in &potential_topics {
            for &t in list {
                potential_consumers[t] += 1;
            }
        }
        let max_assignment = potential_topics
            .iter()
            .map(|list| list.iter().map(|&t| partitions.topics[t].1 as usize).sum())
            .collect();
        let mut topic_order: Vec<usize> = (0..topics).collect();
        crate::collections::sort::sort_by(&mut topic_order, |&a, &b| {
            potential_consumers[a]
                .cmp(&potential_consumers[b])
                .then_with(|| java_cmp(partitions.topics[a].0, partitions.topics[b].0))
        });
        let sorted_all_partitions = topic_order
            .iter()
            .flat_map(|&t| {
                let (_, count, first, _) = partitions.topics[t];
                first..first + count as usize
            })
            .collect();

        // prepopulateCurrentAssignments: members older than maxGeneration (no generation counts as
        // DEFAULT_GENERATION) record their claims; on a tie the first member in HashMap order stays.
        let mut prev_assignment: HashMap<Pidx, (usize, i32)> = HashMap::new();
        for (c, m) in group.members.iter().enumerate() {
            let generation = m.generation.unwrap_or(DEFAULT_GENERATION);
            if generation >= max_generation {
                continue;
            }
            for tp in m.owned {
                if let Some(p) = partitions.index(tp) {
                    match prev_assignment.get(&p) {
                        Some(&(_, g)) if generation <= g => {}
                        _ => {
                            prev_assignment.insert(p, (c, generation));
                        }
                    }
                }
            }
        }

        Builder {
            partitions,
            rank,
            by_rank,
            potential_topics,
            potential_consumers,
            max_assignment,
            sorted_all_partitions,
            prev_assignment,
            owner: vec![None; partitions.total],
            size: vec![0; members],
            sorted: BTreeSet::new(),
            participating: vec![true; members],
            subscribers: vec![BTreeSet::new(); topics],
            revocation_required: false,
            movements: PartitionMovements::default(),
            index: BalanceIndex::default(),
        }
    }

    /// assignOwnedPartitions, then fill sortedCurrentSubscriptions.
    fn assign_owned_partitions(&mut self, group: &Group, owned: Vec<Vec<Pidx>>) {
        for (c, list) in owned.into_iter().enumerate() {
            for p in list {
                let topic = self.partitions.topics[self.partitions.topic_of[p]].0;
                if group.members[c].subscribes(topic) {
                    self.owner[p] = Some(c);
                    self.size[c] += 1;
                } else {
                    // No longer subscribed to its topic: it must be revoked.
                    self.revocation_required = true;
                }
            }
        }
        for c in 0..self.size.len() {
            let key = (self.size[c], self.rank[c]);
            self.sorted.insert(key);
            for &t in &self.potential_topics[c] {
                self.subscribers[t].insert(key);
            }
        }
    }

    fn set_size(&mut self, c: usize, new_size: usize) {
        let old = (self.size[c], self.rank[c]);
        let new = (new_size, self.rank[c]);
        if self.participating[c] {
            self.sorted.remove(&old);
            self.sorted.insert(new);
        }
        for &t in &self.potential_topics[c] {
            self.subscribers[t].remove(&old);
            self.subscribers[t].insert(new);
        }
        self.size[c] = new_size;
    }

    /// The first member of sortedCurrentSubscriptions that can take a partition of topic `t`.
    fn first_subscriber(&self, t: usize) -> Option<(usize, usize)> {
        self.subscribers[t]
            .first()
            .map(|&(size, r)| (self.by_rank[r], size))
    }

    fn balance(&mut self) {
        // Nothing assigned yet: the moves below need not beat the starting balance.
        let initializing = self.sorted.last().is_none_or(|&(size, _)| size == 0);

        // maybeAssign / maybeAssignPartition: each unassigned partition to the least loaded subscriber.
        let mut unassigned: Vec<Pidx> = self
            .sorted_all_partitions
            .iter()
            .copied()
            .filter(|&p| self.owner[p].is_none())
            .collect();
        for &p in &unassigned {
            let t = self.partitions.topic_of[p];
            if let Some((c, size)) = self.first_subscriber(t) {
                self.set_size(c, size + 1);
                self.owner[p] = Some(c);
            }
        }

        // Only topics with two or more potential consumers can be reassigned (canTopicParticipateInReassignment).
        let topic_of = &self.partitions.topic_of;
        let potential_consumers = &self.potential_consumers;
        self.sorted_all_partitions
            .retain(|&p| potential_consumers[topic_of[p]] >= 2);
        unassigned.retain(|&p| potential_consumers[topic_of[p]] >= 2);

        // canConsumerParticipateInReassignment: not yet holding all it could, or holding a movable partition.
        let mut participates: Vec<bool> = (0..self.size.len())
            .map(|c| self.size[c] < self.max_assignment[c])
            .collect();
        for (p, owner) in self.owner.iter().enumerate() {
            if let Some(c) = *owner {
                if self.potential_consumers[self.partitions.topic_of[p]] >= 2 {
                    participates[c] = true;
                }
            }
        }
        for (c, &participates) in participates.iter().enumerate() {
            if !participates {
                self.sorted.remove(&(self.size[c], self.rank[c]));
                self.participating[c] = false;
            }
        }

        self.build_index();
        let pre_owner = self.owner.clone();
        let pre_size = self.size.clone();
        let pre_score = self.balance_score(&pre_size);

        if !self.revocation_required {
            self.perform_reassignments(&unassigned);
        }
        let all = std::mem::take(&mut self.sorted_all_partitions);
        let reassignment_performed = self.perform_reassignments(&all);

        if !initializing && reassignment_performed && self.balance_score(&self.size) >= pre_score {
            self.owner = pre_owner;
            self.size = pre_size;
        }
    }

    /// getBalanceScore over the participating members: the sum of |size difference| over all pairs.
    fn balance_score(&self, sizes: &[usize]) -> i64 {
        let mut s: Vec<i64> = (0..sizes.len())
            .filter(|&c| self.participating[c])
            .map(|c| sizes[c] as i64)
            .collect();
        crate::collections::sort::sort(&mut s);
        let mut prefix = 0i64;
        let mut score = 0i64;
        for (i, &x) in s.iter().enumerate() {
            score += x * i as i64 - prefix;
            prefix += x;
        }
        score
    }

    /// isBalanced: sizes within one, or no member that lacks some of its potential partitions could take one
    /// from an owner that has 2+ more partitions than it.
    ///
    /// Java checks every (member, partition it could have but does not own) pair; an owner never beats itself
    /// (size > size + 1 is false), so per topic this is "its largest owner has 2+ more than its smallest
    /// unsaturated subscriber", which [`BalanceIndex`] keeps per topic as partitions move.
    fn is_balanced(&self) -> bool {
        let (Some(&(min, _)), Some(&(max, _))) = (self.sorted.first(), self.sorted.last()) else {
            return true;
        };
        min + 1 >= max || self.index.violations == 0
    }

    fn saturated(&self, c: usize) -> bool {
        self.size[c] == self.max_assignment[c]
    }

    /// Builds the [`BalanceIndex`] over the participating members (Java's allPartitions map skips the fixed ones).
    fn build_index(&mut self) {
        let topics = self.partitions.topics.len();
        let mut index = BalanceIndex {
            owned_topics: vec![VecMap::new(); self.size.len()],
            owners: vec![BTreeSet::new(); topics],
            unsaturated: vec![BTreeSet::new(); topics],
            violating: vec![false; topics],
            violations: 0,
        };
        for (p, owner) in self.owner.iter().enumerate() {
            if let Some(c) = *owner {
                *index.owned_topics[c]
                    .entry(self.partitions.topic_of[p])
                    .or_insert(0) += 1;
            }
        }
        self.index = index;
        for c in 0..self.size.len() {
            self.attach(c, &mut Vec::new());
        }
        for t in 0..topics {
            self.update_violation(t);
        }
    }

    /// Takes member `c` out of the index before its size changes; records the topics touched.
    fn detach(&mut self, c: usize, touched: &mut Vec<usize>) {
        if !self.participating[c] {
            return;
        }
        let key = (self.size[c], c);
        for &t in self.index.owned_topics[c].keys() {
            self.index.owners[t].remove(&key);
            touched.push(t);
        }
        if !self.saturated(c) {
            for &t in &self.potential_topics[c] {
                self.index.unsaturated[t].remove(&key);
                touched.push(t);
            }
        }
    }

    /// Puts member `c` back with its current size.
    fn attach(&mut self, c: usize, touched: &mut Vec<usize>) {
        if !self.participating[c] {
            return;
        }
        let key = (self.size[c], c);
        for &t in self.index.owned_topics[c].keys() {
            self.index.owners[t].insert(key);
            touched.push(t);
        }
        if !self.saturated(c) {
            for &t in &self.potential_topics[c] {
                self.index.unsaturated[t].insert(key);
                touched.push(t);
            }
        }
    }

    fn update_violation(&mut self, t: usize) {
        let violating = match (
            self.index.owners[t].last(),
            self.index.unsaturated[t].first(),
        ) {
            (Some(&(max_owner, _)), Some(&(min_unsaturated, _))) => max_owner > min_unsaturated + 1,
            _ => false,
        };
        if violating != self.index.violating[t] {
            self.index.violating[t] = violating;
            if violating {
                self.index.violations += 1;
            } else {
                self.index.violations -= 1;
            }
        }
    }

    /// performReassignments: repeat passes until one moves nothing.
    fn perform_reassignments(&mut self, reassignable: &[Pidx]) -> bool {
        let mut performed = false;
        loop {
            let mut modified = false;
            for &p in reassignable {
                if self.is_balanced() {
                    break;
                }
                let Some(c) = self.owner[p] else {
                    continue;
                };
                // Back to its owner of an older generation if that one has 2+ fewer. (Java would throw a
                // NullPointerException for an old owner among the fixed assignments; we skip it.)
                if let Some(&(prev, _)) = self.prev_assignment.get(&p) {
                    if self.participating[prev] && self.size[c] > self.size[prev] + 1 {
                        self.reassign_partition(p, prev);
                        performed = true;
                        modified = true;
                        continue;
                    }
                }
                // Otherwise to the least loaded subscriber if some subscriber has 2+ fewer.
                let t = self.partitions.topic_of[p];
                if let Some((new_owner, min)) = self.first_subscriber(t) {
                    if self.size[c] > min + 1 {
                        self.reassign_partition(p, new_owner);
                        performed = true;
                        modified = true;
                    }
                }
            }
            if !modified {
                return performed;
            }
        }
    }

    /// reassignPartition(partition, newConsumer): PartitionMovements may swap in a partition that earlier moved
    /// the opposite way, to keep stickiness.
    fn reassign_partition(&mut self, p: Pidx, new_owner: usize) {
        let Some(old) = self.owner[p] else {
            return;
        };
        let t = self.partitions.topic_of[p];
        let to_move = self
            .movements
            .actual_partition_to_move(p, t, old, new_owner);
        self.process_partition_movement(to_move, new_owner);
    }

    fn process_partition_movement(&mut self, p: Pidx, new_owner: usize) {
        let Some(old) = self.owner[p] else {
            return;
        };
        let t = self.partitions.topic_of[p];
        self.movements
            .move_partition(p, t, self.partitions.java_hash(p), old, new_owner);
        let mut touched = Vec::new();
        self.detach(old, &mut touched);
        if new_owner != old {
            self.detach(new_owner, &mut touched);
        }
        self.set_size(old, self.size[old].saturating_sub(1));
        self.set_size(new_owner, self.size[new_owner] + 1);
        self.owner[p] = Some(new_owner);
        if let Some(n) = self.index.owned_topics[old].get_mut(&t) {
            *n -= 1;
            if *n == 0 {
                self.index.owned_topics[old].remove(&t);
            }
        }
        *self.index.owned_topics[new_owner].entry(t).or_insert(0) += 1;
        self.attach(old, &mut touched);
        if new_owner != old {
            self.attach(new_owner, &mut touched);
        }
        crate::collections::sort::sort(&mut touched);
        touched.dedup();
        for t in touched {
            self.update_violation(t);
        }
    }
}

/// Per topic, the largest participating owner of its partitions and the smallest participating subscriber that
/// could still take more (isBalanced, see [`Builder::is_balanced`]).
#[derive(Default)]
struct BalanceIndex {
    /// Per member: topic -> how many of its partitions the member owns.
    owned_topics: Vec<VecMap<usize, usize>>,
    /// Per topic: (size, member) of the members owning some of its partitions.
    owners: Vec<BTreeSet<(usize, usize)>>,
    /// Per topic: (size, member) of its subscribers holding fewer than all partitions they could hold.
    unsaturated: Vec<BTreeSet<(usize, usize)>>,
    violating: Vec<bool>,
    violations: usize,
}

/// AbstractStickyAssignor.PartitionMovements: the net movement (src -> dst) of each moved partition, and per
/// topic and pair the set of partitions (a `HashSet`, whose first element decides which partition moves back).
#[derive(Default)]
struct PartitionMovements {
    movements: HashMap<Pidx, (usize, usize)>,
    by_topic: HashMap<usize, HashMap<(usize, usize), JavaHashSet<Pidx>>>,
    hashes: HashMap<Pidx, i32>,
}

impl PartitionMovements {
    fn remove_record(&mut self, p: Pidx, t: usize) -> Option<(usize, usize)> {
        let pair = self.movements.remove(&p)?;
        let hash = self.hashes.get(&p).copied().unwrap_or_default();
        if let Some(pairs) = self.by_topic.get_mut(&t) {
            if let Some(set) = pairs.get_mut(&pair) {
                set.remove(hash, &p);
                if set.is_empty() {
                    pairs.remove(&pair);
                }
            }
            if pairs.is_empty() {
                self.by_topic.remove(&t);
            }
        }
        Some(pair)
    }

    fn add_record(&mut self, p: Pidx, t: usize, hash: i32, pair: (usize, usize)) {
        self.movements.insert(p, pair);
        self.hashes.insert(p, hash);
        self.by_topic
            .entry(t)
            .or_default()
            .entry(pair)
            .or_default()
            .insert(hash, p);
    }

    /// movePartition: a partition that moves back to where it started has no movement left.
    fn move_partition(&mut self, p: Pidx, t: usize, hash: i32, old: usize, new: usize) {
        if self.movements.contains_key(&p) {
            if let Some((src, _)) = self.remove_record(p, t) {
                if src != new {
                    self.add_record(p, t, hash, (src, new));
                }
            }
        } else {
            self.add_record(p, t, hash, (old, new));
        }
    }

    /// getTheActualPartitionToBeMoved: if some partition of the topic moved from `new` to the original owner,
    /// move that one back instead.
    fn actual_partition_to_move(&self, p: Pidx, t: usize, old: usize, new: usize) -> Pidx {
        let Some(pairs) = self.by_topic.get(&t) else {
            return p;
        };
        let old = self.movements.get(&p).map_or(old, |&(src, _)| src);
        pairs
            .get(&(new, old))
            .and_then(JavaHashSet::first)
            .unwrap_or(p)
    }
}
