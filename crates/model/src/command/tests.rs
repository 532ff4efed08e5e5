//! The JSON of commands: every command reads back what it writes; the messages users see for broken commands
//! (pinned below, positions included); and a few thousand broken variants of every command, each read to a
//! value or to one of serde's messages that says where, never a panic.

use super::*;
use crate::config::{ConsumerConfig, ProducerConfig};

/// One of every command, with every field set (so a field the flat struct drops shows as a difference).
fn every_command() -> Vec<Command> {
    let tp = |p| TopicPartition::new("t", p);
    vec![
        Command::CreateTopic {
            topic: "t".into(),
            partitions: 4,
            replication_factor: Some(3),
        },
        Command::AddPartitions {
            topic: "t".into(),
            partitions: 6,
        },
        Command::StopBroker { broker: 1 },
        Command::StartBroker { broker: 2 },
        Command::AddProducer {
            name: Some("p".into()),
            profile: ClientProfile::Java,
            config: ProducerConfig {
                client_id: Some("c".into()),
                partitioner: Some(crate::partitioner::Partitioner::Murmur2Random),
                batch_size: Some(10),
                linger_ms: Some(5),
                sticky_partitioning_linger_ms: Some(7),
                metadata_max_age_ms: Some(1000),
            },
        },
        Command::Produce {
            producer: "p".into(),
            topic: "t".into(),
            key: Some("k".into()),
            value: Some("v".into()),
            partition: Some(1),
            count: Some(3),
        },
        Command::SetProduceRate {
            producer: "p".into(),
            topic: "t".into(),
            records_per_sec: 5,
            keys: KeySpec::Random {
                prefix: "k-".into(),
                cardinality: 9,
            },
        },
        Command::AddConsumer {
            name: Some("c".into()),
            profile: ClientProfile::Java,
            config: serde_json::from_str::<ConsumerConfig>(
                r#"{"group.id":"g","group.instance.id":"i","client.id":"c",
                    "partition.assignment.strategy":["range","cooperative-sticky"],
                    "session.timeout.ms":10000,"heartbeat.interval.ms":1000,"max.poll.interval.ms":5000,
                    "max.poll.records":10,"auto.offset.reset":"earliest","enable.auto.commit":false,
                    "auto.commit.interval.ms":100,"metadata.max.age.ms":1000,"allow.auto.create.topics":true}"#,
            )
            .unwrap(),
            topics: vec!["t".into()],
            assign: Some(vec![tp(0), tp(1)]),
            records_per_sec: Some(7),
        },
        Command::AddConsumer {
            name: Some("k".into()),
            profile: ClientProfile::Librdkafka,
            config: serde_json::from_str::<ConsumerConfig>(
                r#"{"group.id":"g","group.protocol":"consumer","group.remote.assignor":"range"}"#,
            )
            .unwrap(),
            topics: vec!["t".into()],
            assign: None,
            records_per_sec: None,
        },
        Command::CloseConsumer {
            consumer: "c".into(),
        },
        Command::CrashConsumer {
            consumer: "c".into(),
        },
        Command::RestartConsumer {
            consumer: "c".into(),
        },
        Command::CommitNow {
            consumer: "c".into(),
            sync: true,
        },
        Command::SetProcessingRate {
            consumer: "c".into(),
            records_per_sec: Some(2),
        },
        Command::RunConsoleConsumer {
            topic: "t".into(),
            group: Some("g".into()),
            from_beginning: true,
            partition: Some(2),
        },
        Command::SeedPartition {
            topic: "t".into(),
            partition: 3,
            log_start_offset: 4,
            log_end_offset: 9,
        },
        Command::RestoreGroup {
            group_id: "g".into(),
            generation_id: 5,
            protocol: Some(AssignorName::Sticky),
            members: vec![RestoredMember {
                consumer: "c".into(),
                member_id: "m".into(),
                group_instance_id: Some("i".into()),
                client_id: "cl".into(),
                client_host: Some("/10.0.0.1".into()),
                profile: ClientProfile::Java,
                topics: vec!["t".into()],
                assignment: vec![tp(0)],
                member_epoch: None,
                target: None,
            }],
            offsets: vec![RestoredOffset {
                topic: "t".into(),
                partition: 0,
                offset: 3,
            }],
            group_epoch: None,
            assignment_epoch: None,
            server_assignor: None,
        },
    ]
}

