//! Applying a user's command: validate, then act at the current simulated time.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::config::{
    AutoOffsetReset, ClientProfile, ConsumerConfig, GroupProtocol, ProducerConfig,
};
use crate::consumer::{self, ConsoleRun, Consumer, ConsumerStatus};
use crate::error::{ModelError, Reason};
use crate::event::EventKind;
use crate::net::Endpoint;
use crate::producer::Producer;
use crate::topic_partition::TopicPartition;
use crate::validate;

use super::Sim;
use crate::actor::{Ctx, Wake};
use crate::limits;

/// What a command created or touched, for the caller (e.g. the name given to a new consumer).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub name: Option<String>,
    pub group_id: Option<String>,
}

impl Sim {
    pub fn apply(&mut self, command: Command) -> Result<Applied, ModelError> {
        match command {
            Command::CreateTopic {
                topic,
                partitions,
                replication_factor,
            } => self.create_topic(&topic, partitions, replication_factor),
            Command::AddPartitions { topic, partitions } => self.add_partitions(&topic, partitions),
            Command::StopBroker { broker } => self.set_broker(broker, false),
            Command::StartBroker { broker } => self.set_broker(broker, true),
            Command::AddProducer {
                name,
                profile,
                config,
            } => self.add_producer(name, profile, config),
            Command::Produce {
                producer,
                topic,
                key,
                value,
                partition,
                count,
            } => self.produce(&producer, &topic, key, value, partition, count.unwrap_or(1)),
            Command::SetProduceRate {
                producer,
                topic,
                records_per_sec,
                keys,
            } => {
                let p = self.producer_idx(&producer)?;
                validate::range(
                    "records_per_sec",
                    u64::from(records_per_sec),
                    0,
                    u64::from(limits::MAX_RECORDS_PER_SEC),
                )?;
                self.ensure_topic_for_produce(&topic)?;
                let now = self.now;
                let prod = &mut self.producers[p as usize];
                prod.set_rate(&topic, records_per_sec, keys, now);
                if !prod.rates.is_empty() && !prod.tick_scheduled {
                    prod.tick_scheduled = true;
                    self.schedule(now, Wake::ProducerTick { producer: p });
                }
                Ok(Applied::default())
            }
            Command::AddConsumer {
                name,
                profile,
                config,
                topics,
                assign,
                records_per_sec,
            } => self.add_consumer(name, profile, config, topics, assign, records_per_sec, None),
            Command::CloseConsumer { consumer } => {
                let c = self.running_consumer(&consumer)?;
                self.with_consumer(c, consumer::close);
                self.retire_incarnation(c);
                Ok(Applied::default())
            }
            Command::CrashConsumer { consumer } => {
                let c = self.running_consumer(&consumer)?;
                self.consumers[c as usize].status = ConsumerStatus::Crashed;
                self.retire_incarnation(c);
                self.emit(EventKind::ConsumerCrashed {
                    consumer: consumer.into(),
                });
                Ok(Applied::default())
            }
            Command::RestartConsumer { consumer } => {
                let c = self.consumer_idx(&consumer)?;
                if self.consumers[c as usize].is_running() {
                    return Err(ModelError::ConsumerRunning { consumer });
                }
                self.start_consumer(c);
                Ok(Applied::default())
            }
            Command::CommitNow { consumer, sync } => {
                let c = self.running_consumer(&consumer)?;
                if sync {
                    self.with_consumer(c, consumer::poll::commit_sync);
                } else {
                    self.with_consumer(c, |con, ctx| {
                        consumer::poll::commit(con, ctx);
                    });
                }
                Ok(Applied::default())
            }
            Command::SetProcessingRate {
                consumer,
                records_per_sec,
            } => {
                let c = self.consumer_idx(&consumer)?;
                if let Some(r) = records_per_sec {
                    validate::range(
                        "records_per_sec",
                        u64::from(r),
                        0,
                        u64::from(limits::MAX_RECORDS_PER_SEC),
                    )?;
                }
                self.consumers[c as usize].records_per_sec = records_per_sec.filter(|&r| r > 0);
                Ok(Applied::default())
            }
            Command::RunConsoleConsumer {
                topic,
                group,
                from_beginning,
                partition,
            } => self.run_console_consumer(topic, group, from_beginning, partition),
            Command::SeedPartition {
                topic,
                partition,
                log_start_offset,
                log_end_offset,
            } => self.seed_partition(&topic, partition, log_start_offset, log_end_offset),
            Command::RestoreGroup {
                group_id,
                generation_id,
                protocol,
                members,
                offsets,
                group_epoch,
                assignment_epoch,
                server_assignor,
            } => match group_epoch {
                None => self.restore_group(&group_id, generation_id, protocol, &members, &offsets),
                Some(epoch) => self.restore_consumer_group(
                    &group_id,
                    epoch,
                    assignment_epoch,
                    server_assignor.as_deref(),
                    &members,
                    &offsets,
                ),
            },
        }
    }

