//! The Hinglish spelling of each word, as the course notes write it (`kr`, `m`, `k`, `gye`, `skta`, `bna`,
//! `vo`, `vhi`, `kese`): one spelling per word, so "Link copy kro" never sits next to "Lesson band karo". Each
//! entry is the preferred spelling and the variants it replaces; a test fails on any variant in any Hinglish
//! string (the `hi*.rs` tables, and the panic panel's words in `web/boot.js`). Technical terms stay English and
//! are not listed. Variants that are also English words (`me`, `main`, `bad`, `bar`) are left out.

/// (preferred, variants it replaces)
pub const GLOSSARY: &[(&str, &[&str])] = &[
    // karna
    ("kr", &["kar"]),
    ("kro", &["karo"]),
    ("krta", &["karta"]),
    ("krte", &["karte"]),
    ("krti", &["karti"]),
    ("krke", &["karke"]),
    ("krna", &["karna"]),
    ("krne", &["karne"]),
    ("krni", &["karni"]),
    ("krega", &["karega"]),
    ("krenge", &["karenge"]),
    ("kroge", &["karoge"]),
    ("krao", &["karao"]),
    ("krdo", &["kardo"]),
    // nahi, mein, ke
    ("nhi", &["nahi", "nahin", "nahee"]),
    ("m", &["mein", "mai", "mei"]),
    ("k", &["ke"]),
    // jaana, rehna, sakna, banna
    ("gya", &["gaya"]),
    ("gye", &["gaye"]),
    ("gyi", &["gayi", "gai"]),
    ("rha", &["raha"]),
    ("rhe", &["rahe", "re"]),
    ("rhi", &["rahi"]),
    ("rhega", &["rahega"]),
    ("skta", &["sakta"]),
    ("skte", &["sakte"]),
    ("skti", &["sakti"]),
    ("ski", &["saki"]),
    ("bna", &["bana"]),
    ("bne", &["bane"]),
    ("bnta", &["banta"]),
    ("bnte", &["bante"]),
    ("bnata", &["banata"]),
    ("bnate", &["banate"]),
    ("bnaya", &["banaya"]),
    ("jata", &["jaata"]),
    ("jate", &["jaate"]),
    ("jati", &["jaati"]),
    ("paya", &["paaya"]),
    // naya, kya, kyun
    ("nya", &["naya"]),
    ("nyi", &["nayi", "nai"]),
    ("nye", &["naye"]),
    ("ky", &["kya"]),
    ("kyu", &["kyun", "kyon", "kyoon"]),
    // vo, ye, vala, vhi
    ("vo", &["wo", "woh", "voh"]),
    ("ye", &["yeh"]),
    ("vala", &["wala"]),
    ("vale", &["wale"]),
    ("vali", &["wali"]),
    ("vhi", &["wahi", "vahi"]),
    ("vhan", &["wahan", "vahan"]),
    // kaise, aise, jaise, waise
    ("kese", &["kaise"]),
    ("ese", &["aise"]),
    ("esa", &["aisa"]),
    ("jese", &["jaise"]),
    ("jesa", &["jaisa"]),
    ("vese", &["waise", "vaise"]),
    ("vesa", &["waisa", "vaisa"]),
    // others
    ("fir", &["phir"]),
    ("pta", &["pata"]),
    ("dusra", &["doosra"]),
    ("dusre", &["doosre"]),
    ("dusri", &["doosri"]),
    ("dusron", &["doosron"]),
    ("chiz", &["cheez"]),
    ("chize", &["cheezein", "cheezen"]),
    ("chizon", &["cheezon"]),
    ("hume", &["humein", "hamein"]),
    ("mene", &["maine"]),
    ("zyada", &["jyada", "zyaada", "jyaada"]),
    ("isliye", &["islie", "isliy"]),
    ("wapas", &["vapas", "waapas"]),
    ("pehle", &["pahle", "phle"]),
    ("pehla", &["pahla"]),
    ("pehli", &["pahli"]),
    ("yahan", &["yaha", "yha"]),
];

#[cfg(test)]
mod tests {
    use super::GLOSSARY;
    use crate::i18n::Lang;

    /// The words of a string: runs of ASCII letters, lower-cased; `{placeholder}` names are not words.
    fn words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut word = String::new();
        let mut in_placeholder = false;
        for ch in s.chars().chain([' ']) {
            match ch {
                '{' => in_placeholder = true,
                '}' => in_placeholder = false,
                c if c.is_ascii_alphabetic() && !in_placeholder => {
                    word.push(c.to_ascii_lowercase());
                    continue;
                }
                _ => {}
            }
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
        out
    }

    /// Every Hinglish string: the tables, and the panic panel's words in web/boot.js.
    fn hinglish() -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = Lang::Hi
            .tables()
            .iter()
            .flat_map(|t| t.split_terminator('\u{2}'))
            .filter_map(|e| e.split_once('\u{1}'))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let boot = include_str!("../../web/boot.js");
        let hi = boot
            .split("  hi: {\n")
            .nth(1)
            .and_then(|b| b.split("\n  },").next())
            .expect("web/boot.js has a hi block");
        for line in hi.lines() {
            if let Some((k, v)) = line.trim().split_once("': '") {
                all.push((
                    format!("boot.js {}", k.trim_start_matches('\'')),
                    v.to_string(),
                ));
            }
        }
        assert!(all.len() > 300, "only {} Hinglish strings", all.len());
        all
    }

    #[test]
    fn every_hinglish_string_spells_each_word_one_way() {
        let mut wrong = Vec::new();
        for (key, text) in hinglish() {
            for w in words(&text) {
                if let Some((preferred, _)) =
                    GLOSSARY.iter().find(|(_, vs)| vs.contains(&w.as_str()))
                {
                    wrong.push(format!("{key}: \"{w}\" (write \"{preferred}\")"));
                }
            }
        }
        assert!(wrong.is_empty(), "variant spellings:\n{}", wrong.join("\n"));
    }

    #[test]
    fn the_glossary_is_one_to_one() {
        let mut seen: Vec<&str> = Vec::new();
        for (preferred, variants) in GLOSSARY {
            for w in std::iter::once(preferred).chain(variants.iter()) {
                assert!(!seen.contains(w), "{w} is listed twice");
                seen.push(w);
            }
        }
        assert_eq!(
            words("Link copy karo, {karo} nahi"),
            ["link", "copy", "karo", "nahi"]
        );
    }
}
