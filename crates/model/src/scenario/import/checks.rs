//! Values every table shares, checked with Kafka's rules and this simulator's bounds.

use crate::limits;
use crate::validate;

use super::error::{excerpt, ImportError, ImportProblem};
use super::MAX_TEXT;

/// A topic name as Kafka allows it (Topic.validate).
pub fn topic(name: &str, line: usize) -> Result<&str, ImportError> {
    validate::topic_name(name)
        .map_err(|e| ImportError::at(line, ImportProblem::Refused(Box::new(e))))?;
    Ok(name)
}

/// A partition id below the simulator's partition limit.
pub fn partition_id(s: &str, line: usize) -> Result<u32, ImportError> {
    let n: u64 = s.parse().map_err(|_| {
        ImportError::at(
            line,
            ImportProblem::NotANumber {
                column: "PARTITION",
                found: excerpt(s, 40),
            },
        )
    })?;
    check_partition(n, line)
}

pub fn check_partition(n: u64, line: usize) -> Result<u32, ImportError> {
    let max = limits::MAX_PARTITIONS_PER_TOPIC;
    if n >= u64::from(max) {
        return Err(ImportError::at(
            line,
            ImportProblem::PartitionBeyond { partition: n, max },
        ));
    }
    Ok(n as u32)
}

/// An optional cell of free text (None for `-`), checked as [`text`].
pub fn optional_text(
    what: &'static str,
    s: Option<&str>,
    line: usize,
) -> Result<Option<String>, ImportError> {
    match s {
        Some(s) => text(what, s, MAX_TEXT, line).map(Some),
        None => Ok(None),
    }
}

/// Free text from the output (member ids, hosts, client ids): bounded, no control characters.
pub fn text(what: &'static str, s: &str, max: usize, line: usize) -> Result<String, ImportError> {
    if s.chars().count() > max {
        return Err(ImportError::at(
            line,
            ImportProblem::TextTooLong { column: what, max },
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(ImportError::at(
            line,
            ImportProblem::ControlChar { column: what },
        ));
    }
    Ok(s.to_string())
}
