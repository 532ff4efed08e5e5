//! A row of the members table (`--describe --members [--verbose]`): a member's ids, host, client id, number
//! of partitions and (verbose) its assignment.

use super::assignment;
use super::checks::{optional_text, text};
use super::description::{set_once, GroupDescription, PartitionDescription};
use super::error::{ImportError, ImportProblem};
use super::header::Column;
use super::row::Row;
use super::MAX_TEXT;

pub fn apply(g: &mut GroupDescription, row: &Row) -> Result<(), ImportError> {
    let line = row.line;
    let id = text("CONSUMER-ID", row.text(Column::ConsumerId)?, MAX_TEXT, line)?;
    let field = |c: Column| optional_text(c.name(), row.get(c), line);
    let (host, client, instance) = (
        field(Column::Host)?,
        field(Column::ClientId)?,
        field(Column::GroupInstanceId)?,
    );
    let count = row.number(Column::NumPartitions, u64::from(u32::MAX))?;
    let assignment = assignment::parse(row.get(Column::Assignment), line)?;
    // 4.x: CURRENT-EPOCH, TARGET-EPOCH and TARGET-ASSIGNMENT (`-` for a classic member; an empty target is `-`
    // too, so a target is read when the member shows an epoch or lists one).
    let epoch = |c: Column| -> Result<Option<i32>, ImportError> {
        Ok(row.number(c, i32::MAX as u64)?.map(|n| n as i32))
    };
    let member_epoch = epoch(Column::CurrentEpoch)?;
    let target_epoch = epoch(Column::TargetEpoch)?;
    let target = if row.get(Column::TargetAssignment).is_some()
        || (row.has(Column::TargetAssignment) && (member_epoch.is_some() || target_epoch.is_some()))
    {
        Some(assignment::parse(row.get(Column::TargetAssignment), line)?)
    } else {
        None
    };
    // Verbose output lists the assignment: it must agree with #PARTITIONS.
    if row.has(Column::Assignment) {
        if let Some(n) = count {
            if n != assignment.len() as u64 {
                return Err(ImportError::at(
                    line,
                    ImportProblem::CountMismatch {
                        said: n,
                        listed: assignment.len(),
                    },
                ));
            }
        }
    }
    // One target owner per partition (TargetAssignmentBuilder's contract).
    for tp in target.iter().flatten() {
        let other = g
            .members
            .iter()
            .find(|o| o.member_id != id && o.target.as_ref().is_some_and(|t| t.contains(tp)));
        if let Some(o) = other {
            return Err(ImportError::at(
                line,
                ImportProblem::OwnedTwice {
                    tp: tp.to_string(),
                    member_id: id.clone(),
                    other: o.member_id.clone(),
                    other_line: o.line,
                },
            ));
        }
    }
    let m = g.member_mut(&id, line)?;
    set_once(&mut m.host, host.as_deref(), "HOST", &id, line)?;
    set_once(&mut m.client_id, client.as_deref(), "CLIENT-ID", &id, line)?;
    set_once(
        &mut m.group_instance_id,
        instance.as_deref(),
        "GROUP-INSTANCE-ID",
        &id,
        line,
    )?;
    if member_epoch.is_some() {
        m.member_epoch = member_epoch;
    }
    if target_epoch.is_some() {
        m.target_epoch = target_epoch;
    }
    if let Some(target) = &target {
        m.target = Some(target.iter().cloned().collect());
    }
    for tp in &assignment {
        g.own(tp, &id, line)?;
        g.partitions
            .entry(tp.clone())
            .or_insert_with(|| PartitionDescription {
                committed: None,
                log_end_offset: None,
                lag: None,
                owner: Some(id.clone()),
                line,
            });
    }
    Ok(())
}
