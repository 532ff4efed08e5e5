//! SeedPartition and RestoreGroup: the world an imported `kafka-consumer-groups --describe` shows, set up
//! through commands (so it is a scenario like any other: shared, rewound, forked). Everything is validated
//! before anything changes.

use crate::collections::VecMap;
use crate::collections::VecSet;
use std::rc::Rc;

use crate::assignor::AssignorName;
use crate::command::{RestoredMember, RestoredOffset};
use crate::config::ConsumerConfig;
use crate::consumer::{self, CgMembership, Consumer, Membership};
use crate::error::{ModelError, Reason};
use crate::event::EventKind;
use crate::group::consumer_protocol::{self, StoredCgMember, StoredConsumerGroup};
use crate::group::{self, GroupEnv, StoredGroup, StoredMember};
use crate::topic_partition::TopicPartition;
use crate::validate;

use super::commands::{validate_consumer_config, Applied};
use super::Sim;
use crate::limits;

/// The largest offset accepted: 2^53 - 1, so offsets stay exact in JavaScript numbers (`window.grouplab.state()`).
/// Kafka's own limit is 2^63 - 1; real logs are far below both.
pub const MAX_OFFSET: u64 = (1 << 53) - 1;
/// Member ids are `client.id + "-" + UUID` (ClassicGroup.generateMemberId); client.id is limited to 128 here.
const MAX_MEMBER_ID_LEN: usize = 255;

/// Which protocol a restored group speaks, with what its members configure for it.
#[derive(Clone, Copy)]
enum Speaks<'a> {
    /// The selected assignor (`partition.assignment.strategy`); None only without members.
    Classic(Option<AssignorName>),
    /// KIP-848: `group.remote.assignor`, if the members name one.
    Consumer(Option<&'a str>),
}

fn coordinator_down(group_id: &str) -> ModelError {
    invalid(
        "group_id",
        Reason::CoordinatorDown {
            group_id: group_id.into(),
        },
    )
}

fn invalid(field: &str, reason: Reason) -> ModelError {
    ModelError::InvalidValue {
        field: field.to_string(),
        reason,
    }
}

impl Sim {
    pub(super) fn seed_partition(
        &mut self,
        topic: &str,
        partition: u32,
        log_start_offset: u64,
        log_end_offset: u64,
    ) -> Result<Applied, ModelError> {
        let n = self
            .cluster
            .partition_count(topic)
            .ok_or_else(|| ModelError::UnknownTopic {
                topic: topic.into(),
            })?;
        if partition >= n {
            return Err(ModelError::UnknownPartition {
                topic: topic.into(),
                partition,
                partitions: n,
            });
        }
        validate::range("log_end_offset", log_end_offset, 0, MAX_OFFSET)?;
        validate::range("log_start_offset", log_start_offset, 0, log_end_offset)?;
        let Some(p) = self.cluster.partition_mut(topic, partition) else {
            return Err(ModelError::UnknownTopic {
                topic: topic.into(),
            });
        };
        if !p.log.is_untouched() {
            return Err(invalid(
                "log_end_offset",
                Reason::NotEmpty {
                    tp: format!("{topic}/{partition}"),
                },
            ));
        }
        p.log.seed(log_start_offset, log_end_offset);
        self.emit(EventKind::PartitionSeeded {
            tp: TopicPartition::new(topic, partition),
            log_start_offset,
            log_end_offset,
        });
        Ok(Applied::default())
    }

