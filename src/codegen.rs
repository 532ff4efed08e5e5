//! The client code that creates the situation on screen, generated from the command log: confluent-kafka
//! (Python, as in the course notes), the Java client, and the Kafka CLI. Plain text only; the UI shows it in
//! `<pre>` as text, never as HTML.

use std::fmt::Write;

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ConsumerConfig};
use grouplab_model::timeline::LoggedCommand;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    Python,
    Java,
    Cli,
}

impl Flavour {
    pub const ALL: [Flavour; 3] = [Flavour::Python, Flavour::Java, Flavour::Cli];

    pub fn label(self) -> &'static str {
        match self {
            Flavour::Python => "Python",
            Flavour::Java => "Java",
            Flavour::Cli => "CLI",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Flavour::Python => "python",
            Flavour::Java => "java",
            Flavour::Cli => "cli",
        }
    }
}

const BOOTSTRAP: &str = "localhost:9092";

fn join(xs: &[String], sep: &str) -> String {
    let mut s = String::new();
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(x);
    }
    s
}

/// `(key, value)` pairs of a consumer's configuration (Java names assignors by class).
fn consumer_props(c: &ConsumerConfig, java: bool) -> Vec<(&'static str, String)> {
    let mut v = vec![("bootstrap.servers", BOOTSTRAP.to_string())];
    if let Some(g) = &c.group_id {
        v.push(("group.id", g.clone()));
    }
    if let Some(i) = &c.group_instance_id {
        v.push(("group.instance.id", i.clone()));
    }
    if let Some(r) = c.auto_offset_reset {
        let r = match r {
            AutoOffsetReset::Earliest => "earliest",
            AutoOffsetReset::Latest => "latest",
            AutoOffsetReset::None => "none",
        };
        v.push(("auto.offset.reset", r.to_string()));
    }
    if let Some(a) = &c.partition_assignment_strategy {
        let mut names = String::new();
        for x in a {
            if !names.is_empty() {
                names.push(',');
            }
            names.push_str(if java {
                java_assignor(x.name())
            } else {
                x.name()
            });
        }
        v.push(("partition.assignment.strategy", names));
    }
    if let Some(x) = c.session_timeout_ms {
        v.push(("session.timeout.ms", x.to_string()));
    }
    if let Some(x) = c.enable_auto_commit {
        v.push(("enable.auto.commit", x.to_string()));
    }
    if let Some(x) = c.metadata_max_age_ms {
        v.push(("metadata.max.age.ms", x.to_string()));
    }
    v
}

fn java_assignor(name: &str) -> &str {
    match name {
        "range" => "RangeAssignor",
        "roundrobin" => "RoundRobinAssignor",
        "sticky" => "StickyAssignor",
        "cooperative-sticky" => "CooperativeStickyAssignor",
        other => other,
    }
}

fn keys_comment(keys: &KeySpec) -> String {
    match keys {
        KeySpec::Null => "no key".into(),
        KeySpec::Fixed { key } => format!("key \"{key}\""),
        KeySpec::Random {
            prefix,
            cardinality,
        } => format!("keys {prefix}0..{prefix}{}", cardinality.saturating_sub(1)),
        KeySpec::Cycle { keys } => format!("keys {}", join(keys, ", ")),
    }
}

