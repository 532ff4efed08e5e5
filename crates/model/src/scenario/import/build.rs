//! From what the output says to a scenario the model runs: topics big enough for every listed partition,
//! partitions seeded with their exact log-end offsets, and each group restored with its members, owners and
//! committed offsets (SeedPartition and RestoreGroup, so the import is an ordinary scenario). What the output
//! does not show is chosen and said in a note. A consumer-protocol (KIP-848) group is restored with its epochs,
//! targets and server assignor instead of a guessed client-side assignor.

use crate::assignor::server::ServerAssignor;
use crate::assignor::AssignorName;
use crate::collections::VecMap;
use crate::collections::VecSet;
use crate::command::{Command, RestoredMember, RestoredOffset};
use crate::config::{ClientProfile, ClusterConfig};
use crate::limits;
use crate::timeline::LoggedCommand;
use crate::topic_partition::TopicPartition;

use super::super::{Scenario, SCENARIO_VERSION};
use super::assignor_guess::{matching, Observed};
use super::description::{Description, GroupDescription};
use super::error::{ImportError, ImportNote, ImportProblem};
use super::names::{client_id_of, consumer_name, profile_of};
use super::parse::UNNAMED_GROUP;
use super::Imported;

/// The group id given to tables printed without a GROUP column when nothing names the group.
pub const DEFAULT_GROUP_ID: &str = "imported-group";
/// Imported scenarios all start from this seed: the same text gives the same history.
pub const IMPORT_SEED: u64 = 20_261_124;

pub fn build(d: Description) -> Result<Imported, ImportError> {
    let mut groups: Vec<&GroupDescription> = Vec::new();
    for g in &d.groups {
        if g.group_id != UNNAMED_GROUP || !g.partitions.is_empty() || !g.members.is_empty() {
            groups.push(g);
        }
    }
    if groups.is_empty() {
        return Err(ImportError::whole(ImportProblem::Nothing));
    }
    let mut notes = Vec::new();
    let counts = partition_counts(&groups)?;
    let mut commands: Vec<Command> = Vec::new();
    for (topic, &n) in &counts {
        commands.push(Command::CreateTopic {
            topic: topic.clone(),
            partitions: n,
            replication_factor: None,
        });
    }
    seeds(&groups, &mut commands, &mut notes);
    let members: usize = groups.iter().map(|g| g.members.len()).sum();
    if members > limits::MAX_CLIENTS {
        return Err(ImportError::whole(ImportProblem::TooManyMembers {
            members,
            max: limits::MAX_CLIENTS,
        }));
    }
    let mut taken = VecSet::new();
    let mut names = Vec::new();
    for g in &groups {
        commands.push(restore(g, &counts, &mut taken, &mut notes));
        names.push(group_id(g).to_string());
    }
    let mut logged = Vec::with_capacity(commands.len());
    for command in commands {
        logged.push(LoggedCommand { at_ms: 0, command });
    }
    let scenario = Scenario {
        version: SCENARIO_VERSION,
        seed: IMPORT_SEED,
        cluster: ClusterConfig::default(),
        commands: logged,
        time_ms: Some(0),
    };
    Ok(Imported {
        scenario,
        groups: names,
        notes,
    })
}

fn group_id(g: &GroupDescription) -> &str {
    if g.group_id == UNNAMED_GROUP {
        DEFAULT_GROUP_ID
    } else {
        &g.group_id
    }
}

/// Every topic with enough partitions for the highest one listed.
fn partition_counts(groups: &[&GroupDescription]) -> Result<VecMap<String, u32>, ImportError> {
    let mut counts: VecMap<String, u32> = VecMap::new();
    for g in groups {
        // A partition only a (4.x) target assignment lists exists too.
        let targets = g.members.iter().flat_map(|m| m.target.iter().flatten());
        for tp in g.partitions.keys().chain(targets) {
            let n = counts.entry(tp.topic.to_string()).or_default();
            *n = (*n).max(tp.partition + 1);
        }
    }
    if counts.len() > limits::MAX_TOPICS {
        return Err(ImportError::whole(ImportProblem::TooManyTopics {
            topics: counts.len(),
            max: limits::MAX_TOPICS,
        }));
    }
    Ok(counts)
}

