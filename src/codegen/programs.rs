//! The whole programs around the statements: Python's and Java's poll loops, steady produce rates, and the
//! main functions that run them.

use super::*;

pub(super) const PYTHON_POLL_LOOP: &str = r#"
def poll_loop(consumer, stop{manual_param}):
    """A consumer's poll loop, until stop is set (a thread here; usually a process of its own)."""
    try:
        while not stop.is_set():
            msg = consumer.poll(1.0)
            if msg is None:
                continue  # nothing arrived within a second
            if msg.error():
                print("error:", msg.error())
                continue
            print(f"key={msg.key()} value={msg.value()} "
                  f"partition={msg.partition()} offset={msg.offset()}"){manual_commit}
    finally:
        consumer.close()  # commit (if auto commit), then LeaveGroup


running = []  # (consumer, stop, thread) of every poll loop


def start(consumer{manual_param}):
    stop = threading.Event()
    thread = threading.Thread(target=poll_loop, args=(consumer, stop{manual_arg}))
    thread.start()
    running.append((consumer, stop, thread))


def close(consumer):
    """consumer.close() from outside its loop: stop the loop, whose finally closes it."""
    for entry in running:
        if entry[0] is consumer:
            running.remove(entry)
            entry[1].set()
            entry[2].join()
            return
"#;

pub(super) const PYTHON_END: &str = r#"
    # Keep consuming until Ctrl+C, then close every consumer still running.
    try:
        while running:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        for consumer, _, _ in list(running):
            close(consumer)

"#;

/// Which helpers the steady produce rates need.
#[derive(Clone, Copy)]
pub(super) struct Rates {
    pub(super) any: bool,
    /// Random keys (a random number generator).
    pub(super) random: bool,
    /// Keys in turn.
    pub(super) cycle: bool,
}

pub(super) const PYTHON_RATES: &str = r#"

def produce_steadily(producer, topic, per_second, next_key, stop):
    """per_second records a second to topic, until stop is set."""
    while not stop.wait(1 / per_second):
        producer.produce(topic, key=next_key(), value="...")
        producer.poll(0)  # serve delivery reports


rates = []  # (producer, topic, stop) of every steady rate


def set_rate(producer, topic, per_second, next_key):
    """A steady rate of records from producer to topic; 0 stops it."""
    for entry in [e for e in rates if e[0] is producer and e[1] == topic]:
        rates.remove(entry)
        entry[2].set()
    if per_second > 0:
        stop = threading.Event()
        threading.Thread(target=produce_steadily, args=(producer, topic, per_second, next_key, stop),
                         daemon=True).start()
        rates.append((producer, topic, stop))
"#;

pub(super) fn python_program(
    o: &mut String,
    body: &str,
    manual: bool,
    assigns: bool,
    rates: Rates,
) {
    let tp = if assigns { ", TopicPartition" } else { "" };
    let itertools = if rates.cycle {
        "import itertools\n"
    } else {
        ""
    };
    let random = if rates.random { "import random\n" } else { "" };
    let _ = write!(
        o,
        "{itertools}{random}import threading\nimport time\n\nfrom confluent_kafka import Consumer, Producer{tp}\n"
    );
    let (param, arg, commit) = if manual {
        (
            ", commit_manually=False",
            ", commit_manually",
            "\n            if commit_manually:  # enable.auto.commit is false\n                consumer.commit(message=msg, asynchronous=False)",
        )
    } else {
        ("", "", "")
    };
    // What happened on the stage first, in main(); the loops it starts below.
    o.push_str("\n\ndef main():");
    for line in body.lines() {
        if line.is_empty() {
            o.push('\n');
        } else {
            let _ = write!(o, "\n    {line}");
        }
    }
    o.push('\n');
    o.push_str(PYTHON_END);
    o.push_str(
        &PYTHON_POLL_LOOP
            .replace("{manual_param}", param)
            .replace("{manual_arg}", arg)
            .replace("{manual_commit}", commit),
    );
    if rates.any {
        o.push_str(PYTHON_RATES);
    }
    o.push_str("\n\nif __name__ == \"__main__\":\n    main()\n");
}

