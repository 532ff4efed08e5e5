//! The JSON of commands: every command reads back what it writes, and the hand-written reader (`de.rs`) accepts
//! exactly what serde's derived reader (`reference.rs`) accepted, with the same messages, on every command
//! with every field and on a few thousand broken variants of them.

use super::reference::OldCommand;
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
            }],
            offsets: vec![RestoredOffset {
                topic: "t".into(),
                partition: 0,
                offset: 3,
            }],
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

#[derive(Debug, PartialEq, serde::Deserialize)]
struct Logged<C> {
    at_ms: u64,
    command: C,
}

/// The new reader and the old one on `json`, alone and inside a list of logged commands: the same value or the
/// same message.
fn same(json: &str) {
    let new = serde_json::from_slice::<Command>(json.as_bytes()).map_err(|e| e.to_string());
    let old = serde_json::from_slice::<OldCommand>(json.as_bytes())
        .map(|c| c.0)
        .map_err(|e| e.to_string());
    assert_eq!(new, old, "{json}");
    let nested = format!("{{\"commands\":[{{\"at_ms\":1,\"command\":{json}}},\n{{\"at_ms\":2}}]}}");
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Story<C> {
        commands: Vec<Logged<C>>,
    }
    let new = serde_json::from_slice::<Story<Command>>(nested.as_bytes())
        .map(|s| s.commands)
        .map_err(|e| e.to_string());
    let old = serde_json::from_slice::<Story<OldCommand>>(nested.as_bytes())
        .map(|s| {
            s.commands
                .into_iter()
                .map(|l| (l.at_ms, l.command.0))
                .collect::<Vec<_>>()
        })
        .map_err(|e| e.to_string());
    let new = new.map(|v| {
        v.into_iter()
            .map(|l| (l.at_ms, l.command))
            .collect::<Vec<_>>()
    });
    assert_eq!(new, old, "{nested}");
}

#[test]
fn the_hand_written_reader_reads_what_the_derived_one_read() {
    let mut tried = 0;
    for c in every_command() {
        let tree = Json::of(&serde_json::to_value(&c).unwrap());
        let mut variants = vec![tree.clone()];
        tree.variants(&mut variants);
        for v in &variants {
            same(&v.text(false));
            same(&v.text(true));
            tried += 2;
        }
    }
    for json in [
        "", "5", "\"create_topic\"", "null", "[]", "{}", "[\"stop_broker\"]", "{\"type\":\"stop_broker\"",
        "{\"type\":\"stop_broker\",\"broker\":1,}", "{\"type\" \"stop_broker\"}", "{\"type\":\"stop_broker\",\"broker\":1}x",
        "{\"type\":\"add_consumer\",\"config\":{\"group.id\":\"a\",\"group.id\":\"b\"}}",
        "{\"type\":\"add_consumer\",\"config\":{\"session.timeout.ms\":\"x\",\"group.id\":5}}",
        "{\"type\":\"add_consumer\",\"config\":{\"partitioner\":5,\"batch.size\":\"x\"}}",
        "{\"type\":\"add_producer\",\"config\":{\"group.id\":5,\"linger.ms\":-1}}",
        "{\"type\":\"add_producer\",\"config\":{\"partitioner\":\"nope\"}}",
        "{\"type\":\"add_consumer\",\"config\":{\"partition.assignment.strategy\":[\"range\",\"nope\"]}}",
        "{\"type\":\"add_consumer\",\"config\":{\"auto.offset.reset\":{\"earliest\":null}}}",
        "{\"type\":{\"stop_broker\":null},\"broker\":1}", "{\"type\":{\"stop_broker\":1},\"broker\":1}",
        "{\"type\":\"set_produce_rate\",\"producer\":\"p\",\"topic\":\"t\",\"records_per_sec\":1,\"keys\":{\"kind\":\"null\",\"kind\":\"null\"}}",
        "{\"type\":\"set_produce_rate\",\"producer\":\"p\",\"topic\":\"t\",\"records_per_sec\":1,\"keys\":[\"fixed\",\"k\"]}",
        "{\"type\":\"set_produce_rate\",\"producer\":\"p\",\"topic\":\"t\",\"records_per_sec\":1,\"keys\":[\"fixed\",\"k\",null,null,null]}",
        "[\"stop_broker\",null,null,null,2,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]",
        "[\"stop_broker\",null,null,null,2,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]",
        "[\"stop_broker\",null,null,null,2,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]",
        "{\"type\":\"restore_group\",\"group_id\":\"g\",\"generation_id\":1,\"members\":[[\"c\",\"m\",null,\"cl\"]]}",
        "{\"type\":\"restore_group\",\"group_id\":\"g\",\"generation_id\":1,\"members\":[[\"c\",\"m\",null,\"cl\",null,\"java\",[]]]}",
        "{\"type\":\"restore_group\",\"group_id\":\"g\",\"generation_id\":1,\"offsets\":[[\"t\",1]]}",
        "{\"type\":\"restore_group\",\"group_id\":\"g\",\"generation_id\":1,\"offsets\":[[\"t\",1,2]]}",
        "{\"type\":\"add_consumer\",\"assign\":[[\"t\",1]]}",
        "{\"type\":\"add_consumer\",\"assign\":[[\"t\"]]}",
        "{\"type\":\"add_consumer\",\"topics\":[\"a\",\"b\\u0041\"],\"name\":\"\\ud83d\\ude00\"}",
        "{\"type\":\"stop_broker\",\"broker\":1,\"\\u0074ype\":\"x\"}",
    ] {
        same(json);
        tried += 1;
    }
    assert!(tried > 3000, "{tried}");
}
