//! Typed errors for commands the model refuses. Never a panic: every bad input gets one of these.

use serde::Serialize;

use crate::words::{english_display, msg, serialize_as_english, Message, Quoted, Worded};

/// `Display` is the English sentence ([`Worded::message`] for the reader's language); the JSON API returns the
/// fields as they are, with each `reason` as its English sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum ModelError {
    InvalidTopicName {
        topic: String,
        reason: Reason,
    },
    TopicExists {
        topic: String,
    },
    UnknownTopic {
        topic: String,
    },
    InvalidPartitionCount {
        topic: String,
        requested: u32,
        min: u32,
        max: u32,
    },
    UnknownPartition {
        topic: String,
        partition: u32,
        partitions: u32,
    },
    InvalidReplicationFactor {
        requested: u32,
        brokers: u32,
    },
    UnknownBroker {
        broker: u32,
    },
    InvalidGroupId {
        reason: Reason,
    },
    GroupExists {
        group_id: String,
    },
    GroupFull {
        group_id: String,
        max: u32,
    },
    TooManyClients {
        max: u32,
    },
    UnknownConsumer {
        consumer: String,
    },
    UnknownProducer {
        producer: String,
    },
    NameTaken {
        name: String,
    },
    InvalidName {
        name: String,
        reason: Reason,
    },
    InvalidValue {
        field: String,
        reason: Reason,
    },
    ConsumerNotRunning {
        consumer: String,
    },
    ConsumerRunning {
        consumer: String,
    },
    NoSubscription,
    InvalidTime {
        reason: Reason,
    },
}

impl Worded for ModelError {
    fn message(&self) -> Message {
        use ModelError::*;
        match self {
            InvalidTopicName { topic, reason } => {
                msg!("err.topic_name" => "invalid topic name {topic}: {reason}", topic = &Quoted(topic), reason: reason.message())
            }
            TopicExists { topic } => {
                msg!("err.topic_exists" => "topic {topic} already exists", topic = &Quoted(topic))
            }
            UnknownTopic { topic } => {
                msg!("err.unknown_topic" => "unknown topic {topic}", topic = &Quoted(topic))
            }
            InvalidPartitionCount {
                topic,
                requested,
                min,
                max,
            } => msg!(
                "err.partition_count" => "topic {topic}: {requested} partitions is not allowed here ({min}..={max})",
                topic = &Quoted(topic),
                requested = requested,
                min = min,
                max = max
            ),
            UnknownPartition {
                topic,
                partition,
                partitions,
            } => msg!(
                "err.unknown_partition" => "topic {topic} has no partition {partition} (it has {partitions})",
                topic = &Quoted(topic),
                partition = partition,
                partitions = partitions
            ),
            InvalidReplicationFactor { requested, brokers } => {
                msg!("err.replication" => "replication factor {requested} needs 1..={brokers} brokers", requested = requested, brokers = brokers)
            }
            UnknownBroker { broker } => {
                msg!("err.unknown_broker" => "no broker {broker}", broker = broker)
            }
            InvalidGroupId { reason } => {
                msg!("err.group_id" => "invalid group.id: {reason}", reason: reason.message())
            }
            GroupExists { group_id } => {
                msg!("err.group_exists" => "group {group} already exists (a group is restored only into a world that never saw it)", group = &Quoted(group_id))
            }
            GroupFull { group_id, max } => {
                msg!("err.group_full" => "group {group} already has {max} members", group = &Quoted(group_id), max = max)
            }
            TooManyClients { max } => {
                msg!("err.too_many_clients" => "at most {max} clients in one simulation", max = max)
            }
            UnknownConsumer { consumer } => {
                msg!("err.unknown_consumer" => "no consumer named {consumer}", consumer = &Quoted(consumer))
            }
            UnknownProducer { producer } => {
                msg!("err.unknown_producer" => "no producer named {producer}", producer = &Quoted(producer))
            }
            NameTaken { name } => {
                msg!("err.name_taken" => "the name {name} is already taken", name = &Quoted(name))
            }
            InvalidName { name, reason } => {
                msg!("err.name" => "invalid name {name}: {reason}", name = &Quoted(name), reason: reason.message())
            }
            InvalidValue { field, reason } => {
                msg!("err.value" => "invalid {field}: {reason}", field = field, reason: reason.message())
            }
            ConsumerNotRunning { consumer } => {
                msg!("err.not_running" => "consumer {consumer} is not running", consumer = &Quoted(consumer))
            }
            ConsumerRunning { consumer } => {
                msg!("err.running" => "consumer {consumer} is already running", consumer = &Quoted(consumer))
            }
            NoSubscription => {
                msg!("err.no_subscription" => "a consumer needs topics to subscribe to or partitions to assign")
            }
            InvalidTime { reason } => {
                msg!("err.time" => "invalid time: {reason}", reason: reason.message())
            }
        }
    }
}