    fn create_topic(
        &mut self,
        topic: &str,
        partitions: u32,
        rf: Option<u32>,
    ) -> Result<Applied, ModelError> {
        validate::topic_name(topic)?;
        if self.cluster.topics.contains_key(topic) {
            return Err(ModelError::TopicExists {
                topic: topic.into(),
            });
        }
        if self.cluster.topics.len() >= limits::MAX_TOPICS {
            return Err(ModelError::InvalidValue {
                field: "topics".into(),
                reason: Reason::MaxTopics {
                    max: limits::MAX_TOPICS,
                },
            });
        }
        check_partitions(topic, partitions, 1)?;
        let brokers = self.config.brokers;
        let rf = rf.unwrap_or(self.config.default_replication_factor.min(brokers));
        if rf == 0 || rf > brokers {
            return Err(ModelError::InvalidReplicationFactor {
                requested: rf,
                brokers,
            });
        }
        self.cluster
            .create_topic(topic, partitions, rf, &mut self.rng);
        self.emit(EventKind::TopicCreated {
            topic: topic.into(),
            partitions,
            auto_created: false,
        });
        Ok(Applied::default())
    }

    fn add_partitions(&mut self, topic: &str, total: u32) -> Result<Applied, ModelError> {
        let current =
            self.cluster
                .partition_count(topic)
                .ok_or_else(|| ModelError::UnknownTopic {
                    topic: topic.into(),
                })?;
        // Partitions can only be added (kafka-topics --alter: "number of partitions can only be increased").
        check_partitions(topic, total, current + 1)?;
        self.cluster.add_partitions(topic, total, &mut self.rng);
        self.emit(EventKind::PartitionsAdded {
            topic: topic.into(),
            from: current,
            to: total,
        });
        Ok(Applied::default())
    }

    fn set_broker(&mut self, broker: u32, up: bool) -> Result<Applied, ModelError> {
        if broker >= self.config.brokers {
            return Err(ModelError::UnknownBroker { broker });
        }
        if self.cluster.is_up(broker) == up {
            return Ok(Applied::default());
        }
        let changed = self.cluster.set_broker_up(broker, up);
        self.emit(if up {
            EventKind::BrokerStarted { broker }
        } else {
            EventKind::BrokerStopped { broker }
        });
        self.apply_leader_changes(changed);
        Ok(Applied::default())
    }

    fn client_count(&self) -> usize {
        self.consumers.len() + self.producers.len()
    }

    fn name_taken(&self, name: &str) -> bool {
        self.consumers.iter().any(|c| *c.name == *name)
            || self.producers.iter().any(|p| *p.name == *name)
    }

