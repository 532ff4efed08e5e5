//! `uniform` when members subscribe to different topics (`UniformHeterogeneousAssignmentBuilder`): keep what is
//! still subscribed, give each unassigned partition to the least-loaded subscriber, then up to 16 balancing
//! rounds over the topics with two or more subscribers.
//!
//! A member's index is its position in `memberIds()` order; it breaks every tie.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::java_map::{capacity_for, JavaHashSet};
use super::spec::{deep_copy, GroupSpec, MemberTarget};
use super::uuid::Uuid;

/// UniformHeterogeneousAssignmentBuilder.MAX_ITERATION_COUNT.
const MAX_ITERATION_COUNT: usize = 16;

struct Builder<'s, 'a> {
    spec: &'s GroupSpec<'a>,
    /// topic -> subscriber indices, ascending.
    subscribers: BTreeMap<Uuid, Vec<usize>>,
    /// memberTargetAssignmentSizes.
    sizes: Vec<i64>,
    /// targetAssignmentPartitionOwners: topic -> partition -> member index, -1 for none.
    owners: BTreeMap<Uuid, Vec<i64>>,
    targets: Vec<MemberTarget>,
}

pub(crate) fn assign(spec: &GroupSpec<'_>) -> Vec<MemberTarget> {
    let mut subscribers: BTreeMap<Uuid, Vec<usize>> = BTreeMap::new();
    for (index, member) in spec.members.iter().enumerate() {
        for topic_id in &member.topic_ids {
            if spec.num_partitions(topic_id) >= 0 {
                subscribers.entry(*topic_id).or_default().push(index);
            }
        }
    }
    // UniformHeterogeneousAssignmentBuilder.build: no topic -> an empty GroupAssignment.
    if subscribers.is_empty() {
        return spec.members.iter().map(|_| MemberTarget::Absent).collect();
    }
    let owners = subscribers
        .keys()
        .map(|t| (*t, vec![-1; spec.num_partitions(t) as usize]))
        .collect();
    let mut builder = Builder {
        spec,
        subscribers,
        sizes: vec![0; spec.members.len()],
        owners,
        targets: Vec::with_capacity(spec.members.len()),
    };
    builder.keep_subscribed();
    let unassigned = builder.unassigned_partitions();
    builder.assign_unassigned(&unassigned);
    builder.balance();
    builder.targets
}

impl Builder<'_, '_> {
    fn partitions(&self, topic_id: &Uuid) -> i32 {
        self.spec.num_partitions(topic_id)
    }

    /// UniformHeterogeneousAssignmentBuilder.topicComparator: partitions per subscriber descending, then subscriber count ascending, then
    /// `Uuid.compareTo`.
    fn compare_topics(&self, a: &Uuid, b: &Uuid) -> Ordering {
        let (na, nb) = (self.subscribers[a].len(), self.subscribers[b].len());
        let ra = f64::from(self.partitions(a)) / na as f64;
        let rb = f64::from(self.partitions(b)) / nb as f64;
        rb.total_cmp(&ra).then(na.cmp(&nb)).then(a.cmp(b))
    }

    fn sort_topics(&self, topics: impl IntoIterator<Item = Uuid>) -> Vec<Uuid> {
        let mut sorted: Vec<Uuid> = topics.into_iter().collect();
        crate::collections::sort::sort_by(&mut sorted, |a, b| self.compare_topics(a, b));
        sorted
    }

    /// UniformHeterogeneousAssignmentBuilder.maybeRevokePartitions: keep the partitions of subscribed topics (recording owners and sizes); drop
    /// unsubscribed topics from a deep copy.
    fn keep_subscribed(&mut self) {
        for (index, member) in self.spec.members.iter().enumerate() {
            let mut copy = None;
            for (topic_id, partitions) in member.current {
                if member.subscribes(topic_id) && self.owners.contains_key(topic_id) {
                    self.sizes[index] += partitions.len() as i64;
                    let owners = self.owners.get_mut(topic_id).expect("checked above");
                    for &p in partitions {
                        if let Some(owner) = owners.get_mut(p as usize) {
                            *owner = index as i64;
                        }
                    }
                } else {
                    copy.get_or_insert_with(|| deep_copy(member.current))
                        .remove(topic_id);
                }
            }
            self.targets.push(match copy {
                Some(map) => MemberTarget::Sets(map),
                None => MemberTarget::Current,
            });
        }
    }

    /// UniformHeterogeneousAssignmentBuilder.computeUnassignedPartitions: per topic, the ownerless partitions in ascending order.
    fn unassigned_partitions(&self) -> BTreeMap<Uuid, Vec<i32>> {
        self.owners
            .iter()
            .map(|(t, owners)| {
                let free = (0..owners.len() as i32)
                    .filter(|&p| owners[p as usize] == -1)
                    .collect::<Vec<_>>();
                (*t, free)
            })
            .filter(|(_, free)| !free.is_empty())
            .collect()
    }

