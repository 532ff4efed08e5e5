//! The header lines of `kafka-consumer-groups --describe`: which table follows and its columns.
//!
//! ConsumerGroupCommand prints one header per group (`--all-groups` repeats it), and the columns vary by
//! version and option: `core/src/main/scala/kafka/admin/ConsumerGroupCommand.scala` (2.x, 3.0 to 3.6) and
//! `tools/src/main/java/org/apache/kafka/tools/consumer/group/ConsumerGroupCommand.java` (3.7 and later):
//! * offsets (the default, `--offsets`): `GROUP TOPIC PARTITION [LEADER-EPOCH] CURRENT-OFFSET LOG-END-OFFSET LAG
//!   CONSUMER-ID HOST CLIENT-ID` (LEADER-EPOCH with `--verbose` since 3.x; no GROUP column before 2.2);
//! * members (`--members`): `GROUP CONSUMER-ID [GROUP-INSTANCE-ID] HOST CLIENT-ID #PARTITIONS`, then with
//!   `--verbose` either `ASSIGNMENT` (up to 3.x) or `CURRENT-EPOCH CURRENT-ASSIGNMENT TARGET-EPOCH
//!   TARGET-ASSIGNMENT [UPGRADED]` (4.x);
//! * state (`--state`): `GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE [GROUP-EPOCH TARGET-ASSIGNMENT-EPOCH]
//!   #MEMBERS`.

use super::error::{excerpt, ImportError, ImportProblem};
use super::tokens::tokens;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Offsets,
    Members,
    State,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Group,
    Topic,
    Partition,
    LeaderEpoch,
    CurrentOffset,
    LogEndOffset,
    Lag,
    ConsumerId,
    GroupInstanceId,
    Host,
    ClientId,
    NumPartitions,
    Assignment,
    CurrentEpoch,
    TargetEpoch,
    TargetAssignment,
    Upgraded,
    Coordinator,
    AssignmentStrategy,
    State,
    NumMembers,
    GroupEpoch,
    TargetAssignmentEpoch,
}

const NAMES: [(&str, Column); 23] = [
    ("GROUP", Column::Group),
    ("TOPIC", Column::Topic),
    ("PARTITION", Column::Partition),
    ("LEADER-EPOCH", Column::LeaderEpoch),
    ("CURRENT-OFFSET", Column::CurrentOffset),
    ("LOG-END-OFFSET", Column::LogEndOffset),
    ("LAG", Column::Lag),
    ("CONSUMER-ID", Column::ConsumerId),
    ("GROUP-INSTANCE-ID", Column::GroupInstanceId),
    ("HOST", Column::Host),
    ("CLIENT-ID", Column::ClientId),
    ("#PARTITIONS", Column::NumPartitions),
    ("ASSIGNMENT", Column::Assignment),
    ("CURRENT-ASSIGNMENT", Column::Assignment),
    ("CURRENT-EPOCH", Column::CurrentEpoch),
    ("TARGET-EPOCH", Column::TargetEpoch),
    ("TARGET-ASSIGNMENT", Column::TargetAssignment),
    ("UPGRADED", Column::Upgraded),
    ("COORDINATOR", Column::Coordinator),
    ("ASSIGNMENT-STRATEGY", Column::AssignmentStrategy),
    ("STATE", Column::State),
    ("#MEMBERS", Column::NumMembers),
    ("GROUP-EPOCH", Column::GroupEpoch),
];

impl Column {
    pub fn name(self) -> &'static str {
        match self {
            Column::Coordinator => "COORDINATOR (ID)",
            Column::TargetAssignmentEpoch => "TARGET-ASSIGNMENT-EPOCH",
            c => NAMES
                .iter()
                .find(|(_, col)| *col == c)
                .map_or("?", |(n, _)| n),
        }
    }

    fn from_name(name: &str) -> Option<Column> {
        if name == "TARGET-ASSIGNMENT-EPOCH" {
            return Some(Column::TargetAssignmentEpoch);
        }
        NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
    }
}

