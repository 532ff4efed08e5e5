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

/// `(key, value)` pairs of a consumer's configuration (Java names assignors by their full class name).
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
    // KIP-848: the broker assigns; the client names the protocol and, optionally, the broker's assignor
    // (confluent-kafka >= 2.12, Java >= 4.0).
    if let Some(p) = c.group_protocol {
        v.push(("group.protocol", p.name().to_string()));
    }
    if let Some(a) = &c.group_remote_assignor {
        v.push(("group.remote.assignor", a.clone()));
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
        "range" => "org.apache.kafka.clients.consumer.RangeAssignor",
        "roundrobin" => "org.apache.kafka.clients.consumer.RoundRobinAssignor",
        "sticky" => "org.apache.kafka.clients.consumer.StickyAssignor",
        "cooperative-sticky" => "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
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
    // Clients added without a name get the model's: the first free `<prefix><n>`.
    let mut names: Vec<String> = Vec::new();
    let mut steps: Vec<(u64, Command)> = Vec::new();
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
        steps.push((c.at_ms, cmd));
    }
    let mut out = String::new();
    if flavour == Flavour::Cli {
        for (_, cmd) in &steps {
            cli(&mut out, cmd);
        }
        return out;
    }
    let java = flavour == Flavour::Java;
    let steps: Vec<(u64, Command)> = steps
        .into_iter()
        .map(|(at, cmd)| (at, with_identifiers(cmd)))
        .collect();
    // The poll loop commits itself only where some consumer turned auto commit off.
    let manual = steps.iter().any(|(_, c)| {
        matches!(c, Command::AddConsumer { config, .. } if config.enable_auto_commit == Some(false))
    });
    let assigns = steps.iter().any(|(_, c)| {
        matches!(
            c,
            Command::AddConsumer {
                assign: Some(_),
                ..
            }
        )
    });
    let has_rate = |keys: fn(&KeySpec) -> bool| {
        steps
            .iter()
            .any(|(_, c)| matches!(c, Command::SetProduceRate { keys: k, .. } if keys(k)))
    };
    let rates = Rates {
        any: has_rate(|_| true),
        random: has_rate(|k| matches!(k, KeySpec::Random { .. })),
        cycle: has_rate(|k| matches!(k, KeySpec::Cycle { .. })),
    };
    let mut body = String::new();
    let mut clock = 0;
    for (at, cmd) in &steps {
        if *at > clock {
            sleep(&mut body, at - clock, java);
            clock = *at;
        }
        client(&mut body, cmd, java, manual);
    }
    if java {
        java_program(&mut out, &body, manual, assigns, rates);
    } else {
        python_program(&mut out, &body, manual, assigns, rates);
    }
    out
}

/// Waiting until the next command's moment, so the code replays the timeline.
fn sleep(o: &mut String, ms: u64, java: bool) {
    // 2000 ms is "2", 2500 ms "2.5", by integer arithmetic (f64's Display would cost kilobytes of wasm).
    let frac = format!("{:03}", ms % 1000);
    let frac = frac.trim_end_matches('0');
    let secs = if frac.is_empty() {
        (ms / 1000).to_string()
    } else {
        format!("{}.{frac}", ms / 1000)
    };
    if java {
        let _ = writeln!(o, "\nThread.sleep({ms}); // {secs} s later:");
    } else {
        let _ = writeln!(o, "\ntime.sleep({secs})  # {secs} s later:");
    }
}

const PYTHON_POLL_LOOP: &str = r#"
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

const PYTHON_END: &str = r#"
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
struct Rates {
    any: bool,
    /// Random keys (a random number generator).
    random: bool,
    /// Keys in turn.
    cycle: bool,
}

const PYTHON_RATES: &str = r#"

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

fn python_program(o: &mut String, body: &str, manual: bool, assigns: bool, rates: Rates) {
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

const JAVA_IMPORTS: &str = "import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
";

const JAVA_POLL_LOOP: &str = r#"
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

const JAVA_RATES: &str = r#"
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

const JAVA_CYCLE: &str = r#"
    /** These keys in turn. */
    static Supplier<String> cycle(String... keys) {
        var next = new AtomicInteger();
        return () -> keys[next.getAndIncrement() % keys.length];
    }
"#;

fn java_program(o: &mut String, body: &str, manual: bool, assigns: bool, rates: Rates) {
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

/// Names the generated code defines itself, and the languages' keywords: a client named so gets a `_`.
const TAKEN: &[&str] = &[
    "main",
    "set_rate",
    "setRate",
    "produce_steadily",
    "rates",
    "cycle",
    "itertools",
    "random",
    "poll_loop",
    "start",
    "close",
    "running",
    "threading",
    "time",
    "Consumer",
    "Producer",
    "TopicPartition",
    "consumer",
    "stop",
    "thread",
    "entry",
    "msg",
    "args",
    "records",
    "r",
    "and",
    "as",
    "assert",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "new",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "var",
    "int",
    "boolean",
    "static",
    "public",
    "void",
    "null",
    "true",
    "false",
    "this",
    "final",
    "throws",
    "case",
    "switch",
    "default",
    "do",
    "package",
    "private",
];

/// A client name as a Python/Java variable: names may hold `-` and `.`, identifiers may not.
fn identifier(name: &str) -> String {
    let mut id: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, '_');
    }
    if TAKEN.contains(&id.as_str()) {
        id.push('_');
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

/// A string as a Python or Java literal.
fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// Python (confluent-kafka) or Java: the same statements in two syntaxes. `manual`: the poll loop takes
/// whether it commits itself.
fn client(o: &mut String, c: &Command, java: bool, manual: bool) {
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
}