    fn pick_name(&self, given: Option<String>, prefix: &str) -> Result<String, ModelError> {
        if self.client_count() >= limits::MAX_CLIENTS {
            return Err(ModelError::TooManyClients {
                max: limits::MAX_CLIENTS as u32,
            });
        }
        match given {
            Some(name) => {
                validate::client_name(&name)?;
                if self.name_taken(&name) {
                    return Err(ModelError::NameTaken { name });
                }
                Ok(name)
            }
            None => Ok((1..)
                .map(|i| format!("{prefix}{i}"))
                .find(|n| !self.name_taken(n))
                .unwrap_or_default()),
        }
    }

    fn add_producer(
        &mut self,
        name: Option<String>,
        profile: ClientProfile,
        config: ProducerConfig,
    ) -> Result<Applied, ModelError> {
        let name = self.pick_name(name, "producer")?;
        if let Some(l) = config.linger_ms {
            validate::range("linger.ms", l, 0, 60_000)?;
        }
        if let Some(b) = config.batch_size {
            validate::range("batch.size", u64::from(b), 1, 16 * 1024 * 1024)?;
        }
        if let Some(m) = config.metadata_max_age_ms {
            validate::range("metadata.max.age.ms", m, 1, 86_400_000)?;
        }
        if profile == ClientProfile::Java {
            self.java_client_seq += 1;
        }
        let cfg = config.effective(profile, self.java_client_seq.max(1));
        let idx = self.producers.len() as u32;
        let shared: Rc<str> = Rc::from(name.as_str());
        self.producers.push(Producer::new(idx, shared.clone(), cfg));
        self.emit(EventKind::ProducerAdded { producer: shared });
        Ok(Applied {
            name: Some(name),
            group_id: None,
        })
    }

    fn ensure_topic_for_produce(&mut self, topic: &str) -> Result<u32, ModelError> {
        validate::topic_name(topic)?;
        if let Some(n) = self.cluster.partition_count(topic) {
            return Ok(n);
        }
        if !self.config.auto_create_topics_enable {
            return Err(ModelError::UnknownTopic {
                topic: topic.into(),
            });
        }
        self.auto_create_topic(topic);
        Ok(self.cluster.partition_count(topic).unwrap_or(1))
    }

    fn produce(
        &mut self,
        producer: &str,
        topic: &str,
        key: Option<String>,
        value: Option<String>,
        partition: Option<u32>,
        count: u32,
    ) -> Result<Applied, ModelError> {
        let p = self.producer_idx(producer)?;
        validate::range(
            "count",
            u64::from(count),
            1,
            u64::from(limits::MAX_RECORDS_PER_COMMAND),
        )?;
        if key.as_ref().is_some_and(|k| k.len() > 1024)
            || value.as_ref().is_some_and(|v| v.len() > 4096)
        {
            return Err(ModelError::InvalidValue {
                field: "record".into(),
                reason: Reason::RecordSize,
            });
        }
        let n = self.ensure_topic_for_produce(topic)?;
        if let Some(partition) = partition {
            if partition >= n {
                return Err(ModelError::UnknownPartition {
                    topic: topic.into(),
                    partition,
                    partitions: n,
                });
            }
        }
        let key: Option<Rc<str>> = key.map(|k| Rc::from(k.as_str()));
        let records = (0..u64::from(count))
            .map(|i| {
                let value: Option<Rc<str>> = match &value {
                    Some(v) if count == 1 => Some(Rc::from(v.as_str())),
                    Some(v) => Some(Rc::from(format!("{v}-{i}").as_str())),
                    None => None,
                };
                (key.clone(), value, partition)
            })
            .collect();
        self.produce_records(p, topic, records);
        Ok(Applied::default())
    }