/// Why a name or value is refused, as data (the app says it in the reader's language); `Display` and the JSON are
/// the English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    EmptyName,
    /// `.` and `..` are not topic names.
    Dots,
    TooLong {
        max: usize,
    },
    BadChar {
        char: char,
    },
    /// The name of Kafka's internal topic.
    Internal {
        topic: String,
    },
    EmptyGroupId,
    ControlChars,
    /// subscribe() without a group.id.
    NeedsGroupId,
    /// `[a-zA-Z0-9._-]`, 1 to `max` characters.
    NameChars {
        max: usize,
    },
    Length {
        max: usize,
    },
    /// 1 to `max` characters, no control characters.
    Text {
        max: usize,
    },
    Outside {
        value: u64,
        min: u64,
        max: u64,
    },
    MaxTopics {
        max: usize,
    },
    RecordSize,
    HeartbeatNotBelowSession {
        heartbeat: u64,
        session: u64,
    },
    NoAssignor,
    /// librdkafka: eager and cooperative assignors in one list.
    MixedProtocols,
    /// A classic-protocol setting given with `group.protocol=consumer` (KIP-848: the broker decides it).
    NotWithConsumerProtocol,
    /// Java: `group.remote.assignor` with `group.protocol=classic`.
    NeedsConsumerProtocol,
    CoordinatorDown {
        group_id: String,
    },
    /// Only an empty partition is seeded.
    NotEmpty {
        tp: String,
    },
    /// A group with members needs its selected assignor.
    ProtocolNeeded,
    Twice {
        what: String,
    },
    AssignedTwice {
        tp: String,
    },
    CommittedBeyondEnd {
        tp: String,
        committed: u64,
        log_end_offset: u64,
    },
    NotSubscribed {
        member_id: String,
        tp: String,
        topic: String,
    },
}

