//! Why pasted text could not be imported, with the 1-based line at fault when there is one.

use crate::error::ModelError;
use crate::scenario::ScenarioError;
use crate::words::{english_display, msg, Message, Worded};

#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// 1-based line of the pasted text; None when the problem is the text as a whole.
    pub line: Option<usize>,
    /// Boxed so that every `Result<_, ImportError>` of the parser stays two words wide (1.4 KB less raw wasm).
    pub problem: Box<ImportProblem>,
}

/// What is wrong with the pasted text, as data (the app says it in the reader's language). Texts from the paste
/// are excerpts, never whole lines.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportProblem {
    /// A value the model refuses (e.g. a topic name Kafka would not allow).
    Refused(Box<ModelError>),
    NotANumber {
        column: &'static str,
        found: String,
    },
    PartitionBeyond {
        partition: u64,
        max: u32,
    },
    TextTooLong {
        column: &'static str,
        max: usize,
    },
    ControlChar {
        column: &'static str,
    },
    /// `#PARTITIONS` disagrees with the ASSIGNMENT listed.
    CountMismatch {
        said: u64,
        listed: usize,
    },
    UnknownColumn {
        name: String,
    },
    ColumnTwice {
        column: &'static str,
    },
    NoColumn {
        column: &'static str,
    },
    Nothing,
    TooManyMembers {
        members: usize,
        max: usize,
    },
    TooManyTopics {
        topics: usize,
        max: usize,
    },
    TooManyGroups {
        max: usize,
    },
    GroupTooBig {
        group_id: String,
        max: usize,
    },
    OwnedTwice {
        tp: String,
        member_id: String,
        other: String,
        other_line: usize,
    },
    /// A member's HOST, CLIENT-ID… differs from what an earlier line said.
    Disagrees {
        column: &'static str,
        member_id: String,
        now: String,
        before: String,
    },
    DoesNotRun(Box<ScenarioError>),
    BadAssignment {
        fault: AssignmentFault,
        cell: String,
    },
    Missing {
        column: &'static str,
    },
    TooBig {
        column: &'static str,
        value: u64,
        max: u64,
    },
    OffsetBeyond {
        column: &'static str,
        value: i64,
    },
    ValueCount {
        columns: Vec<&'static str>,
        found: String,
    },
    BadState {
        states: &'static [&'static str],
        found: String,
    },
    HalfPartition,
    BadLag {
        lag: i64,
        log_end_offset: u64,
        current: u64,
    },
    RowTwice {
        tp: String,
        group_id: String,
        first_line: usize,
    },
    NoPartition,
    TooLarge {
        kb: usize,
        max_kb: usize,
    },
    TooManyLines {
        max: usize,
    },
    LineTooLong {
        max: usize,
    },
    NotAHeader {
        found: String,
    },
    NoSuchGroup {
        group_id: String,
    },
}

/// What is wrong with an ASSIGNMENT cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignmentFault {
    NoClosingParen,
    /// No `(` or `:` after a topic name.
    NoSeparator(char),
    EmptyPartition,
}

impl ImportError {
    pub fn at(line: usize, problem: ImportProblem) -> Self {
        ImportError {
            line: Some(line),
            problem: Box::new(problem),
        }
    }

    pub fn whole(problem: ImportProblem) -> Self {
        ImportError {
            line: None,
            problem: Box::new(problem),
        }
    }
}

impl Worded for ImportError {
    fn message(&self) -> Message {
        match self.line {
            Some(n) => {
                msg!("imp.at_line" => "line {line}: {problem}", line = &n, problem: self.problem.message())
            }
            None => self.problem.message(),
        }
    }
}

