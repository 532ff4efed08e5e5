//! A row of the offsets table (`--describe`, `--describe --offsets`): one partition of a group with its
//! committed offset, log-end offset, lag and owner, or (2.0, 2.1) a member without partitions.

use crate::topic_partition::TopicPartition;

use super::checks::{check_partition, optional_text, topic};
use super::description::{set_once, GroupDescription, PartitionDescription};
use super::error::{ImportError, ImportProblem};
use super::header::Column;
use super::row::Row;
use super::MAX_OFFSET;

pub fn apply(g: &mut GroupDescription, row: &Row) -> Result<(), ImportError> {
    let line = row.line;
    let owner = optional_text("CONSUMER-ID", row.get(Column::ConsumerId), line)?;
    let (Some(t), Some(_)) = (row.get(Column::Topic), row.get(Column::Partition)) else {
        if row.get(Column::Topic).is_some() || row.get(Column::Partition).is_some() {
            return Err(ImportError::at(line, ImportProblem::HalfPartition));
        }
        // Kafka 2.0 and 2.1 list a member without partitions as a row of dashes with its ids.
        if let Some(id) = &owner {
            describe_member(g, row, id)?;
        }
        return Ok(());
    };
    let tp = TopicPartition::new(topic(t, line)?, check_partition(partition(row)?, line)?);
    let committed = row.number(Column::CurrentOffset, MAX_OFFSET)?;
    let mut log_end_offset = row.number(Column::LogEndOffset, MAX_OFFSET)?;
    let lag = row.signed(Column::Lag)?;
    // ConsumerGroupCommand.getLag: LAG = LOG-END-OFFSET - CURRENT-OFFSET.
    match (committed, log_end_offset, lag) {
        (Some(c), Some(e), Some(l)) if e as i64 - c as i64 != l => {
            return Err(ImportError::at(
                line,
                ImportProblem::BadLag {
                    lag: l,
                    log_end_offset: e,
                    current: c,
                },
            ));
        }
        (Some(c), None, Some(l)) => log_end_offset = u64::try_from(c as i64 + l).ok(),
        _ => {}
    }
    if let Some(first) = g.partitions.get(&tp) {
        return Err(ImportError::at(
            line,
            ImportProblem::RowTwice {
                tp: tp.to_string(),
                group_id: g.group_id.clone(),
                first_line: first.line,
            },
        ));
    }
    if let Some(id) = &owner {
        describe_member(g, row, id)?;
        g.own(&tp, id, line)?;
    }
    g.partitions.insert(
        tp,
        PartitionDescription {
            committed,
            log_end_offset,
            lag,
            owner,
            line,
        },
    );
    Ok(())
}

fn partition(row: &Row) -> Result<u64, ImportError> {
    row.number(Column::Partition, u64::MAX)?
        .ok_or_else(|| ImportError::at(row.line, ImportProblem::NoPartition))
}

/// The member ids of an offsets row: CONSUMER-ID, HOST, CLIENT-ID.
fn describe_member(g: &mut GroupDescription, row: &Row, id: &str) -> Result<(), ImportError> {
    let line = row.line;
    let host = optional_text("HOST", row.get(Column::Host), line)?;
    let client = optional_text("CLIENT-ID", row.get(Column::ClientId), line)?;
    let m = g.member_mut(id, line)?;
    set_once(&mut m.host, host.as_deref(), "HOST", id, line)?;
    set_once(&mut m.client_id, client.as_deref(), "CLIENT-ID", id, line)
}
