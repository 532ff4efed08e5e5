//! What happens when a scheduled wake fires: a message arrives, or a timer of a client or group goes off.

use crate::consumer::{self, poll::ClientEnv};
use crate::event::EventKind;
use crate::group::{self, GroupEnv};
use crate::net::{Endpoint, Message};

use super::Sim;
use crate::actor::Wake;

impl Sim {
    pub(super) fn dispatch(&mut self, wake: Wake) {
        match wake {
            Wake::Deliver(id) => {
                if let Some(msg) = self.in_flight.remove(id) {
                    self.deliver(msg);
                }
            }
            Wake::Poll { consumer, epoch } => self.consumer_timer(consumer, epoch, TimerKind::Poll),
            Wake::Heartbeat { consumer, epoch } => {
                self.consumer_timer(consumer, epoch, TimerKind::Heartbeat)
            }
            Wake::AutoCommit { consumer, epoch } => {
                self.consumer_timer(consumer, epoch, TimerKind::AutoCommit)
            }
            Wake::ConsumerMetadata { consumer, epoch } => {
                if self
                    .consumers
                    .get(consumer as usize)
                    .is_some_and(|c| c.epoch == epoch && c.is_running())
                {
                    let interval = self.consumers[consumer as usize].cfg.metadata_max_age_ms;
                    self.schedule(
                        self.now + interval.max(1),
                        Wake::ConsumerMetadata { consumer, epoch },
                    );
                    self.refresh_consumer_metadata(consumer);
                }
            }
            Wake::ProducerTick { producer } => self.producer_tick(producer),
            Wake::GroupJoin { group } => self.group_timer(group, true),
            Wake::GroupSession { group } => self.group_timer(group, false),
            Wake::LeaderImbalanceCheck => {
                let interval = self.config.leader_imbalance_check_interval_seconds.max(1) * 1000;
                self.schedule(self.now + interval, Wake::LeaderImbalanceCheck);
                let changed = self.cluster.elect_preferred_leaders();
                self.apply_leader_changes(changed);
            }
        }
    }

    fn deliver(&mut self, msg: Message) {
        match msg.to {
            Endpoint::Broker(b) => self.broker_receive(b, msg),
            Endpoint::Consumer(c) => self.consumer_receive(c, msg.payload),
            Endpoint::Producer(p) => self.producer_receive(p, msg.payload),
        }
    }

    pub(super) fn consumer_receive(&mut self, c: u32, payload: crate::net::Payload) {
        let bootstrap = self.bootstrap();
        let Some(consumer) = self.consumers.get_mut(c as usize) else {
            return;
        };
        with_ctx!(self, |ctx| {
            let mut env = ClientEnv {
                cluster: &self.cluster,
                deliveries: &mut self.deliveries,
                bootstrap,
                latency_ms: self.config.latency_ms,
            };
            consumer::on_response(consumer, &mut ctx, &mut env, payload);
        });
    }

    fn consumer_timer(&mut self, c: u32, epoch: u32, kind: TimerKind) {
        let bootstrap = self.bootstrap();
        let Some(consumer) = self.consumers.get_mut(c as usize) else {
            return;
        };
        if consumer.epoch != epoch {
            return;
        }
        with_ctx!(self, |ctx| {
            match kind {
                TimerKind::Poll => {
                    let mut env = ClientEnv {
                        cluster: &self.cluster,
                        deliveries: &mut self.deliveries,
                        bootstrap,
                        latency_ms: self.config.latency_ms,
                    };
                    consumer::on_poll(consumer, &mut ctx, &mut env);
                }
                TimerKind::Heartbeat => consumer::on_heartbeat(consumer, &mut ctx),
                TimerKind::AutoCommit => consumer::on_auto_commit(consumer, &mut ctx),
            }
        });
    }

    fn group_timer(&mut self, g: u32, join: bool) {
        let Some(group) = self.groups.get_mut(g as usize) else {
            return;
        };
        let Some(broker) = group.coordinator else {
            return;
        };
        with_ctx!(self, |ctx| {
            let env = GroupEnv::new(g, broker, &self.config, &self.consumer_names);
            if join {
                group::on_join_deadline(group, &mut ctx, &env);
            } else {
                group::expire_sessions(group, &mut ctx, &env);
            }
        });
    }

    /// Leaders moved: emit the changes, and move group coordinators whose `__consumer_offsets` partition moved.
    pub(super) fn apply_leader_changes(
        &mut self,
        changed: Vec<(Option<std::rc::Rc<str>>, u32, Option<u32>)>,
    ) {
        let mut offsets_moved = false;
        for (topic, partition, leader) in changed {
            match topic {
                Some(topic) => self.emit(EventKind::LeaderChanged {
                    tp: crate::TopicPartition::new(topic, partition),
                    leader,
                }),
                None => offsets_moved = true,
            }
        }
        if !offsets_moved {
            return;
        }
        for g in 0..self.groups.len() {
            let new = self
                .cluster
                .offsets_leader(self.groups[g].offsets_partition);
            let old = self.groups[g].coordinator;
            if new == old {
                continue;
            }
            self.groups[g].coordinator = new;
            self.emit(EventKind::CoordinatorMoved {
                group_id: self.groups[g].group_id.clone(),
                from: old,
                to: new,
            });
            if let Some(broker) = new {
                with_ctx!(self, |ctx| {
                    let env = GroupEnv::new(g as u32, broker, &self.config, &self.consumer_names);
                    group::on_coordinator_moved(&mut self.groups[g], &mut ctx, &env);
                });
            }
        }
    }

    /// A consumer's periodic metadata refresh: auto-create missing topics where allowed, and a leader that
    /// sees partition counts change from its assignment rejoins (ConsumerCoordinator.rejoinNeededOrPending).
    pub(super) fn refresh_consumer_metadata(&mut self, c: u32) {
        let topics = self.consumers[c as usize].topics.clone();
        for topic in topics {
            if self.cluster.partition_count(&topic).is_some() {
                continue;
            }
            let allow = self.consumers[c as usize].cfg.allow_auto_create_topics;
            if allow && self.config.auto_create_topics_enable {
                self.auto_create_topic(&topic);
            } else {
                let name = self.consumers[c as usize].name.clone();
                self.emit(EventKind::UnknownTopic {
                    consumer: name,
                    topic,
                });
            }
        }
        let cluster = &self.cluster;
        let consumer = &mut self.consumers[c as usize];
        consumer.refresh_metadata(cluster);
        let changed = consumer.assignment_snapshot.as_ref().is_some_and(|snap| {
            snap.iter()
                .any(|(t, &n)| cluster.partition_count(t).is_some_and(|now| now != n))
        }) && consumer.leader_id == consumer.member_id;
        if changed {
            consumer.assignment_snapshot = None;
            consumer.rejoin_needed = true;
        }
    }
}

#[derive(Clone, Copy)]
enum TimerKind {
    Poll,
    Heartbeat,
    AutoCommit,
}
