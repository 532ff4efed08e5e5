//! One data row of a table: its cells by column, and the typed values in them.
//!
//! The tool prints every row with its header's format (`%-Ns ` per column), so in a pasted table each cell starts
//! under its column name: a row that lines up is cut at those places, which also reads the cells the tool leaves
//! blank (GROUP-INSTANCE-ID of a dynamic member, the 2.x ASSIGNMENT-STRATEGY of a group without members). A row
//! that does not line up (re-spaced, tabs, a value wider than its fixed column) is read as words separated by
//! whitespace, where `COORDINATOR (ID)` is `host:port (id)` (two spaces before the id since 3.7) and a last
//! column that is free text (CLIENT-ID, the 2.x/3.x ASSIGNMENT such as `t(0,1), u(2)`) takes the rest of the
//! line. `-` is the tool's MISSING_COLUMN_VALUE.

use super::error::{excerpt, ImportError, ImportProblem};
use super::header::{Column, Header, Kind};
use super::tokens::{tokens, Token};
use super::MAX_OFFSET;

/// A row's cells; `None` for `-`.
#[derive(Debug)]
pub struct Row<'a> {
    pub line: usize,
    cells: Vec<(Column, Option<&'a str>)>,
}

fn free_text(c: Column) -> bool {
    matches!(
        c,
        Column::ClientId | Column::Assignment | Column::TargetAssignment | Column::Upgraded
    )
}

fn is_coordinator_id(t: &str) -> bool {
    t.len() > 2
        && t.starts_with('(')
        && t.ends_with(')')
        && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

fn cell(s: &str) -> Option<&str> {
    (s != "-").then_some(s)
}

impl<'a> Row<'a> {
    pub fn split(header: &Header, text: &'a str, line: usize) -> Result<Row<'a>, ImportError> {
        let toks = tokens(text);
        if let Some(cells) = aligned(header, text, &toks) {
            return Ok(Row { line, cells });
        }
        by_words(header, text, &toks, line)
    }

    /// Whether this row's table has the column.
    pub fn has(&self, c: Column) -> bool {
        self.cells.iter().any(|(col, _)| *col == c)
    }

    /// The cell's text, or None for `-` or a column this table does not have.
    pub fn get(&self, c: Column) -> Option<&'a str> {
        self.cells
            .iter()
            .find(|(col, _)| *col == c)
            .and_then(|(_, v)| *v)
    }

    /// A required text cell.
    pub fn text(&self, c: Column) -> Result<&'a str, ImportError> {
        self.get(c)
            .ok_or_else(|| ImportError::at(self.line, ImportProblem::Missing { column: c.name() }))
    }

    /// A non-negative number, None for `-`. `-1` (the tool's "no offset") reads as None too.
    pub fn number(&self, c: Column, max: u64) -> Result<Option<u64>, ImportError> {
        match self.parsed(c, |s| s.parse().ok())? {
            Some(n) if n > max => Err(ImportError::at(
                self.line,
                ImportProblem::TooBig {
                    column: c.name(),
                    value: n,
                    max,
                },
            )),
            n => Ok(n),
        }
    }

    /// A signed number (LAG can be negative while a commit races the log-end offset), None for `-`.
    pub fn signed(&self, c: Column) -> Result<Option<i64>, ImportError> {
        match self.parsed(c, signed)? {
            Some(n) if n.unsigned_abs() > MAX_OFFSET => Err(ImportError::at(
                self.line,
                ImportProblem::OffsetBeyond {
                    column: c.name(),
                    value: n,
                },
            )),
            n => Ok(n),
        }
    }

    fn parsed<N>(&self, c: Column, read: fn(&str) -> Option<N>) -> Result<Option<N>, ImportError> {
        match self.get(c) {
            None => Ok(None),
            Some("-1") if c != Column::Lag => Ok(None),
            Some(s) => read(s).map(Some).ok_or_else(|| {
                ImportError::at(
                    self.line,
                    ImportProblem::NotANumber {
                        column: c.name(),
                        found: excerpt(s, 40),
                    },
                )
            }),
        }
    }
}

/// `s.parse::<i64>()` through the `u64` reader (one copy of the number reading in the wasm): an optional `+`
/// or `-`, then decimal digits.
fn signed(s: &str) -> Option<i64> {
    match s.strip_prefix('-') {
        // `u64` would take a second sign.
        Some(digits) if digits.starts_with('+') => None,
        Some(digits) => {
            let n: u64 = digits.parse().ok()?;
            0i64.checked_sub_unsigned(n)
        }
        None => i64::try_from(s.parse::<u64>().ok()?).ok(),
    }
}

/// A row with too few or too many values for its header.
fn count_error(header: &Header, line: usize, found: &str) -> ImportError {
    ImportError::at(
        line,
        ImportProblem::ValueCount {
            columns: {
                let mut names = Vec::with_capacity(header.columns.len());
                for c in &header.columns {
                    names.push(c.name());
                }
                names
            },
            found: found.to_string(),
        },
    )
}

