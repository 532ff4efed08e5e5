//! Importing real `kafka-consumer-groups --describe` output (tests/fixtures/consumer-groups, written with the
//! tool's own format strings): each sample draws exactly the imported owners, committed offsets, log-end offsets
//! and lag, and then plays like any group; malformed samples name their line; random text never panics.

use std::collections::BTreeMap;

use grouplab_model::assignor::AssignorName;
use grouplab_model::command::Command;
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ConsumerConfig, GroupProtocol};
use grouplab_model::event::EventKind;
use grouplab_model::group::GroupState;
use grouplab_model::scenario::import::{
    import, ImportProblem, Imported, MAX_INPUT_BYTES, MAX_LINES, MAX_LINE_CHARS,
};
use grouplab_model::scenario::Scenario;
use grouplab_model::timeline::Timeline;
use grouplab_model::view::{GroupView, WorldView};
use proptest::prelude::*;

/// A sample of `tests/fixtures/consumer-groups`, or the model's own `import::SAMPLE` (the course notes' group).
fn fixture(name: &str) -> String {
    if name == "course-notes-3.6.txt" {
        return grouplab_model::scenario::import::SAMPLE.to_string();
    }
    let path = format!(
        "{}/tests/fixtures/consumer-groups/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn imported(name: &str) -> (Imported, Timeline) {
    let i = import(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let t = i.scenario.build().expect("an imported scenario builds");
    (i, t)
}

fn group<'a>(v: &'a WorldView, id: &str) -> &'a GroupView {
    v.groups
        .iter()
        .find(|g| g.group_id == id)
        .unwrap_or_else(|| panic!("no group {id}"))
}

fn leo(v: &WorldView, tp: &str) -> u64 {
    let (topic, p) = tp.rsplit_once('/').unwrap();
    v.topics
        .iter()
        .find(|t| t.name == topic)
        .and_then(|t| t.partitions.iter().find(|x| x.partition.to_string() == p))
        .map(|p| p.log_end_offset)
        .unwrap_or_else(|| panic!("no partition {tp}"))
}

/// member id -> owned partitions, from the coordinator and (checked equal) from the running consumers.
fn owners(v: &WorldView, id: &str) -> BTreeMap<String, Vec<String>> {
    let g = group(v, id);
    let from_group: BTreeMap<String, Vec<String>> = g
        .members
        .iter()
        .map(|m| (m.member_id.clone(), m.assigned.clone()))
        .collect();
    let from_clients: BTreeMap<String, Vec<String>> = v
        .consumers
        .iter()
        .filter(|c| {
            c.group_id.as_deref() == Some(id)
                && c.status == grouplab_model::consumer::ConsumerStatus::Running
        })
        .map(|c| (c.member_id.clone(), c.assigned.clone()))
        .collect();
    assert_eq!(from_group, from_clients, "coordinator and clients disagree");
    from_group
}

fn list(tps: &[&str]) -> Vec<String> {
    tps.iter().map(|s| s.to_string()).collect()
}

const A: &str = "rdkafka-0b6e7d52-9c1f-4f3e-8a3d-2b5c7e9f1a40";
const B: &str = "rdkafka-7f2c9e31-5a8b-4d6c-b1e0-93d4a6f8c2e7";

/// The rows of course-notes-3.6.txt: partition, CURRENT-OFFSET, LOG-END-OFFSET, LAG.
const COURSE_ROWS: [(u32, u64, u64, u64); 4] = [
    (0, 1_204_387, 1_204_391, 4),
    (1, 1_198_772, 1_198_772, 0),
    (2, 1_201_554, 1_201_890, 336),
    (3, 1_203_019, 1_203_020, 1),
];

