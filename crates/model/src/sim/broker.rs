//! What a broker does with a request: append produced records, answer FindCoordinator, and hand group
//! requests to the group's coordinator (or answer NOT_COORDINATOR).

use std::rc::Rc;

use crate::event::EventKind;
use crate::group::{self, GroupEnv, HeartbeatArgs, JoinArgs};
use crate::net::{Endpoint, ErrorCode, Message, Payload, PendingRecord};
use crate::topic_partition::TopicPartition;

use super::Sim;
use crate::actor::Wake;

/// The response a request gets when it cannot be served (broker down, not the coordinator, ...).
pub(super) fn error_response(request: &Payload, error: ErrorCode) -> Option<Payload> {
    Some(match request {
        Payload::ProduceRequest { tp, records } => Payload::ProduceResponse {
            tp: tp.clone(),
            error,
            base_offset: None,
            count: records.len() as u32,
        },
        Payload::FindCoordinatorRequest { key } => Payload::FindCoordinatorResponse {
            key: key.clone(),
            error,
            coordinator: None,
        },
        Payload::JoinGroupRequest { member_id, .. } => Payload::JoinGroupResponse {
            error,
            generation_id: -1,
            protocol_name: None,
            leader: String::new(),
            member_id: member_id.clone(),
            members: Vec::new(),
            skip_assignment: false,
        },
        Payload::SyncGroupRequest { .. } => Payload::SyncGroupResponse {
            error,
            assignment: Vec::new(),
        },
        Payload::HeartbeatRequest { .. } => Payload::HeartbeatResponse { error },
        Payload::LeaveGroupRequest { .. } => Payload::LeaveGroupResponse { error },
        Payload::OffsetCommitRequest { offsets, .. } => Payload::OffsetCommitResponse {
            error,
            offsets: offsets.clone(),
        },
        Payload::OffsetFetchRequest { partitions, .. } => Payload::OffsetFetchResponse {
            error,
            offsets: partitions.iter().map(|tp| (tp.clone(), None)).collect(),
        },
        Payload::ConsumerGroupHeartbeatRequest {
            member_id,
            member_epoch,
            ..
        } => Payload::ConsumerGroupHeartbeatResponse {
            error,
            member_id: member_id.clone(),
            member_epoch: *member_epoch,
            heartbeat_interval_ms: 0,
            assignment: None,
        },
        _ => return None,
    })
}

/// A record a producer is about to send: (key, value, explicit partition).
pub(super) type ToSend = (Option<Rc<str>>, Option<Rc<str>>, Option<u32>);

fn group_of(payload: &Payload) -> Option<&str> {
    match payload {
        Payload::JoinGroupRequest { group_id, .. }
        | Payload::SyncGroupRequest { group_id, .. }
        | Payload::HeartbeatRequest { group_id, .. }
        | Payload::LeaveGroupRequest { group_id, .. }
        | Payload::OffsetCommitRequest { group_id, .. }
        | Payload::OffsetFetchRequest { group_id, .. }
        | Payload::ConsumerGroupHeartbeatRequest { group_id, .. } => Some(group_id),
        _ => None,
    }
}

impl Sim {
    pub(super) fn broker_receive(&mut self, b: u32, msg: Message) {
        if !self.cluster.is_up(b) {
            // The connection fails: the client learns at once (no response travels back).
            if let Some(resp) = error_response(&msg.payload, ErrorCode::NetworkException) {
                self.reply_direct(msg.from, resp);
            }
            return;
        }
        let from = msg.from;
        match msg.payload {
            Payload::ProduceRequest { tp, records } => self.handle_produce(b, from, tp, records),
            Payload::FindCoordinatorRequest { key } => {
                let (_, leader) = self.coordinator_lookup(&key);
                let error = if leader.is_some() {
                    ErrorCode::None
                } else {
                    ErrorCode::CoordinatorNotAvailable
                };
                self.send(
                    Endpoint::Broker(b),
                    from,
                    Payload::FindCoordinatorResponse {
                        key,
                        error,
                        coordinator: leader,
                    },
                );
            }
            payload => self.handle_group_request(b, from, payload),
        }
    }

    /// A response the client gets without a message in flight (a failed connection).
    fn reply_direct(&mut self, to: Endpoint, payload: Payload) {
        match to {
            Endpoint::Consumer(c) => self.consumer_receive(c, payload),
            Endpoint::Producer(p) => self.producer_receive(p, payload),
            Endpoint::Broker(_) => {}
        }
    }