impl Worded for Reason {
    fn message(&self) -> Message {
        use Reason::*;
        match self {
            EmptyName => msg!("why.empty_name" => "the name is empty"),
            Dots => msg!("why.dots" => "'.' and '..' are not allowed"),
            TooLong { max } => msg!("why.too_long" => "longer than {max} characters", max = max),
            BadChar { char } => {
                msg!("why.char" => "character {char} is not allowed (only a-z, A-Z, 0-9, '.', '_', '-')", char = &format!("{char:?}"))
            }
            Internal { topic } => {
                msg!("why.internal" => "{topic} is Kafka's internal topic", topic = topic)
            }
            EmptyGroupId => msg!("why.empty_group" => "group.id must not be empty"),
            ControlChars => msg!("why.control" => "control characters are not allowed"),
            NeedsGroupId => {
                msg!("why.needs_group" => "subscribe() needs a group.id (use assign() without one)")
            }
            NameChars { max } => {
                msg!("why.name_chars" => "1 to {max} characters of a-z, A-Z, 0-9, '.', '_', '-'", max = max)
            }
            Length { max } => msg!("why.length" => "1 to {max} characters", max = max),
            Text { max } => {
                msg!("why.text" => "1 to {max} characters, no control characters", max = max)
            }
            Outside { value, min, max } => {
                msg!("why.outside" => "{value} is outside {min}..={max}", value = value, min = min, max = max)
            }
            MaxTopics { max } => msg!("why.max_topics" => "at most {max} topics here", max = max),
            RecordSize => {
                msg!("why.record_size" => "keys are limited to 1 KiB and values to 4 KiB here")
            }
            HeartbeatNotBelowSession { heartbeat, session } => {
                msg!("why.heartbeat" => "{heartbeat} must be lower than session.timeout.ms ({session})", heartbeat = heartbeat, session = session)
            }
            NoAssignor => msg!("why.no_assignor" => "needs at least one assignor"),
            MixedProtocols => {
                msg!("why.mixed_protocols" => "librdkafka needs all its assignors to share one rebalance protocol (eager or cooperative): online migration between them is not supported")
            }
            NotWithConsumerProtocol => {
                msg!("why.consumer_protocol" => "not supported with group.protocol=consumer: the broker sets it (group.consumer.session.timeout.ms, group.consumer.heartbeat.interval.ms; pick the assignor with group.remote.assignor)")
            }
            NeedsConsumerProtocol => {
                msg!("why.needs_consumer_protocol" => "cannot be set when group.protocol=classic (it names a broker-side assignor of group.protocol=consumer)")
            }
            CoordinatorDown { group_id } => {
                msg!("why.coordinator_down" => "the coordinator of {group} is down (its __consumer_offsets partition has no leader)", group = group_id)
            }
            NotEmpty { tp } => {
                msg!("why.not_empty" => "{tp} already holds records: only an empty partition is seeded", tp = tp)
            }
            ProtocolNeeded => {
                msg!("why.protocol" => "a group with members has a selected assignor")
            }
            Twice { what } => msg!("why.twice" => "{what} appears twice", what = what),
            AssignedTwice { tp } => {
                msg!("why.assigned_twice" => "{tp} is assigned to two members", tp = tp)
            }
            CommittedBeyondEnd {
                tp,
                committed,
                log_end_offset,
            } => msg!(
                "why.beyond_end" => "{tp}: committed {committed} is beyond the log-end offset {leo}",
                tp = tp,
                committed = committed,
                leo = log_end_offset
            ),
            NotSubscribed {
                member_id,
                tp,
                topic,
            } => msg!(
                "why.not_subscribed" => "{member} owns {tp} but does not subscribe to {topic}",
                member = member_id,
                tp = tp,
                topic = topic
            ),
        }
    }
}

english_display!(ModelError, Reason);
serialize_as_english!(Reason);