#[test]
fn the_course_notes_group_is_drawn_exactly_as_described() {
    let (i, t) = imported("course-notes-3.6.txt");
    assert_eq!(i.groups, ["order-consumer-group"]);
    let v = t.sim().view(20);
    assert_eq!(v.topics.len(), 1);
    assert_eq!(v.topics[0].partitions.len(), 4);
    let g = group(&v, "order-consumer-group");
    assert_eq!(g.state, GroupState::Stable);
    assert_eq!(g.assignor, Some(AssignorName::Range));
    for (p, committed, end, lag) in COURSE_ROWS {
        let tp = format!("test-topic/{p}");
        assert_eq!(leo(&v, &tp), end, "{tp}");
        assert_eq!(g.committed[&tp], committed, "{tp}");
        assert_eq!(g.lag[&tp], lag, "{tp}");
    }
    assert_eq!(
        owners(&v, "order-consumer-group"),
        BTreeMap::from([
            (A.to_string(), list(&["test-topic/0", "test-topic/1"])),
            (B.to_string(), list(&["test-topic/2", "test-topic/3"])),
        ])
    );
    let hosts: Vec<(&str, Option<&str>, &str)> = g
        .members
        .iter()
        .map(|m| {
            (
                m.member_id.as_str(),
                m.client_host.as_deref(),
                m.client_id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        hosts,
        [
            (A, Some("/10.0.3.17"), "rdkafka"),
            (B, Some("/10.0.3.18"), "rdkafka")
        ]
    );
    // librdkafka's client.id means the confluent-kafka profile.
    assert!(v
        .consumers
        .iter()
        .all(|c| c.profile == ClientProfile::Librdkafka));
    // The consumers read on from the committed offsets (their first poll, at once): nothing before them.
    let mut first: BTreeMap<String, u64> = BTreeMap::new();
    for e in t.events() {
        if let EventKind::RecordsFetched {
            tp, from_offset, ..
        } = &e.kind
        {
            first.entry(tp.to_string()).or_insert(*from_offset);
        }
    }
    let fetched_from: Vec<(String, u64)> = first.into_iter().collect();
    let lagging: Vec<(String, u64)> = COURSE_ROWS
        .iter()
        .filter(|r| r.3 > 0)
        .map(|r| (format!("test-topic/{}", r.0), r.1))
        .collect();
    assert_eq!(fetched_from, lagging);
    assert!(
        i.notes
            .iter()
            .any(|n| n.to_string().contains("assignor range (inferred")),
        "{:?}",
        i.notes
    );
}

#[test]
fn an_imported_group_plays_on_without_a_rebalance_and_consumes_its_lag() {
    let (_, mut t) = imported("course-notes-3.6.txt");
    t.advance_to(20_000);
    let v = t.sim().view(20);
    let g = group(&v, "order-consumer-group");
    assert_eq!((g.state, g.generation_id), (GroupState::Stable, 1));
    assert_eq!(owners(&v, "order-consumer-group").len(), 2);
    // Heartbeats keep the members; auto commit (5 s) bookmarks what they read: the lag is gone, nothing redelivered.
    for (p, _, end, _) in COURSE_ROWS {
        let tp = format!("test-topic/{p}");
        assert_eq!(g.committed[&tp], end, "{tp}");
        assert_eq!(g.lag[&tp], 0, "{tp}");
    }
    let delivered: u64 = v.consumers.iter().map(|c| c.records_delivered).sum();
    assert_eq!(delivered, COURSE_ROWS.iter().map(|r| r.3).sum::<u64>());
    assert_eq!(g.records_redelivered, 0);
}

#[test]
fn a_new_consumer_rebalances_with_the_groups_assignor_and_produced_records_move_the_log_end_offset()
{
    let (_, mut t) = imported("course-notes-3.6.txt");
    t.advance_to(1_000);
    t.apply(Command::AddConsumer {
        name: Some("newcomer".into()),
        profile: ClientProfile::Librdkafka,
        config: ConsumerConfig {
            group_id: Some("order-consumer-group".into()),
            client_id: Some("zz-newcomer".into()),
            auto_offset_reset: Some(AutoOffsetReset::Earliest),
            ..Default::default()
        },
        topics: vec!["test-topic".into()],
        assign: None,
        records_per_sec: None,
    })
    .unwrap();
    t.apply(Command::AddProducer {
        name: None,
        profile: ClientProfile::Librdkafka,
        config: Default::default(),
    })
    .unwrap();
    t.apply(Command::Produce {
        producer: "producer1".into(),
        topic: "test-topic".into(),
        key: None,
        value: None,
        partition: Some(2),
        count: Some(5),
    })
    .unwrap();
    t.advance_to(30_000);
    let v = t.sim().view(20);
    assert_eq!(leo(&v, "test-topic/2"), 1_201_895);
    let g = group(&v, "order-consumer-group");
    assert_eq!((g.state, g.generation_id), (GroupState::Stable, 2));
    assert_eq!(g.assignor, Some(AssignorName::Range));
    // Range over the members sorted by member id: A, B, then zz-newcomer-<uuid>: 2, 1, 1.
    let owned = owners(&v, "order-consumer-group");
    assert_eq!(owned[A], list(&["test-topic/0", "test-topic/1"]));
    assert_eq!(owned[B], list(&["test-topic/2"]));
    let newcomer = owned
        .iter()
        .find(|(id, _)| id.starts_with("zz-newcomer-"))
        .map(|(_, a)| a.clone());
    assert_eq!(newcomer, Some(list(&["test-topic/3"])));
}

#[test]
fn all_groups_output_with_an_empty_group() {
    let (i, t) = imported("all-groups-2.8.txt");
    assert_eq!(i.groups, ["audit-archiver", "payments-service"]);
    let v = t.sim().view(20);
    let empty = group(&v, "audit-archiver");
    assert_eq!(empty.state, GroupState::Empty);
    assert!(empty.members.is_empty());
    assert_eq!(empty.committed["payments/0"], 4_400_000);
    assert_eq!(empty.lag["payments/1"], 120_754);
    assert_eq!(leo(&v, "payments/2"), 4_523_001);
    assert_eq!(leo(&v, "invoices/0"), 88_412);
    let g = group(&v, "payments-service");
    assert_eq!(g.assignor, Some(AssignorName::RoundRobin));
    assert_eq!(g.lag["payments/0"], 238);
    let m = |n: u32| {
        g.members
            .iter()
            .find(|m| m.client_id == format!("consumer-payments-service-{n}"))
            .map(|m| m.member_id.clone())
            .unwrap()
    };
    let owned = owners(&v, "payments-service");
    assert_eq!(owned[&m(1)], list(&["invoices/0", "payments/1"]));
    assert_eq!(owned[&m(2)], list(&["invoices/1", "payments/2"]));
    assert_eq!(owned[&m(3)], list(&["payments/0"]));
    // Java client ids mean the Java profile.
    assert!(v.consumers.iter().all(|c| c.profile == ClientProfile::Java));
}

#[test]
fn static_members_and_state_give_ids_and_the_assignor() {
    let (i, t) = imported("static-cooperative-3.4.txt");
    let v = t.sim().view(20);
    let g = group(&v, "inventory-sync");
    assert_eq!(g.assignor, Some(AssignorName::CooperativeSticky));
    assert!(i
        .notes
        .iter()
        .any(|n| n.to_string().contains("from --state")));
    let instances: Vec<Option<&str>> = g
        .members
        .iter()
        .map(|m| m.group_instance_id.as_deref())
        .collect();
    assert_eq!(instances, [Some("inventory-a"), Some("inventory-b"), None]);
    let owned = owners(&v, "inventory-sync");
    assert_eq!(
        owned["inventory-a-4b1f9e6c-2d7a-4c3b-9e8f-1a2b3c4d5e6f"],
        list(&["prices/1", "stock/0", "stock/3"])
    );
    assert_eq!(
        owned["consumer-inventory-sync-3-0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"],
        list(&["stock/2", "stock/5"])
    );
    // No offsets table: no commits, and log-end offsets at 0.
    assert!(g.committed.is_empty());
    assert_eq!(
        v.topics.iter().map(|t| t.partitions.len()).sum::<usize>(),
        8
    );
}

const AGG1: &str = "Bv7rQ2cPS0-3xZ1mW9yTgA";
const AGG2: &str = "Jm4kL8nHR5uV2aE6dF1sCw";

/// member id -> member epoch, as the coordinator has it.
fn member_epochs(v: &WorldView, id: &str) -> BTreeMap<String, i32> {
    group(v, id)
        .members
        .iter()
        .map(|m| {
            (
                m.member_id.clone(),
                m.member_epoch.expect("a KIP-848 member has an epoch"),
            )
        })
        .collect()
}

/// kip848-verbose-4.0.txt with its two member rows (line 9 and 10) replaced, written word by word.
fn kip848_with_members(agg1: &str, agg2: &str, state: &str) -> String {
    let text = fixture("kip848-verbose-4.0.txt");
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    lines[8] = format!("clicks-aggregator {AGG1} /192.168.7.21 aggregator-1 {agg1}");
    lines[9] = format!("clicks-aggregator {AGG2} /192.168.7.22 aggregator-2 {agg2}");
    lines[13] = lines[13].replace("Stable     ", state);
    lines.join("\n")
}

#[test]
fn kafka_4_verbose_output_of_a_kip_848_group() {
    let (i, mut t) = imported("kip848-verbose-4.0.txt");
    // A consumer-protocol group with the described epochs and the `uniform` server assignor, no guessed one.
    assert!(
        i.notes.iter().any(|n| {
            let n = n.to_string();
            n.contains("consumer protocol") && n.contains("uniform (from --state)")
        }),
        "{:?}",
        i.notes
    );
    assert!(
        !i.notes.iter().any(|n| n.to_string().contains("inferred")),
        "{:?}",
        i.notes
    );
    let json = serde_json::to_string(&i.scenario).unwrap();
    assert!(
        json.contains(r#""group_epoch":14,"assignment_epoch":14,"server_assignor":"uniform""#),
        "{json}"
    );
    let v = t.sim().view(20);
    let g = group(&v, "clicks-aggregator");
    assert_eq!(g.protocol, GroupProtocol::Consumer);
    assert_eq!((g.group_epoch, g.assignment_epoch), (Some(14), Some(14)));
    assert_eq!(g.server_assignor.as_deref(), Some("uniform"));
    assert_eq!(g.state, GroupState::Stable);
    let target = g.target_assignment.clone().expect("a target assignment");
    assert_eq!(target[AGG1], list(&["clicks/0", "clicks/1"]));
    assert_eq!(target[AGG2], list(&["clicks/2"]));
    assert_eq!(
        member_epochs(&v, "clicks-aggregator"),
        BTreeMap::from([(AGG1.to_string(), 14), (AGG2.to_string(), 14)])
    );
    assert_eq!(g.lag["clicks/2"], 281);
    let owned = owners(&v, "clicks-aggregator");
    assert_eq!(owned[AGG1], list(&["clicks/0", "clicks/1"]));
    assert_eq!(owned[AGG2], list(&["clicks/2"]));
    for c in v.consumers.iter() {
        assert_eq!(c.group_protocol, GroupProtocol::Consumer, "{}", c.name);
        assert_eq!(c.member_epoch, Some(14), "{}", c.name);
    }

    // A minute later: still stable, the same owners, heartbeats kept the members and their epochs.
    t.advance_to(60_000);
    let v = t.sim().view(20);
    let g = group(&v, "clicks-aggregator");
    assert_eq!(g.state, GroupState::Stable);
    assert_eq!((g.group_epoch, g.assignment_epoch), (Some(14), Some(14)));
    let epochs = member_epochs(&v, "clicks-aggregator");
    assert!(epochs.values().all(|&e| e >= 14), "{epochs:?}");
    let owned = owners(&v, "clicks-aggregator");
    assert_eq!(owned[AGG1], list(&["clicks/0", "clicks/1"]));
    assert_eq!(owned[AGG2], list(&["clicks/2"]));
    assert_eq!(g.lag["clicks/2"], 0, "the restored member consumed its lag");
    let heartbeats = t
        .events()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::MemberFenced { .. } | EventKind::MemberLeft { .. }
            )
        })
        .count();
    assert_eq!(heartbeats, 0, "no member was fenced or left");
}