    pub(super) fn restore_group(
        &mut self,
        group_id: &str,
        generation_id: i32,
        protocol: Option<AssignorName>,
        members: &[RestoredMember],
        offsets: &[RestoredOffset],
    ) -> Result<Applied, ModelError> {
        let committed = self.check_restore(
            group_id,
            generation_id,
            Speaks::Classic(protocol),
            members,
            offsets,
        )?;
        // Assignments name their topics with the cluster's shared names (cheap copies and comparisons).
        let members: &[RestoredMember] = &members
            .iter()
            .map(|m| RestoredMember {
                assignment: m
                    .assignment
                    .iter()
                    .map(|tp| self.cluster.interned(tp.clone()))
                    .collect(),
                ..m.clone()
            })
            .collect::<Vec<_>>();
        let protocol = protocol.unwrap_or(AssignorName::Range);
        let g = self.group_idx(group_id);
        let coordinator = self.groups[g as usize].coordinator;
        let Some(broker) = coordinator else {
            return Err(coordinator_down(group_id));
        };
        let mut consumers = Vec::with_capacity(members.len());
        for m in members {
            consumers.push(self.spawn_restored_consumer(
                group_id,
                Speaks::Classic(Some(protocol)),
                m,
            ));
        }
        let stored = StoredGroup {
            generation_id,
            protocol: (!members.is_empty()).then_some(protocol),
            members: members
                .iter()
                .zip(&consumers)
                .map(|(m, &c)| {
                    let cfg = &self.consumers[c as usize].cfg;
                    StoredMember {
                        member_id: m.member_id.clone(),
                        group_instance_id: m.group_instance_id.clone(),
                        client_id: m.client_id.clone(),
                        client_host: m.client_host.clone(),
                        consumer: c,
                        topics: self.consumers[c as usize].topics.clone(),
                        assignment: m.assignment.clone(),
                        session_timeout_ms: cfg.session_timeout_ms,
                        // The rebalance timeout is max.poll.interval.ms (ConsumerCoordinator).
                        rebalance_timeout_ms: cfg.max_poll_interval_ms,
                    }
                })
                .collect(),
            offsets: committed.clone(),
        };
        with_ctx!(self, |ctx| {
            let env = GroupEnv::new(g, broker, &self.config, &self.consumer_names);
            group::load(&mut self.groups[g as usize], &mut ctx, &env, stored);
        });
        let leader = members.first().map_or("", |m| m.member_id.as_str());
        for (m, &c) in members.iter().zip(&consumers) {
            let partitions_per_topic: VecMap<String, u32> = VecMap::from_iter(
                members
                    .iter()
                    .flat_map(|m| &m.topics)
                    .filter_map(|t| self.cluster.partition_count(t).map(|n| (t.clone(), n))),
            );
            consumer::resume(
                &mut self.consumers[c as usize],
                Membership {
                    coordinator,
                    member_id: &m.member_id,
                    generation_id,
                    leader_id: leader,
                    protocol,
                    assignment: &m.assignment,
                    committed: &committed,
                    partitions_per_topic: &partitions_per_topic,
                },
            );
        }
        Ok(Applied {
            name: None,
            group_id: Some(group_id.to_string()),
        })
    }

