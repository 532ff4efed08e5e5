//! Every model event as a plain English sentence for the event log, and the category the log filters on.

use grouplab_model::event::{EventKind, LeaveReason};
use grouplab_model::net::{Api, Endpoint, ErrorCode};
use grouplab_model::TopicPartition;

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

    pub fn label(self) -> &'static str {
        match self {
            Category::Group => "Group protocol",
            Category::Offsets => "Offsets",
            Category::Records => "Records",
            Category::Cluster => "Brokers and topics",
            Category::Requests => "Requests",
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

fn tps(list: &[TopicPartition]) -> String {
    if list.is_empty() {
        return "no partitions".into();
    }
    list.iter()
        .map(|tp| tp.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn endpoint(e: &Endpoint) -> String {
    match e {
        Endpoint::Broker(b) => format!("broker {b}"),
        Endpoint::Consumer(c) => format!("consumer #{c}"),
        Endpoint::Producer(p) => format!("producer #{p}"),
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
    }
}

pub fn error_name(e: ErrorCode) -> String {
    // The serde name is Kafka's (SCREAMING_SNAKE_CASE).
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{e:?}"))
}

fn leave_reason(r: LeaveReason) -> &'static str {
    match r {
        LeaveReason::LeaveGroup => "sent LeaveGroup (close)",
        LeaveReason::PollTimeout => "max.poll.interval.ms expired",
        LeaveReason::SessionTimeout => "no heartbeat within session.timeout.ms",
        LeaveReason::RebalanceTimeout => "did not rejoin within the rebalance timeout",
    }
}

/// The event in one sentence.
pub fn sentence(kind: &EventKind) -> String {
    use EventKind::*;
    match kind {
        TopicCreated {
            topic,
            partitions,
            auto_created,
        } => format!(
            "Topic {topic} {} with {partitions} partition{}.",
            if *auto_created {
                "was auto-created"
            } else {
                "was created"
            },
            plural(*partitions as u64)
        ),
        PartitionsAdded { topic, from, to } => format!(
            "Topic {topic} grew from {from} to {to} partitions: keyed records may now go elsewhere."
        ),
        BrokerStopped { broker } => format!("Broker {broker} stopped."),
        BrokerStarted { broker } => format!("Broker {broker} started."),
        LeaderChanged { tp, leader } => match leader {
            Some(b) => format!("Broker {b} is now the leader of {tp}."),
            None => format!("{tp} has no leader (offline)."),
        },
        CoordinatorMoved { group_id, from, to } => format!(
            "The coordinator of {group_id} moved from {} to {}.",
            broker_opt(*from),
            broker_opt(*to)
        ),
        ProducerAdded { producer } => format!("Producer {producer} started."),
        RecordsProduced {
            producer,
            tp,
            base_offset,
            count,
        } => {
            if *count == 1 {
                format!("{producer} wrote a record to {tp} at offset {base_offset}.")
            } else {
                format!(
                    "{producer} wrote {count} records to {tp} at offsets {base_offset}..{}.",
                    base_offset + u64::from(*count) - 1
                )
            }
        }
        ProduceFailed {
            producer,
            tp,
            error,
            count,
        } => format!(
            "{producer} could not write {count} record{} to {tp}: {}.",
            plural(u64::from(*count)),
            error_name(*error)
        ),
        RequestSent { api, from, to, .. } => format!(
            "{} sent a {} request to {}.",
            endpoint(from),
            api_name(*api),
            endpoint(to)
        ),
        ResponseSent {
            api, to, error, ..
        } => {
            if *error == ErrorCode::None {
                format!("{} got the {} response.", endpoint(to), api_name(*api))
            } else {
                format!(
                    "{} got the {} response with {}.",
                    endpoint(to),
                    api_name(*api),
                    error_name(*error)
                )
            }
        }
        ConsumerStarted {
            consumer, group_id, ..
        } => match group_id {
            Some(g) => format!("{consumer} started with group.id {g}."),
            None => format!("{consumer} started without a group."),
        },
        ConsoleConsumerStarted {
            consumer,
            group_id,
            from_beginning,
        } => format!(
            "The console consumer {consumer} started in its own group {group_id}{}.",
            if *from_beginning {
                ", from the beginning"
            } else {
                ""
            }
        ),
        ConsumerClosed { consumer } => format!("{consumer} closed."),
        ConsumerCrashed { consumer } => {
            format!("{consumer} crashed: no commit, no LeaveGroup; only its heartbeats stop.")
        }
        CoordinatorFound {
            consumer,
            group_id,
            broker,
        } => format!("{consumer} found broker {broker}, the coordinator of {group_id}."),
        MemberIdAssigned {
            consumer,
            group_id,
            member_id,
        } => format!("{group_id} gave {consumer} the member id {member_id}."),
        MemberJoined {
            group_id, consumer, ..
        } => format!("{consumer} joined {group_id}."),
        StaticMemberReplaced {
            group_id,
            group_instance_id,
            ..
        } => format!(
            "Static member {group_instance_id} came back to {group_id} with a new member id: no rebalance."
        ),
        MemberLeft {
            group_id,
            consumer,
            reason,
            ..
        } => format!("{consumer} left {group_id}: {}.", leave_reason(*reason)),
        GroupStateChanged { group_id, from, to } => {
            format!("{group_id} went from {} to {}.", from.name(), to.name())
        }
        RebalanceStarted { group_id, reason } => {
            format!("{group_id} is rebalancing: {reason}.")
        }
        GenerationStarted {
            group_id,
            generation_id,
            members,
            ..
        } => format!(
            "{group_id} started generation {generation_id} with {} member{}.",
            members.len(),
            plural(members.len() as u64)
        ),
        AssignmentComputed {
            group_id,
            generation_id,
            assignor,
            ..
        } => format!(
            "The leader of {group_id} computed the assignment for generation {generation_id} with {}.",
            assignor.name()
        ),
        PartitionsRevoked {
            consumer,
            partitions,
            ..
        } => format!("{consumer} gave up {}.", tps(partitions)),
        PartitionsAssigned {
            consumer,
            partitions,
            ..
        } => format!("{consumer} was assigned {}.", tps(partitions)),
        PartitionsLost {
            consumer,
            partitions,
            ..
        } => format!("{consumer} lost {}.", tps(partitions)),
        RecordsFetched {
            consumer,
            tp,
            from_offset,
            to_offset,
            redelivered,
            ..
        } => {
            let mut s = format!("{consumer} read {tp} offsets {from_offset}..{to_offset}");
            if *redelivered > 0 {
                s.push_str(&format!(" ({redelivered} again: redelivered)"));
            }
            s.push('.');
            s
        }
        OffsetReset {
            consumer,
            tp,
            policy,
            offset,
        } => format!(
            "{consumer} had no committed offset for {tp}: auto.offset.reset={} put it at {offset}.",
            serde_json::to_value(policy)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        ),
        NoOffsetForPartition { consumer, tp } => {
            format!("{consumer} has no offset for {tp} and auto.offset.reset is none.")
        }
        OffsetCommitted {
            group_id,
            consumer,
            offsets,
        } => format!(
            "{consumer} committed {} for {group_id}.",
            offsets
                .iter()
                .map(|(tp, o)| format!("{tp}={o}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        OffsetCommitFailed {
            group_id,
            consumer,
            error,
        } => format!(
            "{consumer} could not commit for {group_id}: {}.",
            error_name(*error)
        ),
        PollTimeoutExpired { consumer, group_id } => format!(
            "{consumer} did not call poll() within max.poll.interval.ms: it leaves {group_id}."
        ),
        SessionExpired {
            group_id,
            member_id,
        } => format!(
            "{group_id} heard nothing from {member_id} for session.timeout.ms and removed it."
        ),
        UnknownTopic { consumer, topic } => format!("{consumer}: topic {topic} does not exist."),
        ConsumerError { consumer, message } => format!("{consumer}: {message}."),
        PartitionSeeded {
            tp,
            log_start_offset,
            log_end_offset,
        } => format!(
            "{tp} already holds offsets {log_start_offset}..{log_end_offset} (log-end offset {log_end_offset}); those records are not drawn."
        ),
        GroupRestored {
            group_id,
            generation_id,
            protocol,
            members,
            offsets,
            ..
        } => {
            if members.is_empty() {
                format!("{group_id} was loaded from __consumer_offsets: no active members, {offsets} committed offset{}.", plural(u64::from(*offsets)))
            } else {
                format!(
                    "{group_id} was loaded from __consumer_offsets: Stable in generation {generation_id} with {} member{} ({}), {offsets} committed offset{}.",
                    members.len(),
                    plural(members.len() as u64),
                    protocol.map_or("no assignor", |p| p.name()),
                    plural(u64::from(*offsets))
                )
            }
        }
        AssignmentSkipped {
            group_id,
            generation_id,
            ..
        } => format!(
            "The static leader of {group_id} came back: generation {generation_id} keeps the old assignment (KIP-814)."
        ),
        // Events the model adds later still get a line.
        #[allow(unreachable_patterns)]
        other => format!("{other:?}."),
    }
}

fn broker_opt(b: Option<u32>) -> String {
    b.map_or_else(|| "nowhere".to_string(), |b| format!("broker {b}"))
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use grouplab_model::scenario::Scenario;

    #[test]
    fn every_event_of_the_course_notes_reads_as_a_sentence() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(20_000);
        for e in t.events() {
            let s = sentence(&e.kind);
            assert!(s.ends_with('.'), "{s}");
            let _ = category(&e.kind);
        }
    }
}