    #[allow(clippy::too_many_arguments)]
    fn add_consumer(
        &mut self,
        name: Option<String>,
        profile: ClientProfile,
        config: ConsumerConfig,
        topics: Vec<String>,
        assign: Option<Vec<TopicPartition>>,
        records_per_sec: Option<u32>,
        console: Option<(ConsoleRun, &str)>,
    ) -> Result<Applied, ModelError> {
        let name = self.pick_name(name, console.as_ref().map_or("consumer", |c| c.1))?;
        validate_consumer_config(&config, profile)?;
        if let Some(g) = &config.group_id {
            validate::group_id(g)?;
            let members = self
                .consumers
                .iter()
                .filter(|c| {
                    c.is_running()
                        && c.cfg.group_id.as_ref() == Some(g)
                        && c.manual_assignment.is_none()
                })
                .count() as u32;
            if assign.is_none() && members >= limits::MAX_MEMBERS_PER_GROUP {
                return Err(ModelError::GroupFull {
                    group_id: g.clone(),
                    max: limits::MAX_MEMBERS_PER_GROUP,
                });
            }
        }
        if let Some(r) = records_per_sec {
            validate::range(
                "records_per_sec",
                u64::from(r),
                0,
                u64::from(limits::MAX_RECORDS_PER_SEC),
            )?;
        }
        let mut topics: Vec<String> = topics;
        crate::collections::sort::sort(&mut topics);
        topics.dedup();
        for t in &topics {
            validate::topic_name(t)?;
        }
        if let Some(a) = &assign {
            if a.is_empty() {
                return Err(ModelError::NoSubscription);
            }
            for tp in a {
                let n = self.cluster.partition_count(&tp.topic).ok_or_else(|| {
                    ModelError::UnknownTopic {
                        topic: tp.topic.to_string(),
                    }
                })?;
                if tp.partition >= n {
                    return Err(ModelError::UnknownPartition {
                        topic: tp.topic.to_string(),
                        partition: tp.partition,
                        partitions: n,
                    });
                }
            }
        } else {
            if topics.is_empty() {
                return Err(ModelError::NoSubscription);
            }
            if config.group_id.is_none() {
                // subscribe() without group.id is an error in both clients (InvalidGroupIdException).
                return Err(ModelError::InvalidGroupId {
                    reason: Reason::NeedsGroupId,
                });
            }
        }
        if profile == ClientProfile::Java {
            self.java_client_seq += 1;
        }
        let cfg = config.effective(profile, self.java_client_seq.max(1));
        let idx = self.consumers.len() as u32;
        let shared: Rc<str> = Rc::from(name.as_str());
        let mut c = Consumer::new(idx, shared.clone(), cfg, topics);
        let assign = assign.map(|a| {
            let mut a: Vec<_> = a.into_iter().map(|tp| self.cluster.interned(tp)).collect();
            crate::collections::sort::sort(&mut a);
            a.dedup();
            a
        });
        c.manual_assignment = assign;
        c.records_per_sec = records_per_sec.filter(|&r| r > 0);
        c.console = console.map(|c| c.0);
        self.consumers.push(c);
        self.consumer_names.push(shared);
        self.start_consumer(idx);
        Ok(Applied {
            name: Some(name),
            group_id: self.consumers[idx as usize].cfg.group_id.clone(),
        })
    }

    /// Starts a consumer (new or restarted): fresh client state, metadata, loops.
    pub(super) fn start_consumer(&mut self, c: u32) {
        let consumer = &mut self.consumers[c as usize];
        consumer.reset_client_state();
        consumer.status = ConsumerStatus::Running;
        let (name, group_id, client_id) = (
            consumer.name.clone(),
            consumer.cfg.group_id.clone(),
            consumer.cfg.client_id.clone(),
        );
        self.emit(EventKind::ConsumerStarted {
            consumer: name,
            group_id,
            client_id,
        });
        self.refresh_consumer_metadata(c);
        if let Some(a) = self.consumers[c as usize].manual_assignment.clone() {
            self.emit(EventKind::PartitionsAssigned {
                consumer: self.consumers[c as usize].name.clone(),
                group_id: None,
                partitions: a,
            });
        }
        self.with_consumer(c, consumer::start);
    }

