//! Reading pasted text line by line: headers start tables, rows fill the description, and the tool's own
//! messages say which groups are empty or rebalancing. Anything else is an error naming its line.

use super::description::Description;
use super::error::{excerpt, ImportError, ImportProblem};
use super::header::{recognise, Column, Header, Kind};
use super::row::Row;
use super::{
    members_table, offsets_table, state_table, MAX_INPUT_BYTES, MAX_LINES, MAX_LINE_CHARS,
};

/// The group of tables printed without a GROUP column (before 2.2) when no line names it.
pub const UNNAMED_GROUP: &str = "";

pub fn parse(input: &str) -> Result<Description, ImportError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ImportError::whole(ImportProblem::TooLarge {
            kb: input.len() / 1024,
            max_kb: MAX_INPUT_BYTES / 1024,
        }));
    }
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = Description::default();
    let mut table: Option<Header> = None;
    // Tables without a GROUP column (before 2.2) describe the group the tool's messages last named.
    let mut last_named = UNNAMED_GROUP.to_string();
    for (i, raw) in input.split('\n').enumerate() {
        let line = i + 1;
        if line > MAX_LINES {
            return Err(ImportError::at(
                line,
                ImportProblem::TooManyLines { max: MAX_LINES },
            ));
        }
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        if text.chars().count() > MAX_LINE_CHARS {
            return Err(ImportError::at(
                line,
                ImportProblem::LineTooLong {
                    max: MAX_LINE_CHARS,
                },
            ));
        }
        if text.trim().is_empty() || is_noise(text.trim()) {
            continue;
        }
        if let Some(message) = tool_message(text.trim()) {
            last_named = apply_message(&mut out, message, line)?;
            continue;
        }
        if let Some(header) = recognise(text, line)? {
            table = Some(header);
            continue;
        }
        let Some(header) = &table else {
            return Err(ImportError::at(
                line,
                ImportProblem::NotAHeader {
                    found: excerpt(text.trim(), 60),
                },
            ));
        };
        let row = Row::split(header, text, line)?;
        let group_id = match row.get(Column::Group) {
            Some(g) => {
                last_named = group_name(g, line)?;
                last_named.clone()
            }
            None if header.has(Column::Group) => {
                return Err(ImportError::at(
                    line,
                    ImportProblem::Missing { column: "GROUP" },
                ))
            }
            None => last_named.clone(),
        };
        let g = out.group_mut(&group_id, line)?;
        match header.kind {
            Kind::Offsets => offsets_table::apply(g, &row)?,
            Kind::Members => members_table::apply(g, &row)?,
            Kind::State => state_table::apply(g, &row)?,
        }
    }
    Ok(out)
}

/// Lines a terminal paste often carries that say nothing about the group: the command itself, the old tool's
/// notes, logging noise.
fn is_noise(t: &str) -> bool {
    t.contains("kafka-consumer-groups")
        || t.starts_with("Note: This will")
        || t.starts_with("SLF4J:")
        || t.starts_with("WARNING: ")
}

enum Message<'a> {
    Empty(&'a str),
    Rebalancing(&'a str),
    Missing(&'a str),
}

/// ConsumerGroupCommand.shouldPrintMemberState's messages.
fn tool_message(t: &str) -> Option<Message<'_>> {
    let quoted = |prefix: &str, suffix: &str| {
        t.strip_prefix(prefix)?
            .strip_suffix(suffix)
            .filter(|g| !g.is_empty())
    };
    if let Some(g) = quoted("Consumer group '", "' has no active members.") {
        return Some(Message::Empty(g));
    }
    if let Some(g) = quoted("Warning: Consumer group '", "' is rebalancing.") {
        return Some(Message::Rebalancing(g));
    }
    if let Some(g) = quoted("Error: Consumer group '", "' does not exist.")
        .or_else(|| quoted("Error: The consumer group '", "' does not exist."))
    {
        return Some(Message::Missing(g));
    }
    None
}

fn group_name(g: &str, line: usize) -> Result<String, ImportError> {
    super::checks::text("GROUP", g, crate::limits::MAX_NAME_LEN, line)
}

/// Applies one of the tool's messages; returns the group it names.
fn apply_message(out: &mut Description, m: Message, line: usize) -> Result<String, ImportError> {
    match m {
        Message::Empty(g) => {
            let g = group_name(g, line)?;
            out.group_mut(&g, line)?.state = Some("Empty".into());
            Ok(g)
        }
        Message::Rebalancing(g) => {
            let g = group_name(g, line)?;
            out.group_mut(&g, line)?
                .state
                .get_or_insert_with(|| "PreparingRebalance".into());
            Ok(g)
        }
        Message::Missing(g) => Err(ImportError::at(
            line,
            ImportProblem::NoSuchGroup {
                group_id: excerpt(g, 60),
            },
        )),
    }
}