pub(super) const JAVA_IMPORTS: &str = "import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
";

pub(super) const JAVA_POLL_LOOP: &str = r#"
    /** A consumer's poll loop in a thread of its own (usually a process of its own). */
    static Thread start(KafkaConsumer<String, String> consumer{manual_param}) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    for (var r : records) {
                        System.out.printf("key=%s value=%s partition=%d offset=%d%n",
                                r.key(), r.value(), r.partition(), r.offset());
                    }{manual_commit}
                }
            } catch (WakeupException e) {
                // close() woke the consumer up: leave the loop
            } finally {
                consumer.close(); // commit (if auto commit), then LeaveGroup
            }
        });
        thread.start();
        return thread;
    }

    /** consumer.close() from another thread: wakeup() ends its loop, whose finally closes it. */
    static void close(KafkaConsumer<String, String> consumer, Thread thread) throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }
}
"#;

pub(super) const JAVA_RATES: &str = r#"
    static final Map<List<Object>, ScheduledExecutorService> rates = new HashMap<>();

    /** A steady rate of records from producer to topic; 0 stops it. */
    static void setRate(KafkaProducer<String, String> producer, String topic, int perSecond,
            Supplier<String> nextKey) {
        var old = rates.remove(List.of(producer, topic));
        if (old != null) {
            old.shutdownNow();
        }
        if (perSecond > 0) {
            var timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(() -> producer.send(new ProducerRecord<>(topic, nextKey.get(), "...")),
                    0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            rates.put(List.of(producer, topic), timer);
        }
    }
"#;

pub(super) const JAVA_CYCLE: &str = r#"
    /** These keys in turn. */
    static Supplier<String> cycle(String... keys) {
        var next = new AtomicInteger();
        return () -> keys[next.getAndIncrement() % keys.length];
    }
"#;

pub(super) fn java_program(o: &mut String, body: &str, manual: bool, assigns: bool, rates: Rates) {
    let imports = [
        (true, "java.time.Duration"),
        (rates.any, "java.util.HashMap"),
        (true, "java.util.List"),
        (rates.any, "java.util.Map"),
        (true, "java.util.Properties"),
        (rates.any, "java.util.concurrent.Executors"),
        (rates.any, "java.util.concurrent.ScheduledExecutorService"),
        (rates.random, "java.util.concurrent.ThreadLocalRandom"),
        (rates.any, "java.util.concurrent.TimeUnit"),
        (rates.cycle, "java.util.concurrent.atomic.AtomicInteger"),
        (rates.any, "java.util.function.Supplier"),
    ];
    for (_, i) in imports.iter().filter(|(on, _)| *on) {
        let _ = writeln!(o, "import {i};");
    }
    o.push_str(JAVA_IMPORTS);
    if assigns {
        o.push_str("import org.apache.kafka.common.TopicPartition;\n");
    }
    o.push_str("import org.apache.kafka.common.errors.WakeupException;\nimport org.apache.kafka.common.serialization.StringDeserializer;\nimport org.apache.kafka.common.serialization.StringSerializer;\n\npublic class GroupLab {\n    public static void main(String[] args) throws Exception {\n");
    for line in body.lines() {
        if line.is_empty() {
            o.push('\n');
        } else {
            let _ = writeln!(o, "        {line}");
        }
    }
    o.push_str("    }\n");
    let (param, commit) = if manual {
        (
            ", boolean commitManually",
            "\n                    if (commitManually && !records.isEmpty()) {\n                        consumer.commitSync(); // enable.auto.commit is false\n                    }",
        )
    } else {
        ("", "")
    };
    if rates.any {
        o.push_str(JAVA_RATES);
    }
    if rates.cycle {
        o.push_str(JAVA_CYCLE);
    }
    o.push_str(
        &JAVA_POLL_LOOP
            .replace("{manual_param}", param)
            .replace("{manual_commit}", commit),
    );
}
