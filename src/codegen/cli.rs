//! The Kafka CLI lines for each command.

use super::*;

/// Cluster operations have no client code: the CLI line, as a comment.
pub(super) fn cli_comment(o: &mut String, prefix: &str, c: &Command) {
    let mut s = String::new();
    cli(&mut s, c);
    for line in s.lines().filter(|l| !l.is_empty()) {
        let line = line.strip_prefix("# ").unwrap_or(line);
        let _ = writeln!(o, "{prefix} {line}");
    }
}

pub(super) fn cli(o: &mut String, c: &Command) {
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
