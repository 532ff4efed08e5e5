//! The world: brokers, topics, groups, clients and the messages between them, advanced in simulated time.
//! `apply(command)` acts at the current time; `advance_to(t)` runs every timer and delivery up to `t`.

/// Runs a block with a `Ctx` over the world's clock, random source and outbox, then routes what the block
/// put in the outbox (messages in flight, timers, events). A macro, so each call site borrows only the fields
/// it uses next to the context.
macro_rules! with_ctx {
    ($sim:ident, |$ctx:ident| $body:block) => {{
        let mut out = std::mem::take(&mut $sim.out);
        {
            let mut $ctx = $crate::actor::Ctx {
                now: $sim.now,
                rng: &mut $sim.rng,
                out: &mut out,
            };
            $body
        }
        $sim.out = out;
        $sim.flush();
    }};
}

mod broker;
pub mod commands;
mod dispatch;
mod in_flight;
mod metadata;
pub mod restore;

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::collections::VecMap;
use std::rc::Rc;

use crate::cluster::Cluster;
use crate::config::ClusterConfig;
use crate::consumer::Consumer;
use crate::coordinator::CoordinatorLookup;
use crate::delivery::Deliveries;
use crate::event::{Event, EventKind};
use crate::group::Group;
use crate::net::{Endpoint, Message, Payload};
use crate::producer::Producer;
use crate::rng::SimRng;

use crate::actor::{Outbox, Wake};
use crate::limits;
pub use in_flight::InFlight;
pub use metadata::UnseenPartitions;

#[derive(Clone, Debug)]
pub struct Sim {
    now: u64,
    seed: u64,
    rng: SimRng,
    pub config: ClusterConfig,
    pub cluster: Cluster,
    pub groups: Vec<Group>,
    group_index: VecMap<String, u32>,
    pub consumers: Vec<Consumer>,
    consumer_names: Vec<Rc<str>>,
    pub producers: Vec<Producer>,
    /// Messages in flight by id.
    pub in_flight: InFlight,
    next_msg_id: u64,
    queue: BinaryHeap<Reverse<(u64, u64, Wake)>>,
    seq: u64,
    out: Outbox,
    events: Vec<Event>,
    event_seq: u64,
    pub deliveries: Deliveries,
    java_client_seq: u32,
}

impl Sim {
    pub fn new(seed: u64, mut config: ClusterConfig) -> Self {
        config.brokers = config.brokers.clamp(1, limits::MAX_BROKERS);
        config.offsets_topic_num_partitions = config.offsets_topic_num_partitions.clamp(1, 1000);
        config.retained_records_per_partition =
            config.retained_records_per_partition.clamp(1, 100_000);
        let mut rng = SimRng::new(seed);
        let cluster = Cluster::new(&config, &mut rng);
        let mut sim = Sim {
            now: 0,
            seed,
            rng,
            config,
            cluster,
            groups: Vec::new(),
            group_index: VecMap::new(),
            consumers: Vec::new(),
            consumer_names: Vec::new(),
            producers: Vec::new(),
            in_flight: InFlight::default(),
            next_msg_id: 1,
            queue: BinaryHeap::new(),
            seq: 0,
            out: Outbox::default(),
            events: Vec::new(),
            event_seq: 0,
            deliveries: Deliveries::default(),
            java_client_seq: 0,
        };
        let interval = sim.config.leader_imbalance_check_interval_seconds.max(1) * 1000;
        sim.schedule(interval, Wake::LeaderImbalanceCheck);
        sim
    }