#[test]
fn a_kip_848_member_whose_current_assignment_is_not_its_target_reconciles() {
    // aggregator-1 (epoch 13) still owns clicks/1, which the target (epoch 14) moved to aggregator-2.
    let text = kip848_with_members(
        "2 13 clicks:0,1 14 clicks:0",
        "1 14 clicks:2 14 clicks:1,2",
        "Reconciling",
    );
    let i = import(&text).unwrap_or_else(|e| panic!("{e}"));
    let mut t = i.scenario.build().expect("it builds");
    let v = t.sim().view(20);
    let g = group(&v, "clicks-aggregator");
    assert_eq!(g.state, GroupState::Reconciling);
    let target = g.target_assignment.clone().unwrap();
    assert_eq!(target[AGG1], list(&["clicks/0"]));
    assert_eq!(target[AGG2], list(&["clicks/1", "clicks/2"]));
    assert_eq!(member_epochs(&v, "clicks-aggregator")[AGG1], 13);
    t.advance_to(60_000);
    let v = t.sim().view(20);
    let g = group(&v, "clicks-aggregator");
    assert_eq!(g.state, GroupState::Stable);
    assert_eq!(g.group_epoch, Some(14), "reconciling is no rebalance");
    assert_eq!(
        member_epochs(&v, "clicks-aggregator"),
        BTreeMap::from([(AGG1.to_string(), 14), (AGG2.to_string(), 14)])
    );
    let owned = owners(&v, "clicks-aggregator");
    assert_eq!(owned[AGG1], list(&["clicks/0"]));
    assert_eq!(owned[AGG2], list(&["clicks/1", "clicks/2"]));
    // Revoked by aggregator-1 before aggregator-2 got it.
    let events: Vec<_> = t.events().collect();
    let revoked = events.iter().position(|e| matches!(&e.kind, EventKind::PartitionsRevoked { partitions, .. } if partitions.iter().any(|tp| tp.to_string() == "clicks/1")));
    let assigned = events.iter().position(|e| matches!(&e.kind, EventKind::PartitionsAssigned { partitions, .. } if partitions.iter().any(|tp| tp.to_string() == "clicks/1")));
    assert!(
        revoked.is_some() && revoked < assigned,
        "{revoked:?} {assigned:?}"
    );
}