impl Worded for ImportProblem {
    fn message(&self) -> Message {
        use ImportProblem::*;
        match self {
            Refused(e) => e.message(),
            NotANumber { column, found } => {
                msg!("imp.not_number" => "{column} must be a number, found '{found}'", column = column, found = found)
            }
            PartitionBeyond { partition, max } => {
                msg!("imp.partition_beyond" => "partition {n} is beyond the {max} partitions a topic may have here", n = partition, max = max)
            }
            TextTooLong { column, max } => {
                msg!("imp.text_too_long" => "{what} is longer than {max} characters", what = column, max = max)
            }
            ControlChar { column } => {
                msg!("imp.control" => "{what} holds a control character", what = column)
            }
            CountMismatch { said, listed } => {
                msg!("imp.count" => "#PARTITIONS says {said} but the assignment lists {listed}", said = said, listed = listed)
            }
            UnknownColumn { name } => {
                msg!("imp.unknown_column" => "unknown column '{name}' in this header", name = name)
            }
            ColumnTwice { column } => {
                msg!("imp.column_twice" => "column {column} appears twice in this header", column = column)
            }
            NoColumn { column } => {
                msg!("imp.no_column" => "this header has no {column} column", column = column)
            }
            Nothing => {
                msg!("imp.nothing" => "nothing to import: paste the output of kafka-consumer-groups --describe --group <group> (and of --describe --members --verbose)")
            }
            TooManyMembers { members, max } => {
                msg!("imp.too_many_members" => "{n} members in all is more than the {max} consumers a simulation may run", n = members, max = max)
            }
            TooManyTopics { topics, max } => {
                msg!("imp.too_many_topics" => "{n} topics is more than the {max} a simulation may have", n = topics, max = max)
            }
            TooManyGroups { max } => {
                msg!("imp.too_many_groups" => "more than {max} groups: import fewer at a time", max = max)
            }
            GroupTooBig { group_id, max } => {
                msg!("imp.group_too_big" => "group {group} has more than {max} members, the most a group may have here", group = group_id, max = max)
            }
            OwnedTwice {
                tp,
                member_id,
                other,
                other_line,
            } => msg!(
                "imp.owned_twice" => "{tp} is owned by {member} here but by {other} on line {line}",
                tp = tp,
                member = member_id,
                other = other,
                line = other_line
            ),
            Disagrees {
                column,
                member_id,
                now,
                before,
            } => msg!(
                "imp.disagrees" => "{what} of {member} is '{now}' here but '{before}' before",
                what = column,
                member = member_id,
                now = now,
                before = before
            ),
            DoesNotRun(e) => {
                msg!("imp.does_not_run" => "the imported group does not run here: {error}", error: e.message())
            }
            BadAssignment { fault, cell } => msg!(
                "imp.assignment" => "ASSIGNMENT must look like 'topic(0,1), other(2)' or 'topic:0,1;other:2': {fault} in '{cell}'",
                fault: match fault {
                    AssignmentFault::NoClosingParen => msg!("imp.no_close" => "no closing ')'"),
                    AssignmentFault::NoSeparator(c) => msg!("imp.no_sep" => "no '{sep}' after the topic name", sep = c),
                    AssignmentFault::EmptyPartition => msg!("imp.empty_partition" => "an empty partition"),
                },
                cell = cell,
            ),
            Missing { column } => {
                msg!("imp.missing" => "{column} is missing ('-')", column = column)
            }
            TooBig { column, value, max } => {
                msg!("imp.too_big" => "{column} {n} is more than {max}, the most this simulator takes", column = column, n = value, max = max)
            }
            OffsetBeyond { column, value } => {
                msg!("imp.offset_beyond" => "{column} {n} is beyond the offsets this simulator takes", column = column, n = value)
            }
            ValueCount { columns, found } => msg!(
                "imp.values" => "expected {n} values ({names}), found {found}",
                n = &columns.len(),
                names = &columns.join(" "),
                found = found
            ),
            BadState { states, found } => {
                msg!("imp.state" => "STATE must be one of {states}, found '{found}'", states = &states.join(", "), found = found)
            }
            HalfPartition => {
                msg!("imp.half_partition" => "TOPIC and PARTITION are either both given or both '-'")
            }
            BadLag {
                lag,
                log_end_offset,
                current,
            } => msg!(
                "imp.lag" => "LAG {lag} is not LOG-END-OFFSET - CURRENT-OFFSET ({leo} - {current} = {diff})",
                lag = lag,
                leo = log_end_offset,
                current = current,
                diff = &(*log_end_offset as i64 - *current as i64)
            ),
            RowTwice {
                tp,
                group_id,
                first_line,
            } => msg!(
                "imp.row_twice" => "{tp} of group {group} appears twice (first on line {line})",
                tp = tp,
                group = group_id,
                line = first_line
            ),
            NoPartition => msg!("imp.no_partition" => "PARTITION is missing"),
            TooLarge { kb, max_kb } => {
                msg!("imp.too_large" => "the text is {kb} KB; at most {max} KB can be imported", kb = kb, max = max_kb)
            }
            TooManyLines { max } => {
                msg!("imp.too_many_lines" => "more than {max} lines: import fewer groups at a time", max = max)
            }
            LineTooLong { max } => {
                msg!("why.too_long" => "longer than {max} characters", max = max)
            }
            NotAHeader { found } => {
                msg!("imp.not_header" => "expected a header line of kafka-consumer-groups --describe (GROUP TOPIC PARTITION …), found '{found}'", found = found)
            }
            NoSuchGroup { group_id } => {
                msg!("imp.no_such_group" => "Kafka says group '{group}' does not exist: there is nothing to draw", group = group_id)
            }
        }
    }
}