impl std::error::Error for ModelError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English of every error and reason is what it was when reasons were free text (the JSON API returns
    /// it as `message` and `reason`).
    #[test]
    fn english_is_unchanged() {
        let value = |reason| ModelError::InvalidValue {
            field: "f".into(),
            reason,
        };
        let cases = [
            (ModelError::InvalidTopicName { topic: "a b".into(), reason: Reason::BadChar { char: ' ' } },
             "invalid topic name \"a b\": character ' ' is not allowed (only a-z, A-Z, 0-9, '.', '_', '-')"),
            (ModelError::InvalidTopicName { topic: "".into(), reason: Reason::EmptyName }, "invalid topic name \"\": the name is empty"),
            (ModelError::InvalidTopicName { topic: "..".into(), reason: Reason::Dots }, "invalid topic name \"..\": '.' and '..' are not allowed"),
            (ModelError::InvalidTopicName { topic: "__consumer_offsets".into(), reason: Reason::Internal { topic: "__consumer_offsets".into() } },
             "invalid topic name \"__consumer_offsets\": __consumer_offsets is Kafka's internal topic"),
            (ModelError::TopicExists { topic: "t".into() }, "topic \"t\" already exists"),
            (ModelError::UnknownTopic { topic: "t".into() }, "unknown topic \"t\""),
            (ModelError::InvalidPartitionCount { topic: "t".into(), requested: 0, min: 1, max: 64 }, "topic \"t\": 0 partitions is not allowed here (1..=64)"),
            (ModelError::UnknownPartition { topic: "t".into(), partition: 9, partitions: 4 }, "topic \"t\" has no partition 9 (it has 4)"),
            (ModelError::InvalidReplicationFactor { requested: 5, brokers: 3 }, "replication factor 5 needs 1..=3 brokers"),
            (ModelError::UnknownBroker { broker: 7 }, "no broker 7"),
            (ModelError::InvalidGroupId { reason: Reason::EmptyGroupId }, "invalid group.id: group.id must not be empty"),
            (ModelError::InvalidGroupId { reason: Reason::TooLong { max: 249 } }, "invalid group.id: longer than 249 characters"),
            (ModelError::InvalidGroupId { reason: Reason::ControlChars }, "invalid group.id: control characters are not allowed"),
            (ModelError::InvalidGroupId { reason: Reason::NeedsGroupId }, "invalid group.id: subscribe() needs a group.id (use assign() without one)"),
            (ModelError::GroupExists { group_id: "g".into() }, "group \"g\" already exists (a group is restored only into a world that never saw it)"),
            (ModelError::GroupFull { group_id: "g".into(), max: 100 }, "group \"g\" already has 100 members"),
            (ModelError::TooManyClients { max: 200 }, "at most 200 clients in one simulation"),
            (ModelError::UnknownConsumer { consumer: "nobody".into() }, "no consumer named \"nobody\""),
            (ModelError::UnknownProducer { producer: "p".into() }, "no producer named \"p\""),
            (ModelError::NameTaken { name: "c".into() }, "the name \"c\" is already taken"),
            (ModelError::InvalidName { name: "a b".into(), reason: Reason::NameChars { max: 64 } }, "invalid name \"a b\": 1 to 64 characters of a-z, A-Z, 0-9, '.', '_', '-'"),
            (value(Reason::Outside { value: 5_000_000, min: 1, max: 100_000 }), "invalid f: 5000000 is outside 1..=100000"),
            (value(Reason::MaxTopics { max: 16 }), "invalid f: at most 16 topics here"),
            (value(Reason::RecordSize), "invalid f: keys are limited to 1 KiB and values to 4 KiB here"),
            (value(Reason::HeartbeatNotBelowSession { heartbeat: 50_000, session: 45_000 }), "invalid f: 50000 must be lower than session.timeout.ms (45000)"),
            (value(Reason::NoAssignor), "invalid f: needs at least one assignor"),
            (value(Reason::NeedsConsumerProtocol), "invalid f: cannot be set when group.protocol=classic (it names a broker-side assignor of group.protocol=consumer)"),
            (value(Reason::NotWithConsumerProtocol), "invalid f: not supported with group.protocol=consumer: the broker sets it (group.consumer.session.timeout.ms, group.consumer.heartbeat.interval.ms; pick the assignor with group.remote.assignor)"),
            (value(Reason::Length { max: 128 }), "invalid f: 1 to 128 characters"),
            (value(Reason::Text { max: 255 }), "invalid f: 1 to 255 characters, no control characters"),
            (value(Reason::CoordinatorDown { group_id: "g".into() }), "invalid f: the coordinator of g is down (its __consumer_offsets partition has no leader)"),
            (value(Reason::NotEmpty { tp: "t/0".into() }), "invalid f: t/0 already holds records: only an empty partition is seeded"),
            (value(Reason::ProtocolNeeded), "invalid f: a group with members has a selected assignor"),
            (value(Reason::Twice { what: "m1".into() }), "invalid f: m1 appears twice"),
            (value(Reason::AssignedTwice { tp: "t/0".into() }), "invalid f: t/0 is assigned to two members"),
            (value(Reason::CommittedBeyondEnd { tp: "t/0".into(), committed: 9, log_end_offset: 5 }), "invalid f: t/0: committed 9 is beyond the log-end offset 5"),
            (value(Reason::NotSubscribed { member_id: "m1".into(), tp: "u/0".into(), topic: "u".into() }), "invalid f: m1 owns u/0 but does not subscribe to u"),
            (ModelError::ConsumerNotRunning { consumer: "c".into() }, "consumer \"c\" is not running"),
            (ModelError::ConsumerRunning { consumer: "c".into() }, "consumer \"c\" is already running"),
            (ModelError::NoSubscription, "a consumer needs topics to subscribe to or partitions to assign"),
            (ModelError::InvalidTime { reason: Reason::Outside { value: 1, min: 2, max: 3 } }, "invalid time: 1 is outside 2..=3"),
        ];
        for (e, english) in cases {
            assert_eq!(e.to_string(), english);
        }
        // The JSON API's object: the variant's fields, the reason as its sentence.
        let json = serde_json::to_value(value(Reason::RecordSize)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"error": "invalid_value", "field": "f", "reason": "keys are limited to 1 KiB and values to 4 KiB here"})
        );
    }
}
