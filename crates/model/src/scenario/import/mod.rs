//! Importing a real group: the text `kafka-consumer-groups.sh --describe` prints (the offsets table, and
//! optionally `--members --verbose` and `--state`, for one group or `--all-groups`, pasted together in any
//! order) becomes a scenario that starts with that group as it was: its topics, the partitions' log-end
//! offsets, the owners, the committed offsets and so the lag. A 4.x consumer-protocol (KIP-848) group keeps its
//! group epoch, target assignment epoch, server assignor, member epochs and current and target assignments.
//! Malformed text gets an error naming its line.
//!
//! Parsing is bounded (input size, lines, line length, groups, members, partitions), never panics and never
//! allocates from a count found in the text.

mod assignment;
mod assignor_guess;
mod build;
mod checks;
mod description;
mod error;
mod header;
mod members_table;
mod names;
mod offsets_table;
mod parse;
mod row;
mod state_table;
mod tokens;

pub use build::{DEFAULT_GROUP_ID, IMPORT_SEED};
pub use description::{Description, GroupDescription, MemberDescription, PartitionDescription};
pub use error::{AssignmentFault, ImportError, ImportNote, ImportProblem};
pub use parse::parse;

use super::Scenario;

/// The most text accepted (a 1000-member group's three tables fit many times over).
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;
pub const MAX_LINES: usize = 20_000;
pub const MAX_LINE_CHARS: usize = 100_000;
pub const MAX_GROUPS: usize = 16;
pub const MAX_MEMBERS: usize = crate::limits::MAX_MEMBERS_PER_GROUP as usize;
/// Member ids, hosts, client ids: at most this many characters.
pub const MAX_TEXT: usize = 255;
pub use crate::sim::restore::MAX_OFFSET;

/// A real `--describe` output (Kafka 3.6: the offsets table, `--members --verbose` and `--state` of the course
/// notes' group), written with the tool's own format strings: what the app offers to try the import without a
/// cluster, and a fixture of the import tests.
pub const SAMPLE: &str = include_str!("sample-3.6.txt");

/// A scenario built from pasted output, with a sentence for each thing the output did not show and was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub scenario: Scenario,
    /// The imported group ids, in the order they appear.
    pub groups: Vec<String>,
    pub notes: Vec<ImportNote>,
}

/// Parses the text and builds the scenario; the scenario is built once here, so what is returned loads.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let imported = build::build(parse(text)?)?;
    imported
        .scenario
        .build()
        .map_err(|e| ImportError::whole(ImportProblem::DoesNotRun(Box::new(e))))?;
    Ok(imported)
}