/// A table's header: its kind and its columns, left to right, with the character column each name starts at
/// (the tool prints every row with the header's format, so aligned cells start there too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub kind: Kind,
    pub columns: Vec<Column>,
    pub starts: Vec<usize>,
}

impl Header {
    pub fn has(&self, c: Column) -> bool {
        self.columns.contains(&c)
    }
}

/// Whether the line is a header (it starts with a column name the tool prints first), and which.
pub fn recognise(text: &str, line: usize) -> Result<Option<Header>, ImportError> {
    let words = tokens(text);
    let word = |i: usize| words.get(i).map_or("", |w| w.text);
    let has = |name: &str| words.iter().any(|w| w.text == name);
    // Before 2.2 the tables had no GROUP column; the state table started with COORDINATOR.
    if !matches!(word(0), "GROUP" | "TOPIC" | "COORDINATOR") || words.len() < 3 {
        return Ok(None);
    }
    let kind = if has("CURRENT-OFFSET") {
        Kind::Offsets
    } else if has("#PARTITIONS") {
        Kind::Members
    } else if has("ASSIGNMENT-STRATEGY") {
        Kind::State
    } else {
        return Ok(None);
    };
    let mut columns = Vec::with_capacity(words.len());
    let mut starts = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let t = words[i].text;
        starts.push(words[i].column);
        // "COORDINATOR (ID)" is one column printed as two words.
        if t == "COORDINATOR" && word(i + 1) == "(ID)" {
            i += 1;
        }
        let column = Column::from_name(t).ok_or_else(|| {
            ImportError::at(
                line,
                ImportProblem::UnknownColumn {
                    name: excerpt(t, 40),
                },
            )
        })?;
        if columns.contains(&column) {
            return Err(ImportError::at(
                line,
                ImportProblem::ColumnTwice {
                    column: column.name(),
                },
            ));
        }
        columns.push(column);
        i += 1;
    }
    let required: &[Column] = match kind {
        Kind::Offsets => &[
            Column::Topic,
            Column::Partition,
            Column::CurrentOffset,
            Column::LogEndOffset,
            Column::ConsumerId,
        ],
        Kind::Members => &[Column::ConsumerId, Column::NumPartitions],
        Kind::State => &[Column::State],
    };
    if let Some(missing) = required.iter().find(|c| !columns.contains(c)) {
        return Err(ImportError::at(
            line,
            ImportProblem::NoColumn {
                column: missing.name(),
            },
        ));
    }
    Ok(Some(Header {
        kind,
        columns,
        starts,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_three_tables_of_every_version() {
        let offsets = recognise(
            "GROUP  TOPIC  PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID  HOST  CLIENT-ID",
            1,
        )
        .unwrap()
        .unwrap();
        assert_eq!(offsets.kind, Kind::Offsets);
        assert_eq!(offsets.columns.len(), 9);
        let old = recognise(
            "TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID",
            1,
        )
        .unwrap()
        .unwrap();
        assert!(!old.has(Column::Group));
        let members = recognise(
            "GROUP CONSUMER-ID GROUP-INSTANCE-ID HOST CLIENT-ID #PARTITIONS ASSIGNMENT",
            1,
        )
        .unwrap()
        .unwrap();
        assert_eq!(members.kind, Kind::Members);
        let state = recognise(
            "GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE #MEMBERS",
            1,
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            state.columns,
            [
                Column::Group,
                Column::Coordinator,
                Column::AssignmentStrategy,
                Column::State,
                Column::NumMembers
            ]
        );
    }

    #[test]
    fn other_lines_are_not_headers_and_bad_headers_are_errors() {
        assert_eq!(recognise("my-group test-topic 0 1 2 1 - - -", 1), Ok(None));
        assert_eq!(recognise("GROUP STATE", 1), Ok(None));
        let e = recognise(
            "GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET OOPS",
            7,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 7: unknown column 'OOPS' in this header"
        );
        let e = recognise("GROUP TOPIC CURRENT-OFFSET LOG-END-OFFSET CONSUMER-ID", 2).unwrap_err();
        assert_eq!(e.to_string(), "line 2: this header has no PARTITION column");
    }
}
