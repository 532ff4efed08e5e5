//! A row of the state table (`--describe --state [--verbose]`): the group's coordinator, assignor, state and
//! number of members.

use super::checks::text;
use super::description::GroupDescription;
use super::error::{ImportError, ImportProblem};
use super::header::Column;
use super::row::Row;
use super::MAX_TEXT;

/// ClassicGroupState / ConsumerGroupState names as the tool prints them (GroupState.toString).
const STATES: [&str; 8] = [
    "Stable",
    "Empty",
    "PreparingRebalance",
    "CompletingRebalance",
    "Dead",
    "Assigning",
    "Reconciling",
    "Unknown",
];

pub fn apply(g: &mut GroupDescription, row: &Row) -> Result<(), ImportError> {
    let line = row.line;
    let state = row.text(Column::State)?;
    // 2.x called CompletingRebalance AwaitingSync.
    let state = if state == "AwaitingSync" {
        "CompletingRebalance"
    } else {
        state
    };
    if !STATES.contains(&state) {
        return Err(ImportError::at(
            line,
            ImportProblem::BadState {
                states: &STATES,
                found: super::error::excerpt(state, 40),
            },
        ));
    }
    g.state = Some(state.to_string());
    g.assignment_strategy = row
        .get(Column::AssignmentStrategy)
        .map(|s| text("ASSIGNMENT-STRATEGY", s, MAX_TEXT, line))
        .transpose()?;
    g.coordinator = row
        .get(Column::Coordinator)
        .map(|s| text("COORDINATOR (ID)", s, MAX_TEXT, line))
        .transpose()?;
    g.group_epoch = row.number(Column::GroupEpoch, i32::MAX as u64)?;
    // #MEMBERS is checked for a number only: the members themselves come from the other tables.
    row.number(Column::NumMembers, u64::from(u32::MAX))?;
    Ok(())
}
