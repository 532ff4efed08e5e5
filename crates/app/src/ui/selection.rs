//! What the inspector shows: the entity the user clicked (or reached with the keyboard) on the stage.

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
    /// The attribute value the stage marks the selected entity with.
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