    /// UniformHeterogeneousAssignmentBuilder.assignRemainingPartitions: topics in comparator order; each partition to the least-loaded subscriber.
    fn assign_unassigned(&mut self, unassigned: &BTreeMap<Uuid, Vec<i32>>) {
        let mut balancer = Balancer::default();
        for topic_id in self.sort_topics(unassigned.keys().copied()) {
            balancer.initialize(&self.subscribers[&topic_id], &self.sizes);
            for &p in &unassigned[&topic_id] {
                let member = balancer.next_least_loaded(&self.sizes);
                self.assign_partition(topic_id, p, member);
            }
        }
    }

    /// UniformHeterogeneousAssignmentBuilder.balance: only topics with two or more subscribers can move.
    fn balance(&mut self) {
        let topics: Vec<Uuid> = self
            .subscribers
            .iter()
            .filter(|(_, subs)| subs.len() >= 2)
            .map(|(t, _)| *t)
            .collect();
        if topics.is_empty() {
            return;
        }
        // UniformHeterogeneousAssignmentBuilder.balanceTopics: stop once a full pass over the topics since the last move moved nothing.
        let sorted = self.sort_topics(topics);
        let mut last_rebalanced: Option<usize> = None;
        let mut balancer = Balancer::default();
        for _ in 0..MAX_ITERATION_COUNT {
            for (index, topic_id) in sorted.iter().enumerate() {
                if last_rebalanced == Some(index) {
                    return;
                }
                let moved = self.balance_topic(*topic_id, &mut balancer);
                if moved > 0 || last_rebalanced.is_none() {
                    last_rebalanced = Some(index);
                }
            }
        }
    }

    /// UniformHeterogeneousAssignmentBuilder.balanceTopic: move partitions from the most- to the least-loaded subscribers (by total size), taking
    /// each donor's highest partition of this topic, until sizes are within one.
    fn balance_topic(&mut self, topic_id: Uuid, balancer: &mut Balancer) -> usize {
        let mut moved = 0;
        let imbalance = balancer.initialize(&self.subscribers[&topic_id], &self.sizes);
        if imbalance <= 1 {
            return moved;
        }
        let owners = &self.owners[&topic_id];
        let mut partitions: Vec<i32> = (0..owners.len() as i32).collect();
        crate::collections::sort::sort_by_key(&mut partitions, |&p| (owners[p as usize], p));
        let mut start: BTreeMap<i64, i64> = BTreeMap::new();
        let mut end: BTreeMap<i64, i64> = BTreeMap::new(); // exclusive
        for (i, &p) in partitions.iter().enumerate() {
            let owner = owners[p as usize];
            start.entry(owner).or_insert(i as i64);
            end.insert(owner, i as i64 + 1);
        }
        while !balancer.is_balanced() {
            let mut donor = None;
            while let Some(m) = balancer.next_most_loaded(&self.sizes) {
                let key = m as i64;
                match end.get(&key) {
                    Some(&e) if e - start[&key] > 0 => {
                        donor = Some(m);
                        break;
                    }
                    _ => balancer.exclude_most_loaded(),
                }
            }
            let Some(donor) = donor else { break };
            let slot = end.get_mut(&(donor as i64)).expect("donor has partitions");
            let partition = partitions[(*slot - 1) as usize];
            *slot -= 1;
            let receiver = balancer.next_least_loaded(&self.sizes);
            if balancer.is_balanced() {
                break;
            }
            self.assign_partition(topic_id, partition, receiver);
            moved += 1;
        }
        moved
    }

    fn assign_partition(&mut self, topic_id: Uuid, partition: i32, member: usize) {
        let old = self.owners[&topic_id][partition as usize];
        if old != -1 {
            self.remove_partition(topic_id, partition, old as usize);
        }
        self.add_partition(topic_id, partition, member);
    }

    /// AssignorHelpers.deepCopyAssignment: the member's target as a mutable map: an immutable (kept) one is deep-copied first.
    fn mutable_target(
        &mut self,
        member: usize,
    ) -> &mut super::java_map::JavaHashMap<Uuid, JavaHashSet<i32>> {
        if !matches!(self.targets[member], MemberTarget::Sets(_)) {
            self.targets[member] = MemberTarget::Sets(deep_copy(self.spec.members[member].current));
        }
        match &mut self.targets[member] {
            MemberTarget::Sets(map) => map,
            _ => unreachable!("made mutable above"),
        }
    }