/// What the import chose where the output did not say, for the user to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportNote {
    /// Partitions without a LOG-END-OFFSET start at their committed offset.
    NoLogEnd {
        partitions: usize,
    },
    /// Partitions with a negative LAG: the log-end offset is raised to the committed offset.
    Raised {
        partitions: usize,
    },
    /// The generation (from GROUP-EPOCH or not shown), the leader and the subscriptions chosen.
    Generation {
        group_id: String,
        generation: i32,
        from_epoch: bool,
        leader: String,
        topics: Vec<String>,
    },
    NoMembers {
        group_id: String,
    },
    /// The group was not Stable when described.
    State {
        group_id: String,
        state: String,
    },
    Coordinator {
        group_id: String,
        coordinator: String,
    },
    /// The assignor `--state` named.
    Stated {
        group_id: String,
        assignor: &'static str,
    },
    /// The assignor that reproduces the owners (and others that would too), when `--state` named none this
    /// simulator models (`unmodelled`).
    Inferred {
        group_id: String,
        unmodelled: Option<String>,
        assignor: &'static str,
        also: Vec<&'static str>,
    },
    /// No assignor reproduces the owners: range.
    RangeFallback {
        group_id: String,
        unmodelled: Option<String>,
    },
    /// A consumer-protocol (KIP-848) group, restored with its epochs and assignments; `assignor` is the server
    /// assignor `--state` named (None: the broker's default, with `unmodelled` the name it gave, if any).
    ConsumerProtocol {
        group_id: String,
        group_epoch: i32,
        assignment_epoch: i32,
        assignor: Option<String>,
        unmodelled: Option<String>,
        topics: Vec<String>,
    },
}

impl Worded for ImportNote {
    fn message(&self) -> Message {
        use ImportNote::*;
        // "--state names 'x', which this simulator does not model; " or nothing.
        let unmodelled = |u: &Option<String>| match u {
            Some(name) => {
                msg!("note.unmodelled" => "--state names '{name}', which this simulator does not model; ", name = name)
            }
            None => Message::empty(),
        };
        match self {
            NoLogEnd { partitions } => {
                msg!("note.no_log_end" => "{n} partition(s) had no LOG-END-OFFSET: each starts at its committed offset (or 0).", n = partitions)
            }
            Raised { partitions } => {
                msg!("note.raised" => "{n} partition(s) showed a committed offset beyond the log-end offset (negative LAG): the log-end offset is raised to it.", n = partitions)
            }
            Generation {
                group_id,
                generation,
                from_epoch,
                leader,
                topics,
            } => msg!(
                "note.generation" => "{group}: generation {generation} ({from}); leader {leader} (the first member listed: the output does not name the leader); every member subscribes to {topics} (the output does not show subscriptions).",
                group = group_id,
                generation = generation,
                from: if *from_epoch {
                    msg!("note.epoch" => "GROUP-EPOCH")
                } else {
                    msg!("note.not_shown" => "the output does not show it")
                },
                leader = leader,
                topics = &topics.join(", "),
            ),
            NoMembers { group_id } => {
                msg!("note.no_members" => "{group}: no active members; its committed offsets are kept.", group = group_id)
            }
            State { group_id, state } => {
                msg!("note.state" => "{group} was {state} when described: it is drawn Stable with the owners listed.", group = group_id, state = state)
            }
            Coordinator {
                group_id,
                coordinator,
            } => msg!(
                "note.coordinator" => "{group}: the real coordinator was {coordinator}; here the group's __consumer_offsets partition decides (3 brokers).",
                group = group_id,
                coordinator = coordinator
            ),
            Stated { group_id, assignor } => {
                msg!("note.stated" => "{group}: assignor {assignor} (from --state).", group = group_id, assignor = assignor)
            }
            Inferred {
                group_id,
                unmodelled: u,
                assignor,
                also,
            } => msg!(
                "note.inferred" => "{group}: {unmodelled}assignor {assignor} (inferred: it reproduces the owners{also}).",
                group = group_id,
                unmodelled: unmodelled(u),
                assignor = assignor,
                also: if also.is_empty() {
                    Message::empty()
                } else {
                    msg!("note.also" => "; {assignors} would give the same owners", assignors: and_list(also))
                },
            ),
            RangeFallback {
                group_id,
                unmodelled: u,
            } => {
                msg!("note.range" => "{group}: {unmodelled}assignor range (none of range, roundrobin, sticky and cooperative-sticky gives these owners from scratch; the owners are drawn as imported, the next rebalance uses range).", group = group_id, unmodelled: unmodelled(u))
            }
            ConsumerProtocol {
                group_id,
                group_epoch,
                assignment_epoch,
                assignor,
                unmodelled: u,
                topics,
            } => msg!(
                "note.consumer_protocol" => "{group} speaks the consumer protocol (KIP-848, group.protocol=consumer): group epoch {epoch}, target assignment epoch {target_epoch}, server assignor {assignor}; each member keeps its member epoch and its current and target assignment, and heartbeats with ConsumerGroupHeartbeat; every member subscribes to {topics} (the output does not show subscriptions).",
                group = group_id,
                epoch = group_epoch,
                target_epoch = assignment_epoch,
                assignor: match (assignor, u) {
                    (Some(a), _) => msg!("note.cp_stated" => "{assignor} (from --state)", assignor = a),
                    (None, Some(name)) => msg!("note.cp_unmodelled" => "uniform (the broker's default: --state names '{name}', which this simulator does not model)", name = name),
                    (None, None) => msg!("note.cp_default" => "uniform (the broker's default: --state does not name one)"),
                },
                topics = &topics.join(", "),
            ),
        }
    }
}

