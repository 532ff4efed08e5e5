//! Client names as Python and Java identifiers, and strings as literals.

use super::*;

/// Names the generated code defines itself, and the languages' keywords: a client named so gets a `_`.
pub(super) const TAKEN: &[&str] = &[
    "main",
    "set_rate",
    "setRate",
    "produce_steadily",
    "rates",
    "cycle",
    "itertools",
    "random",
    "poll_loop",
    "start",
    "close",
    "running",
    "threading",
    "time",
    "Consumer",
    "Producer",
    "TopicPartition",
    "consumer",
    "stop",
    "thread",
    "entry",
    "msg",
    "args",
    "records",
    "r",
    "and",
    "as",
    "assert",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "new",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "var",
    "int",
    "boolean",
    "static",
    "public",
    "void",
    "null",
    "true",
    "false",
    "this",
    "final",
    "throws",
    "case",
    "switch",
    "default",
    "do",
    "package",
    "private",
];

/// A client name as a Python/Java variable: names may hold `-` and `.`, identifiers may not.
pub(super) fn identifier(name: &str) -> String {
    let mut id: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, '_');
    }
    if TAKEN.contains(&id.as_str()) {
        id.push('_');
    }
    id
}

/// The command with every client name turned into a variable name, for the Python and Java views.
pub(super) fn with_identifiers(mut cmd: Command) -> Command {
    let rename = |n: &mut String| *n = identifier(n);
    match &mut cmd {
        Command::AddConsumer { name, .. } | Command::AddProducer { name, .. } => {
            if let Some(n) = name {
                rename(n);
            }
        }
        Command::Produce { producer, .. } | Command::SetProduceRate { producer, .. } => {
            rename(producer)
        }
        Command::CloseConsumer { consumer }
        | Command::CrashConsumer { consumer }
        | Command::RestartConsumer { consumer }
        | Command::CommitNow { consumer, .. }
        | Command::SetProcessingRate { consumer, .. } => rename(consumer),
        _ => {}
    }
    cmd
}

/// A string as a Python or Java literal.
pub(super) fn quoted(s: &str) -> String {
    format!("{s:?}")
}
