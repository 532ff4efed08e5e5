//! Strings with placeholders: `"{consumer} joined {group}."` filled by name, so a translation may put the
//! words in its own order.

use std::fmt::{Display, Write};

use grouplab_model::words;

use super::{t, Lang};

/// The string for `key` in `lang` with every `{name}` replaced by the matching argument; an unknown
/// placeholder stays as written (the key-parity test keeps the languages in step).
pub fn tf(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(t(lang, key), args)
}

/// The model's filler (one copy in the wasm), with the values given by name.
fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    words::fill(template, &mut |name, out| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| write!(out, "{value}"))
            .is_some()
    })
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