/// The code for the commands applied up to `now_ms`.
pub fn generate(flavour: Flavour, log: &[LoggedCommand], now_ms: u64) -> String {
    let mut out = String::new();
    let o = &mut out;
    match flavour {
        Flavour::Python => o.push_str("from confluent_kafka import Consumer, Producer\n\n"),
        Flavour::Java => {
            o.push_str("// org.apache.kafka.clients.*; String (de)serializers omitted\n\n")
        }
        Flavour::Cli => {}
    }
    // Clients added without a name get the model's: the first free `<prefix><n>`.
    let mut names: Vec<String> = Vec::new();
    for c in log.iter().filter(|c| c.at_ms <= now_ms) {
        let mut cmd = c.command.clone();
        // A restored group's consumers are named in the command.
        if let Command::RestoreGroup { members, .. } = &cmd {
            names.extend(members.iter().map(|m| m.consumer.clone()));
        }
        let (name, prefix) = match &mut cmd {
            Command::AddConsumer { name, .. } => (Some(name), "consumer"),
            Command::AddProducer { name, .. } => (Some(name), "producer"),
            Command::RunConsoleConsumer { .. } => (None, "console"),
            _ => (None, ""),
        };
        if !prefix.is_empty() {
            let given = name.as_ref().and_then(|n| (**n).clone());
            let n = given.unwrap_or_else(|| {
                (1..)
                    .map(|i| format!("{prefix}{i}"))
                    .find(|n| !names.contains(n))
                    .unwrap_or_default()
            });
            if let Some(slot) = name {
                *slot = Some(n.clone());
            }
            names.push(n);
        }
        if flavour == Flavour::Cli {
            cli(o, &cmd);
        } else {
            client(o, &with_identifiers(cmd), flavour == Flavour::Java);
        }
    }
    out
}

/// A client name as a Python/Java variable: names may hold `-` and `.`, identifiers may not.
fn identifier(name: &str) -> String {
    let mut id: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, '_');
    }
    id
}

/// The command with every client name turned into a variable name, for the Python and Java views.
fn with_identifiers(mut cmd: Command) -> Command {
    let rename = |n: &mut String| *n = identifier(n);
    match &mut cmd {
        Command::AddConsumer { name, .. } | Command::AddProducer { name, .. } => {
            if let Some(n) = name {
                rename(n);
            }
        }
        Command::Produce { producer, .. } | Command::SetProduceRate { producer, .. } => {
            rename(producer)
        }
        Command::CloseConsumer { consumer }
        | Command::CrashConsumer { consumer }
        | Command::RestartConsumer { consumer }
        | Command::CommitNow { consumer, .. }
        | Command::SetProcessingRate { consumer, .. } => rename(consumer),
        _ => {}
    }
    cmd
}

/// Python (confluent-kafka) or Java: the same statements in two syntaxes.
fn client(o: &mut String, c: &Command, java: bool) {
    let (rem, end) = if java { ("//", ";") } else { ("#", "") };
    match c {
        Command::AddProducer { name, profile, .. } => {
            let n = name.as_deref().unwrap_or("producer");
            let rdk = *profile == ClientProfile::Librdkafka;
            if java {
                let _ = writeln!(o, "Properties {n}Props = new Properties();\n{n}Props.put(\"bootstrap.servers\", \"{BOOTSTRAP}\");\nKafkaProducer<String, String> {n} = new KafkaProducer<>({n}Props);");
            } else {
                let extra = if rdk {
                    ""
                } else {
                    ", 'partitioner': 'murmur2_random'"
                };
                let _ = writeln!(
                    o,
                    "{n} = Producer({{'bootstrap.servers': \"{BOOTSTRAP}\"{extra}}})"
                );
            }
            if rdk == java {
                let _ = writeln!(
                    o,
                    "{rem} keys: confluent-kafka hashes with crc32, Java with murmur2"
                );
            }
        }
        Command::Produce {
            producer,
            topic,
            key,
            count,
            ..
        } => {
            let k = match key {
                Some(k) => format!("\"{k}\""),
                None if java => "null".into(),
                None => "None".into(),
            };
            let n = count.unwrap_or(1);
            if n > 1 {
                let _ = write!(
                    o,
                    "{} ",
                    if java {
                        format!("for (int i = 0; i < {n}; i++)")
                    } else {
                        format!("for i in range({n}):\n   ")
                    }
                );
            }
            if java {
                let _ = writeln!(
                    o,
                    "{producer}.send(new ProducerRecord<>(\"{topic}\", {k}, \"...\"));"
                );
            } else {
                let _ = writeln!(
                    o,
                    "{producer}.produce(\"{topic}\", key={k}, value=\"...\")\n{producer}.flush()"
                );
            }
        }
        Command::AddConsumer {
            name,
            config,
            topics,
            ..
        } => {
            let n = name.as_deref().unwrap_or("consumer");
            let t = format!("\"{}\"", join(topics, "\", \""));
            if java {
                let _ = writeln!(o, "\nProperties {n}Props = new Properties();");
            } else {
                let _ = writeln!(o, "\n{n} = Consumer({{");
            }
            for (k, v) in consumer_props(config, java) {
                if java {
                    let _ = writeln!(o, "{n}Props.put(\"{k}\", \"{v}\");");
                } else {
                    let _ = writeln!(o, "    '{k}': \"{v}\",");
                }
            }
            if java {
                let _ = writeln!(o, "KafkaConsumer<String, String> {n} = new KafkaConsumer<>({n}Props);\n{n}.subscribe(List.of({t}));");
            } else {
                let _ = writeln!(o, "}})\n{n}.subscribe([{t}])");
            }
        }
        Command::CloseConsumer { consumer } => {
            let _ = writeln!(o, "{consumer}.close(){end}");
        }
        Command::CommitNow { consumer, sync } => {
            let m = match (java, sync) {
                (true, true) => "commitSync()",
                (true, false) => "commitAsync()",
                (false, true) => "commit(asynchronous=False)",
                (false, false) => "commit()",
            };
            let _ = writeln!(o, "{consumer}.{m}{end}");
        }
        other => cli_comment(o, rem, other),
    }
}

