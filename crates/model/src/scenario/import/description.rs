//! What the pasted output says about each group, merged over all the tables pasted: members, partitions with
//! their offsets and owners, and the group's state, assignor and coordinator.

use std::collections::BTreeMap;

use crate::collections::VecSet;
use crate::topic_partition::TopicPartition;

use super::error::{ImportError, ImportProblem};
use super::{MAX_GROUPS, MAX_MEMBERS};

/// One partition row of the offsets table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionDescription {
    /// CURRENT-OFFSET: the group's committed offset.
    pub committed: Option<u64>,
    pub log_end_offset: Option<u64>,
    pub lag: Option<i64>,
    /// CONSUMER-ID of the owner.
    pub owner: Option<String>,
    /// Where it was first described.
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDescription {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: Option<String>,
    pub host: Option<String>,
    /// CURRENT-ASSIGNMENT in 4.x.
    pub assignment: VecSet<TopicPartition>,
    /// CURRENT-EPOCH (4.x, consumer-protocol members): the member epoch.
    pub member_epoch: Option<i32>,
    /// TARGET-EPOCH (4.x): the epoch of the group's target assignment.
    pub target_epoch: Option<i32>,
    /// TARGET-ASSIGNMENT (4.x): the member's share of the target assignment; None when not shown.
    pub target: Option<VecSet<TopicPartition>>,
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupDescription {
    pub group_id: String,
    /// `Stable`, `Empty`, `PreparingRebalance`…: from `--state`, or the tool's "has no active members" and
    /// "is rebalancing" lines.
    pub state: Option<String>,
    /// ASSIGNMENT-STRATEGY from `--state`.
    pub assignment_strategy: Option<String>,
    /// COORDINATOR (ID) from `--state`: `host:port (id)`.
    pub coordinator: Option<String>,
    /// GROUP-EPOCH from `--state --verbose` (4.x).
    pub group_epoch: Option<u64>,
    /// TARGET-ASSIGNMENT-EPOCH from `--state --verbose` (4.x, consumer-protocol groups).
    pub assignment_epoch: Option<u64>,
    /// In the order first seen.
    pub members: Vec<MemberDescription>,
    /// A BTreeMap, not a VecMap: `--describe` lists rows by consumer in hash order, and 19,000 rows inserted out of
    /// order into a sorted Vec made parsing 13 times slower (59 -> 763 ms natively).
    pub partitions: BTreeMap<TopicPartition, PartitionDescription>,
}

/// Everything pasted, by group, in the order groups were first seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Description {
    pub groups: Vec<GroupDescription>,
}

impl Description {
    pub fn group_mut(
        &mut self,
        group_id: &str,
        line: usize,
    ) -> Result<&mut GroupDescription, ImportError> {
        find_or_add(
            &mut self.groups,
            |g| g.group_id == group_id,
            MAX_GROUPS,
            || ImportError::at(line, ImportProblem::TooManyGroups { max: MAX_GROUPS }),
            || GroupDescription {
                group_id: group_id.to_string(),
                ..GroupDescription::default()
            },
        )
    }
}

/// The item `is` picks, or a new one from `make` while there are fewer than `max`.
fn find_or_add<T>(
    items: &mut Vec<T>,
    is: impl Fn(&T) -> bool,
    max: usize,
    full: impl FnOnce() -> ImportError,
    make: impl FnOnce() -> T,
) -> Result<&mut T, ImportError> {
    let i = match items.iter().position(is) {
        Some(i) => i,
        None if items.len() >= max => return Err(full()),
        None => {
            items.push(make());
            items.len() - 1
        }
    };
    Ok(&mut items[i])
}

impl GroupDescription {
    pub fn member_mut(
        &mut self,
        member_id: &str,
        line: usize,
    ) -> Result<&mut MemberDescription, ImportError> {
        let group_id = &self.group_id;
        find_or_add(
            &mut self.members,
            |m| m.member_id == member_id,
            MAX_MEMBERS,
            || {
                ImportError::at(
                    line,
                    ImportProblem::GroupTooBig {
                        group_id: group_id.clone(),
                        max: MAX_MEMBERS,
                    },
                )
            },
            || MemberDescription {
                member_id: member_id.to_string(),
                group_instance_id: None,
                client_id: None,
                host: None,
                assignment: VecSet::new(),
                member_epoch: None,
                target_epoch: None,
                target: None,
                line,
            },
        )
    }

    /// Records that `member_id` owns `tp`, refusing a second owner.
    pub fn own(
        &mut self,
        tp: &TopicPartition,
        member_id: &str,
        line: usize,
    ) -> Result<(), ImportError> {
        let other = self
            .members
            .iter()
            .find(|m| m.member_id != member_id && m.assignment.contains(tp));
        if let Some(other) = other {
            return Err(ImportError::at(
                line,
                ImportProblem::OwnedTwice {
                    tp: tp.to_string(),
                    member_id: member_id.to_string(),
                    other: other.member_id.clone(),
                    other_line: other.line,
                },
            ));
        }
        self.member_mut(member_id, line)?
            .assignment
            .insert(tp.clone());
        Ok(())
    }

    /// Whether the output shows a consumer-protocol (KIP-848) group: a TARGET-ASSIGNMENT-EPOCH, or a member
    /// with a CURRENT-EPOCH (classic groups print `-` there).
    pub fn speaks_consumer_protocol(&self) -> bool {
        self.assignment_epoch.is_some() || self.members.iter().any(|m| m.member_epoch.is_some())
    }

    /// Topics of the group, sorted.
    pub fn topics(&self) -> Vec<String> {
        let mut topics = Vec::new();
        for tp in self.partitions.keys() {
            topics.push(tp.topic.to_string());
        }
        for m in &self.members {
            for tp in m.assignment.iter().chain(m.target.iter().flatten()) {
                topics.push(tp.topic.to_string());
            }
        }
        crate::collections::sort::sort(&mut topics);
        topics.dedup();
        topics
    }
}

/// Sets a member's text field, refusing a different value seen before.
pub fn set_once(
    slot: &mut Option<String>,
    value: Option<&str>,
    what: &'static str,
    member_id: &str,
    line: usize,
) -> Result<(), ImportError> {
    let Some(v) = value else {
        return Ok(());
    };
    match slot {
        Some(old) if old != v => Err(ImportError::at(
            line,
            ImportProblem::Disagrees {
                column: what,
                member_id: member_id.to_string(),
                now: v.to_string(),
                before: old.clone(),
            },
        )),
        Some(_) => Ok(()),
        None => {
            *slot = Some(v.to_string());
            Ok(())
        }
    }
}
