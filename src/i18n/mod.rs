//! One i18n layer for every visible string: English and Hinglish (Hindi in Latin script, in the voice of the
//! course notes) tables keyed by stable ids. Technical terms (partition, offset, consumer group, rebalance,
//! group.id) stay in English in both.
//!
//! Tables per part of the page (`en*.rs`, `hi*.rs`); `{name}` in a string is a placeholder that [`tf`] fills.
//! Components read the language from the Yew context the app provides ([`use_lang`]).
//!
//! What the model says (its errors, their reasons, why a group rebalances, the import's notes) comes as a
//! [`Message`]: a key, its English template (the model's own, also its `Display`) and its values; `hi_model.rs`
//! has the same keys in Hinglish, and [`say`] words a message in a language.
//!
//! The choice persists in localStorage (`grouplab.lang`); `?lang=en|hi` in the URL wins.

/// A table written as `("key", "text"),` lines, stored as one string (`key` U+0001 `text` U+0002 …): no
/// pointer pair per entry in the wasm, and the e2e tests read the same lines from the sources.
macro_rules! table {
    ($(($k:literal, $v:literal)),* $(,)?) => {
        concat!($($k, "\u{1}", $v, "\u{2}"),*)
    };
}

mod en;
mod en_events;
mod en_inspector;
mod en_stage;
mod en_ui;
mod fill;
#[cfg(test)]
mod glossary;
mod hi;
mod hi_events;
mod hi_inspector;
mod hi_model;
mod hi_stage;
mod hi_ui;

use std::sync::OnceLock;

use grouplab_model::words::{Message, Worded};

pub use fill::{plural, tf};

type Table = &'static str;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Hi,
}

impl Lang {
    #[cfg(test)]
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Hi];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "hi" => Some(Lang::Hi),
            _ => None,
        }
    }

    /// The language's own name, as the switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Hi => "Hinglish",
        }
    }

    /// The `lang` attribute for the page (Hinglish is Hindi written in Latin script).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi-Latn",
        }
    }

    /// Every table of the language: lessons and page, controls, inspector, stage, event log, and (Hinglish only:
    /// the English is the model's own) what the model says.
    fn tables(self) -> &'static [Table] {
        match self {
            Lang::En => &[
                en::TABLE,
                en_ui::TABLE,
                en_inspector::TABLE,
                en_stage::TABLE,
                en_events::TABLE,
            ],
            Lang::Hi => &[
                hi::TABLE,
                hi_ui::TABLE,
                hi_inspector::TABLE,
                hi_stage::TABLE,
                hi_events::TABLE,
                hi_model::TABLE,
            ],
        }
    }

    /// All entries sorted by key, built once per language (the stage looks strings up every frame). Each
    /// entry goes in at its place (docs/size.md).
    fn index(self) -> &'static [(&'static str, &'static str)] {
        static EN: OnceLock<Vec<(&str, &str)>> = OnceLock::new();
        static HI: OnceLock<Vec<(&str, &str)>> = OnceLock::new();
        let cell = if self == Lang::En { &EN } else { &HI };
        cell.get_or_init(|| {
            let mut all: Vec<(&str, &str)> = Vec::new();
            for entry in self
                .tables()
                .iter()
                .flat_map(|t| t.split_terminator('\u{2}'))
            {
                if let Some((k, v)) = entry.split_once('\u{1}') {
                    let at = all.partition_point(|(x, _)| *x < k);
                    all.insert(at, (k, v));
                }
            }
            all
        })
    }
}

/// A message written in every language when it is made, so what stays on screen (a notice) follows a language
/// switch.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Said([String; 2]);

impl Said {
    pub fn new(say: &dyn Fn(Lang) -> String) -> Said {
        Said([say(Lang::En), say(Lang::Hi)])
    }

    pub fn get(&self, lang: Lang) -> &str {
        &self.0[lang as usize]
    }
}

/// The language the app provides to every component.
#[yew::hook]
pub fn use_lang() -> Lang {
    yew::use_context::<Lang>().unwrap_or_default()
}

/// The string for `key` in `lang`; falls back to English, then to "?" (never a blank).
/// Never inlined: it is called from every component, and one copy is enough.
#[inline(never)]
pub fn t(lang: Lang, key: &str) -> &'static str {
    lookup(lang, key)
        .or_else(|| lookup(Lang::En, key))
        .unwrap_or("?")
}

/// What the model says (an error, a reason, a note), in `lang`.
pub fn say(lang: Lang, what: &dyn Worded) -> String {
    say_message(lang, &what.message())
}

pub fn say_message(lang: Lang, m: &Message) -> String {
    m.render(&|m| lookup(lang, m.key()).unwrap_or(m.english()))
}

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let index = lang.index();
    index
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| index[i].1)
}

const STORAGE_KEY: &str = "grouplab.lang";

