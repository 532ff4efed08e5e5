//! A read-only snapshot of the world for the UI, tests and `window.grouplab.state()`, as serde structs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assignor::AssignorName;
use crate::config::{ClientProfile, GroupProtocol};
use crate::consumer::{ConsumerStatus, MemberState};
use crate::coordinator::CoordinatorLookup;
use crate::group::GenerationRecord;
use crate::group::GroupState;
use crate::net::{Api, Endpoint, ErrorCode};
use crate::partitioner::Partitioner;
use crate::sim::Sim;
use crate::topic_partition::TopicPartition;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorldView {
    pub time_ms: u64,
    pub seed: u64,
    pub brokers: Vec<BrokerView>,
    pub topics: Vec<TopicView>,
    pub groups: Vec<GroupView>,
    pub consumers: Vec<ConsumerView>,
    pub producers: Vec<ProducerView>,
    pub in_flight: Vec<MessageView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrokerView {
    pub id: u32,
    pub up: bool,
    /// Groups this broker coordinates.
    pub coordinates: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopicView {
    pub name: String,
    pub partitions: Vec<PartitionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartitionView {
    pub partition: u32,
    pub leader: Option<u32>,
    pub replicas: Vec<u32>,
    pub log_start_offset: u64,
    pub log_end_offset: u64,
    /// The newest records still in memory (at most `records_limit` of them).
    pub records: Vec<RecordView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordView {
    pub offset: u64,
    pub key: Option<String>,
    pub value: String,
    pub timestamp_ms: u64,
    pub producer: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoordinatorView {
    pub broker: Option<u32>,
    pub offsets_partition: u32,
    pub lookup: CoordinatorLookup,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub member_id: String,
    pub client_id: String,
    pub group_instance_id: Option<String>,
    /// The host the member connects from: only members of an imported group have one (hosts are not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_host: Option<String>,
    pub consumer: String,
    pub is_leader: bool,
    pub subscribed: Vec<String>,
    /// The coordinator's view: the member's share in the current generation, as `topic/partition` (consumer
    /// protocol: what the member may own now).
    pub assigned: Vec<String>,
    /// KIP-848 members only: the member epoch (-2: a static member that left temporarily).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_epoch: Option<i32>,
    /// KIP-848 members only: STABLE, UNREVOKED_PARTITIONS, UNRELEASED_PARTITIONS (modern/MemberState).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_state: Option<String>,
    /// KIP-848 members only: partitions it must revoke before it moves on, as `topic/partition`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoking: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub group_id: String,
    pub state: GroupState,
    pub generation_id: i32,
    /// The selected assignor (the group's protocol name).
    pub assignor: Option<AssignorName>,
    pub leader: Option<String>,
    pub coordinator: CoordinatorView,
    pub members: Vec<MemberView>,
    /// `topic/partition` -> committed offset (the next offset the group will read).
    pub committed: BTreeMap<String, u64>,
    /// `topic/partition` -> log-end offset - committed, for partitions with a commit.
    pub lag: BTreeMap<String, u64>,
    pub records_redelivered: u64,
    pub history: Vec<GenerationRecord>,
    /// `classic` or `consumer` (KIP-848); absent from the JSON for a classic group.
    #[serde(default, skip_serializing_if = "is_classic")]
    pub protocol: GroupProtocol,
    /// KIP-848 groups only (absent for classic groups): the group epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_epoch: Option<i32>,
    /// KIP-848: the group epoch the target assignment was computed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment_epoch: Option<i32>,
    /// KIP-848: the server-side assignor of the last target assignment (`uniform`, `range`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_assignor: Option<String>,
    /// KIP-848: member id -> its target partitions, as `topic/partition`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_assignment: Option<BTreeMap<String, Vec<String>>>,
    /// A classic group in PreparingRebalance: how long the coordinator waits for JoinGroups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_wait: Option<JoinWait>,
}

/// The coordinator's wait for JoinGroups (DelayedJoin): until every member rejoined, at the latest `deadline_ms`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinWait {
    pub deadline_ms: u64,
    /// The first rebalance of an empty group waits this long for more members whatever happens
    /// (`group.initial.rebalance.delay.ms`, GroupCoordinator's InitialDelayedJoin); None for a later rebalance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_delay_ms: Option<u64>,
    /// How often that delay was extended because a member joined during it (InitialDelayedJoin.onComplete).
    #[serde(default)]
    pub extensions: u32,
    /// Members whose JoinGroup the coordinator holds, of `members` (ClassicGroup.hasAllMembersJoined).
    #[serde(default)]
    pub rejoined: u32,
    #[serde(default)]
    pub members: u32,
}

fn is_classic(p: &GroupProtocol) -> bool {
    *p == GroupProtocol::Classic
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsumerView {
    pub name: String,
    pub profile: ClientProfile,
    pub status: ConsumerStatus,
    pub client_id: String,
    pub group_id: Option<String>,
    pub group_instance_id: Option<String>,
    pub member_id: String,
    pub member_state: MemberState,
    /// The client knows it must rejoin (a heartbeat answered REBALANCE_IN_PROGRESS, or its subscription
    /// changed): a Java consumer revokes and sends JoinGroup in its next poll() (ConsumerCoordinator.poll).
    pub rejoin_needed: bool,
    pub generation_id: i32,
    pub is_leader: bool,
    pub standalone: bool,
    pub console: bool,
    pub topics: Vec<String>,
    pub strategies: Vec<AssignorName>,
    /// What the client owns now (during a cooperative rebalance it keeps these).
    pub assigned: Vec<String>,
    /// `topic/partition` -> position (next offset to fetch).
    pub positions: BTreeMap<String, u64>,
    pub records_per_sec: Option<u32>,
    pub records_delivered: u64,
    pub records_redelivered: u64,
    pub last_poll_ms: u64,
    pub max_poll_interval_ms: u64,
    pub session_timeout_ms: u64,
    /// `group.protocol`; absent from the JSON for `classic`.
    #[serde(default, skip_serializing_if = "is_classic")]
    pub group_protocol: GroupProtocol,
    /// KIP-848 only: the member epoch the coordinator gave (0: not in the group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_epoch: Option<i32>,
    /// KIP-848 only: the client's membership state (UNSUBSCRIBED, JOINING, RECONCILING, ACKNOWLEDGING, STABLE,
    /// FENCED, STALE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership_state: Option<String>,
    /// KIP-848 only: `group.remote.assignor`, when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_assignor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProducerView {
    pub name: String,
    pub profile: ClientProfile,
    pub client_id: String,
    pub partitioner: Partitioner,
    pub records_sent: u64,
    /// (topic, records per second)
    pub rates: Vec<(String, u32)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: u64,
    pub api: Api,
    pub request: bool,
    pub error: Option<ErrorCode>,
    pub from: Endpoint,
    pub to: Endpoint,
    pub from_name: String,
    pub to_name: String,
    pub sent_at_ms: u64,
    pub arrives_at_ms: u64,
    /// Records carried (Produce requests).
    pub records: u32,
    /// `topic/partition` of a Produce request or response.
    pub tp: Option<String>,
}

impl Sim {
    /// The newest records (at most `limit`) of one partition; empty for an unknown partition. With
    /// `view(0)`, lets a big world's UI copy records only for the partitions it shows.
    pub fn records_view(&self, topic: &str, partition: u32, limit: usize) -> Vec<RecordView> {
        self.cluster
            .topics
            .get(topic)
            .and_then(|t| t.partitions.get(partition as usize))
            .map_or_else(Vec::new, |p| self.record_views(&p.log, limit))
    }

    fn record_views(&self, log: &crate::log::PartitionLog, limit: usize) -> Vec<RecordView> {
        self.records_into(Vec::new(), log, limit)
    }

    /// The newest `limit` records of `log`, reusing the ones of `old` (an earlier window of it) that are
    /// still in it: a record never changes, so only the newest need new strings.
    fn records_into(
        &self,
        mut old: Vec<RecordView>,
        log: &crate::log::PartitionLog,
        limit: usize,
    ) -> Vec<RecordView> {
        let skip = log.records().len().saturating_sub(limit);
        let mut out = Vec::with_capacity(log.records().len() - skip);
        for r in log.records().skip(skip) {
            let producer = self.endpoint_name(Endpoint::Producer(r.producer));
            let kept = old
                .binary_search_by_key(&r.offset, |o| o.offset)
                .ok()
                .filter(|&i| {
                    let o = &old[i];
                    o.timestamp_ms == r.timestamp_ms
                        && o.key.as_deref() == r.key.as_deref()
                        && *o.producer == *producer
                        && match r.value.as_deref() {
                            Some(v) => o.value == v,
                            None => is_placeholder(&o.value, r.offset),
                        }
                });
            out.push(match kept {
                Some(i) => std::mem::replace(
                    &mut old[i],
                    RecordView {
                        offset: u64::MAX,
                        key: None,
                        value: String::new(),
                        timestamp_ms: 0,
                        producer: String::new(),
                    },
                ),
                None => RecordView {
                    offset: r.offset,
                    key: r.key.as_deref().map(str::to_string),
                    value: r
                        .value
                        .as_deref()
                        .map_or_else(|| format!("m{}", r.offset), str::to_string),
                    timestamp_ms: r.timestamp_ms,
                    producer: producer.to_string(),
                },
            });
        }
        out
    }

    /// A snapshot of everything, with at most `records_limit` records per partition.
    pub fn view(&self, records_limit: usize) -> WorldView {
        let mut v = WorldView::default();
        self.view_into(&mut v, records_limit);
        v
    }

    /// Makes `v` what [`Sim::view`] returns, reusing the strings, lists and maps of whatever view `v` held
    /// (any earlier one, of this world or another): frame after frame most of a big world's view is the same
    /// (the stress world's has about 15 000 `topic/partition` strings), so building it anew costs mostly
    /// allocating and freeing. The result never depends on what `v` held.
    pub fn view_into(&self, v: &mut WorldView, records_limit: usize) {
        let mut scratch = String::new();
        v.time_ms = self.now();
        v.seed = self.seed();

        let mut old = std::mem::take(&mut v.brokers).into_iter();
        v.brokers = self
            .cluster
            .brokers
            .iter()
            .map(|b| {
                let mut o = old.next();
                let mut coordinates = take(&mut o, |o| &mut o.coordinates);
                let mut n = 0;
                for g in self.groups.iter().filter(|g| g.coordinator == Some(b.id)) {
                    set_item(&mut coordinates, n, &g.group_id);
                    n += 1;
                }
                coordinates.truncate(n);
                BrokerView {
                    id: b.id,
                    up: b.up,
                    coordinates,
                }
            })
            .collect();

        let mut old = std::mem::take(&mut v.topics).into_iter();
        v.topics = self
            .cluster
            .topics
            .values()
            .map(|t| {
                let mut o = old.next();
                let mut old_parts = take(&mut o, |o| &mut o.partitions).into_iter();
                TopicView {
                    name: text(take(&mut o, |o| &mut o.name), &t.name),
                    partitions: t
                        .partitions
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let mut o = old_parts.next();
                            let mut replicas = take(&mut o, |o| &mut o.replicas);
                            replicas.clone_from(&p.replicas);
                            PartitionView {
                                partition: i as u32,
                                leader: p.leader,
                                replicas,
                                log_start_offset: p.log.log_start_offset(),
                                log_end_offset: p.log.log_end_offset(),
                                records: self.records_into(
                                    take(&mut o, |o| &mut o.records),
                                    &p.log,
                                    records_limit,
                                ),
                            }
                        })
                        .collect(),
                }
            })
            .collect();

        let mut old = std::mem::take(&mut v.groups).into_iter();
        v.groups = self
            .groups
            .iter()
            .map(|g| self.group_view(g, old.next(), &mut scratch))
            .collect();

        let mut old = std::mem::take(&mut v.consumers).into_iter();
        v.consumers = self
            .consumers
            .iter()
            .map(|c| {
                let mut o = old.next();
                let mut topics = take(&mut o, |o| &mut o.topics);
                topics.clone_from(&c.topics);
                let mut strategies = take(&mut o, |o| &mut o.strategies);
                strategies.clone_from(&c.cfg.partition_assignment_strategy);
                // A crashed or closed process owns nothing, whatever its last assignment was.
                let owned: &[TopicPartition] = if c.is_running() { c.owned() } else { &[] };
                ConsumerView {
                    name: text(take(&mut o, |o| &mut o.name), &c.name),
                    profile: c.cfg.profile,
                    status: c.status.clone(),
                    client_id: text(take(&mut o, |o| &mut o.client_id), &c.cfg.client_id),
                    group_id: opt_text(
                        take(&mut o, |o| &mut o.group_id),
                        c.cfg.group_id.as_deref(),
                    ),
                    group_instance_id: opt_text(
                        take(&mut o, |o| &mut o.group_instance_id),
                        c.cfg.group_instance_id.as_deref(),
                    ),
                    member_id: text(take(&mut o, |o| &mut o.member_id), &c.member_id),
                    member_state: c.member_state,
                    rejoin_needed: c.rejoin_needed,
                    generation_id: c.generation_id,
                    is_leader: !c.member_id.is_empty() && c.leader_id == c.member_id,
                    standalone: c.manual_assignment.is_some(),
                    console: c.console.is_some(),
                    topics,
                    strategies,
                    assigned: tp_keys(take(&mut o, |o| &mut o.assigned), owned, &mut scratch),
                    positions: tp_map(
                        take(&mut o, |o| &mut o.positions),
                        c.positions.iter().map(|(tp, &o)| (tp, o)),
                        &mut scratch,
                    ),
                    records_per_sec: c.records_per_sec,
                    records_delivered: c.records_delivered,
                    records_redelivered: c.records_redelivered,
                    last_poll_ms: c.last_poll_ms,
                    max_poll_interval_ms: c.cfg.max_poll_interval_ms,
                    session_timeout_ms: c.cfg.session_timeout_ms,
                    group_protocol: c.cfg.group_protocol,
                    member_epoch: c.uses_consumer_protocol().then_some(c.member_epoch),
                    membership_state: c
                        .uses_consumer_protocol()
                        .then(|| c.cg_state.name().to_string()),
                    remote_assignor: c.cfg.group_remote_assignor.clone(),
                }
            })
            .collect();

        v.producers = self
            .producers
            .iter()
            .map(|p| ProducerView {
                name: p.name.to_string(),
                profile: p.cfg.profile,
                client_id: p.cfg.client_id.clone(),
                partitioner: p.cfg.partitioner,
                records_sent: p.records_sent,
                rates: p
                    .rates
                    .iter()
                    .map(|(t, r)| (t.clone(), r.records_per_sec))
                    .collect(),
            })
            .collect();
        v.in_flight = self
            .in_flight
            .values()
            .map(|m| MessageView {
                id: m.id,
                api: m.payload.api(),
                request: m.payload.is_request(),
                error: m.payload.error(),
                from: m.from,
                to: m.to,
                from_name: self.endpoint_name(m.from).to_string(),
                to_name: self.endpoint_name(m.to).to_string(),
                sent_at_ms: m.sent_at_ms,
                arrives_at_ms: m.arrives_at_ms,
                records: match &m.payload {
                    crate::net::Payload::ProduceRequest { records, .. } => records.len() as u32,
                    _ => 0,
                },
                tp: match &m.payload {
                    crate::net::Payload::ProduceRequest { tp, .. }
                    | crate::net::Payload::ProduceResponse { tp, .. } => Some(tp.key()),
                    _ => None,
                },
            })
            .collect();
    }

    fn group_view(
        &self,
        g: &crate::group::Group,
        mut o: Option<GroupView>,
        scratch: &mut String,
    ) -> GroupView {
        let (lookup, broker) = self.coordinator_lookup(&g.group_id);
        let committed = tp_map(
            take(&mut o, |o| &mut o.committed),
            g.offsets.iter().map(|(tp, c)| (tp, c.offset)),
            scratch,
        );
        let lag = tp_map(
            take(&mut o, |o| &mut o.lag),
            g.offsets.iter().filter_map(|(tp, c)| {
                let leo = self
                    .cluster
                    .partition(&tp.topic, tp.partition)?
                    .log
                    .log_end_offset();
                Some((tp, leo.saturating_sub(c.offset)))
            }),
            scratch,
        );
        let records_redelivered = self.deliveries.redelivered(&g.group_id);
        if g.is_consumer_group() {
            return self.consumer_group_view(g, o, committed, lag, records_redelivered, scratch);
        }
        let mut old_members = take(&mut o, |o| &mut o.members).into_iter();
        let members = g
            .members
            .iter()
            .map(|m| {
                let mut o = old_members.next();
                let mut subscribed = take(&mut o, |o| &mut o.subscribed);
                subscribed.clone_from(&m.subscription.topics);
                MemberView {
                    member_id: text(take(&mut o, |o| &mut o.member_id), &m.member_id),
                    client_id: text(take(&mut o, |o| &mut o.client_id), &m.client_id),
                    group_instance_id: opt_text(
                        take(&mut o, |o| &mut o.group_instance_id),
                        m.group_instance_id.as_deref(),
                    ),
                    client_host: m.client_host.clone(),
                    consumer: text(
                        take(&mut o, |o| &mut o.consumer),
                        &self.endpoint_name(Endpoint::Consumer(m.consumer)),
                    ),
                    is_leader: g.is_leader(&m.member_id),
                    subscribed,
                    assigned: tp_keys(take(&mut o, |o| &mut o.assigned), &m.assignment, scratch),
                    member_epoch: None,
                    member_state: None,
                    revoking: None,
                }
            })
            .collect();
        // Generation records never change once written: compared, not copied again.
        let mut history = take(&mut o, |o| &mut o.history);
        if history != g.history {
            history.clone_from(&g.history);
        }
        GroupView {
            group_id: text(take(&mut o, |o| &mut o.group_id), &g.group_id),
            state: g.state,
            generation_id: g.generation_id,
            assignor: g.protocol,
            leader: g.leader.clone(),
            coordinator: CoordinatorView {
                broker: broker.or(g.coordinator),
                offsets_partition: lookup.offsets_partition,
                lookup,
            },
            members,
            committed,
            lag,
            records_redelivered,
            history,
            protocol: GroupProtocol::Classic,
            group_epoch: None,
            assignment_epoch: None,
            server_assignor: None,
            target_assignment: None,
            join_wait: self.join_wait(g),
        }
    }

    /// The JoinGroup wait of a classic group in PreparingRebalance. The initial delay's budget starts at the
    /// rebalance timeout minus one delay and loses one delay per extension, so the extensions are counted back.
    fn join_wait(&self, g: &crate::group::Group) -> Option<JoinWait> {
        if g.state != crate::group::GroupState::PreparingRebalance {
            return None;
        }
        let deadline_ms = g.join_deadline?;
        let delay = self.config.group_initial_rebalance_delay_ms;
        let initial = g.initial_delay_remaining.filter(|_| delay > 0);
        let extensions = initial.map_or(0, |left| {
            let budget = g.rebalance_timeout_ms().saturating_sub(delay);
            (budget.saturating_sub(left) / delay) as u32
        });
        Some(JoinWait {
            deadline_ms,
            initial_delay_ms: initial.map(|_| delay),
            extensions,
            rejoined: g.members.iter().filter(|m| m.awaiting_join).count() as u32,
            members: g.members.len() as u32,
        })
    }

    /// A KIP-848 group: epochs, target assignment, members with their epochs and states.
    fn consumer_group_view(
        &self,
        g: &crate::group::Group,
        mut o: Option<GroupView>,
        committed: BTreeMap<String, u64>,
        lag: BTreeMap<String, u64>,
        records_redelivered: u64,
        scratch: &mut String,
    ) -> GroupView {
        let (lookup, broker) = self.coordinator_lookup(&g.group_id);
        let mut old_members = take(&mut o, |o| &mut o.members).into_iter();
        let members =
            g.cg.members
                .iter()
                .map(|m| {
                    let mut o = old_members.next();
                    let mut subscribed = take(&mut o, |o| &mut o.subscribed);
                    subscribed.clone_from(&m.subscribed_topics);
                    MemberView {
                        member_id: text(take(&mut o, |o| &mut o.member_id), &m.member_id),
                        client_id: text(take(&mut o, |o| &mut o.client_id), &m.client_id),
                        group_instance_id: m.instance_id.clone(),
                        client_host: None,
                        consumer: text(
                            take(&mut o, |o| &mut o.consumer),
                            &self.endpoint_name(Endpoint::Consumer(m.consumer)),
                        ),
                        is_leader: false,
                        subscribed,
                        assigned: tp_keys(take(&mut o, |o| &mut o.assigned), &m.assigned, scratch),
                        member_epoch: Some(m.member_epoch),
                        member_state: Some(m.state.name().to_string()),
                        revoking: Some(tp_keys(
                            take(&mut o, |o| &mut o.revoking).unwrap_or_default(),
                            &m.pending_revocation,
                            scratch,
                        )),
                    }
                })
                .collect();
        let target =
            g.cg.target
                .iter()
                .map(|(m, tps)| (m.clone(), tps.iter().map(TopicPartition::key).collect()))
                .collect();
        GroupView {
            group_id: text(take(&mut o, |o| &mut o.group_id), &g.group_id),
            state: g.state,
            // The group epoch plays the generation's part.
            generation_id: g.cg.group_epoch,
            assignor: None,
            leader: None,
            coordinator: CoordinatorView {
                broker: broker.or(g.coordinator),
                offsets_partition: lookup.offsets_partition,
                lookup,
            },
            members,
            committed,
            lag,
            records_redelivered,
            history: Vec::new(),
            protocol: GroupProtocol::Consumer,
            group_epoch: Some(g.cg.group_epoch),
            assignment_epoch: Some(g.cg.assignment_epoch),
            server_assignor: g.cg.assignor.clone(),
            target_assignment: Some(target),
            // No JoinGroup phase in the consumer protocol (KIP-848).
            join_wait: None,
        }
    }
}

/// Whether `value` is `m{offset}`, what a record without a value shows (compared digit by digit).
fn is_placeholder(value: &str, offset: u64) -> bool {
    let Some(digits) = value.strip_prefix('m') else {
        return false;
    };
    let digits = digits.as_bytes();
    let (mut i, mut n) = (digits.len(), offset);
    while i > 0 {
        i -= 1;
        if digits[i] != b'0' + (n % 10) as u8 {
            return false;
        }
        n /= 10;
        if n == 0 {
            return i == 0;
        }
    }
    false
}

/// Field `f` of an earlier view's item, taken out of it (empty without one).
fn take<T, F: Default>(old: &mut Option<T>, f: impl FnOnce(&mut T) -> &mut F) -> F {
    old.as_mut()
        .map(|o| std::mem::take(f(o)))
        .unwrap_or_default()
}

/// `s` in `old`'s buffer.
fn text(mut old: String, s: &str) -> String {
    if old != s {
        old.clear();
        old.push_str(s);
    }
    old
}

fn opt_text(old: Option<String>, s: Option<&str>) -> Option<String> {
    s.map(|s| text(old.unwrap_or_default(), s))
}

/// Item `i` of `v` set to `s` (pushed if `v` is shorter).
fn set_item(v: &mut Vec<String>, i: usize, s: &str) {
    match v.get_mut(i) {
        Some(item) => {
            if item != s {
                item.clear();
                item.push_str(s);
            }
        }
        None => v.push(s.to_string()),
    }
}

/// The `topic/partition` names of `tps`, in `old`'s strings.
fn tp_keys<'a>(
    mut old: Vec<String>,
    tps: impl IntoIterator<Item = &'a TopicPartition>,
    scratch: &mut String,
) -> Vec<String> {
    let mut n = 0;
    for tp in tps {
        tp.write_key(scratch);
        set_item(&mut old, n, scratch);
        n += 1;
    }
    old.truncate(n);
    old
}

/// The map `topic/partition` -> value of `entries`, built by inserting (`collect()` would compile a copy of std's
/// sort). These maps stay `BTreeMap`s, not `VecMap`s: every frame looks up each of a big world's thousands of keys,
/// and a binary search over heap strings made `view_into` of the stress world about a third slower.
fn fresh_tp_map<'a>(
    entries: impl IntoIterator<Item = (&'a TopicPartition, u64)>,
) -> BTreeMap<String, u64> {
    let mut map = BTreeMap::new();
    for (tp, v) in entries {
        map.insert(tp.key(), v);
    }
    map
}

/// The map `topic/partition` -> value of `entries` (distinct partitions), updating `old` in place: its keys
/// are kept when they are the same set, the usual case.
fn tp_map<'a>(
    mut old: BTreeMap<String, u64>,
    entries: impl IntoIterator<Item = (&'a TopicPartition, u64)> + Clone,
    scratch: &mut String,
) -> BTreeMap<String, u64> {
    if old.is_empty() {
        return fresh_tp_map(entries);
    }
    let mut n = 0;
    for (tp, value) in entries.clone() {
        tp.write_key(scratch);
        match old.get_mut(scratch.as_str()) {
            Some(v) => *v = value,
            None => {
                old.insert(scratch.clone(), value);
            }
        }
        n += 1;
    }
    // Every entry is in the map now; more keys than entries means some are gone: start again.
    if old.len() != n {
        old = fresh_tp_map(entries);
    }
    old
}
