//! Every model event as a plain sentence for the event log (English or Hinglish, from the i18n tables), and
//! the category the log filters on.

mod client;
mod cluster;
mod group;

use std::fmt::Display;

use grouplab_model::event::{EventKind, LeaveReason};
use grouplab_model::net::{Api, Endpoint, ErrorCode};
use grouplab_model::TopicPartition;

use crate::i18n::{plural, say, t, tf, Lang};

/// What the event log's filter selects on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Group,
    Offsets,
    Records,
    Cluster,
    Requests,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Group,
        Category::Offsets,
        Category::Records,
        Category::Cluster,
        Category::Requests,
    ];

    /// The i18n key of the filter's label.
    pub fn label_key(self) -> &'static str {
        match self {
            Category::Group => "cat.group",
            Category::Offsets => "cat.offsets",
            Category::Records => "cat.records",
            Category::Cluster => "cat.cluster",
            Category::Requests => "cat.requests",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Category::Group => "group",
            Category::Offsets => "offsets",
            Category::Records => "records",
            Category::Cluster => "cluster",
            Category::Requests => "requests",
        }
    }
}

pub fn category(kind: &EventKind) -> Category {
    use EventKind::*;
    match kind {
        TopicCreated { .. }
        | PartitionsAdded { .. }
        | BrokerStopped { .. }
        | BrokerStarted { .. }
        | LeaderChanged { .. }
        | ProducerAdded { .. }
        | PartitionSeeded { .. }
        | UnknownTopic { .. } => Category::Cluster,
        RecordsProduced { .. } | ProduceFailed { .. } | RecordsFetched { .. } => Category::Records,
        RequestSent { .. } | ResponseSent { .. } => Category::Requests,
        OffsetReset { .. }
        | NoOffsetForPartition { .. }
        | OffsetCommitted { .. }
        | OffsetCommitFailed { .. } => Category::Offsets,
        _ => Category::Group,
    }
}

fn tps(lang: Lang, list: &[TopicPartition]) -> String {
    if list.is_empty() {
        return t(lang, "ev.no_partitions").into();
    }
    list.iter()
        .map(|tp| tp.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn endpoint(lang: Lang, e: &Endpoint) -> String {
    match e {
        Endpoint::Broker(b) => tf(lang, "ev.broker", &[("broker", b)]),
        Endpoint::Consumer(c) => tf(lang, "ev.consumer_n", &[("n", c)]),
        Endpoint::Producer(p) => tf(lang, "ev.producer_n", &[("n", p)]),
    }
}

pub fn api_name(api: Api) -> &'static str {
    match api {
        Api::Produce => "Produce",
        Api::FindCoordinator => "FindCoordinator",
        Api::JoinGroup => "JoinGroup",
        Api::SyncGroup => "SyncGroup",
        Api::Heartbeat => "Heartbeat",
        Api::LeaveGroup => "LeaveGroup",
        Api::OffsetCommit => "OffsetCommit",
        Api::OffsetFetch => "OffsetFetch",
        Api::ConsumerGroupHeartbeat => "ConsumerGroupHeartbeat",
    }
}

pub fn error_name(e: ErrorCode) -> String {
    // The serde name is Kafka's (SCREAMING_SNAKE_CASE).
    serde_name(&e)
}

/// The name serde gives a unit variant (`"NOT_COORDINATOR"` without its quotes), from the JSON writer the app
/// has anyway (not through `serde_json::Value`, whose serializer would be kilobytes more wasm).
fn serde_name(v: &impl serde::Serialize) -> String {
    let json = serde_json::to_string(v).unwrap_or_default();
    json.trim_matches('"').to_string()
}

fn leave_reason(r: LeaveReason) -> &'static str {
    match r {
        LeaveReason::LeaveGroup => "leave.leave_group",
        LeaveReason::PollTimeout => "leave.poll",
        LeaveReason::SessionTimeout => "leave.session",
        LeaveReason::RebalanceTimeout => "leave.rebalance",
    }
}

/// The event in one sentence, in `lang`.
pub fn sentence(lang: Lang, kind: &EventKind) -> String {
    cluster::sentence(lang, kind)
        .or_else(|| client::sentence(lang, kind))
        .or_else(|| group::sentence(lang, kind))
        // Events the model adds later still get a line.
        .unwrap_or_else(|| format!("{kind:?}."))
}

fn broker_opt(lang: Lang, b: Option<u32>) -> String {
    b.map_or_else(
        || t(lang, "ev.nowhere").to_string(),
        |b| tf(lang, "ev.broker", &[("broker", &b)]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use grouplab_model::scenario::Scenario;

    #[test]
    fn every_event_of_the_course_notes_reads_as_a_sentence() {
        let mut tl = Scenario::course_notes().build().unwrap();
        tl.advance_to(20_000);
        for e in tl.events() {
            for lang in Lang::ALL {
                let s = sentence(lang, &e.kind);
                assert!(s.ends_with('.'), "{s}");
                assert!(!s.contains('{'), "a placeholder left unfilled: {s}");
            }
            let _ = category(&e.kind);
        }
    }
}