/// Cluster operations have no client code: the CLI line, as a comment.
fn cli_comment(o: &mut String, prefix: &str, c: &Command) {
    let mut s = String::new();
    cli(&mut s, c);
    for line in s.lines().filter(|l| !l.is_empty()) {
        let line = line.strip_prefix("# ").unwrap_or(line);
        let _ = writeln!(o, "{prefix} {line}");
    }
}

fn cli(o: &mut String, c: &Command) {
    let b = format!("--bootstrap-server {BOOTSTRAP}");
    match c {
        Command::CreateTopic {
            topic,
            partitions,
            replication_factor,
        } => {
            let rf =
                replication_factor.map_or(String::new(), |r| format!(" --replication-factor {r}"));
            let _ = writeln!(
                o,
                "kafka-topics {b} --create --topic {topic} --partitions {partitions}{rf}"
            );
        }
        Command::AddPartitions { topic, partitions } => {
            let _ = writeln!(
                o,
                "kafka-topics {b} --alter --topic {topic} --partitions {partitions}"
            );
        }
        Command::Produce {
            topic, key, count, ..
        } => {
            let n = count.unwrap_or(1);
            match key {
                Some(k) => {
                    let _ = writeln!(o, "# {n} x \"{k}:...\" typed into:\nkafka-console-producer {b} --topic {topic} --property parse.key=true --property key.separator=:");
                }
                None => {
                    let _ = writeln!(o, "# {n} record(s) without a key typed into:\nkafka-console-producer {b} --topic {topic}");
                }
            }
        }
        Command::SetProduceRate {
            topic,
            records_per_sec,
            keys,
            ..
        } => {
            let _ = writeln!(
                o,
                "# {records_per_sec} records/s to {topic}, {}",
                keys_comment(keys)
            );
        }
        Command::AddConsumer {
            name,
            config,
            topics,
            ..
        } => {
            let mut line = format!("kafka-console-consumer {b} --topic {}", join(topics, ","));
            for (k, v) in consumer_props(config, false) {
                match k {
                    "bootstrap.servers" => {}
                    "group.id" => line.push_str(&format!(" --group {v}")),
                    _ => line.push_str(&format!(" --consumer-property {k}={v}")),
                }
            }
            let _ = writeln!(o, "{line}   # {}", name.as_deref().unwrap_or("consumer"));
        }
        Command::RunConsoleConsumer {
            topic,
            group,
            from_beginning,
            partition,
        } => {
            let mut line = format!("kafka-console-consumer {b} --topic {topic}");
            if let Some(g) = group {
                line.push_str(&format!(" --group {g}"));
            }
            if *from_beginning {
                line.push_str(" --from-beginning");
            }
            if let Some(p) = partition {
                line.push_str(&format!(" --partition {p}"));
            }
            let _ = writeln!(o, "{line}");
        }
        Command::CloseConsumer { consumer } => {
            let _ = writeln!(
                o,
                "# Ctrl+C in {consumer}'s terminal (close: commit, LeaveGroup)"
            );
        }
        Command::CrashConsumer { consumer } => {
            let _ = writeln!(o, "# kill -9 {consumer}");
        }
        Command::RestartConsumer { consumer } => {
            let _ = writeln!(o, "# {consumer} starts again with the same configuration");
        }
        Command::StopBroker { broker } => {
            let _ = writeln!(o, "kafka-server-stop   # on broker {broker}");
        }
        Command::StartBroker { broker } => {
            let _ = writeln!(
                o,
                "kafka-server-start config/server.properties   # broker {broker}"
            );
        }
        Command::SeedPartition {
            topic,
            partition,
            log_end_offset,
            ..
        } => {
            let _ = writeln!(
                o,
                "# {topic}/{partition} already holds records up to log-end offset {log_end_offset}"
            );
        }
        Command::RestoreGroup {
            group_id, members, ..
        } => {
            let _ = writeln!(
                o,
                "# group {group_id} imported from kafka-consumer-groups {b} --describe --group {group_id}: {} member(s) already running",
                members.len()
            );
        }
        Command::AddProducer { .. }
        | Command::CommitNow { .. }
        | Command::SetProcessingRate { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use grouplab_model::scenario::Scenario;

    #[test]
    fn course_notes_in_three_flavours() {
        let s = Scenario::course_notes();
        let py = generate(Flavour::Python, &s.commands, 0);
        assert!(py.contains("consumer1 = Consumer({"), "{py}");
        assert!(py.contains("'group.id': \"order-consumer-group\""), "{py}");
        assert!(py.contains("consumer2.subscribe([\"test-topic\"])"), "{py}");
        let java = generate(Flavour::Java, &s.commands, 0);
        assert!(
            java.contains("KafkaConsumer<String, String> consumer2"),
            "{java}"
        );
        let cli = generate(Flavour::Cli, &s.commands, 0);
        assert!(
            cli.contains("--create --topic test-topic --partitions 4"),
            "{cli}"
        );
        assert!(cli.contains("--group order-consumer-group"), "{cli}");
    }

    #[test]
    fn later_commands_are_left_out() {
        let mut s = Scenario::course_notes();
        s.commands.push(LoggedCommand {
            at_ms: 5_000,
            command: Command::CrashConsumer {
                consumer: "consumer1".into(),
            },
        });
        assert!(!generate(Flavour::Cli, &s.commands, 4_999).contains("kill -9"));
        assert!(generate(Flavour::Cli, &s.commands, 5_000).contains("kill -9 consumer1"));
    }

    #[test]
    fn client_names_become_valid_identifiers() {
        assert_eq!(identifier("java-producer"), "java_producer");
        assert_eq!(identifier("pod.a-1"), "pod_a_1");
        assert_eq!(identifier("1st"), "_1st");
        let renamed = with_identifiers(Command::Produce {
            producer: "java-producer".into(),
            topic: "test-topic".into(),
            key: None,
            value: None,
            partition: None,
            count: None,
        });
        assert!(
            matches!(renamed, Command::Produce { producer, topic, .. } if producer == "java_producer" && topic == "test-topic")
        );
    }
}