    /// RestoreGroup of a consumer-protocol group (KIP-848): the coordinator loads the group epoch, the stored
    /// target assignment and its epoch, each member's epoch and current assignment, and the partition epochs;
    /// each member's consumer runs with `group.protocol=consumer` (and `group.remote.assignor`), STABLE at its
    /// member epoch with its current assignment, and heartbeats from its next tick. A member whose current
    /// assignment is not its target reconciles towards it as the coordinator's rules say.
    pub(super) fn restore_consumer_group(
        &mut self,
        group_id: &str,
        group_epoch: i32,
        assignment_epoch: Option<i32>,
        server_assignor: Option<&str>,
        members: &[RestoredMember],
        offsets: &[RestoredOffset],
    ) -> Result<Applied, ModelError> {
        let speaks = Speaks::Consumer(server_assignor);
        let committed = self.check_restore(group_id, 0, speaks, members, offsets)?;
        let epochs = check_epochs(group_epoch, assignment_epoch, members)?;
        let mut targets: VecSet<&TopicPartition> = VecSet::new();
        for m in members {
            // A member without a target keeps its current assignment as its target.
            for tp in m.target.as_deref().unwrap_or(&m.assignment) {
                if !targets.insert(tp) {
                    // One target owner per partition (TargetAssignmentBuilder's contract).
                    return Err(invalid(
                        "target",
                        Reason::AssignedTwice { tp: tp.to_string() },
                    ));
                }
            }
        }
        let assignment_epoch = assignment_epoch.unwrap_or(group_epoch);
        let interned = |tps: &[TopicPartition], sim: &Sim| -> Vec<TopicPartition> {
            tps.iter()
                .map(|tp| sim.cluster.interned(tp.clone()))
                .collect()
        };
        let g = self.group_idx(group_id);
        let Some(broker) = self.groups[g as usize].coordinator else {
            return Err(coordinator_down(group_id));
        };
        let mut stored = Vec::with_capacity(members.len());
        let mut consumers = Vec::with_capacity(members.len());
        for (m, &member_epoch) in members.iter().zip(&epochs) {
            let c = self.spawn_restored_consumer(group_id, speaks, m);
            consumers.push(c);
            let assigned = interned(&m.assignment, self);
            let target = interned(m.target.as_deref().unwrap_or(&m.assignment), self);
            let consumer = &self.consumers[c as usize];
            stored.push(StoredCgMember {
                member_id: m.member_id.clone(),
                instance_id: m.group_instance_id.clone(),
                client_id: m.client_id.clone(),
                consumer: c,
                topics: consumer.topics.clone(),
                server_assignor: consumer.cfg.group_remote_assignor.clone(),
                rebalance_timeout_ms: consumer.cfg.max_poll_interval_ms,
                member_epoch,
                assigned,
                target,
            });
        }
        let assignor = server_assignor
            .map(str::to_string)
            .or_else(|| self.config.group_consumer_assignors.first().cloned())
            .unwrap_or_else(|| "uniform".to_string());
        let group = StoredConsumerGroup {
            group_epoch,
            assignment_epoch,
            assignor,
            members: stored,
            offsets: committed.clone(),
        };
        with_ctx!(self, |ctx| {
            let env = GroupEnv::new(g, broker, &self.config, &self.consumer_names);
            consumer_protocol::load(
                &mut self.groups[g as usize],
                &mut ctx,
                &env,
                &self.cluster,
                group,
            );
        });
        for ((m, &c), &member_epoch) in members.iter().zip(&consumers).zip(&epochs) {
            let assignment = interned(&m.assignment, self);
            consumer::resume_consumer_protocol(
                &mut self.consumers[c as usize],
                CgMembership {
                    coordinator: Some(broker),
                    member_id: &m.member_id,
                    member_epoch,
                    assignment: &assignment,
                    committed: &committed,
                },
            );
        }
        Ok(Applied {
            name: None,
            group_id: Some(group_id.to_string()),
        })
    }

    /// A running consumer for one restored member, started like any other (timers, metadata), not yet joined.
    fn spawn_restored_consumer(
        &mut self,
        group_id: &str,
        speaks: Speaks,
        m: &RestoredMember,
    ) -> u32 {
        if m.profile == crate::config::ClientProfile::Java {
            self.java_client_seq += 1;
        }
        let config = restored_config(group_id, speaks, m);
        let cfg = config.effective(m.profile, self.java_client_seq.max(1));
        let idx = self.consumers.len() as u32;
        let mut topics = m.topics.clone();
        crate::collections::sort::sort(&mut topics);
        topics.dedup();
        let name: Rc<str> = Rc::from(m.consumer.as_str());
        self.consumers
            .push(Consumer::new(idx, name.clone(), cfg, topics));
        self.consumer_names.push(name);
        self.start_consumer(idx);
        idx
    }