    pub fn now(&self) -> u64 {
        self.now
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Records kept in memory over all partitions (what a checkpoint copies).
    pub fn retained_records(&self) -> usize {
        self.cluster
            .topics
            .values()
            .flat_map(|t| &t.partitions)
            .map(|p| p.log.records().len())
            .sum()
    }

    /// Timers and deliveries waiting in the queue (stale ones included until they come up).
    pub fn pending_wakes(&self) -> usize {
        self.queue.len()
    }

    /// The time of the next thing that will happen, if anything is scheduled.
    pub fn next_wake_ms(&self) -> Option<u64> {
        self.queue.peek().map(|Reverse((at, _, _))| *at)
    }

    /// Runs everything scheduled up to and including `t`, then sets the clock to `t`.
    pub fn advance_to(&mut self, t: u64) {
        while let Some(Reverse((at, _, _))) = self.queue.peek() {
            if *at > t {
                break;
            }
            let Some(Reverse((at, _, wake))) = self.queue.pop() else {
                break;
            };
            self.now = at.max(self.now);
            self.dispatch(wake);
        }
        self.now = self.now.max(t);
    }

    pub fn advance_by(&mut self, ms: u64) {
        self.advance_to(self.now.saturating_add(ms));
    }

    /// Events emitted since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// Events emitted since the last call, appended to `into`.
    pub fn drain_events_into(&mut self, into: &mut Vec<Event>) {
        into.append(&mut self.events);
    }

    pub fn group(&self, group_id: &str) -> Option<&Group> {
        self.group_index
            .get(group_id)
            .map(|&i| &self.groups[i as usize])
    }

    pub fn consumer(&self, name: &str) -> Option<&Consumer> {
        self.consumers.iter().find(|c| *c.name == *name)
    }

    pub fn producer(&self, name: &str) -> Option<&Producer> {
        self.producers.iter().find(|p| *p.name == *name)
    }

    /// Which `__consumer_offsets` partition and broker coordinate `group_id`, with every step.
    pub fn coordinator_lookup(&self, group_id: &str) -> (CoordinatorLookup, Option<u32>) {
        let lookup = CoordinatorLookup::compute(group_id, self.config.offsets_topic_num_partitions);
        let leader = self.cluster.offsets_leader(lookup.offsets_partition);
        (lookup, leader)
    }

    /// A client's shared name (a copy costs no allocation), or `broker N`.
    pub fn endpoint_name(&self, e: Endpoint) -> Rc<str> {
        match e {
            Endpoint::Broker(b) => Rc::from(format!("broker {b}")),
            Endpoint::Consumer(c) => self
                .consumer_names
                .get(c as usize)
                .cloned()
                .unwrap_or_default(),
            Endpoint::Producer(p) => self
                .producers
                .get(p as usize)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        }
    }

    fn schedule(&mut self, at: u64, wake: Wake) {
        self.seq += 1;
        self.queue.push(Reverse((at, self.seq, wake)));
    }

    fn emit(&mut self, kind: EventKind) {
        self.event_seq += 1;
        self.events.push(Event {
            time_ms: self.now,
            seq: self.event_seq,
            kind,
        });
    }

    /// Routes what the last handler put in the outbox: messages go in flight, timers into the queue.
    fn flush(&mut self) {
        let mut out = std::mem::take(&mut self.out);
        for kind in out.events.drain(..) {
            self.emit(kind);
        }
        for (at, wake) in out.timers.drain(..) {
            self.schedule(at, wake);
        }
        for (from, to, payload) in out.sends.drain(..) {
            self.send(from, to, payload);
        }
        self.out = out;
    }

    fn send(&mut self, from: Endpoint, to: Endpoint, payload: Payload) {
        let id = self.next_msg_id;
        self.next_msg_id += 1;
        let arrives_at_ms = self.now + self.config.latency_ms;
        let api = payload.api();
        let kind = match payload.error() {
            None => EventKind::RequestSent {
                id,
                api,
                from,
                to,
                arrives_at_ms,
            },
            Some(error) => EventKind::ResponseSent {
                id,
                api,
                from,
                to,
                arrives_at_ms,
                error,
            },
        };
        self.emit(kind);
        self.in_flight.insert(Message {
            id,
            from,
            to,
            sent_at_ms: self.now,
            arrives_at_ms,
            payload,
        });
        self.schedule(arrives_at_ms, Wake::Deliver(id));
    }

    /// A live broker a client can bootstrap from (the lowest id that is up).
    fn bootstrap(&self) -> Option<u32> {
        self.cluster.brokers.iter().find(|b| b.up).map(|b| b.id)
    }

    fn group_idx(&mut self, group_id: &str) -> u32 {
        if let Some(&i) = self.group_index.get(group_id) {
            return i;
        }
        let (lookup, leader) = self.coordinator_lookup(group_id);
        let i = self.groups.len() as u32;
        self.groups
            .push(Group::new(group_id, lookup.offsets_partition, leader));
        self.group_index.insert(group_id.to_string(), i);
        i
    }
}