/// The language to start in: `?lang=` in the URL, else the saved choice, else English.
pub fn initial(from_url: Option<Lang>) -> Lang {
    #[cfg(target_arch = "wasm32")]
    let saved = || {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|c| Lang::from_code(&c))
    };
    #[cfg(not(target_arch = "wasm32"))]
    let saved = || None;
    from_url.or_else(saved).unwrap_or_default()
}

/// Saves the choice and sets `<html lang>` and the page's title. web/boot.js reads the same key (for the panel it
/// shows when the wasm cannot start).
pub fn persist(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        if let Some(s) = w.local_storage().ok().flatten() {
            let _ = s.set_item(STORAGE_KEY, lang.code());
        }
        if let Some(d) = w.document() {
            if let Some(el) = d.document_element() {
                let _ = el.set_attribute("lang", lang.html_lang());
            }
            d.set_title(&format!("GroupLab: {}", t(lang, "app.tagline")));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, STORAGE_KEY);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The model's keys and English templates, read from its sources.
    fn model() -> BTreeSet<(&'static str, String)> {
        grouplab_model::words::SOURCES
            .iter()
            .flat_map(|s| grouplab_model::words::templates(s))
            .collect()
    }

    fn keys(lang: Lang) -> BTreeSet<&'static str> {
        let table = lang.index();
        let set: BTreeSet<_> = table.iter().map(|(k, _)| *k).collect();
        assert_eq!(set.len(), table.len(), "{lang:?} has a duplicate key");
        set
    }

    /// `{name}` placeholders of a string, sorted.
    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    /// A translation fills exactly the placeholders the English string has (the code passes those).
    #[test]
    fn placeholders_match() {
        for (k, en) in Lang::En.index() {
            let hi = lookup(Lang::Hi, k).unwrap_or_default();
            assert_eq!(placeholders(en), placeholders(hi), "placeholders of {k}");
        }
    }

    /// Both tables have exactly the same keys, and no value is empty.
    #[test]
    fn tables_match_and_are_complete() {
        let en = keys(Lang::En);
        let hi = keys(Lang::Hi);
        let missing_hi: Vec<_> = en.difference(&hi).collect();
        // The model's keys have their English in the model (the_model_is_said_in_hinglish).
        let model: BTreeSet<&str> = model().into_iter().map(|(k, _)| k).collect();
        let missing_en: Vec<_> = hi.difference(&en).filter(|k| !model.contains(*k)).collect();
        assert!(missing_hi.is_empty(), "missing in Hinglish: {missing_hi:?}");
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        for lang in Lang::ALL {
            for (k, v) in lang.index() {
                assert!(!v.trim().is_empty(), "{lang:?} {k} is empty");
            }
        }
    }

    /// What the model says has its Hinglish, with the same placeholders, and nothing more (the English is the
    /// model's, read from its sources).
    #[test]
    fn the_model_is_said_in_hinglish() {
        let model = model();
        for (key, english) in &model {
            let hi = lookup(Lang::Hi, key).unwrap_or_else(|| panic!("missing in Hinglish: {key}"));
            assert_eq!(
                placeholders(english),
                placeholders(hi),
                "placeholders of {key}"
            );
            assert!(
                lookup(Lang::En, key).is_none(),
                "{key} is the model's, not en*.rs's"
            );
        }
    }

    /// Lists inside a sentence are joined in the reader's language too.
    #[test]
    fn lists_are_joined_in_hinglish() {
        let note = grouplab_model::scenario::import::ImportNote::Inferred {
            group_id: "g".into(),
            unmodelled: None,
            assignor: "range",
            also: vec!["roundrobin", "sticky", "cooperative-sticky"],
        };
        let hi = say(Lang::Hi, &note);
        assert!(
            hi.contains("roundrobin aur sticky aur cooperative-sticky se bhi"),
            "{hi}"
        );
        assert!(say(Lang::En, &note)
            .contains("roundrobin and sticky and cooperative-sticky would give"));
    }

    /// Every lesson has a title and narration for every step, in both languages.
    #[test]
    fn every_lesson_step_is_narrated() {
        for lesson in crate::lessons::all() {
            let mut wanted = vec![crate::lessons::title_key(lesson.id)];
            wanted.extend((0..lesson.steps.len()).map(|k| crate::lessons::step_key(lesson.id, k)));
            for key in wanted {
                for lang in Lang::ALL {
                    assert!(lookup(lang, &key).is_some(), "{lang:?} lacks {key}");
                }
            }
        }
    }

    #[test]
    fn placeholders_and_fallback() {
        assert_eq!(t(Lang::En, "lesson.step"), "Step");
        assert_eq!(t(Lang::Hi, "no.such.key"), "?");
        assert_eq!(Lang::from_code("hi"), Some(Lang::Hi));
        assert_eq!(Lang::from_code("xx"), None);
    }
}