    fn handle_group_request(&mut self, b: u32, from: Endpoint, payload: Payload) {
        let Endpoint::Consumer(consumer) = from else {
            return;
        };
        let Some(group_id) = group_of(&payload).map(str::to_string) else {
            return;
        };
        let g = self.group_idx(&group_id);
        if self.groups[g as usize].coordinator != Some(b) {
            // This broker does not lead the group's __consumer_offsets partition.
            if let Some(resp) = error_response(&payload, ErrorCode::NotCoordinator) {
                self.send(Endpoint::Broker(b), from, resp);
            }
            return;
        }
        with_ctx!(self, |ctx| {
            let env = GroupEnv::new(g, b, &self.config, &self.consumer_names);
            let group = &mut self.groups[g as usize];
            match payload {
                Payload::JoinGroupRequest {
                    client_id,
                    member_id,
                    group_instance_id,
                    session_timeout_ms,
                    rebalance_timeout_ms,
                    protocols,
                    subscription,
                    ..
                } => group::handle_join(
                    group,
                    &mut ctx,
                    &env,
                    consumer,
                    JoinArgs {
                        client_id,
                        member_id,
                        group_instance_id,
                        session_timeout_ms,
                        rebalance_timeout_ms,
                        protocols,
                        subscription,
                    },
                ),
                Payload::SyncGroupRequest {
                    member_id,
                    generation_id,
                    assignments,
                    ..
                } => group::handle_sync(
                    group,
                    &mut ctx,
                    &env,
                    consumer,
                    &member_id,
                    generation_id,
                    assignments,
                ),
                Payload::HeartbeatRequest {
                    member_id,
                    generation_id,
                    ..
                } => group::handle_heartbeat(
                    group,
                    &mut ctx,
                    &env,
                    consumer,
                    &member_id,
                    generation_id,
                ),
                Payload::LeaveGroupRequest { member_id, .. } => {
                    group::handle_leave(group, &mut ctx, &env, consumer, &member_id)
                }
                Payload::OffsetCommitRequest {
                    member_id,
                    generation_id,
                    offsets,
                    ..
                } => group::handle_offset_commit(
                    group,
                    &mut ctx,
                    &env,
                    consumer,
                    &member_id,
                    generation_id,
                    offsets,
                ),
                Payload::OffsetFetchRequest { partitions, .. } => {
                    group::handle_offset_fetch(group, &mut ctx, &env, consumer, partitions)
                }
                Payload::ConsumerGroupHeartbeatRequest {
                    member_id,
                    member_epoch,
                    instance_id,
                    rebalance_timeout_ms,
                    subscribed_topics,
                    server_assignor,
                    owned,
                    ..
                } => {
                    let client_id = self
                        .consumers
                        .get(consumer as usize)
                        .map(|c| c.cfg.client_id.clone())
                        .unwrap_or_default();
                    group::handle_consumer_heartbeat(
                        group,
                        &mut ctx,
                        &env,
                        &self.cluster,
                        consumer,
                        HeartbeatArgs {
                            client_id,
                            member_id,
                            member_epoch,
                            instance_id,
                            rebalance_timeout_ms,
                            subscribed_topics,
                            server_assignor,
                            owned,
                        },
                    )
                }
                _ => {}
            }
        });
    }

    fn handle_produce(
        &mut self,
        b: u32,
        from: Endpoint,
        tp: TopicPartition,
        records: Vec<PendingRecord>,
    ) {
        let count = records.len() as u32;
        let producer_idx = match from {
            Endpoint::Producer(p) => p,
            _ => 0,
        };
        // Only the partition's leader appends (NOT_LEADER_OR_FOLLOWER sends the producer to refresh metadata).
        let error = match self.cluster.partition(&tp.topic, tp.partition) {
            None => Some(ErrorCode::UnknownTopicOrPartition),
            Some(p) if p.leader != Some(b) => Some(ErrorCode::NotLeaderOrFollower),
            Some(_) => None,
        };
        let (None, Some(partition)) = (error, self.cluster.partition_mut(&tp.topic, tp.partition))
        else {
            let error = error.unwrap_or(ErrorCode::UnknownTopicOrPartition);
            let response = Payload::ProduceResponse {
                tp,
                error,
                base_offset: None,
                count,
            };
            self.send(Endpoint::Broker(b), from, response);
            return;
        };
        let base = partition.log.log_end_offset();
        for r in records {
            partition
                .log
                .append(r.key, r.value, r.timestamp_ms, producer_idx);
        }
        let producer = self.endpoint_name(from);
        self.emit(EventKind::RecordsProduced {
            producer,
            tp: tp.clone(),
            base_offset: base,
            count,
        });
        self.send(
            Endpoint::Broker(b),
            from,
            Payload::ProduceResponse {
                tp,
                error: ErrorCode::None,
                base_offset: Some(base),
                count,
            },
        );
    }