    /// UniformHeterogeneousAssignmentBuilder.addPartitionToTargetAssignment: a new topic set is `new HashSet<>((int)(ceil(partitions/subscribers)
    /// / 0.75f) + 1)`.
    fn add_partition(&mut self, topic_id: Uuid, partition: i32, member: usize) {
        let subscribers = self.subscribers[&topic_id].len() as i32;
        let per_subscriber = (self.partitions(&topic_id) + subscribers - 1) / subscribers;
        self.mutable_target(member)
            .compute_if_absent(topic_id, || {
                JavaHashSet::with_capacity(capacity_for(per_subscriber.max(0) as usize))
            })
            .add(partition);
        self.owners.get_mut(&topic_id).expect("subscribed topic")[partition as usize] =
            member as i64;
        self.sizes[member] += 1;
    }

    /// UniformHeterogeneousAssignmentBuilder.removePartitionFromTargetAssignment: an emptied topic is removed from the map.
    fn remove_partition(&mut self, topic_id: Uuid, partition: i32, member: usize) {
        let map = self.mutable_target(member);
        if let Some(set) = map.get_mut(&topic_id) {
            set.remove(&partition);
            if set.is_empty() {
                map.remove(&topic_id);
            }
        }
        self.owners.get_mut(&topic_id).expect("subscribed topic")[partition as usize] = -1;
        self.sizes[member] -= 1;
    }
}

/// UniformHeterogeneousAssignmentBuilder.MemberAssignmentBalancer: walks a topic's subscribers sorted by (total size, index) from both ends.
#[derive(Default)]
struct Balancer {
    sorted: Vec<usize>,
    least_loaded_end: usize, // exclusive
    least_loaded_count: i64,
    next_least_loaded: usize,
    most_loaded_start: usize, // inclusive
    most_loaded_end: usize,   // exclusive
    most_loaded_count: i64,
    next_most_loaded: i64,
}

impl Balancer {
    /// Returns the imbalance (largest minus smallest size) among `members`.
    fn initialize(&mut self, members: &[usize], sizes: &[i64]) -> i64 {
        self.sorted.clear();
        self.sorted.extend_from_slice(members);
        crate::collections::sort::sort_by_key(&mut self.sorted, |&m| (sizes[m], m));
        let first = sizes[self.sorted[0]];
        let last = sizes[self.sorted[self.sorted.len() - 1]];
        self.least_loaded_end = 0;
        self.least_loaded_count = first - 1;
        self.next_least_loaded = 0;
        self.most_loaded_start = self.sorted.len();
        self.most_loaded_end = self.sorted.len();
        self.most_loaded_count = last + 1;
        self.next_most_loaded = self.sorted.len() as i64 - 1;
        last - first
    }

    /// Round-robins over the members of the smallest size, widening the range as sizes grow.
    fn next_least_loaded(&mut self, sizes: &[i64]) -> usize {
        if self.next_least_loaded >= self.least_loaded_end {
            self.least_loaded_count += 1;
            while self.least_loaded_end < self.sorted.len()
                && sizes[self.sorted[self.least_loaded_end]] == self.least_loaded_count
            {
                self.least_loaded_end += 1;
            }
            self.next_least_loaded = 0;
        }
        let member = self.sorted[self.next_least_loaded];
        self.next_least_loaded += 1;
        member
    }

    /// Round-robins backwards over the members of the largest size; None when none is left.
    fn next_most_loaded(&mut self, sizes: &[i64]) -> Option<usize> {
        if self.next_most_loaded < self.most_loaded_start as i64 {
            if self.most_loaded_end <= self.most_loaded_start && self.most_loaded_start > 0 {
                self.most_loaded_count = sizes[self.sorted[self.most_loaded_start - 1]];
            } else {
                self.most_loaded_count -= 1;
            }
            while self.most_loaded_start > 0
                && sizes[self.sorted[self.most_loaded_start - 1]] == self.most_loaded_count
            {
                self.most_loaded_start -= 1;
            }
            self.next_most_loaded = self.most_loaded_end as i64 - 1;
        }
        if self.next_most_loaded < 0 {
            return None;
        }
        let member = self.sorted[self.next_most_loaded as usize];
        self.next_most_loaded -= 1;
        Some(member)
    }

    /// Drops the member just returned by `next_most_loaded` from the most-loaded range.
    fn exclude_most_loaded(&mut self) {
        let at = (self.next_most_loaded + 1) as usize;
        self.sorted.swap(at, self.most_loaded_end - 1);
        self.most_loaded_end -= 1;
    }

    fn is_balanced(&self) -> bool {
        self.most_loaded_count - self.least_loaded_count <= 1
    }
}
