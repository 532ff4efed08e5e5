//! The model's sentences as data, so the app can say them in the reader's language: a [`Message`] is a key, the
//! English template (`"no broker {broker}"`) and the values of its `{name}` placeholders. The English is written
//! where the model says it (`msg!("err.unknown_broker" => "no broker {broker}", broker = b)`); the `Display` of
//! every error (and of the reasons inside them) is that English, which the JSON API returns. The app's i18n layer
//! has the same keys in Hinglish (a test there reads the templates from [`SOURCES`] and checks that none is
//! missing).

use std::fmt::{self, Display};

/// A sentence: its key and English template, and its placeholders' values in the order the placeholders first
/// appear in the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// `key` U+0001 `English template`: one string, as `msg!` writes it.
    pub said: &'static str,
    pub args: Vec<Arg>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: a name, a number, quoted user text.
    Text(String),
    /// A sentence inside the sentence (a reason), said in the same language.
    Part(Message),
}

/// A placeholder's value as [`msg!`] passes it: anything `Display` (said as it is), or a [`Part`].
pub trait Value {
    fn arg(&self) -> Arg;
}

impl<T: Display + ?Sized> Value for T {
    fn arg(&self) -> Arg {
        text(&self)
    }
}

/// One copy of the formatting for every type of value.
#[inline(never)]
fn text(value: &dyn Display) -> Arg {
    Arg::Text(value.to_string())
}

/// A sentence as a placeholder's value (taken once, by [`Message::new`]).
pub struct Part(pub std::cell::Cell<Option<Message>>);

impl Part {
    pub fn new(m: Message) -> Part {
        Part(std::cell::Cell::new(Some(m)))
    }
}

impl Value for Part {
    fn arg(&self) -> Arg {
        self.0.take().map_or(Arg::Text(String::new()), Arg::Part)
    }
}

impl Message {
    /// Use [`msg!`], which checks at compile time that `values` are the template's placeholders, in order.
    #[inline(never)]
    pub fn new(said: &'static str, values: &[&dyn Value]) -> Message {
        Message {
            said,
            args: values.iter().map(|v| v.arg()).collect(),
        }
    }

    pub fn key(&self) -> &'static str {
        self.said.split_once('\u{1}').map_or("", |(k, _)| k)
    }

    pub fn english(&self) -> &'static str {
        self.said.split_once('\u{1}').map_or("", |(_, e)| e)
    }

    /// Nothing: an optional part that is absent.
    pub fn empty() -> Message {
        Message {
            said: "",
            args: Vec::new(),
        }
    }

    /// The sentence with the template `words` gives for each message (the app passes its language's; for a
    /// message it has no words for, the English).
    pub fn render(&self, words: &dyn Fn(&Message) -> &'static str) -> String {
        fill(words(self), &mut |name, out| {
            // The value of the n-th placeholder of the English (each appears once: `msg!` checks).
            let at = self
                .english()
                .split('{')
                .skip(1)
                .position(|p| p.split('}').next() == Some(name));
            match at.and_then(|at| self.args.get(at)) {
                Some(Arg::Text(s)) => out.push_str(s),
                Some(Arg::Part(m)) => out.push_str(&m.render(words)),
                None => return false,
            }
            true
        })
    }
}

impl Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&|m| m.english()))
    }
}

/// `msg!("err.group_full" => "group {group} already has {max} members", group = &Quoted(g), max = max)`: a
/// [`Message`]. `name = value` gives a placeholder a value (a reference to something `Display`), `name: message`
/// another sentence. The names must be the template's placeholders in the order they first appear (checked when
/// compiling; the names are not kept).
macro_rules! msg {
    ($key:literal => $english:literal $(, $name:ident $op:tt $value:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::words::placeholders_are($english, &[$(stringify!($name)),*]),
            concat!("the values of ", $key, " are not its placeholders in order")
        );
        $crate::words::Message::new(concat!($key, "\u{1}", $english), &[$($crate::words::msg!(@value $op $value)),*])
    }};
    (@value = $value:expr) => {
        $value
    };
    (@value : $value:expr) => {
        &$crate::words::Part::new($value)
    };
}
pub(crate) use msg;

/// Whether `names` are the `{placeholders}` of `template`, in order, each once.
pub const fn placeholders_are(template: &str, names: &[&str]) -> bool {
    let t = template.as_bytes();
    let (mut i, mut found) = (0, 0);
    while i < t.len() {
        if t[i] == b'{' {
            let mut end = i + 1;
            while end < t.len() && t[end] != b'}' {
                end += 1;
            }
            if end == t.len() {
                return false;
            }
            let (start, len) = (i + 1, end - i - 1);
            if found == names.len() || !same(names[found].as_bytes(), t, start, len) {
                return false;
            }
            found += 1;
            i = end;
        }
        i += 1;
    }
    found == names.len()
}

