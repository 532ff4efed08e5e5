//! Strings with placeholders: `"{consumer} joined {group}."` filled by name, so a translation may put the
//! words in its own order.

use std::fmt::{Display, Write};

use super::{t, Lang};

/// The string for `key` in `lang` with every `{name}` replaced by the matching argument; an unknown
/// placeholder stays as written (the key-parity test keeps the languages in step).
pub fn tf(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(t(lang, key), args)
}

fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 24);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            args.iter()
                .find(|(n, _)| *n == &after[..close])
                .map(|a| (a, close))
        });
        match arg {
            Some(((_, value), close)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The English plural ending for `{s}`: "" for one, "s" otherwise (Hinglish keeps English nouns too).
pub fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_by_name_in_any_order() {
        let g = "order-consumer-group";
        assert_eq!(
            fill(
                "{consumer} joined {group}.",
                &[("group", &g), ("consumer", &"c1")]
            ),
            "c1 joined order-consumer-group."
        );
        assert_eq!(
            fill("{n} record{s}", &[("n", &3), ("s", &plural(3))]),
            "3 records"
        );
        assert_eq!(
            fill("{n} record{s}", &[("n", &1), ("s", &plural(1))]),
            "1 record"
        );
        assert_eq!(fill("a {missing} b {", &[]), "a {missing} b {");
        assert_eq!(
            tf(Lang::Hi, "ev.joined", &[("consumer", &"c1"), ("group", &g)]),
            "c1 order-consumer-group m join hua."
        );
    }
}