/// One SeedPartition per partition with records: its log-end offset, never below a group's committed offset.
fn seeds(groups: &[&GroupDescription], commands: &mut Vec<Command>, notes: &mut Vec<ImportNote>) {
    // Keyed by TopicPartition itself (not a reference): the model's own map of offsets, so no extra copy of the
    // map code (see docs/size.md).
    let mut leo: VecMap<TopicPartition, u64> = VecMap::new();
    let (mut unknown, mut raised) = (0, 0);
    for g in groups {
        for (tp, p) in &g.partitions {
            let committed = p.committed.unwrap_or(0);
            let end = match p.log_end_offset {
                Some(e) if e < committed => {
                    raised += 1;
                    committed
                }
                Some(e) => e,
                None => {
                    unknown += 1;
                    committed
                }
            };
            let slot = leo.entry(tp.clone()).or_default();
            *slot = (*slot).max(end);
        }
    }
    if unknown > 0 {
        notes.push(ImportNote::NoLogEnd {
            partitions: unknown,
        });
    }
    if raised > 0 {
        notes.push(ImportNote::Raised { partitions: raised });
    }
    for (tp, e) in leo {
        if e > 0 {
            commands.push(Command::SeedPartition {
                topic: tp.topic.to_string(),
                partition: tp.partition,
                log_start_offset: 0,
                log_end_offset: e,
            });
        }
    }
}

fn restore(
    g: &GroupDescription,
    counts: &VecMap<String, u32>,
    taken: &mut VecSet<String>,
    notes: &mut Vec<ImportNote>,
) -> Command {
    let id = group_id(g);
    let topics = g.topics();
    let generation_id = g
        .group_epoch
        .map_or(1, |e| i32::try_from(e).unwrap_or(i32::MAX).max(1));
    let mut members = Vec::with_capacity(g.members.len());
    for m in &g.members {
        let client_id = m
            .client_id
            .clone()
            .unwrap_or_else(|| client_id_of(&m.member_id));
        members.push(RestoredMember {
            consumer: consumer_name(&client_id, taken),
            member_id: m.member_id.clone(),
            group_instance_id: m.group_instance_id.clone(),
            profile: profile_of(&client_id),
            client_id,
            client_host: m.host.clone(),
            topics: topics.clone(),
            assignment: m.assignment.iter().cloned().collect(),
            member_epoch: None,
            target: None,
        });
    }
    if g.speaks_consumer_protocol() {
        return restore_consumer_group(g, members, notes);
    }
    let protocol = (!members.is_empty()).then(|| assignor(g, &topics, counts, notes));
    if let Some(leader) = members.first() {
        notes.push(ImportNote::Generation {
            group_id: id.to_string(),
            generation: generation_id,
            from_epoch: g.group_epoch.is_some(),
            leader: leader.member_id.clone(),
            topics: topics.clone(),
        });
    } else {
        notes.push(ImportNote::NoMembers {
            group_id: id.to_string(),
        });
    }
    if g.state
        .as_deref()
        .is_some_and(|s| s != "Stable" && s != "Empty")
        && !members.is_empty()
    {
        notes.push(ImportNote::State {
            group_id: id.to_string(),
            state: g.state.clone().unwrap_or_default(),
        });
    }
    coordinator_note(g, notes);
    Command::RestoreGroup {
        group_id: id.to_string(),
        generation_id,
        protocol,
        offsets: committed_offsets(g),
        members,
        group_epoch: None,
        assignment_epoch: None,
        server_assignor: None,
    }
}

fn coordinator_note(g: &GroupDescription, notes: &mut Vec<ImportNote>) {
    if let Some(c) = &g.coordinator {
        notes.push(ImportNote::Coordinator {
            group_id: group_id(g).to_string(),
            coordinator: c.clone(),
        });
    }
}

fn committed_offsets(g: &GroupDescription) -> Vec<RestoredOffset> {
    let mut offsets = Vec::new();
    for (tp, p) in &g.partitions {
        if let Some(offset) = p.committed {
            offsets.push(RestoredOffset {
                topic: tp.topic.to_string(),
                partition: tp.partition,
                offset,
            });
        }
    }
    offsets
}

