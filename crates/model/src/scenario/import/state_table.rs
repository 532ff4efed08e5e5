//! A row of the state table (`--describe --state [--verbose]`): the group's coordinator, assignor, state and
//! number of members.

use super::checks::optional_text;
use super::description::GroupDescription;
use super::error::{ImportError, ImportProblem};
use super::header::Column;
use super::row::Row;

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
    g.assignment_strategy = optional_text(
        "ASSIGNMENT-STRATEGY",
        row.get(Column::AssignmentStrategy),
        line,
    )?;
    g.coordinator = optional_text("COORDINATOR (ID)", row.get(Column::Coordinator), line)?;
    g.group_epoch = row.number(Column::GroupEpoch, i32::MAX as u64)?;
    g.assignment_epoch = row.number(Column::TargetAssignmentEpoch, i32::MAX as u64)?;
    // #MEMBERS is checked for a number only: the members themselves come from the other tables.
    row.number(Column::NumMembers, u64::from(u32::MAX))?;
    Ok(())
}