    /// Every rule RestoreGroup must meet; returns the committed offsets by partition.
    fn check_restore(
        &self,
        group_id: &str,
        generation_id: i32,
        speaks: Speaks,
        members: &[RestoredMember],
        offsets: &[RestoredOffset],
    ) -> Result<VecMap<TopicPartition, u64>, ModelError> {
        validate::group_id(group_id)?;
        if self.coordinator_lookup(group_id).1.is_none() {
            return Err(coordinator_down(group_id));
        }
        let in_use = self.group(group_id).is_some()
            || self
                .consumers
                .iter()
                .any(|c| c.cfg.group_id.as_deref() == Some(group_id));
        if in_use {
            return Err(ModelError::GroupExists {
                group_id: group_id.into(),
            });
        }
        let min_generation = if members.is_empty() { 0 } else { 1 };
        // A consumer group has no generation; its epochs are checked by restore_consumer_group.
        if let Speaks::Classic(_) = speaks {
            validate::range(
                "generation_id",
                u64::try_from(generation_id).unwrap_or(u64::MAX),
                min_generation,
                i32::MAX as u64,
            )?;
        }
        if members.len() > limits::MAX_MEMBERS_PER_GROUP as usize {
            return Err(ModelError::GroupFull {
                group_id: group_id.into(),
                max: limits::MAX_MEMBERS_PER_GROUP,
            });
        }
        if self.consumers.len() + self.producers.len() + members.len() > limits::MAX_CLIENTS {
            return Err(ModelError::TooManyClients {
                max: limits::MAX_CLIENTS as u32,
            });
        }
        if !members.is_empty() && matches!(speaks, Speaks::Classic(None)) {
            return Err(invalid("protocol", Reason::ProtocolNeeded));
        }
        let mut owners: VecSet<&TopicPartition> = VecSet::new();
        let mut ids: VecSet<&str> = VecSet::new();
        let mut names: VecSet<&str> = VecSet::new();
        let mut instances: VecSet<&str> = VecSet::new();
        for m in members {
            self.check_member(group_id, speaks, m)?;
            if !names.insert(&m.consumer) {
                return Err(ModelError::NameTaken {
                    name: m.consumer.clone(),
                });
            }
            if !ids.insert(&m.member_id) {
                return Err(invalid(
                    "member_id",
                    Reason::Twice {
                        what: m.member_id.clone(),
                    },
                ));
            }
            if let Some(i) = &m.group_instance_id {
                if !instances.insert(i) {
                    return Err(invalid(
                        "group.instance.id",
                        Reason::Twice { what: i.clone() },
                    ));
                }
            }
            for tp in &m.assignment {
                if !owners.insert(tp) {
                    // One owner per partition in a generation (ConsumerPartitionAssignor.assign's contract).
                    return Err(invalid(
                        "assignment",
                        Reason::AssignedTwice { tp: tp.to_string() },
                    ));
                }
            }
        }
        let mut committed = VecMap::new();
        for o in offsets {
            let tp = TopicPartition::new(o.topic.clone(), o.partition);
            let leo = self.existing_partition(&tp)?;
            // The committed offset is at most the log-end offset (the invariant the tests check).
            if o.offset > leo {
                return Err(invalid(
                    "offset",
                    Reason::CommittedBeyondEnd {
                        tp: tp.to_string(),
                        committed: o.offset,
                        log_end_offset: leo,
                    },
                ));
            }
            if committed.insert(tp.clone(), o.offset).is_some() {
                return Err(invalid(
                    "offsets",
                    Reason::Twice {
                        what: tp.to_string(),
                    },
                ));
            }
        }
        Ok(committed)
    }

