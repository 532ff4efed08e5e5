//! What the inspector shows: the entity the user clicked (or reached with the keyboard) on the stage.

use crate::i18n::{tf, Lang};

/// A selectable entity, by its stable name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Broker(u32),
    Producer(String),
    Topic(String),
    /// `topic/partition`.
    Partition(String),
    /// A record: `topic/partition` and offset.
    Record(String, u64),
    Group(String),
    Consumer(String),
}

impl Selection {
    /// What the reader sees it called (the context menu's title, the inspector's): "consumer consumer1" in
    /// English, "consumer1 naam ka consumer" in Hinglish.
    pub fn name(&self, lang: Lang) -> String {
        let (key, arg, value): (_, _, &dyn std::fmt::Display) = match self {
            Selection::Broker(b) => ("ent.broker", "id", b),
            Selection::Producer(p) => ("ent.producer", "name", p),
            Selection::Topic(t) => ("ent.topic", "name", t),
            Selection::Partition(tp) => ("ent.partition", "tp", tp),
            Selection::Record(tp, o) => {
                return tf(lang, "ent.record", &[("tp", tp), ("offset", o)]);
            }
            Selection::Group(g) => ("ent.group", "name", g),
            Selection::Consumer(c) => ("ent.consumer", "name", c),
        };
        tf(lang, key, &[(arg, value)])
    }

    /// The attribute value the stage marks the selected entity with (stable, in English, for tests and pages).
    pub fn label(&self) -> String {
        match self {
            Selection::Broker(b) => format!("broker {b}"),
            Selection::Producer(p) => format!("producer {p}"),
            Selection::Topic(t) => format!("topic {t}"),
            Selection::Partition(tp) => format!("partition {tp}"),
            Selection::Record(tp, o) => format!("record {tp}@{o}"),
            Selection::Group(g) => format!("group {g}"),
            Selection::Consumer(c) => format!("consumer {c}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context menu's and the inspector's title: the kind word from i18n, the data attribute stable.
    #[test]
    fn names_are_said_in_the_readers_language() {
        let c = Selection::Consumer("consumer1".into());
        assert_eq!(c.name(Lang::En), "consumer consumer1");
        assert_eq!(c.name(Lang::Hi), "consumer1 naam ka consumer");
        assert_eq!(c.label(), "consumer consumer1");
        let r = Selection::Record("test-topic/2".into(), 7);
        assert_eq!(r.name(Lang::En), r.label());
        assert_eq!(r.name(Lang::Hi), "test-topic/2 ka record, offset 7");
        for s in [
            Selection::Broker(1),
            Selection::Producer("p".into()),
            Selection::Topic("t".into()),
            Selection::Partition("t/0".into()),
            Selection::Group("g".into()),
        ] {
            assert_eq!(s.name(Lang::En), s.label());
        }
    }
}
