//! The ASSIGNMENT cell of `--describe --members --verbose`, in both spellings the tool has used:
//! `test-topic(0,1), other(2)` (2.x, 3.x: `topic + partitions.sorted.mkString("(", ",", ")")`, topics joined by
//! ", ") and `test-topic:0,1;other:2` (4.x `getAssignmentString`, topics joined by ";"). Topic names cannot
//! hold `(`, `:`, `,` or `;` (Topic.validate), so both read unambiguously.

use crate::topic_partition::TopicPartition;

use super::checks::{partition_id, topic};
use super::error::{excerpt, AssignmentFault, ImportError, ImportProblem};

/// The partitions an ASSIGNMENT cell lists (None for `-`), sorted and without duplicates.
pub fn parse(cell: Option<&str>, line: usize) -> Result<Vec<TopicPartition>, ImportError> {
    let Some(cell) = cell else {
        return Ok(Vec::new());
    };
    let bad = |fault| {
        ImportError::at(
            line,
            ImportProblem::BadAssignment {
                fault,
                cell: excerpt(cell, 60),
            },
        )
    };
    let mut out = Vec::new();
    let parens = cell.contains('(');
    if parens && !cell.trim_end().ends_with(')') {
        return Err(bad(AssignmentFault::NoClosingParen));
    }
    // `t(0,1), u(2)` ends each entry with `)`; `t:0,1;u:2` separates them with `;`.
    let (end, sep) = if parens { (')', '(') } else { (';', ':') };
    for entry in cell.split(end) {
        let entry = if parens {
            entry.trim().trim_start_matches(',').trim()
        } else {
            entry.trim()
        };
        if parens && entry.is_empty() {
            continue;
        }
        let Some((name, list)) = entry.split_once(sep) else {
            return Err(bad(AssignmentFault::NoSeparator(sep)));
        };
        let name = topic(name.trim(), line)?;
        for p in list.split(',') {
            let p = p.trim();
            if p.is_empty() {
                return Err(bad(AssignmentFault::EmptyPartition));
            }
            out.push(TopicPartition::new(name, partition_id(p, line)?));
        }
    }
    crate::collections::sort::sort(&mut out);
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tps(list: &[(&str, u32)]) -> Vec<TopicPartition> {
        list.iter()
            .map(|(t, p)| TopicPartition::new(*t, *p))
            .collect()
    }

    #[test]
    fn reads_both_spellings() {
        let want = tps(&[("orders", 0), ("orders", 1), ("payments", 2)]);
        assert_eq!(parse(Some("orders(0,1), payments(2)"), 1).unwrap(), want);
        assert_eq!(parse(Some("orders:0,1;payments:2"), 1).unwrap(), want);
        assert_eq!(parse(Some("payments(2), orders(1,0)"), 1).unwrap(), want);
        assert_eq!(parse(None, 1).unwrap(), []);
    }

    #[test]
    fn malformed_assignments_name_the_line() {
        for bad in [
            "orders(0,1",
            "orders(0,,1)",
            "orders",
            "orders(x)",
            "bad topic(1)",
            "t:",
        ] {
            let e = parse(Some(bad), 12).unwrap_err();
            assert_eq!(e.line, Some(12), "{bad}: {e}");
        }
        let e = parse(Some("orders(0,5000)"), 3).unwrap_err();
        assert!(e.problem.to_string().contains("5000"), "{e}");
    }
}