english_display!(ImportError, ImportProblem, ImportNote);

impl std::error::Error for ImportError {}

/// At most `max` characters of untrusted text for a message, so a huge line cannot make a huge error.
pub fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// "a and b and c", with the conjunction said in the reader's language.
fn and_list(items: &[impl std::fmt::Display]) -> Message {
    match items.split_last() {
        None => Message::empty(),
        Some((last, [])) => msg!("list.one" => "{item}", item = last),
        Some((last, rest)) => {
            msg!("list.and" => "{items} and {last}", items: and_list(rest), last = last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_line() {
        let nan = ImportProblem::NotANumber {
            column: "PARTITION",
            found: "x".into(),
        };
        assert_eq!(
            ImportError::at(4, nan).to_string(),
            "line 4: PARTITION must be a number, found 'x'"
        );
        assert!(ImportError::whole(ImportProblem::Nothing)
            .to_string()
            .starts_with("nothing to import: "));
        let lag = ImportProblem::BadLag {
            lag: 5,
            log_end_offset: 10,
            current: 3,
        };
        assert_eq!(
            lag.to_string(),
            "LAG 5 is not LOG-END-OFFSET - CURRENT-OFFSET (10 - 3 = 7)"
        );
        let bad = ImportProblem::BadAssignment {
            fault: AssignmentFault::NoSeparator(':'),
            cell: "t".into(),
        };
        assert_eq!(
            bad.to_string(),
            "ASSIGNMENT must look like 'topic(0,1), other(2)' or 'topic:0,1;other:2': no ':' after the topic name in 't'"
        );
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(excerpt("abc", 3), "abc");
    }

    /// Optional parts of a note are empty when absent, as the format! strings were.
    #[test]
    fn notes_read_as_before() {
        let inferred = |unmodelled: Option<&str>, also: Vec<&'static str>| ImportNote::Inferred {
            group_id: "g".into(),
            unmodelled: unmodelled.map(str::to_string),
            assignor: "range",
            also,
        };
        assert_eq!(
            inferred(None, vec![]).to_string(),
            "g: assignor range (inferred: it reproduces the owners)."
        );
        assert_eq!(
            inferred(Some("uniform"), vec!["roundrobin", "sticky"]).to_string(),
            "g: --state names 'uniform', which this simulator does not model; assignor range (inferred: it reproduces the owners; roundrobin and sticky would give the same owners)."
        );
        let fallback = ImportNote::RangeFallback {
            group_id: "g".into(),
            unmodelled: None,
        };
        assert!(fallback
            .to_string()
            .starts_with("g: assignor range (none of range"));
        let generation = ImportNote::Generation {
            group_id: "g".into(),
            generation: 3,
            from_epoch: true,
            leader: "m1".into(),
            topics: vec!["a".into(), "b".into()],
        };
        assert_eq!(generation.to_string(), "g: generation 3 (GROUP-EPOCH); leader m1 (the first member listed: the output does not name the leader); every member subscribes to a, b (the output does not show subscriptions).");
    }
}