fn by_words<'a>(
    header: &Header,
    text: &'a str,
    toks: &[Token<'a>],
    line: usize,
) -> Result<Row<'a>, ImportError> {
    let mut cells = Vec::with_capacity(header.columns.len());
    let mut i = 0;
    // The 2.x state table prints an empty ASSIGNMENT-STRATEGY for a group without members: one value short.
    let coordinator_words = usize::from(toks.iter().any(|t| is_coordinator_id(t.text)));
    let strategy_missing =
        header.kind == Kind::State && toks.len() + 1 == header.columns.len() + coordinator_words;
    for (k, &column) in header.columns.iter().enumerate() {
        if column == Column::AssignmentStrategy && strategy_missing {
            cells.push((column, None));
            continue;
        }
        let Some(&Token {
            byte: start,
            text: tok,
            ..
        }) = toks.get(i)
        else {
            return Err(count_error(header, line, &toks.len().to_string()));
        };
        let last = k + 1 == header.columns.len();
        let value = if column == Column::Coordinator
            && toks.get(i + 1).is_some_and(|t| is_coordinator_id(t.text))
        {
            let id = toks[i + 1];
            i += 1;
            &text[start..id.byte + id.text.len()]
        } else if last && free_text(column) {
            i = toks.len() - 1;
            text[start..].trim_end()
        } else {
            tok
        };
        cells.push((column, cell(value)));
        i += 1;
    }
    if i < toks.len() {
        let extra = format!("more: '{}'", excerpt(toks[i].text, 40));
        return Err(count_error(header, line, &extra));
    }
    Ok(Row { line, cells })
}

/// The cells of a row that lines up under its header, or None if it does not.
fn aligned<'a>(
    header: &Header,
    text: &'a str,
    toks: &[Token<'a>],
) -> Option<Vec<(Column, Option<&'a str>)>> {
    // Every word must start in some column and, except in free text, lie within it.
    let starts = &header.starts;
    let column_of = |c: usize| starts.iter().rposition(|&s| s <= c);
    let mut cells: Vec<(usize, usize)> = vec![(usize::MAX, 0); starts.len()];
    for t in toks {
        let k = column_of(t.column)?;
        let words_allowed =
            free_text(header.columns[k]) || header.columns[k] == Column::Coordinator;
        let (first, _) = cells[k];
        if first == usize::MAX {
            // A cell must start exactly where its column starts.
            if t.column != starts[k] {
                return None;
            }
        } else if !words_allowed {
            return None;
        }
        let end_col = t.column + t.text.chars().count();
        if let Some(&next) = starts.get(k + 1) {
            if end_col >= next {
                return None;
            }
        }
        if first == usize::MAX {
            cells[k].0 = t.byte;
        }
        cells[k].1 = t.byte + t.text.len();
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &column) in header.columns.iter().enumerate() {
        let (from, to) = cells[k];
        if from == usize::MAX {
            // Only these cells are ever printed blank.
            if !matches!(column, Column::GroupInstanceId | Column::AssignmentStrategy) {
                return None;
            }
            out.push((column, None));
        } else {
            out.push((column, cell(&text[from..to])));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::header::recognise;
    use super::*;

    fn header(s: &str) -> Header {
        recognise(s, 1).unwrap().unwrap()
    }

    #[test]
    fn splits_on_any_whitespace_and_reads_dashes() {
        let h = header(
            "GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID",
        );
        let r = Row::split(&h, "g\tt  3 \t 10 12 2 -   -  -  ", 5).unwrap();
        assert_eq!(r.get(Column::Topic), Some("t"));
        assert_eq!(r.number(Column::Partition, 10).unwrap(), Some(3));
        assert_eq!(r.signed(Column::Lag).unwrap(), Some(2));
        assert_eq!(r.get(Column::ConsumerId), None);
        assert_eq!(r.get(Column::ClientId), None);
        let e = Row::split(&h, "g t x 1 2 1 - - -", 4)
            .unwrap()
            .number(Column::Partition, 10)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 4: PARTITION must be a number, found 'x'"
        );
        let e = Row::split(&h, "g t 1 2", 9).unwrap_err();
        assert!(
            e.to_string().starts_with("line 9: expected 9 values"),
            "{e}"
        );
    }

    /// `signed` reads exactly what `str::parse::<i64>` reads.
    #[test]
    fn signed_reads_as_parse_i64() {
        for s in [
            "0",
            "-0",
            "+0",
            "5",
            "+5",
            "-5",
            "-",
            "+",
            "",
            "--5",
            "-+5",
            "+-5",
            "++5",
            " 5",
            "5 ",
            "1_0",
            "x",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "+9223372036854775807",
            "18446744073709551615",
            "18446744073709551616",
            "-18446744073709551616",
            "0009",
            "-0009",
            "٣",
        ] {
            assert_eq!(signed(s), s.parse::<i64>().ok(), "{s:?}");
        }
    }

    #[test]
    fn the_last_free_text_column_takes_the_rest_of_the_line() {
        let h = header("GROUP CONSUMER-ID HOST CLIENT-ID #PARTITIONS ASSIGNMENT");
        let r = Row::split(&h, "g  c-1  /10.0.0.1  c  3  t(0,1), u(2)   ", 2).unwrap();
        assert_eq!(r.get(Column::Assignment), Some("t(0,1), u(2)"));
    }

    #[test]
    fn coordinator_is_host_port_and_id_and_the_strategy_may_be_empty() {
        let h = header("GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE #MEMBERS");
        let r = Row::split(&h, "g  broker1:9092  (1)  range  Stable  2", 3).unwrap();
        assert_eq!(r.get(Column::Coordinator), Some("broker1:9092  (1)"));
        assert_eq!(r.get(Column::AssignmentStrategy), Some("range"));
        let r = Row::split(&h, "g  broker1:9092 (1)                 Empty  0", 3).unwrap();
        assert_eq!(r.get(Column::AssignmentStrategy), None);
        assert_eq!(r.get(Column::State), Some("Empty"));
    }
}