    /// Ends the current incarnation: its timers go stale and nothing in flight reaches it any more.
    fn retire_incarnation(&mut self, c: u32) {
        self.consumers[c as usize].epoch += 1;
        self.in_flight.retain(|m| m.to != Endpoint::Consumer(c));
    }

    fn run_console_consumer(
        &mut self,
        topic: String,
        group: Option<String>,
        from_beginning: bool,
        partition: Option<u32>,
    ) -> Result<Applied, ModelError> {
        validate::topic_name(&topic)?;
        // ConsoleConsumerOptions: without --group the tool itself picks "console-consumer-" + nextInt(100000),
        // and (KIP-211) turns auto commit off for that generated group.
        let generated = group.is_none();
        let group_id =
            group.unwrap_or_else(|| format!("console-consumer-{}", self.rng.below(100_000)));
        let config = ConsumerConfig {
            group_id: Some(group_id.clone()),
            // --from-beginning sets auto.offset.reset=earliest; the default stays latest.
            auto_offset_reset: Some(if from_beginning {
                AutoOffsetReset::Earliest
            } else {
                AutoOffsetReset::Latest
            }),
            enable_auto_commit: if generated { Some(false) } else { None },
            ..ConsumerConfig::default()
        };
        let assign = partition.map(|p| vec![TopicPartition::new(topic.clone(), p)]);
        let applied = self.add_consumer(
            None,
            ClientProfile::Java,
            config,
            vec![topic],
            assign,
            None,
            Some((
                ConsoleRun {
                    group_generated: generated,
                    from_beginning,
                },
                "console",
            )),
        )?;
        self.emit(EventKind::ConsoleConsumerStarted {
            consumer: applied.name.as_deref().unwrap_or_default().into(),
            group_id,
            from_beginning,
        });
        Ok(applied)
    }

    fn with_consumer(&mut self, c: u32, f: impl FnOnce(&mut Consumer, &mut Ctx)) {
        with_ctx!(self, |ctx| {
            f(&mut self.consumers[c as usize], &mut ctx);
        });
    }

    fn consumer_idx(&self, name: &str) -> Result<u32, ModelError> {
        self.consumers
            .iter()
            .position(|c| *c.name == *name)
            .map(|i| i as u32)
            .ok_or_else(|| ModelError::UnknownConsumer {
                consumer: name.into(),
            })
    }

    fn running_consumer(&self, name: &str) -> Result<u32, ModelError> {
        let c = self.consumer_idx(name)?;
        if self.consumers[c as usize].is_running() {
            Ok(c)
        } else {
            Err(ModelError::ConsumerNotRunning {
                consumer: name.into(),
            })
        }
    }

    fn producer_idx(&self, name: &str) -> Result<u32, ModelError> {
        self.producers
            .iter()
            .position(|p| *p.name == *name)
            .map(|i| i as u32)
            .ok_or_else(|| ModelError::UnknownProducer {
                producer: name.into(),
            })
    }
}

fn check_partitions(topic: &str, n: u32, min: u32) -> Result<(), ModelError> {
    if n < min || n > limits::MAX_PARTITIONS_PER_TOPIC {
        return Err(ModelError::InvalidPartitionCount {
            topic: topic.into(),
            requested: n,
            min,
            max: limits::MAX_PARTITIONS_PER_TOPIC,
        });
    }
    Ok(())
}

