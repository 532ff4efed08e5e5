//! A read-only snapshot of the world for the UI, tests and `window.grouplab.state()`, as serde structs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assignor::AssignorName;
use crate::config::ClientProfile;
use crate::consumer::{ConsumerStatus, MemberState};
use crate::coordinator::CoordinatorLookup;
use crate::event::GroupState;
use crate::group::GenerationRecord;
use crate::net::{Api, Endpoint, ErrorCode};
use crate::partitioner::Partitioner;
use crate::sim::Sim;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// The coordinator's view: the member's share in the current generation, as `topic/partition`.
    pub assigned: Vec<String>,
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
        let skip = log.records().len().saturating_sub(limit);
        log.records()
            .skip(skip)
            .map(|r| RecordView {
                offset: r.offset,
                key: r.key.as_deref().map(str::to_string),
                value: r
                    .value
                    .as_deref()
                    .map_or_else(|| format!("m{}", r.offset), str::to_string),
                timestamp_ms: r.timestamp_ms,
                producer: self
                    .endpoint_name(Endpoint::Producer(r.producer))
                    .to_string(),
            })
            .collect()
    }

    /// A snapshot of everything, with at most `records_limit` records per partition.
    pub fn view(&self, records_limit: usize) -> WorldView {
        let coordinates = |b: u32| -> Vec<String> {
            self.groups
                .iter()
                .filter(|g| g.coordinator == Some(b))
                .map(|g| g.group_id.clone())
                .collect()
        };
        WorldView {
            time_ms: self.now(),
            seed: self.seed(),
            brokers: self
                .cluster
                .brokers
                .iter()
                .map(|b| BrokerView {
                    id: b.id,
                    up: b.up,
                    coordinates: coordinates(b.id),
                })
                .collect(),
            topics: self
                .cluster
                .topics
                .values()
                .map(|t| TopicView {
                    name: t.name.to_string(),
                    partitions: t
                        .partitions
                        .iter()
                        .enumerate()
                        .map(|(i, p)| PartitionView {
                            partition: i as u32,
                            leader: p.leader,
                            replicas: p.replicas.clone(),
                            log_start_offset: p.log.log_start_offset(),
                            log_end_offset: p.log.log_end_offset(),
                            records: self.record_views(&p.log, records_limit),
                        })
                        .collect(),
                })
                .collect(),
            groups: self.groups.iter().map(|g| self.group_view(g)).collect(),
            consumers: self
                .consumers
                .iter()
                .map(|c| ConsumerView {
                    name: c.name.to_string(),
                    profile: c.cfg.profile,
                    status: c.status.clone(),
                    client_id: c.cfg.client_id.clone(),
                    group_id: c.cfg.group_id.clone(),
                    group_instance_id: c.cfg.group_instance_id.clone(),
                    member_id: c.member_id.clone(),
                    member_state: c.member_state,
                    generation_id: c.generation_id,
                    is_leader: !c.member_id.is_empty() && c.leader_id == c.member_id,
                    standalone: c.manual_assignment.is_some(),
                    console: c.console.is_some(),
                    topics: c.topics.clone(),
                    strategies: c.cfg.partition_assignment_strategy.clone(),
                    // A crashed or closed process owns nothing, whatever its last assignment was.
                    assigned: if c.is_running() {
                        c.owned().iter().map(|tp| tp.to_string()).collect()
                    } else {
                        Vec::new()
                    },
                    positions: crate::sort::collect_map(
                        c.positions.iter().map(|(tp, &o)| (tp.to_string(), o)),
                    ),
                    records_per_sec: c.records_per_sec,
                    records_delivered: c.records_delivered,
                    records_redelivered: c.records_redelivered,
                    last_poll_ms: c.last_poll_ms,
                    max_poll_interval_ms: c.cfg.max_poll_interval_ms,
                    session_timeout_ms: c.cfg.session_timeout_ms,
                })
                .collect(),
            producers: self
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
                .collect(),
            in_flight: self
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
                        | crate::net::Payload::ProduceResponse { tp, .. } => Some(tp.to_string()),
                        _ => None,
                    },
                })
                .collect(),
        }
    }

    fn group_view(&self, g: &crate::group::Group) -> GroupView {
        let (lookup, broker) = self.coordinator_lookup(&g.group_id);
        let committed =
            crate::sort::collect_map(g.offsets.iter().map(|(tp, c)| (tp.to_string(), c.offset)));
        let lag = crate::sort::collect_map(g.offsets.iter().filter_map(|(tp, c)| {
            let leo = self
                .cluster
                .partition(&tp.topic, tp.partition)?
                .log
                .log_end_offset();
            Some((tp.to_string(), leo.saturating_sub(c.offset)))
        }));
        let records_redelivered = self.deliveries.redelivered(&g.group_id);
        GroupView {
            group_id: g.group_id.clone(),
            state: g.state,
            generation_id: g.generation_id,
            assignor: g.protocol,
            leader: g.leader.clone(),
            coordinator: CoordinatorView {
                broker: broker.or(g.coordinator),
                offsets_partition: lookup.offsets_partition,
                lookup,
            },
            members: g
                .members
                .iter()
                .map(|m| MemberView {
                    member_id: m.member_id.clone(),
                    client_id: m.client_id.clone(),
                    group_instance_id: m.group_instance_id.clone(),
                    client_host: m.client_host.clone(),
                    consumer: self
                        .endpoint_name(Endpoint::Consumer(m.consumer))
                        .to_string(),
                    is_leader: g.is_leader(&m.member_id),
                    subscribed: m.subscription.topics.clone(),
                    assigned: m.assignment.iter().map(|tp| tp.to_string()).collect(),
                })
                .collect(),
            committed,
            lag,
            records_redelivered,
            history: g.history.clone(),
        }
    }
}