#[test]
fn malformed_kip_848_values_name_their_line() {
    let cases = [
        (kip848_with_members("2 14 clicks:0,1 14 clicks:0,1", "1 x clicks:2 14 clicks:2", "Stable     "), 10, "CURRENT-EPOCH must be a number, found 'x'"),
        (kip848_with_members("2 14 clicks:0,1 1e3 clicks:0,1", "1 14 clicks:2 14 clicks:2", "Stable     "), 9, "TARGET-EPOCH must be a number, found '1e3'"),
        (kip848_with_members("2 14 clicks:0,1 14 clicks:0,,1", "1 14 clicks:2 14 clicks:2", "Stable     "), 9, "an empty partition"),
        (kip848_with_members("2 14 clicks:0,1 14 clicks:0,1", "1 14 clicks:2 14 clicks:1,2", "Stable     "), 10, "clicks/1 is owned by Jm4kL8nHR5uV2aE6dF1sCw here but by Bv7rQ2cPS0-3xZ1mW9yTgA on line 3"),
        (fixture("kip848-verbose-4.0.txt").replace("14              14                        2", "14              -3                        2"), 14, "TARGET-ASSIGNMENT-EPOCH must be a number, found '-3'"),
        (fixture("kip848-verbose-4.0.txt").replace("14              14                        2", "14              99999999999               2"), 14, "TARGET-ASSIGNMENT-EPOCH 99999999999 is more than"),
    ];
    for (text, line, message) in cases {
        let e = import(&text).unwrap_err();
        assert_eq!(e.line, Some(line), "{message}: {e}");
        assert!(e.problem.to_string().contains(message), "{message}: {e}");
    }
}