/// Whether `name` is `t[start..start + len]`.
const fn same(name: &[u8], t: &[u8], start: usize, len: usize) -> bool {
    if name.len() != len {
        return false;
    }
    let mut k = 0;
    while k < len {
        if name[k] != t[start + k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Something the model says to the user: an error, a reason, a note.
pub trait Worded {
    fn message(&self) -> Message;
}

/// `Display` as the English sentence of [`Worded::message`].
macro_rules! english_display {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&$crate::words::Worded::message(self), f)
            }
        }
    )*};
}
pub(crate) use english_display;

/// Serializes as the English sentence (the JSON API's objects keep their text fields).
macro_rules! serialize_as_english {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    )*};
}
pub(crate) use serialize_as_english;

/// `template` with each `{name}` replaced by what `value(name, out)` writes; a placeholder it declines (returns
/// false) stays as written. One copy, used by the app's i18n too.
pub fn fill(template: &str, value: &mut dyn FnMut(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(template.len() + 24);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if value(&after[..close], &mut out) => rest = &after[close + 1..],
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` in double quotes, escaped as Rust's `{:?}` does (how the errors have always quoted names).
pub struct Quoted<'a>(pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// The model's sources that say things (`msg!`), for the tests that read the templates (here and in the app).
#[doc(hidden)]
pub const SOURCES: [&str; 5] = [
    include_str!("error.rs"),
    include_str!("event.rs"),
    include_str!("scenario/mod.rs"),
    include_str!("scenario/link.rs"),
    include_str!("scenario/import/error.rs"),
];

/// Every `(key, English template)` a source says with `msg!`, for tests.
#[doc(hidden)]
pub fn templates(source: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("!(") {
        let (before, call) = (&rest[..at], &rest[at + 2..]);
        rest = call;
        if before.ends_with("msg") {
            out.extend(template(call));
        }
    }
    out
}

/// `"key" => "English"` at the start of a macro call.
fn template(call: &str) -> Option<(&str, String)> {
    let call = call.trim_start().strip_prefix('"')?;
    let (key, rest) = call.split_once('"')?;
    let rest = rest.trim_start().strip_prefix("=>")?.trim_start();
    let mut english = String::new();
    let mut chars = rest.strip_prefix('"')?.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some((key, english)),
            '\\' => english.push(chars.next()?),
            c => english.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_nested_parts_in_english_or_other_words() {
        let m = msg!("err.value" => "invalid {field}: {reason}", field = &"x", reason: msg!(
            "why.outside" => "{value} is outside {min}..={max}", value = &7, min = &1, max = &5
        ));
        assert_eq!(m.to_string(), "invalid x: 7 is outside 1..=5");
        // Another language: the same message with other templates, placeholders in any order.
        let shouty = |m: &Message| {
            if m.key() == "err.value" {
                "{reason}! BAD {field}"
            } else {
                m.english()
            }
        };
        assert_eq!(m.render(&shouty), "7 is outside 1..=5! BAD x");
        assert_eq!(Message::empty().to_string(), "");
    }

    #[test]
    fn placeholders_in_order() {
        assert!(placeholders_are("{a} and {b}", &["a", "b"]));
        assert!(!placeholders_are("{a} and {b}, {a}", &["a", "b"]));
        assert!(!placeholders_are("{a} and {b}", &["b", "a"]));
        assert!(!placeholders_are("{a} and {b}", &["a"]));
        assert!(!placeholders_are("{a}", &["a", "b"]));
        assert!(!placeholders_are("{a", &[]));
        assert!(placeholders_are("none", &[]));
    }

    #[test]
    fn fill_keeps_what_it_cannot_fill() {
        let mut none = |_: &str, _: &mut String| false;
        assert_eq!(fill("a {missing} b {", &mut none), "a {missing} b {");
    }

    /// The templates are read from the sources (as the app's key test does): every `msg!` is found, and a key
    /// used twice has one English.
    #[test]
    fn templates_are_read_from_the_sources() {
        let mut all: Vec<(&str, String)> = SOURCES.iter().flat_map(|s| templates(s)).collect();
        let calls: usize = SOURCES.iter().map(|s| s.matches("msg!(").count()).sum();
        assert_eq!(
            all.len(),
            calls,
            "every msg! call has its key and template on one line"
        );
        assert!(all.len() > 100, "{}", all.len());
        assert!(all.contains(&("rb.joined", "{member} joined".to_string())));
        all.sort();
        for pair in all.windows(2) {
            if pair[0].0 == pair[1].0 {
                assert_eq!(
                    pair[0].1, pair[1].1,
                    "{} has two English templates",
                    pair[0].0
                );
            }
        }
    }
}