    fn check_member(
        &self,
        group_id: &str,
        speaks: Speaks,
        m: &RestoredMember,
    ) -> Result<(), ModelError> {
        validate::client_name(&m.consumer)?;
        if self.consumer(&m.consumer).is_some() || self.producer(&m.consumer).is_some() {
            return Err(ModelError::NameTaken {
                name: m.consumer.clone(),
            });
        }
        let text_ok = |s: &str, max: usize| {
            !s.is_empty() && s.len() <= max && !s.chars().any(char::is_control)
        };
        if !text_ok(&m.member_id, MAX_MEMBER_ID_LEN) {
            return Err(invalid(
                "member_id",
                Reason::Text {
                    max: MAX_MEMBER_ID_LEN,
                },
            ));
        }
        if let Some(h) = &m.client_host {
            if !text_ok(h, MAX_MEMBER_ID_LEN) {
                return Err(invalid(
                    "client_host",
                    Reason::Text {
                        max: MAX_MEMBER_ID_LEN,
                    },
                ));
            }
        }
        validate_consumer_config(&restored_config(group_id, speaks, m), m.profile)?;
        if m.topics.is_empty() {
            return Err(ModelError::NoSubscription);
        }
        for t in &m.topics {
            validate::topic_name(t)?;
        }
        for tp in m.assignment.iter().chain(m.target.iter().flatten()) {
            self.existing_partition(tp)?;
            // A member is only given partitions of topics it subscribes to (AbstractPartitionAssignor).
            if !m.topics.iter().any(|t| **t == *tp.topic) {
                return Err(invalid(
                    "assignment",
                    Reason::NotSubscribed {
                        member_id: m.member_id.clone(),
                        tp: tp.to_string(),
                        topic: tp.topic.to_string(),
                    },
                ));
            }
        }
        Ok(())
    }

    /// The partition's log-end offset, or why it does not exist.
    fn existing_partition(&self, tp: &TopicPartition) -> Result<u64, ModelError> {
        let n =
            self.cluster
                .partition_count(&tp.topic)
                .ok_or_else(|| ModelError::UnknownTopic {
                    topic: tp.topic.to_string(),
                })?;
        self.cluster
            .partition(&tp.topic, tp.partition)
            .map(|p| p.log.log_end_offset())
            .ok_or(ModelError::UnknownPartition {
                topic: tp.topic.to_string(),
                partition: tp.partition,
                partitions: n,
            })
    }
}

/// A consumer group's epochs: 0 <= member epochs <= the assignment epoch <= the group epoch (a member's epoch
/// is at least 1: 0 is a member that has not joined). Returns each member's epoch (default: the assignment
/// epoch).
fn check_epochs(
    group_epoch: i32,
    assignment_epoch: Option<i32>,
    members: &[RestoredMember],
) -> Result<Vec<i32>, ModelError> {
    let as_u64 = |e: i32| u64::try_from(e).unwrap_or(u64::MAX);
    let min = if members.is_empty() { 0 } else { 1 };
    validate::range("group_epoch", as_u64(group_epoch), min, i32::MAX as u64)?;
    let assignment_epoch = assignment_epoch.unwrap_or(group_epoch);
    validate::range(
        "assignment_epoch",
        as_u64(assignment_epoch),
        min,
        as_u64(group_epoch),
    )?;
    let mut epochs = Vec::with_capacity(members.len());
    for m in members {
        let e = m.member_epoch.unwrap_or(assignment_epoch);
        validate::range("member_epoch", as_u64(e), 1, as_u64(assignment_epoch))?;
        epochs.push(e);
    }
    Ok(epochs)
}

/// The configuration a restored member runs with: its group, client id, instance id, and for a classic group the
/// group's assignor as its only `partition.assignment.strategy` (the one thing every member of the group is known
/// to support); for a consumer group `group.protocol=consumer` and the group's server assignor as
/// `group.remote.assignor`.
fn restored_config(group_id: &str, speaks: Speaks, m: &RestoredMember) -> ConsumerConfig {
    let (strategy, group_protocol, remote) = match speaks {
        Speaks::Classic(p) => (Some(vec![p.unwrap_or(AssignorName::Range)]), None, None),
        Speaks::Consumer(a) => (
            None,
            Some(crate::config::GroupProtocol::Consumer),
            a.map(str::to_string),
        ),
    };
    ConsumerConfig {
        group_id: Some(group_id.to_string()),
        group_instance_id: m.group_instance_id.clone(),
        client_id: Some(m.client_id.clone()),
        partition_assignment_strategy: strategy,
        group_protocol,
        group_remote_assignor: remote,
        ..ConsumerConfig::default()
    }
}