#[test]
fn malformed_samples_name_their_line() {
    let cases = [
        (
            "malformed-partition.txt",
            4,
            "PARTITION must be a number, found 'x'",
        ),
        (
            "malformed-lag.txt",
            5,
            "LAG 335 is not LOG-END-OFFSET - CURRENT-OFFSET (1201890 - 1201554 = 336)",
        ),
        (
            "malformed-two-owners.txt",
            9,
            "test-topic/1 is owned by rdkafka-7f2c9e31",
        ),
        ("malformed-not-kafka.txt", 1, "expected a header line"),
    ];
    for (name, line, message) in cases {
        let e = import(&fixture(name)).unwrap_err();
        assert_eq!(e.line, Some(line), "{name}: {e}");
        assert!(e.problem.to_string().contains(message), "{name}: {e}");
    }
}

#[test]
fn crlf_tabs_and_trailing_spaces_read_the_same() {
    let text = fixture("course-notes-3.6.txt");
    let plain = import(&text).unwrap().scenario;
    let crlf = text.replace('\n', "\r\n");
    let tabs: String = text
        .lines()
        .map(|l| {
            format!(
                "{}  \t\n",
                l.split_whitespace().collect::<Vec<_>>().join("\t")
            )
        })
        .collect();
    for variant in [crlf, tabs, format!("\u{feff}{text}")] {
        assert_eq!(import(&variant).unwrap().scenario, plain);
    }
}

#[test]
fn the_import_is_a_scenario_that_links_rewinds_and_forks() {
    let (i, mut t) = imported("all-groups-2.8.txt");
    let link = i.scenario.to_link();
    assert_eq!(Scenario::from_link(&link).unwrap(), i.scenario);
    let at0 = serde_json::to_string(&t.sim().view(5)).unwrap();
    t.advance_to(15_000);
    t.seek(0);
    assert_eq!(serde_json::to_string(&t.sim().view(5)).unwrap(), at0);
    // Acting in the past forks the history; the imported commands stay.
    t.apply(Command::CrashConsumer {
        consumer: "consumer-payments-service-3".into(),
    })
    .unwrap();
    t.advance_to(60_000);
    let v = t.sim().view(5);
    assert_eq!(group(&v, "payments-service").members.len(), 2);
    assert_eq!(group(&v, "payments-service").generation_id, 2);
}

