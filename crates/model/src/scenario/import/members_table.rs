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
