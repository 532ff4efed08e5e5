//! Python (confluent-kafka) and Java statements for each command.

use super::*;

/// Python (confluent-kafka) or Java: the same statements in two syntaxes. `manual`: the poll loop takes
/// whether it commits itself.
pub(super) fn client(o: &mut String, c: &Command, java: bool, manual: bool) {
    let rem = if java { "//" } else { "#" };
    match c {
        Command::AddProducer { name, profile, .. } => {
            let n = name.as_deref().unwrap_or("producer");
            let rdk = *profile == ClientProfile::Librdkafka;
            if java {
                let _ = writeln!(o, "\nProperties {n}Props = new Properties();\n{n}Props.put(\"bootstrap.servers\", \"{BOOTSTRAP}\");\n{n}Props.put(\"key.serializer\", StringSerializer.class.getName());\n{n}Props.put(\"value.serializer\", StringSerializer.class.getName());\nKafkaProducer<String, String> {n} = new KafkaProducer<>({n}Props);");
            } else {
                let extra = if rdk {
                    ""
                } else {
                    ", 'partitioner': 'murmur2_random'"
                };
                let _ = writeln!(
                    o,
                    "\n{n} = Producer({{'bootstrap.servers': \"{BOOTSTRAP}\"{extra}}})"
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
            value,
            partition,
            count,
        } => {
            let k = match key {
                Some(k) => quoted(k),
                None if java => "null".into(),
                None => "None".into(),
            };
            let v = quoted(value.as_deref().unwrap_or("..."));
            let t = quoted(topic);
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
                let p = partition.map_or(String::new(), |p| format!("{p}, "));
                let _ = writeln!(
                    o,
                    "{producer}.send(new ProducerRecord<>({t}, {p}{k}, {v}));\n{producer}.flush();"
                );
            } else {
                let p = partition.map_or(String::new(), |p| format!(", partition={p}"));
                let _ = writeln!(
                    o,
                    "{producer}.produce({t}, key={k}, value={v}{p})\n{producer}.flush()"
                );
            }
        }
        Command::AddConsumer {
            name,
            config,
            topics,
            assign,
            ..
        } => {
            let n = name.as_deref().unwrap_or("consumer");
            let t = join(&topics.iter().map(|t| quoted(t)).collect::<Vec<_>>(), ", ");
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
                let _ = writeln!(o, "{n}Props.put(\"key.deserializer\", StringDeserializer.class.getName());\n{n}Props.put(\"value.deserializer\", StringDeserializer.class.getName());\nKafkaConsumer<String, String> {n} = new KafkaConsumer<>({n}Props);");
            } else {
                let _ = writeln!(o, "}})");
            }
            match (assign, java) {
                (Some(tps), true) => {
                    let list: Vec<String> = tps
                        .iter()
                        .map(|tp| {
                            format!(
                                "new TopicPartition({}, {})",
                                quoted(&tp.topic),
                                tp.partition
                            )
                        })
                        .collect();
                    let _ = writeln!(o, "{n}.assign(List.of({}));", join(&list, ", "));
                }
                (Some(tps), false) => {
                    let list: Vec<String> = tps
                        .iter()
                        .map(|tp| {
                            format!("TopicPartition({}, {})", quoted(&tp.topic), tp.partition)
                        })
                        .collect();
                    let _ = writeln!(o, "{n}.assign([{}])", join(&list, ", "));
                }
                (None, true) => {
                    let _ = writeln!(o, "{n}.subscribe(List.of({t}));");
                }
                (None, false) => {
                    let _ = writeln!(o, "{n}.subscribe([{t}])");
                }
            }
            let manual_here = config.enable_auto_commit == Some(false);
            match (java, manual) {
                (true, true) => {
                    let _ = writeln!(o, "Thread {n}Thread = start({n}, {manual_here});");
                }
                (true, false) => {
                    let _ = writeln!(o, "Thread {n}Thread = start({n});");
                }
                (false, true) => {
                    let b = if manual_here { "True" } else { "False" };
                    let _ = writeln!(o, "start({n}, commit_manually={b})");
                }
                (false, false) => {
                    let _ = writeln!(o, "start({n})");
                }
            }
        }
        Command::SetProduceRate {
            producer,
            topic,
            records_per_sec,
            keys,
        } => {
            let quoted_all =
                |ks: &[String]| join(&ks.iter().map(|k| quoted(k)).collect::<Vec<_>>(), ", ");
            let next_key = match (keys, java) {
                (KeySpec::Null, true) => "() -> null".to_string(),
                (KeySpec::Null, false) => "lambda: None".to_string(),
                (KeySpec::Fixed { key }, true) => format!("() -> {}", quoted(key)),
                (KeySpec::Fixed { key }, false) => format!("lambda: {}", quoted(key)),
                (
                    KeySpec::Random {
                        prefix,
                        cardinality,
                    },
                    true,
                ) => format!(
                    "() -> {} + ThreadLocalRandom.current().nextInt({})",
                    quoted(prefix),
                    (*cardinality).max(1)
                ),
                (
                    KeySpec::Random {
                        prefix,
                        cardinality,
                    },
                    false,
                ) => format!(
                    "lambda: {} + str(random.randrange({}))",
                    quoted(prefix),
                    (*cardinality).max(1)
                ),
                (KeySpec::Cycle { keys }, true) => format!("cycle({})", quoted_all(keys)),
                (KeySpec::Cycle { keys }, false) => {
                    format!("itertools.cycle([{}]).__next__", quoted_all(keys))
                }
            };
            let t = quoted(topic);
            let comment = keys_comment(keys);
            let (call, end) = if java {
                ("setRate", ";")
            } else {
                ("set_rate", "")
            };
            let _ = writeln!(
                o,
                "{rem} {records_per_sec} records/s, {comment}\n{call}({producer}, {t}, {records_per_sec}, {next_key}){end}"
            );
        }
        Command::CloseConsumer { consumer } => {
            if java {
                let _ = writeln!(o, "close({consumer}, {consumer}Thread);");
            } else {
                let _ = writeln!(o, "close({consumer})");
            }
        }
        Command::CommitNow { consumer, sync } => {
            let m = match (java, sync) {
                (true, true) => "commitSync()",
                (true, false) => "commitAsync()",
                (false, true) => "commit(asynchronous=False)",
                (false, false) => "commit()",
            };
            if java {
                // A KafkaConsumer is not thread-safe: only its own poll loop may commit.
                let _ = writeln!(o, "// {consumer}.{m} (inside {consumer}'s poll loop: a KafkaConsumer belongs to one thread)");
            } else {
                let _ = writeln!(o, "{consumer}.{m}");
            }
        }
        other => cli_comment(o, rem, other),
    }
}