    pub(super) fn producer_receive(&mut self, p: u32, payload: Payload) {
        if let Payload::ProduceResponse {
            tp, error, count, ..
        } = payload
        {
            if error != ErrorCode::None {
                let producer = self.endpoint_name(Endpoint::Producer(p));
                // The producer's metadata is stale: refresh it on the next send.
                if let Some(prod) = self.producers.get_mut(p as usize) {
                    prod.metadata.remove(&*tp.topic);
                }
                self.emit(EventKind::ProduceFailed {
                    producer,
                    tp,
                    error,
                    count,
                });
            }
        }
    }

    /// Sends records from producer `p` to `topic`, one ProduceRequest per partition.
    pub(super) fn produce_records(&mut self, p: u32, topic: &str, records: Vec<ToSend>) {
        let now = self.now;
        let Some(n) = self.producers[p as usize].partitions_for(topic, &self.cluster, now) else {
            return;
        };
        // Place every record first, so each batch is allocated once at its final size.
        let mut placed = Vec::with_capacity(records.len());
        let mut sizes = vec![0usize; n as usize];
        for (key, value, explicit) in &records {
            let value_len = value.as_deref().map_or(8, str::len);
            let partition = self.producers[p as usize].choose_partition(
                topic,
                key.as_deref(),
                *explicit,
                value_len,
                n,
                &self.cluster,
                now,
                &mut self.rng,
            );
            if let Some(size) = sizes.get_mut(partition as usize) {
                *size += 1;
            }
            placed.push(partition);
        }
        let mut batches: Vec<Vec<PendingRecord>> =
            sizes.into_iter().map(Vec::with_capacity).collect();
        for ((key, value, _), partition) in records.into_iter().zip(placed) {
            if let Some(batch) = batches.get_mut(partition as usize) {
                batch.push(PendingRecord {
                    key,
                    value,
                    timestamp_ms: now,
                });
            }
        }
        let name = match self.cluster.topic_name(topic) {
            Some(name) => name.clone(),
            None => Rc::from(topic),
        };
        for (partition, records) in batches.into_iter().enumerate() {
            if records.is_empty() {
                continue;
            }
            let tp = TopicPartition::new(name.clone(), partition as u32);
            self.producers[p as usize].records_sent += records.len() as u64;
            match self
                .cluster
                .partition(topic, partition as u32)
                .and_then(|x| x.leader)
            {
                Some(leader) => self.send(
                    Endpoint::Producer(p),
                    Endpoint::Broker(leader),
                    Payload::ProduceRequest { tp, records },
                ),
                None => {
                    let producer = self.producers[p as usize].name.clone();
                    self.emit(EventKind::ProduceFailed {
                        producer,
                        tp,
                        error: ErrorCode::NotLeaderOrFollower,
                        count: records.len() as u32,
                    });
                }
            }
        }
    }

    pub(super) fn producer_tick(&mut self, p: u32) {
        let Some(producer) = self.producers.get_mut(p as usize) else {
            return;
        };
        if producer.rates.is_empty() {
            producer.tick_scheduled = false;
            return;
        }
        let interval = producer.cfg.linger_ms.max(1);
        let due = producer.due_records(self.now, &mut self.rng);
        self.schedule(self.now + interval, Wake::ProducerTick { producer: p });
        for (topic, keys) in due {
            let records = keys.into_iter().map(|key| (key, None, None)).collect();
            self.produce_records(p, &topic, records);
        }
    }

    /// A topic created on first use (auto.create.topics.enable) gets the broker's `num.partitions` (default 1).
    pub(super) fn auto_create_topic(&mut self, topic: &str) {
        let rf = self
            .config
            .default_replication_factor
            .clamp(1, self.config.brokers);
        let n = self
            .config
            .num_partitions
            .clamp(1, crate::limits::MAX_PARTITIONS_PER_TOPIC);
        self.cluster.create_topic(topic, n, rf, &mut self.rng);
        self.emit(EventKind::TopicCreated {
            topic: topic.to_string(),
            partitions: n,
            auto_created: true,
        });
    }
}
