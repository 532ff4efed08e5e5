//! Every model event as a plain sentence for the event log (English or Hinglish, from the i18n tables), and
//! the category the log filters on.

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
    use EventKind::*;
    let f = |key: &str, args: &[(&str, &dyn Display)]| tf(lang, key, args);
    match kind {
        TopicCreated {
            topic,
            partitions,
            auto_created,
        } => f(
            if *auto_created {
                "ev.topic_auto_created"
            } else {
                "ev.topic_created"
            },
            &[
                ("topic", topic),
                ("n", partitions),
                ("s", &plural(u64::from(*partitions))),
            ],
        ),
        PartitionsAdded { topic, from, to } => f(
            "ev.partitions_added",
            &[("topic", topic), ("from", from), ("to", to)],
        ),
        BrokerStopped { broker } => f("ev.broker_stopped", &[("broker", broker)]),
        BrokerStarted { broker } => f("ev.broker_started", &[("broker", broker)]),
        LeaderChanged { tp, leader } => match leader {
            Some(b) => f("ev.leader", &[("broker", b), ("tp", tp)]),
            None => f("ev.no_leader", &[("tp", tp)]),
        },
        CoordinatorMoved { group_id, from, to } => f(
            "ev.coordinator_moved",
            &[
                ("group", group_id),
                ("from", &broker_opt(lang, *from)),
                ("to", &broker_opt(lang, *to)),
            ],
        ),
        ProducerAdded { producer } => f("ev.producer_added", &[("producer", producer)]),
        RecordsProduced {
            producer,
            tp,
            base_offset,
            count,
        } => {
            if *count == 1 {
                f(
                    "ev.produced_one",
                    &[("producer", producer), ("tp", tp), ("offset", base_offset)],
                )
            } else {
                f(
                    "ev.produced",
                    &[
                        ("producer", producer),
                        ("count", count),
                        ("tp", tp),
                        ("from", base_offset),
                        ("to", &(base_offset + u64::from(*count) - 1)),
                    ],
                )
            }
        }
        ProduceFailed {
            producer,
            tp,
            error,
            count,
        } => f(
            "ev.produce_failed",
            &[
                ("producer", producer),
                ("count", count),
                ("s", &plural(u64::from(*count))),
                ("tp", tp),
                ("error", &error_name(*error)),
            ],
        ),
        RequestSent { api, from, to, .. } => f(
            "ev.request",
            &[
                ("from", &endpoint(lang, from)),
                ("api", &api_name(*api)),
                ("to", &endpoint(lang, to)),
            ],
        ),
        ResponseSent { api, to, error, .. } => {
            let (to, api) = (endpoint(lang, to), api_name(*api));
            if *error == ErrorCode::None {
                f("ev.response", &[("to", &to), ("api", &api)])
            } else {
                f(
                    "ev.response_error",
                    &[("to", &to), ("api", &api), ("error", &error_name(*error))],
                )
            }
        }
        ConsumerStarted {
            consumer, group_id, ..
        } => match group_id {
            Some(g) => f(
                "ev.consumer_started",
                &[("consumer", consumer), ("group", g)],
            ),
            None => f("ev.consumer_started_alone", &[("consumer", consumer)]),
        },
        ConsoleConsumerStarted {
            consumer,
            group_id,
            from_beginning,
        } => f(
            if *from_beginning {
                "ev.console_started_beginning"
            } else {
                "ev.console_started"
            },
            &[("consumer", consumer), ("group", group_id)],
        ),
        ConsumerClosed { consumer } => f("ev.closed", &[("consumer", consumer)]),
        ConsumerCrashed { consumer } => f("ev.crashed", &[("consumer", consumer)]),
        CoordinatorFound {
            consumer,
            group_id,
            broker,
        } => f(
            "ev.coordinator_found",
            &[
                ("consumer", consumer),
                ("broker", broker),
                ("group", group_id),
            ],
        ),
        MemberIdAssigned {
            consumer,
            group_id,
            member_id,
        } => f(
            "ev.member_id",
            &[
                ("group", group_id),
                ("consumer", consumer),
                ("member", member_id),
            ],
        ),
        MemberJoined {
            group_id, consumer, ..
        } => f("ev.joined", &[("consumer", consumer), ("group", group_id)]),
        StaticMemberReplaced {
            group_id,
            group_instance_id,
            ..
        } => f(
            "ev.static_replaced",
            &[("instance", group_instance_id), ("group", group_id)],
        ),
        MemberLeft {
            group_id,
            consumer,
            reason,
            ..
        } => f(
            "ev.left",
            &[
                ("consumer", consumer),
                ("group", group_id),
                ("reason", &t(lang, leave_reason(*reason))),
            ],
        ),
        GroupStateChanged { group_id, from, to } => f(
            "ev.state",
            &[
                ("group", group_id),
                ("from", &from.name()),
                ("to", &to.name()),
            ],
        ),
        RebalanceStarted { group_id, reason } => f(
            "ev.rebalancing",
            &[("group", group_id), ("reason", &say(lang, reason))],
        ),
        GenerationStarted {
            group_id,
            generation_id,
            members,
            ..
        } => f(
            "ev.generation",
            &[
                ("group", group_id),
                ("gen", generation_id),
                ("n", &members.len()),
                ("s", &plural(members.len() as u64)),
            ],
        ),
        AssignmentComputed {
            group_id,
            generation_id,
            assignor,
            ..
        } => f(
            "ev.assignment",
            &[
                ("group", group_id),
                ("gen", generation_id),
                ("assignor", &assignor.name()),
            ],
        ),
        PartitionsRevoked {
            consumer,
            partitions,
            ..
        } => f(
            "ev.revoked",
            &[("consumer", consumer), ("tps", &tps(lang, partitions))],
        ),
        PartitionsAssigned {
            consumer,
            partitions,
            ..
        } => f(
            "ev.assigned",
            &[("consumer", consumer), ("tps", &tps(lang, partitions))],
        ),
        PartitionsLost {
            consumer,
            partitions,
            ..
        } => f(
            "ev.lost",
            &[("consumer", consumer), ("tps", &tps(lang, partitions))],
        ),
        RecordsFetched {
            consumer,
            tp,
            from_offset,
            to_offset,
            redelivered,
            ..
        } => f(
            if *redelivered > 0 {
                "ev.fetched_again"
            } else {
                "ev.fetched"
            },
            &[
                ("consumer", consumer),
                ("tp", tp),
                ("from", from_offset),
                ("to", to_offset),
                ("n", redelivered),
            ],
        ),
        OffsetReset {
            consumer,
            tp,
            policy,
            offset,
        } => f(
            "ev.offset_reset",
            &[
                ("consumer", consumer),
                ("tp", tp),
                ("policy", &serde_name(policy)),
                ("offset", offset),
            ],
        ),
        NoOffsetForPartition { consumer, tp } => {
            f("ev.no_offset", &[("consumer", consumer), ("tp", tp)])
        }
        OffsetCommitted {
            group_id,
            consumer,
            offsets,
        } => f(
            "ev.committed",
            &[
                ("consumer", consumer),
                (
                    "offsets",
                    &offsets
                        .iter()
                        .map(|(tp, o)| format!("{tp}={o}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("group", group_id),
            ],
        ),
        OffsetCommitFailed {
            group_id,
            consumer,
            error,
        } => f(
            "ev.commit_failed",
            &[
                ("consumer", consumer),
                ("group", group_id),
                ("error", &error_name(*error)),
            ],
        ),
        PollTimeoutExpired { consumer, group_id } => f(
            "ev.poll_timeout",
            &[("consumer", consumer), ("group", group_id)],
        ),
        SessionExpired {
            group_id,
            member_id,
        } => f(
            "ev.session_expired",
            &[("group", group_id), ("member", member_id)],
        ),
        UnknownTopic { consumer, topic } => f(
            "ev.unknown_topic",
            &[("consumer", consumer), ("topic", topic)],
        ),
        ConsumerError { consumer, message } => f(
            "ev.consumer_error",
            &[("consumer", consumer), ("message", message)],
        ),
        PartitionSeeded {
            tp,
            log_start_offset,
            log_end_offset,
        } => f(
            "ev.partition_seeded",
            &[
                ("tp", tp),
                ("from", log_start_offset),
                ("to", log_end_offset),
            ],
        ),
        GroupRestored {
            group_id,
            generation_id,
            protocol,
            members,
            offsets,
            ..
        } => {
            let (n, s) = (offsets, plural(u64::from(*offsets)));
            if members.is_empty() {
                f(
                    "ev.group_restored_empty",
                    &[("group", group_id), ("n", n), ("s", &s)],
                )
            } else {
                f(
                    "ev.group_restored",
                    &[
                        ("group", group_id),
                        ("gen", generation_id),
                        ("members", &members.len()),
                        ("ms", &plural(members.len() as u64)),
                        (
                            "assignor",
                            &protocol.map_or(t(lang, "insp.no_assignor"), |p| p.name()),
                        ),
                        ("n", n),
                        ("s", &s),
                    ],
                )
            }
        }
        AssignmentSkipped {
            group_id,
            generation_id,
            ..
        } => f(
            "ev.assignment_skipped",
            &[("group", group_id), ("gen", generation_id)],
        ),
        GroupEpochBumped {
            group_id,
            group_epoch,
            reason,
        } => f(
            "ev.group_epoch",
            &[
                ("group", group_id),
                ("epoch", group_epoch),
                ("reason", &say(lang, reason)),
            ],
        ),
        TargetAssignmentComputed {
            group_id,
            assignment_epoch,
            assignor,
            ..
        } => f(
            "ev.target_assignment",
            &[
                ("group", group_id),
                ("epoch", assignment_epoch),
                ("assignor", assignor),
            ],
        ),
        MemberReconciled {
            consumer,
            member_epoch,
            member_state,
            assigned,
            revoking,
            ..
        } => f(
            "ev.reconciled",
            &[
                ("consumer", consumer),
                ("epoch", member_epoch),
                ("state", member_state),
                ("tps", &tps(lang, assigned)),
                ("revoking", &tps(lang, revoking)),
            ],
        ),
        MemberFenced {
            group_id,
            consumer,
            reason,
            ..
        } => f(
            "ev.fenced",
            &[
                ("consumer", consumer),
                ("group", group_id),
                ("reason", &t(lang, leave_reason(*reason))),
            ],
        ),
        // Events the model adds later still get a line.
        #[allow(unreachable_patterns)]
        other => format!("{other:?}."),
    }
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
