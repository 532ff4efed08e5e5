//! SeedPartition and RestoreGroup, the commands an imported group is made of: their rules, and a restored group
//! living on through Kafka's protocol (session expiry, coordinator failover).

use grouplab_model::assignor::AssignorName;
use grouplab_model::command::{Command, RestoredMember, RestoredOffset};
use grouplab_model::config::{ClientProfile, ClusterConfig};
use grouplab_model::group::GroupState;
use grouplab_model::timeline::Timeline;
use grouplab_model::{ModelError, TopicPartition};

fn world() -> Timeline {
    let mut t = Timeline::new(3, ClusterConfig::default());
    t.apply(Command::CreateTopic {
        topic: "t".into(),
        partitions: 2,
        replication_factor: None,
    })
    .unwrap();
    t.apply(seed(0, 1_000)).unwrap();
    t.apply(seed(1, 2_000)).unwrap();
    t
}

fn seed(partition: u32, log_end_offset: u64) -> Command {
    Command::SeedPartition {
        topic: "t".into(),
        partition,
        log_start_offset: 0,
        log_end_offset,
    }
}

fn member(name: &str, owned: &[u32]) -> RestoredMember {
    RestoredMember {
        consumer: name.into(),
        member_id: format!("{name}-1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
        group_instance_id: None,
        client_id: name.into(),
        client_host: Some("/10.0.0.1".into()),
        profile: ClientProfile::Java,
        topics: vec!["t".into()],
        assignment: owned.iter().map(|&p| TopicPartition::new("t", p)).collect(),
        member_epoch: None,
        target: None,
    }
}

fn restore(members: Vec<RestoredMember>, offsets: &[(u32, u64)]) -> Command {
    Command::RestoreGroup {
        group_id: "g".into(),
        generation_id: 7,
        protocol: Some(AssignorName::Range),
        members,
        offsets: offsets
            .iter()
            .map(|&(partition, offset)| RestoredOffset {
                topic: "t".into(),
                partition,
                offset,
            })
            .collect(),
        group_epoch: None,
        assignment_epoch: None,
        server_assignor: None,
    }
}

fn refused(t: &mut Timeline, c: Command) -> ModelError {
    let before = serde_json::to_string(&t.sim().view(5)).unwrap();
    let e = t.apply(c).unwrap_err();
    assert_eq!(
        serde_json::to_string(&t.sim().view(5)).unwrap(),
        before,
        "a refused command changed the world"
    );
    e
}

#[test]
fn only_an_empty_partition_is_seeded_within_bounds() {
    let mut t = world();
    assert!(matches!(
        refused(&mut t, seed(0, 5)),
        ModelError::InvalidValue { .. }
    ));
    assert!(matches!(
        refused(&mut t, seed(2, 5)),
        ModelError::UnknownPartition { .. }
    ));
    t.apply(Command::CreateTopic {
        topic: "u".into(),
        partitions: 1,
        replication_factor: None,
    })
    .unwrap();
    let bad = |start, end| Command::SeedPartition {
        topic: "u".into(),
        partition: 0,
        log_start_offset: start,
        log_end_offset: end,
    };
    assert!(matches!(
        refused(&mut t, bad(6, 5)),
        ModelError::InvalidValue { .. }
    ));
    assert!(matches!(
        refused(&mut t, bad(0, 1 << 53)),
        ModelError::InvalidValue { .. }
    ));
    t.apply(bad(3, 5)).unwrap();
    let p = &t.sim().view(5).topics[1].partitions[0];
    assert_eq!((p.log_start_offset, p.log_end_offset), (3, 5));
}

#[test]
fn restore_group_rules() {
    let mut t = world();
    let e = refused(&mut t, restore(vec![member("a", &[0])], &[(0, 1_001)]));
    assert!(e.to_string().contains("beyond the log-end offset"), "{e}");
    let e = refused(
        &mut t,
        restore(vec![member("a", &[0]), member("b", &[0])], &[]),
    );
    assert!(e.to_string().contains("assigned to two members"), "{e}");
    let mut stranger = member("a", &[]);
    stranger.assignment = vec![TopicPartition::new("t", 5)];
    assert!(matches!(
        refused(&mut t, restore(vec![stranger], &[])),
        ModelError::UnknownPartition { .. }
    ));
    let e = refused(
        &mut t,
        Command::RestoreGroup {
            group_id: "g".into(),
            generation_id: 0,
            protocol: Some(AssignorName::Range),
            members: vec![member("a", &[0])],
            offsets: vec![],
            group_epoch: None,
            assignment_epoch: None,
            server_assignor: None,
        },
    );
    assert!(e.to_string().contains("generation_id"), "{e}");
    t.apply(restore(
        vec![member("a", &[0]), member("b", &[1])],
        &[(0, 10), (1, 20)],
    ))
    .unwrap();
    assert!(matches!(
        refused(&mut t, restore(vec![], &[])),
        ModelError::GroupExists { .. }
    ));
    let v = t.sim().view(5);
    let g = &v.groups[0];
    assert_eq!((g.state, g.generation_id), (GroupState::Stable, 7));
    assert_eq!(g.leader.as_deref(), Some(g.members[0].member_id.as_str()));
    assert_eq!(g.committed["t/0"], 10);
    assert_eq!(g.members[1].client_host.as_deref(), Some("/10.0.0.1"));
}

#[test]
fn a_crashed_restored_member_expires_and_the_rest_rebalance() {
    let mut t = world();
    t.apply(restore(
        vec![member("a", &[0]), member("b", &[1])],
        &[(0, 10), (1, 20)],
    ))
    .unwrap();
    t.advance_to(1_000);
    t.apply(Command::CrashConsumer {
        consumer: "b".into(),
    })
    .unwrap();
    t.advance_to(60_000);
    let v = t.sim().view(5);
    let g = &v.groups[0];
    assert_eq!((g.state, g.generation_id), (GroupState::Stable, 8));
    assert_eq!(g.members.len(), 1);
    assert_eq!(g.members[0].assigned, ["t/0", "t/1"]);
    // b committed up to where it read before crashing, a resumed p1 from there.
    assert_eq!(g.lag["t/1"], 0);
}

#[test]
fn the_restored_generation_survives_a_coordinator_failover() {
    let mut t = world();
    t.apply(restore(vec![member("a", &[0]), member("b", &[1])], &[]))
        .unwrap();
    let coordinator = t.sim().view(5).groups[0].coordinator.broker.unwrap();
    t.advance_to(500);
    t.apply(Command::StopBroker {
        broker: coordinator,
    })
    .unwrap();
    t.advance_to(10_000);
    let v = t.sim().view(5);
    let g = &v.groups[0];
    assert_ne!(g.coordinator.broker, Some(coordinator));
    assert_eq!((g.state, g.generation_id), (GroupState::Stable, 7));
    assert_eq!(g.members.len(), 2);
}

/// A consumer-protocol (KIP-848) RestoreGroup of members `a` (t/0) and `b` (t/1) at group epoch 5.
fn restore_cg(members: Vec<RestoredMember>, assignment_epoch: Option<i32>) -> Command {
    let mut c = restore(members, &[(0, 10), (1, 20)]);
    if let Command::RestoreGroup {
        group_epoch,
        assignment_epoch: a,
        server_assignor,
        protocol,
        ..
    } = &mut c
    {
        *group_epoch = Some(5);
        *a = assignment_epoch;
        *server_assignor = Some("range".into());
        *protocol = None;
    }
    c
}

#[test]
fn a_consumer_protocol_group_is_restored_with_its_epochs_and_lives_on() {
    let mut t = world();
    // Classic commands write none of the consumer-protocol fields.
    let classic = serde_json::to_string(&restore(vec![member("a", &[0])], &[])).unwrap();
    for key in [
        "group_epoch",
        "assignment_epoch",
        "server_assignor",
        "member_epoch",
        "target",
    ] {
        assert!(!classic.contains(key), "{classic}");
    }
    let mut late = member("b", &[1]);
    late.member_epoch = Some(6);
    let e = refused(&mut t, restore_cg(vec![member("a", &[0]), late], None));
    assert!(e.to_string().contains("member_epoch"), "{e}");
    let e = refused(&mut t, restore_cg(vec![member("a", &[0])], Some(6)));
    assert!(e.to_string().contains("assignment_epoch"), "{e}");
    let mut greedy = member("b", &[1]);
    greedy.target = Some(vec![TopicPartition::new("t", 0)]);
    let e = refused(&mut t, restore_cg(vec![member("a", &[0]), greedy], None));
    assert!(e.to_string().contains("target"), "{e}");

    let c = restore_cg(vec![member("a", &[0]), member("b", &[1])], None);
    // What it writes reads back the same.
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains(r#""group_epoch":5"#), "{json}");
    assert_eq!(serde_json::from_str::<Command>(&json).unwrap(), c);
    t.apply(c).unwrap();
    let v = t.sim().view(5);
    let g = &v.groups[0];
    assert_eq!(g.state, GroupState::Stable);
    assert_eq!((g.group_epoch, g.assignment_epoch), (Some(5), Some(5)));
    assert_eq!(g.server_assignor.as_deref(), Some("range"));
    assert!(g.members.iter().all(|m| m.member_epoch == Some(5)));
    // b crashes: its session ends, the group epoch goes up and range gives a both partitions.
    t.apply(Command::CrashConsumer {
        consumer: "b".into(),
    })
    .unwrap();
    t.advance_to(120_000);
    let v = t.sim().view(5);
    let g = &v.groups[0];
    assert_eq!(g.state, GroupState::Stable);
    assert_eq!(g.group_epoch, Some(6));
    assert_eq!(g.members.len(), 1);
    assert_eq!(g.members[0].assigned, ["t/0", "t/1"]);
    assert_eq!(g.members[0].member_epoch, Some(6));
}