#[test]
fn absurd_sizes_are_refused_with_a_message() {
    let header =
        "GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID\n";
    let e = import(&format!("{header}g t 5000 1 2 1 - - -\n")).unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.problem.to_string().contains("1024 partitions"), "{e}");
    let e = import(&format!("{header}g t 0 1 99999999999999999999 - - - -\n")).unwrap_err();
    assert!(
        e.problem
            .to_string()
            .contains("LOG-END-OFFSET must be a number"),
        "{e}"
    );
    let e = import(&format!("{header}g t 0 1 9007199254740992 - - - -\n")).unwrap_err();
    assert!(
        e.problem
            .to_string()
            .contains("the most this simulator takes"),
        "{e}"
    );
    let e = import(&"\n".repeat(MAX_LINES + 1)).unwrap_err();
    assert_eq!(e.line, Some(MAX_LINES + 1), "{e}");
    let e = import(&"x".repeat(MAX_INPUT_BYTES + 1)).unwrap_err();
    assert_eq!(e.line, None);
    assert!(e.problem.to_string().contains("KB"), "{e}");
    let e = import(&format!(
        "{header}g t 0 1 2 1 - - {}\n",
        "c".repeat(MAX_LINE_CHARS)
    ))
    .unwrap_err();
    assert_eq!(e.line, Some(2), "{e}");
    let members: String = (0..1001).map(|i| format!("g m-{i} /h c 0\n")).collect();
    let e = import(&format!(
        "GROUP CONSUMER-ID HOST CLIENT-ID #PARTITIONS\n{members}"
    ))
    .unwrap_err();
    assert_eq!(e.line, Some(1002), "{e}");
    assert_eq!(*import("").unwrap_err().problem, ImportProblem::Nothing);
    assert!(import("\n\n   \n").is_err());
}

#[test]
fn offsets_in_the_billions_stay_exact() {
    let text = "\nGROUP  TOPIC  PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID  HOST  CLIENT-ID\n\
                big    t      0          9007199254740000 9007199254740991 991 -       -     -\n";
    let i = import(text).unwrap();
    let t = i.scenario.build().unwrap();
    let v = t.sim().view(5);
    assert_eq!(leo(&v, "t/0"), 9_007_199_254_740_991);
    assert_eq!(group(&v, "big").lag["t/0"], 991);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        let _ = import(&text);
    }

    /// 4.x member rows with any epochs and current and target assignments (well-formed or not): the import
    /// never panics, and what it accepts builds.
    #[test]
    fn random_kip_848_member_rows_never_panic(
        rows in proptest::collection::vec(
            (
                "(-|-1|0|[0-9]{1,3}|2147483647|2147483648|x)",
                "(-|clicks:[0-3](,[0-4]){0,2}|clicks:|clicks:0,,1|other:0)",
                "(-|-1|0|[0-9]{1,3}|x)",
                "(-|clicks:[0-3](,[0-4]){0,2}(;clicks:2)?|clicks(0)|clicks:9999)",
            ),
            2,
        ),
        state_epochs in ("(-|[0-9]{1,3})", "(-|[0-9]{1,3})"),
    ) {
        let row = |(epoch, current, target_epoch, target): &(String, String, String, String)| {
            let n = if current == "-" { 0 } else { current.split(',').count() };
            format!("{n} {epoch} {current} {target_epoch} {target}")
        };
        let mut text = kip848_with_members(&row(&rows[0]), &row(&rows[1]), "Stable     ");
        text = text.replace(
            "14              14                        2",
            &format!("{} {} 2", state_epochs.0, state_epochs.1),
        );
        if let Ok(i) = import(&text) {
            prop_assert!(i.scenario.build().is_ok());
        }
    }

    #[test]
    fn mangled_samples_never_panic(
        which in 0usize..4,
        edits in proptest::collection::vec((any::<usize>(), "[ \\t\\-x0-9()\\n:;,]{0,3}"), 0..8),
    ) {
        let names = ["course-notes-3.6.txt", "all-groups-2.8.txt", "static-cooperative-3.4.txt", "kip848-verbose-4.0.txt"];
        let mut text: Vec<char> = fixture(names[which]).chars().collect();
        for (at, insert) in edits {
            let at = at % (text.len() + 1);
            let cut = (at + insert.len()).min(text.len());
            text.splice(at..cut, insert.chars());
        }
        let text: String = text.into_iter().collect();
        if let Ok(i) = import(&text) {
            // What imports also runs.
            prop_assert!(i.scenario.build().is_ok());
        }
    }
}