/// The broker's and clients' own bounds on these settings.
pub(super) fn validate_consumer_config(
    c: &ConsumerConfig,
    profile: ClientProfile,
) -> Result<(), ModelError> {
    if c.group_protocol == Some(GroupProtocol::Consumer) {
        // KIP-848: these are the broker's with group.protocol=consumer. Java's ConsumerConfig throws a
        // ConfigException at construction; librdkafka refuses at creation with _INVALID_ARG ("defined broker
        // side", "use group.remote.assignor instead").
        let refused = [
            (
                "partition.assignment.strategy",
                c.partition_assignment_strategy.is_some(),
            ),
            ("session.timeout.ms", c.session_timeout_ms.is_some()),
            ("heartbeat.interval.ms", c.heartbeat_interval_ms.is_some()),
        ];
        if let Some((field, _)) = refused.iter().find(|(_, set)| *set) {
            return Err(ModelError::InvalidValue {
                field: (*field).into(),
                reason: Reason::NotWithConsumerProtocol,
            });
        }
    }
    if let Some(a) = &c.group_remote_assignor {
        // Java's ConsumerConfig.checkGroupRemoteAssignor: a ConfigException with group.protocol=classic
        // (librdkafka ignores the setting then).
        if profile == ClientProfile::Java
            && c.group_protocol.unwrap_or_default() == GroupProtocol::Classic
            && !a.is_empty()
        {
            return Err(ModelError::InvalidValue {
                field: "group.remote.assignor".into(),
                reason: Reason::NeedsConsumerProtocol,
            });
        }
        if a.is_empty() || a.len() > 64 {
            return Err(ModelError::InvalidValue {
                field: "group.remote.assignor".into(),
                reason: Reason::Length { max: 64 },
            });
        }
    }
    if let Some(s) = c.session_timeout_ms {
        // group.min.session.timeout.ms = 6000, group.max.session.timeout.ms = 1800000 (GroupCoordinatorConfig).
        validate::range("session.timeout.ms", s, 6_000, 1_800_000)?;
    }
    if let Some(h) = c.heartbeat_interval_ms {
        validate::range("heartbeat.interval.ms", h, 1, 3_600_000)?;
        // The Java client requires heartbeat.interval.ms < session.timeout.ms (GroupRebalanceConfig).
        let session = c.session_timeout_ms.unwrap_or(45_000);
        if h >= session {
            return Err(ModelError::InvalidValue {
                field: "heartbeat.interval.ms".into(),
                reason: Reason::HeartbeatNotBelowSession {
                    heartbeat: h,
                    session,
                },
            });
        }
    }
    if let Some(m) = c.max_poll_interval_ms {
        validate::range("max.poll.interval.ms", m, 1, 86_400_000)?;
    }
    if let Some(m) = c.max_poll_records {
        validate::range("max.poll.records", u64::from(m), 1, 100_000)?;
    }
    if let Some(a) = c.auto_commit_interval_ms {
        validate::range("auto.commit.interval.ms", a, 1, 86_400_000)?;
    }
    if let Some(m) = c.metadata_max_age_ms {
        validate::range("metadata.max.age.ms", m, 1, 86_400_000)?;
    }
    if let Some(s) = &c.partition_assignment_strategy {
        if s.is_empty() {
            return Err(ModelError::InvalidValue {
                field: "partition.assignment.strategy".into(),
                reason: Reason::NoAssignor,
            });
        }
        // librdkafka refuses to create a consumer whose assignors have different rebalance protocols
        // (rdkafka_assignor.c, rd_kafka_assignors_init); Java runs the lowest one they share.
        if profile == ClientProfile::Librdkafka && s.iter().any(|a| a.protocol() != s[0].protocol())
        {
            return Err(ModelError::InvalidValue {
                field: "partition.assignment.strategy".into(),
                reason: Reason::MixedProtocols,
            });
        }
    }
    if let Some(i) = &c.group_instance_id {
        validate::client_name(i).map_err(|_| ModelError::InvalidValue {
            field: "group.instance.id".into(),
            reason: Reason::NameChars { max: 64 },
        })?;
    }
    if let Some(id) = &c.client_id {
        if id.is_empty() || id.len() > 128 {
            return Err(ModelError::InvalidValue {
                field: "client.id".into(),
                reason: Reason::Length { max: 128 },
            });
        }
    }
    Ok(())
}
