//! The generated code for known scenes.

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

/// A Kafka 4.x consumer group: the client names the protocol and the broker's assignor, and no client-side
/// assignor.
#[test]
fn consumer_protocol_config_is_generated() {
    let mut s = Scenario::course_notes();
    s.commands.push(LoggedCommand {
        at_ms: 0,
        command: Command::AddConsumer {
            name: Some("kip1".into()),
            profile: Default::default(),
            config: ConsumerConfig {
                group_id: Some("kip848-group".into()),
                group_protocol: Some(grouplab_model::config::GroupProtocol::Consumer),
                group_remote_assignor: Some("uniform".into()),
                ..ConsumerConfig::default()
            },
            topics: vec!["test-topic".into()],
            assign: None,
            records_per_sec: None,
        },
    });
    for flavour in [Flavour::Python, Flavour::Java] {
        let code = generate(flavour, &s.commands, 0);
        assert!(
            code.contains("group.protocol") && code.contains("consumer"),
            "{code}"
        );
        assert!(
            code.contains("group.remote.assignor") && code.contains("uniform"),
            "{code}"
        );
    }
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

/// The course notes' scene with a third consumer that commits by itself, closed 5 s later.
fn manual_scene() -> Vec<LoggedCommand> {
    let mut s = Scenario::course_notes();
    let mut config = ConsumerConfig {
        group_id: Some("order-consumer-group".into()),
        enable_auto_commit: Some(false),
        ..ConsumerConfig::default()
    };
    config.auto_offset_reset = Some(AutoOffsetReset::Earliest);
    s.commands.push(LoggedCommand {
        at_ms: 2_000,
        command: Command::AddConsumer {
            name: Some("consumer3".into()),
            profile: ClientProfile::Librdkafka,
            config,
            topics: vec!["test-topic".into()],
            assign: None,
            records_per_sec: None,
        },
    });
    s.commands.push(LoggedCommand {
        at_ms: 7_000,
        command: Command::CloseConsumer {
            consumer: "consumer3".into(),
        },
    });
    s.commands
}

#[test]
fn python_consumers_poll_print_and_close() {
    let py = generate(Flavour::Python, &Scenario::course_notes().commands, 0);
    for line in [
        "import threading",
        "while not stop.is_set():",
        "msg = consumer.poll(1.0)",
        "if msg is None:",
        "if msg.error():",
        "partition={msg.partition()} offset={msg.offset()}",
        "    finally:\n        consumer.close()",
        "start(consumer1)",
        "start(consumer2)",
        "except KeyboardInterrupt:",
        "import random",
        "set_rate(producer1, \"test-topic\", 4, lambda: \"order-\" + str(random.randrange(20)))",
    ] {
        assert!(py.contains(line), "{line} in\n{py}");
    }
    // Auto commit everywhere: the loop never commits by itself.
    assert!(
        !py.contains(".commit(") && !py.contains("commit_manually"),
        "{py}"
    );
    let py = generate(Flavour::Python, &manual_scene(), u64::MAX);
    for line in [
        "def poll_loop(consumer, stop, commit_manually=False):",
        "consumer.commit(message=msg, asynchronous=False)",
        "start(consumer1, commit_manually=False)",
        "time.sleep(2)",
        "start(consumer3, commit_manually=True)",
        "time.sleep(5)",
        "close(consumer3)",
    ] {
        assert!(py.contains(line), "{line} in\n{py}");
    }
}

#[test]
fn java_consumers_poll_print_and_close() {
    let java = generate(Flavour::Java, &Scenario::course_notes().commands, 0);
    for line in [
        "import java.time.Duration;",
        "import org.apache.kafka.clients.consumer.KafkaConsumer;",
        "public class GroupLab {",
        "public static void main(String[] args) throws Exception {",
        "consumer1Props.put(\"key.deserializer\", StringDeserializer.class.getName());",
        "while (true) {",
        "var records = consumer.poll(Duration.ofMillis(100));",
        "for (var r : records) {",
        "catch (WakeupException e)",
        "consumer.close();",
        "Thread consumer2Thread = start(consumer2);",
        "import java.util.concurrent.ThreadLocalRandom;",
        "setRate(producer1, \"test-topic\", 4, () -> \"order-\" + ThreadLocalRandom.current().nextInt(20));",
    ] {
        assert!(java.contains(line), "{line} in\n{java}");
    }
    assert!(!java.contains("commitSync"), "{java}");
    let java = generate(Flavour::Java, &manual_scene(), u64::MAX);
    for line in [
        "boolean commitManually",
        "consumer.commitSync();",
        "Thread consumer3Thread = start(consumer3, true);",
        "Thread.sleep(5000);",
        "close(consumer3, consumer3Thread);",
    ] {
        assert!(java.contains(line), "{line} in\n{java}");
    }
    // Braces balance: the program is one class.
    assert_eq!(
        java.matches('{').count(),
        java.matches('}').count(),
        "{java}"
    );
}

/// `GROUPLAB_CODEGEN_OUT=dir cargo test -p grouplab codegen` writes the generated programs there, for a
/// syntax check by python3 and javac.
#[test]
fn programs_for_a_syntax_check() {
    let Ok(dir) = std::env::var("GROUPLAB_CODEGEN_OUT") else {
        return;
    };
    let mut log = manual_scene();
    let at = |at_ms, command| LoggedCommand { at_ms, command };
    log.extend([
        at(
            8_000,
            Command::AddProducer {
                name: Some("java-producer".into()),
                profile: ClientProfile::Java,
                config: Default::default(),
            },
        ),
        at(
            8_000,
            Command::SetProduceRate {
                producer: "java-producer".into(),
                topic: "test-topic".into(),
                records_per_sec: 3,
                keys: KeySpec::Cycle {
                    keys: vec!["a".into(), "b\"c".into()],
                },
            },
        ),
        at(
            8_500,
            Command::Produce {
                producer: "java-producer".into(),
                topic: "test-topic".into(),
                key: None,
                value: Some("hello".into()),
                partition: Some(2),
                count: Some(3),
            },
        ),
        at(
            9_000,
            Command::AddConsumer {
                name: Some("reader".into()),
                profile: ClientProfile::Java,
                config: ConsumerConfig::default(),
                topics: vec![],
                assign: Some(vec![grouplab_model::topic_partition::TopicPartition::new(
                    "test-topic",
                    1,
                )]),
                records_per_sec: None,
            },
        ),
        at(
            9_000,
            Command::CommitNow {
                consumer: "consumer1".into(),
                sync: true,
            },
        ),
        at(
            9_000,
            Command::CrashConsumer {
                consumer: "consumer2".into(),
            },
        ),
        at(
            9_000,
            Command::SetProduceRate {
                producer: "producer1".into(),
                topic: "test-topic".into(),
                records_per_sec: 0,
                keys: KeySpec::Null,
            },
        ),
    ]);
    for (f, file) in [
        (Flavour::Python, "grouplab.py"),
        (Flavour::Java, "GroupLab.java"),
    ] {
        std::fs::write(format!("{dir}/{file}"), generate(f, &log, u64::MAX)).unwrap();
    }
}