/// A consumer-protocol (KIP-848) group: its group epoch, target assignment epoch and server assignor, and each
/// member's epoch, current and target assignment, as described. A GROUP-EPOCH or TARGET-ASSIGNMENT-EPOCH that
/// is not shown is the highest epoch the members show.
fn restore_consumer_group(
    g: &GroupDescription,
    mut members: Vec<RestoredMember>,
    notes: &mut Vec<ImportNote>,
) -> Command {
    let id = group_id(g);
    let epoch = |e: u64| i32::try_from(e).unwrap_or(i32::MAX);
    let shown = g
        .members
        .iter()
        .flat_map(|m| [m.member_epoch, m.target_epoch])
        .flatten()
        .max();
    let assignment_epoch = g
        .assignment_epoch
        .map(epoch)
        .or(g.members.iter().filter_map(|m| m.target_epoch).max())
        .or(shown)
        .or(g.group_epoch.map(epoch))
        .unwrap_or(1);
    let group_epoch = g.group_epoch.map_or(assignment_epoch, epoch);
    for (r, m) in members.iter_mut().zip(&g.members) {
        r.member_epoch = m.member_epoch;
        r.target = m.target.as_ref().map(|t| t.iter().cloned().collect());
    }
    let stated = g.assignment_strategy.clone();
    let server_assignor = stated
        .as_deref()
        .and_then(|s| s.parse::<ServerAssignor>().ok())
        .map(|a| a.name().to_string());
    if members.is_empty() {
        notes.push(ImportNote::NoMembers {
            group_id: id.to_string(),
        });
    } else {
        notes.push(ImportNote::ConsumerProtocol {
            group_id: id.to_string(),
            group_epoch,
            assignment_epoch,
            assignor: server_assignor.clone(),
            unmodelled: stated.filter(|_| server_assignor.is_none()),
            topics: g.topics(),
        });
    }
    coordinator_note(g, notes);
    Command::RestoreGroup {
        group_id: id.to_string(),
        generation_id: group_epoch,
        protocol: None,
        offsets: committed_offsets(g),
        members,
        group_epoch: Some(group_epoch),
        assignment_epoch: Some(assignment_epoch),
        server_assignor,
    }
}

/// The group's assignor: `--state`'s ASSIGNMENT-STRATEGY, else the one that reproduces the owners, else range.
fn assignor(
    g: &GroupDescription,
    topics: &[String],
    counts: &VecMap<String, u32>,
    notes: &mut Vec<ImportNote>,
) -> AssignorName {
    let id = group_id(g);
    let stated = g.assignment_strategy.as_deref();
    if let Some(a) = stated.and_then(AssignorName::from_name) {
        notes.push(ImportNote::Stated {
            group_id: id.to_string(),
            assignor: a.name(),
        });
        return a;
    }
    let mut observed = Vec::with_capacity(g.members.len());
    for m in &g.members {
        observed.push(Observed {
            member_id: &m.member_id,
            group_instance_id: m.group_instance_id.as_deref(),
            owned: m.assignment.iter().cloned().collect(),
        });
    }
    // The restored leader is the first member (see `restore`); its client computed the owners.
    let leader = g.members.first().map_or(ClientProfile::Java, |m| {
        profile_of(
            m.client_id
                .as_deref()
                .unwrap_or(&client_id_of(&m.member_id)),
        )
    });
    let found = matching(leader, &observed, topics, counts);
    let unmodelled = stated.map(str::to_string);
    match found.split_first() {
        Some((&first, rest)) => {
            notes.push(ImportNote::Inferred {
                group_id: id.to_string(),
                unmodelled,
                assignor: first.name(),
                also: {
                    let mut also = Vec::with_capacity(rest.len());
                    for a in rest {
                        also.push(a.name());
                    }
                    also
                },
            });
            first
        }
        None => {
            notes.push(ImportNote::RangeFallback {
                group_id: id.to_string(),
                unmodelled,
            });
            AssignorName::Range
        }
    }
}