#[test]
fn every_command_reads_back_what_it_writes() {
    let all = every_command();
    for c in &all {
        let json = serde_json::to_string(c).unwrap();
        let back: Command = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, c, "{json}");
    }
    for keys in [
        KeySpec::Null,
        KeySpec::Fixed { key: "k".into() },
        KeySpec::Cycle {
            keys: vec!["a".into(), "b".into()],
        },
    ] {
        let json = serde_json::to_string(&keys).unwrap();
        assert_eq!(serde_json::from_str::<KeySpec>(&json).unwrap(), keys);
    }
}

#[test]
fn defaults_missing_fields_and_unknown_types() {
    let c: Command = serde_json::from_str(r#"{"type":"add_consumer"}"#).unwrap();
    assert_eq!(
        c,
        Command::AddConsumer {
            name: None,
            profile: ClientProfile::default(),
            config: ConsumerConfig::default(),
            topics: vec![],
            assign: None,
            records_per_sec: None,
        }
    );
    // Fields of other commands are ignored, as serde's tagged enums do.
    let c: Command =
        serde_json::from_str(r#"{"broker":2,"type":"stop_broker","topic":"t"}"#).unwrap();
    assert_eq!(c, Command::StopBroker { broker: 2 });
    let err = |json: &str| {
        serde_json::from_str::<Command>(json)
            .unwrap_err()
            .to_string()
    };
    assert!(err(r#"{"type":"create_topic","topic":"t"}"#).starts_with("missing field `partitions`"));
    assert!(err(r#"{"topic":"t"}"#).starts_with("missing field `type`"));
    let unknown = err(r#"{"type":"explode"}"#);
    assert!(
        unknown.starts_with("unknown variant `explode`, expected one of `create_topic`"),
        "{unknown}"
    );
    let bad_config = err(r#"{"type":"add_consumer","config":{"session.timeout.ms":"soon"}}"#);
    assert!(
        bad_config.starts_with("invalid type: string \"soon\", expected u64"),
        "{bad_config}"
    );
    assert!(err(r#"{"type":"set_produce_rate","producer":"p","topic":"t","records_per_sec":1,"keys":{"kind":"fixed"}}"#)
        .starts_with("missing field `key`"));
}

/// JSON as a tree that keeps the order of an object's entries and allows a key twice.
#[derive(Clone)]
enum Json {
    Object(Vec<(String, Json)>),
    Array(Vec<Json>),
    Leaf(String),
}

impl Json {
    fn of(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Object(m) => {
                Json::Object(m.iter().map(|(k, v)| (k.clone(), Json::of(v))).collect())
            }
            serde_json::Value::Array(a) => Json::Array(a.iter().map(Json::of).collect()),
            leaf => Json::Leaf(leaf.to_string()),
        }
    }

    /// The text; `lines` puts every entry and element on a line of its own (other positions in messages).
    fn text(&self, lines: bool) -> String {
        let sep = if lines { ",\n" } else { "," };
        match self {
            Json::Object(entries) => {
                let inner: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| {
                        format!("{}:{}", serde_json::Value::from(k.as_str()), v.text(lines))
                    })
                    .collect();
                format!("{{{}}}", inner.join(sep))
            }
            Json::Array(items) => {
                let inner: Vec<String> = items.iter().map(|v| v.text(lines)).collect();
                format!("[{}]", inner.join(sep))
            }
            Json::Leaf(s) => s.clone(),
        }
    }

    /// Every variant of this tree with one change at one place.
    fn variants(&self, out: &mut Vec<Json>) {
        const LEAVES: &[&str] = &[
            "null",
            "0",
            "1",
            "-1",
            "1.5",
            "4294967296",
            "1e3",
            "\"\"",
            "\"x\"",
            "true",
            "[]",
            "{}",
            "[\"t\"]",
            "{\"topic\":\"t\",\"partition\":1}",
            "\"java\"",
            "\"range\"",
            "\"fixed\"",
            "\"random\"",
            "\"cycle\"",
            "\"null\"",
            "\"earliest\"",
            "\"default\"",
            "\"create_topic\"",
            "\"stop_broker\"",
            "\"add_consumer\"",
            "\"add_producer\"",
            "\"restore_group\"",
            "{\"stop_broker\":null}",
        ];
        for leaf in LEAVES {
            out.push(Json::Leaf(leaf.to_string()));
        }
        match self {
            Json::Object(entries) => {
                for i in 0..entries.len() {
                    let mut e = entries.clone();
                    e.remove(i);
                    out.push(Json::Object(e));
                    let mut e = entries.clone();
                    e.push(entries[i].clone());
                    out.push(Json::Object(e));
                    let mut e = entries.clone();
                    e.push((entries[i].0.clone(), Json::Leaf("null".into())));
                    out.push(Json::Object(e));
                    let mut e = entries.clone();
                    let moved = e.remove(i);
                    e.insert(0, moved.clone());
                    out.push(Json::Object(e.clone()));
                    e.remove(0);
                    e.push(moved);
                    out.push(Json::Object(e));
                    let mut inner = Vec::new();
                    entries[i].1.variants(&mut inner);
                    for v in inner {
                        let mut e = entries.clone();
                        e[i].1 = v;
                        out.push(Json::Object(e));
                    }
                }
                let mut e = entries.clone();
                e.insert(
                    0,
                    ("zz".into(), Json::Leaf("{\"a\":[1,{\"b\":null}]}".into())),
                );
                out.push(Json::Object(e));
                out.push(Json::Array(
                    entries.iter().map(|(_, v)| v.clone()).collect(),
                ));
            }
            Json::Array(items) => {
                for i in 0..items.len() {
                    let mut a = items.clone();
                    a.remove(i);
                    out.push(Json::Array(a));
                    let mut inner = Vec::new();
                    items[i].variants(&mut inner);
                    for v in inner {
                        let mut a = items.clone();
                        a[i] = v;
                        out.push(Json::Array(a));
                    }
                }
                let mut a = items.clone();
                a.push(Json::Leaf("5".into()));
                out.push(Json::Array(a));
            }
            Json::Leaf(_) => {}
        }
    }
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // Read for its errors.
struct Logged {
    at_ms: u64,
    command: Command,
}

/// A story of two logged commands: `json` first, on its own line(s), then one without its `command`.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // Read for its errors.
struct Story {
    commands: Vec<Logged>,
}

fn story(json: &str) -> String {
    format!("{{\"commands\":[{{\"at_ms\":1,\"command\":{json}}},\n{{\"at_ms\":2}}]}}")
}

/// What users read: the message, or "ok".
fn read(json: &str) -> String {
    serde_json::from_str::<Command>(json).map_or_else(|e| e.to_string(), |_| "ok".into())
}

/// serde_json's message without its " at line L column C".
fn detail(e: &serde_json::Error) -> String {
    let whole = e.to_string();
    whole
        .rsplit_once(" at line ")
        .map_or(whole.clone(), |(d, _)| d.to_string())
}

/// The messages of broken commands, as they read: serde's wording and serde_json's position (none for a field
/// a command lacks or a bad `config` value when the command is the whole text: both are found once the object
/// has been read).
#[test]
fn broken_commands_read_as_these_messages() {
    let cases: &[(&str, &str)] = &[
        ("", "EOF while parsing a value at line 1 column 0"),
        ("5", "invalid type: integer `5`, expected struct Fields at line 1 column 1"),
        (r#""create_topic""#, r#"invalid type: string "create_topic", expected struct Fields at line 1 column 14"#),
        ("null", "invalid type: null, expected struct Fields at line 1 column 4"),
        ("[]", "invalid length 0, expected struct Fields with 31 elements at line 1 column 2"),
        ("{}", "missing field `type` at line 1 column 2"),
        (r#"["stop_broker"]"#, "invalid length 1, expected struct Fields with 31 elements at line 1 column 15"),
        (r#"{"type":"stop_broker""#, "EOF while parsing an object at line 1 column 21"),
        (r#"{"type":"stop_broker","broker":1,}"#, "trailing comma at line 1 column 34"),
        (r#"{"type" "stop_broker"}"#, "expected `:` at line 1 column 9"),
        (r#"{"type":"stop_broker","broker":1}x"#, "trailing characters at line 1 column 34"),
        (r#"{"topic":"t"}"#, "missing field `type` at line 1 column 13"),
        (r#"{"type":"create_topic","topic":"t"}"#, "missing field `partitions`"),
        (r#"{"type":"stop_broker","broker":1,"\u0074ype":"x"}"#, "duplicate field `type` at line 1 column 44"),
        (r#"{"type":{"stop_broker":1},"broker":1}"#, "invalid type: integer `1`, expected unit at line 1 column 24"),
        (r#"{"type":7,"broker":1}"#, "expected value at line 1 column 9"),
        (
            r#"{"type":"explode"}"#,
            "unknown variant `explode`, expected one of `create_topic`, `add_partitions`, `stop_broker`, \
             `start_broker`, `add_producer`, `produce`, `set_produce_rate`, `add_consumer`, `close_consumer`, \
             `crash_consumer`, `restart_consumer`, `commit_now`, `set_processing_rate`, `run_console_consumer`, \
             `seed_partition`, `restore_group` at line 1 column 17",
        ),
        (
            r#"["stop_broker",null,null,null,2,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]"#,
            "invalid length 27, expected struct Fields with 31 elements at line 1 column 142",
        ),
        (
            r#"["stop_broker",null,null,null,2,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]"#,
            "trailing characters at line 1 column 163",
        ),
        // A command's configuration.
        (r#"{"type":"add_consumer","config":{"session.timeout.ms":"soon"}}"#, r#"invalid type: string "soon", expected u64"#),
        (r#"{"type":"add_consumer","config":{"session.timeout.ms":"x","group.id":5}}"#, "invalid type: integer `5`, expected a string"),
        (r#"{"type":"add_producer","config":{"group.id":5,"linger.ms":-1}}"#, "invalid value: integer `-1`, expected u64"),
        (
            r#"{"type":"add_producer","config":{"partitioner":"nope"}}"#,
            "unknown variant `nope`, expected one of `default`, `consistent_random`, `consistent`, `murmur2_random`, \
             `murmur2`, `fnv1a_random`, `fnv1a`, `random`",
        ),
        (
            r#"{"type":"add_consumer","config":{"partition.assignment.strategy":["range","nope"]}}"#,
            "unknown variant `nope`, expected one of `range`, `roundrobin`, `sticky`, `cooperative-sticky`",
        ),
        (r#"{"type":"add_consumer","config":[1]}"#, "invalid type: integer `1`, expected a string"),
        // Key specs.
        (
            r#"{"type":"set_produce_rate","producer":"p","topic":"t","records_per_sec":1,"keys":{"kind":"fixed"}}"#,
            "missing field `key` at line 1 column 98",
        ),
        (
            r#"{"type":"set_produce_rate","producer":"p","topic":"t","records_per_sec":1,"keys":{"kind":"null","kind":"null"}}"#,
            "duplicate field `kind` at line 1 column 102",
        ),
        (
            r#"{"type":"set_produce_rate","producer":"p","topic":"t","records_per_sec":1,"keys":["fixed","k"]}"#,
            "invalid length 2, expected struct KeyFields with 5 elements at line 1 column 94",
        ),
        // Restored groups and assigned partitions.
        (
            r#"{"type":"restore_group","group_id":"g","generation_id":1,"members":[["c","m",null,"cl"]]}"#,
            "invalid length 6, expected struct RestoredMember with 10 elements at line 1 column 87",
        ),
        (
            r#"{"type":"restore_group","group_id":"g","generation_id":1,"offsets":[["t",1]]}"#,
            "invalid length 2, expected struct RestoredOffset with 3 elements at line 1 column 75",
        ),
        (r#"{"type":"add_consumer","assign":[["t"]]}"#, "invalid length 1, expected struct TopicPartition with 2 elements at line 1 column 38"),
        // Accepted.
        (r#"{"type":{"stop_broker":null},"broker":1}"#, "ok"),
        (r#"["stop_broker",null,null,null,2,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]"#, "ok"),
        (r#"{"type":"set_produce_rate","producer":"p","topic":"t","records_per_sec":1,"keys":["fixed","k",null,null,null]}"#, "ok"),
        (r#"{"type":"restore_group","group_id":"g","generation_id":1,"members":[["c","m",null,"cl",null,"java",[]]]}"#, "ok"),
        (r#"{"type":"restore_group","group_id":"g","generation_id":1,"offsets":[["t",1,2]]}"#, "ok"),
        (r#"{"type":"add_consumer","config":{"partitioner":5,"batch.size":"x"}}"#, "ok"),
        (r#"{"type":"add_consumer","config":{"auto.offset.reset":{"earliest":null}}}"#, "ok"),
    ];
    for (json, message) in cases {
        assert_eq!(read(json), *message, "{json}");
    }
    // Inside a story those found once a command's object has been read have a position: the end of the entry
    // that holds the command.
    let in_story = |json: &str| {
        serde_json::from_str::<Story>(&story(json))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        in_story("{\"type\":\"create_topic\",\"topic\":\"t\"}"),
        "missing field `partitions` at line 1 column 70"
    );
    assert_eq!(
        in_story("{\"type\":\"add_consumer\",\"config\":{\"session.timeout.ms\":\"soon\"}}"),
        "invalid type: string \"soon\", expected u64 at line 1 column 97"
    );
    assert_eq!(
        in_story("{\"type\":\"stop_broker\",\"broker\":1}"),
        "missing field `command` at line 2 column 11"
    );
}

#[test]
fn what_broken_commands_still_mean() {
    let command = |json: &str| serde_json::from_str::<Command>(json).unwrap();
    // A key twice in a `config` takes its last value; fields of the other kind of client are ignored.
    assert_eq!(
        command(
            r#"{"type":"add_consumer","config":{"group.id":"a","group.id":"b","partitioner":5}}"#
        ),
        Command::AddConsumer {
            name: None,
            profile: ClientProfile::default(),
            config: ConsumerConfig {
                group_id: Some("b".into()),
                ..ConsumerConfig::default()
            },
            topics: vec![],
            assign: None,
            records_per_sec: None,
        }
    );
    // JSON escapes in keys and values.
    assert_eq!(
        command(r#"{"type":"close_consumer","consum\u0065r":"b\u0041\ud83d\ude00"}"#),
        Command::CloseConsumer {
            consumer: "bA\u{1F600}".into()
        }
    );
}

/// The messages serde's readers give (serde_json's syntax errors aside).
const SERDE_MESSAGES: &[&str] = &[
    "missing field `",
    "duplicate field `",
    "unknown variant `",
    "invalid type: ",
    "invalid value: ",
    "invalid length ",
    // serde_json's word for a value that cannot name a variant (a number, say, as a command's `type`).
    "expected value",
];

/// `json` (well-formed) reads to a command that reads back the same, or to one of serde's messages with a
/// position inside the text if it has one; inside a story the message is the same and always has a position.
fn reads_or_says_why(json: &str) {
    let story = serde_json::from_str::<Story>(&story(json)).unwrap_err();
    assert!(story.line() > 0, "{json}: {story}");
    match serde_json::from_str::<Command>(json) {
        Ok(c) => {
            let again = serde_json::to_string(&c).unwrap();
            assert_eq!(
                serde_json::from_str::<Command>(&again).unwrap(),
                c,
                "{json}"
            );
            assert_eq!(detail(&story), "missing field `command`", "{json}");
            assert_eq!(story.line(), json.lines().count() + 1, "{json}: {story}");
        }
        Err(e) => {
            let d = detail(&e);
            assert!(
                SERDE_MESSAGES.iter().any(|m| d.starts_with(m)),
                "{json}: {e}"
            );
            assert_eq!(detail(&story), d, "{json}");
            if e.line() > 0 {
                let line = json.lines().nth(e.line() - 1).unwrap_or("");
                assert!(e.column() <= line.chars().count(), "{json}: {e}");
            }
        }
    }
}

#[test]
fn every_command_and_thousands_of_broken_variants_read_or_say_why() {
    let mut tried = 0;
    for c in every_command() {
        let tree = Json::of(&serde_json::to_value(&c).unwrap());
        let mut variants = vec![tree.clone()];
        tree.variants(&mut variants);
        for v in &variants {
            reads_or_says_why(&v.text(false));
            reads_or_says_why(&v.text(true));
            tried += 2;
        }
    }
    assert!(tried > 3000, "{tried}");
}
