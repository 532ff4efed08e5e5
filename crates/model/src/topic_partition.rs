//! `TopicPartition`: a partition of a topic, ordered by topic name then partition id (as Kafka's comparators do).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

/// The topic name is shared (`Rc<str>`, serialized as a plain string): copies of a partition cost no
/// allocation, and two copies of one name compare by pointer before comparing bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TopicPartition {
    pub topic: Rc<str>,
    pub partition: u32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<Rc<str>>, partition: u32) -> Self {
        TopicPartition {
            topic: topic.into(),
            partition,
        }
    }

    /// Parses the `topic/partition` form used in data attributes and JSON state.
    pub fn parse(s: &str) -> Option<Self> {
        let (topic, p) = s.rsplit_once('/')?;
        Some(TopicPartition::new(topic, p.parse().ok()?))
    }

    /// `topic/partition`, as `to_string()` writes it, without the formatting machinery: a view of a big world
    /// names thousands of partitions.
    pub fn key(&self) -> String {
        let mut s = String::new();
        self.write_key(&mut s);
        s
    }

    /// [`TopicPartition::key`] written over `out` (reusing its buffer).
    pub fn write_key(&self, out: &mut String) {
        out.clear();
        out.reserve(self.topic.len() + 11);
        out.push_str(&self.topic);
        out.push('/');
        push_decimal(out, self.partition.into());
    }

    fn same_topic(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.topic, &other.topic) || self.topic == other.topic
    }
}

/// Appends `n` in decimal digits, without `format!` (the UI writes tens of thousands of numbers a frame).
pub fn push_decimal(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

impl PartialEq for TopicPartition {
    fn eq(&self, other: &Self) -> bool {
        self.partition == other.partition && self.same_topic(other)
    }
}

impl Eq for TopicPartition {}

/// By topic name, then partition (what `#[derive]` gave when the name was a `String`).
impl Ord for TopicPartition {
    fn cmp(&self, other: &Self) -> Ordering {
        if Rc::ptr_eq(&self.topic, &other.topic) {
            return self.partition.cmp(&other.partition);
        }
        (&*self.topic, self.partition).cmp(&(&*other.topic, other.partition))
    }
}

impl PartialOrd for TopicPartition {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for TopicPartition {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.topic.hash(state);
        self.partition.hash(state);
    }
}

/// `topic/partition`, the stable form used in data attributes, JSON state and the event log.
impl fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.topic, self.partition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_the_display_form() {
        for p in [0, 7, 10, 99, 1023, 4_294_967_295] {
            let tp = TopicPartition::new("orders", p);
            assert_eq!(tp.key(), tp.to_string());
        }
        assert_eq!(TopicPartition::new("a/b", 3).key(), "a/b/3");
    }

    #[test]
    fn display_and_parse_round_trip() {
        let tp = TopicPartition::new("test-topic", 3);
        assert_eq!(tp.to_string(), "test-topic/3");
        assert_eq!(TopicPartition::parse("test-topic/3"), Some(tp));
        assert_eq!(TopicPartition::parse("nope"), None);
    }

    #[test]
    fn shared_and_separate_names_order_alike() {
        let shared: Rc<str> = Rc::from("b");
        let a1 = TopicPartition::new(shared.clone(), 1);
        let a2 = TopicPartition::new(shared, 2);
        let b2 = TopicPartition::new("b", 2);
        let a0 = TopicPartition::new("a", 9);
        assert_eq!(a2, b2);
        assert_eq!(a2.cmp(&b2), Ordering::Equal);
        assert!(a1 < a2 && a1 < b2 && a0 < a1);
        assert_eq!(
            serde_json::to_string(&a1).unwrap(),
            r#"{"topic":"b","partition":1}"#
        );
    }
}
