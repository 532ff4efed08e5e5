//! The consumer rebalance protocol (KIP-848, `group.protocol=consumer`), played through the whole model:
//! clients, the coordinator, ConsumerGroupHeartbeat on the network.

#![allow(clippy::disallowed_methods)] // tests may sort with std (clippy.toml)

mod common;

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ConsumerConfig, GroupProtocol};
use grouplab_model::consumer::ConsumerStatus;
use grouplab_model::error::{ModelError, Reason};
use grouplab_model::event::{EventKind, LeaveReason, RebalanceReason};
use grouplab_model::group::GroupState;
use grouplab_model::net::{Api, ErrorCode};
use grouplab_model::timeline::Timeline;
use grouplab_model::view::{ConsumerView, GroupView, WorldView};

const G: &str = "orders";
const T: &str = "test-topic";

fn world(partitions: u32) -> Timeline {
    let mut t = common::topic_and_producer(7, T, partitions, 3);
    t.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: T.into(),
        records_per_sec: 20,
        keys: KeySpec::Random {
            prefix: "k".into(),
            cardinality: 50,
        },
    })
    .unwrap();
    t
}

fn consumer_config(instance: Option<&str>) -> ConsumerConfig {
    ConsumerConfig {
        group_id: Some(G.into()),
        group_instance_id: instance.map(str::to_string),
        group_protocol: Some(GroupProtocol::Consumer),
        auto_offset_reset: Some(AutoOffsetReset::Earliest),
        ..Default::default()
    }
}

fn try_add(
    t: &mut Timeline,
    name: &str,
    profile: ClientProfile,
    config: ConsumerConfig,
) -> Result<(), ModelError> {
    t.apply(Command::AddConsumer {
        name: Some(name.into()),
        profile,
        config,
        topics: vec![T.into()],
        assign: None,
        records_per_sec: None,
    })
    .map(|_| ())
}

fn add(t: &mut Timeline, name: &str, profile: ClientProfile) {
    try_add(t, name, profile, consumer_config(None)).unwrap();
}

fn add_static(t: &mut Timeline, name: &str, instance: &str) {
    try_add(
        t,
        name,
        ClientProfile::Java,
        consumer_config(Some(instance)),
    )
    .unwrap();
}

fn view(t: &Timeline) -> WorldView {
    t.sim().view(0)
}

fn group(v: &WorldView) -> &GroupView {
    v.groups.iter().find(|g| g.group_id == G).unwrap()
}

fn consumer<'a>(v: &'a WorldView, name: &str) -> &'a ConsumerView {
    v.consumers.iter().find(|c| c.name == name).unwrap()
}

fn owned(v: &WorldView, name: &str) -> Vec<String> {
    consumer(v, name).assigned.clone()
}

fn count(t: &Timeline, f: impl Fn(&EventKind) -> bool) -> usize {
    t.events().filter(|e| f(&e.kind)).count()
}

fn crash(t: &mut Timeline, name: &str) {
    t.apply(Command::CrashConsumer {
        consumer: name.into(),
    })
    .unwrap();
}

fn close(t: &mut Timeline, name: &str) {
    t.apply(Command::CloseConsumer {
        consumer: name.into(),
    })
    .unwrap();
}

/// Every partition owned by exactly one running consumer, members at the assignment epoch, group Stable.
fn assert_settled(v: &WorldView, partitions: u32) {
    let g = group(v);
    assert_eq!(g.state, GroupState::Stable, "{g:#?}");
    let epoch = g.assignment_epoch.unwrap();
    assert_eq!(g.group_epoch, Some(epoch));
    for m in &g.members {
        assert_eq!(m.member_epoch, Some(epoch), "{}", m.member_id);
        assert_eq!(m.member_state.as_deref(), Some("STABLE"));
    }
    let running: Vec<&ConsumerView> = v
        .consumers
        .iter()
        .filter(|c| c.status == ConsumerStatus::Running && c.group_id.as_deref() == Some(G))
        .collect();
    for p in 0..partitions {
        let key = format!("{T}/{p}");
        let owners = running.iter().filter(|c| c.assigned.contains(&key)).count();
        assert_eq!(owners, 1, "{key} owned {owners} times");
    }
    for c in running {
        assert_eq!(c.member_epoch, Some(epoch), "{}", c.name);
        let m = g.members.iter().find(|m| m.consumer == c.name).unwrap();
        assert_eq!(m.assigned, c.assigned, "{}", c.name);
    }
}

fn sizes(v: &WorldView, names: &[&str]) -> Vec<usize> {
    let mut s: Vec<usize> = names.iter().map(|n| owned(v, n).len()).collect();
    s.sort();
    s
}

#[test]
fn a_member_joins_with_a_client_generated_id_and_gets_every_partition() {
    let mut t = world(4);
    add(&mut t, "c1", ClientProfile::Java);
    t.advance_to(2_000);
    let v = view(&t);
    assert_settled(&v, 4);
    let g = group(&v);
    assert_eq!(g.group_epoch, Some(1));
    assert_eq!(g.server_assignor.as_deref(), Some("uniform"));
    let c = consumer(&v, "c1");
    // KIP-1082: a Kafka Uuid in its 22-character URL-safe base64 form, made by the client.
    assert_eq!(c.member_id.len(), 22, "{}", c.member_id);
    assert_eq!(c.membership_state.as_deref(), Some("STABLE"));
    assert_eq!(owned(&v, "c1").len(), 4);
    // No JoinGroup, SyncGroup or classic Heartbeat: one RPC.
    let apis: Vec<Api> = t
        .events()
        .filter_map(|e| match &e.kind {
            EventKind::RequestSent { api, .. } => Some(*api),
            _ => None,
        })
        .collect();
    assert!(apis.contains(&Api::ConsumerGroupHeartbeat));
    assert!(!apis
        .iter()
        .any(|a| matches!(a, Api::JoinGroup | Api::SyncGroup | Api::Heartbeat)));
    // No initial rebalance delay: assigned within a few round trips.
    let assigned_at = t
        .events()
        .find(|e| matches!(&e.kind, EventKind::PartitionsAssigned { consumer, .. } if &**consumer == "c1"))
        .unwrap()
        .time_ms;
    assert!(assigned_at < 500, "assigned at {assigned_at}");
    // It consumes.
    t.advance_to(10_000);
    assert!(consumer(&view(&t), "c1").records_delivered > 0);
}

#[test]
fn three_members_settle_one_one_two_and_a_crash_leaves_two_two_after_the_session_timeout() {
    let mut t = world(4);
    add(&mut t, "c1", ClientProfile::Java);
    add(&mut t, "c2", ClientProfile::Librdkafka);
    add(&mut t, "c3", ClientProfile::Java);
    t.advance_to(20_000);
    let v = view(&t);
    assert_settled(&v, 4);
    assert_eq!(sizes(&v, &["c1", "c2", "c3"]), vec![1, 1, 2]);
    let epoch = group(&v).group_epoch.unwrap();
    let before: Vec<Vec<String>> = ["c1", "c2"].iter().map(|c| owned(&v, c)).collect();

    crash(&mut t, "c3");
    // Nothing happens until the coordinator's session timeout (45 s) ends.
    t.advance_to(20_000 + 40_000);
    assert_eq!(group(&view(&t)).group_epoch, Some(epoch));
    t.advance_to(20_000 + 60_000);
    let v = view(&t);
    assert_eq!(group(&v).group_epoch, Some(epoch + 1));
    assert_eq!(group(&v).members.len(), 2);
    assert_settled(&v, 4);
    assert_eq!(sizes(&v, &["c1", "c2"]), vec![2, 2]);
    // uniform is sticky: the survivors keep what they had and share c3's partitions.
    for (c, had) in ["c1", "c2"].iter().zip(&before) {
        let now = owned(&v, c);
        assert!(
            had.iter().all(|tp| now.contains(tp)),
            "{c}: {had:?} -> {now:?}"
        );
    }
    assert!(
        count(&t, |k| matches!(
            k,
            EventKind::MemberFenced {
                reason: LeaveReason::SessionTimeout,
                ..
            }
        )) == 1
    );
}

#[test]
fn a_member_that_joins_waits_for_the_owner_to_revoke_and_the_owner_keeps_consuming() {
    let mut t = world(4);
    add(&mut t, "c1", ClientProfile::Java);
    t.advance_to(5_000);
    add(&mut t, "c2", ClientProfile::Java);
    t.advance_to(30_000);
    let v = view(&t);
    assert_settled(&v, 4);
    assert_eq!(sizes(&v, &["c1", "c2"]), vec![2, 2]);
    // c1 was told to revoke first (UNREVOKED_PARTITIONS at its old epoch), c2 waited for them
    // (UNRELEASED_PARTITIONS) and got them at a later heartbeat.
    let states: Vec<(String, String, i32)> = t
        .events()
        .filter_map(|e| match &e.kind {
            EventKind::MemberReconciled {
                consumer,
                member_state,
                member_epoch,
                ..
            } => Some((consumer.to_string(), member_state.clone(), *member_epoch)),
            _ => None,
        })
        .collect();
    assert!(
        states.contains(&("c1".into(), "UNREVOKED_PARTITIONS".into(), 1)),
        "{states:?}"
    );
    assert!(
        states.contains(&("c2".into(), "UNRELEASED_PARTITIONS".into(), 2)),
        "{states:?}"
    );
    // Only the partitions that moved were revoked: c1 kept two without a pause.
    let revoked: Vec<usize> = t
        .events()
        .filter_map(|e| match &e.kind {
            EventKind::PartitionsRevoked {
                consumer,
                partitions,
                ..
            } if &**consumer == "c1" => Some(partitions.len()),
            _ => None,
        })
        .collect();
    assert_eq!(revoked, vec![2]);
    // Auto commit: c1 committed in the same step as it revoked (the commit is sent before the partitions go;
    // the outbox lists events before messages, so compare times, not sequence numbers).
    let revoke_at = t
        .events()
        .find(|e| matches!(&e.kind, EventKind::PartitionsRevoked { .. }))
        .unwrap()
        .time_ms;
    assert!(t.events().any(|e| e.time_ms == revoke_at
        && matches!(
            &e.kind,
            EventKind::RequestSent {
                api: Api::OffsetCommit,
                ..
            }
        )));
}

#[test]
fn a_leaving_member_bumps_the_group_epoch_at_once() {
    let mut t = world(4);
    add(&mut t, "c1", ClientProfile::Java);
    add(&mut t, "c2", ClientProfile::Librdkafka);
    t.advance_to(20_000);
    let epoch = group(&view(&t)).group_epoch.unwrap();
    close(&mut t, "c2");
    t.advance_to(26_000);
    let v = view(&t);
    assert_eq!(group(&v).group_epoch, Some(epoch + 1));
    assert_eq!(group(&v).members.len(), 1);
    assert_settled(&v, 4);
    assert_eq!(owned(&v, "c1").len(), 4);
    assert!(
        count(&t, |k| matches!(
            k,
            EventKind::GroupEpochBumped {
                reason: RebalanceReason::Left(_),
                ..
            }
        )) == 1
    );
    // The last one leaves: Empty.
    close(&mut t, "c1");
    t.advance_to(27_000);
    assert_eq!(group(&view(&t)).state, GroupState::Empty);
}

#[test]
fn a_static_member_leaves_with_minus_two_and_gets_its_partitions_back() {
    let mut t = world(4);
    add_static(&mut t, "c1", "pod-a");
    add_static(&mut t, "c2", "pod-b");
    t.advance_to(20_000);
    let v = view(&t);
    assert_settled(&v, 4);
    let epoch = group(&v).group_epoch.unwrap();
    let mine = owned(&v, "c2");
    let old_id = consumer(&v, "c2").member_id.clone();

    close(&mut t, "c2");
    t.advance_to(25_000);
    let v = view(&t);
    // Epoch -2: still a member, assignment kept, no new group epoch.
    let g = group(&v);
    assert_eq!(g.group_epoch, Some(epoch));
    let m = g.members.iter().find(|m| m.member_id == old_id).unwrap();
    assert_eq!(m.member_epoch, Some(-2));
    assert_eq!(m.assigned, mine);
    assert_eq!(owned(&v, "c1").len(), 2, "c1 does not take c2's partitions");

    t.apply(Command::RestartConsumer {
        consumer: "c2".into(),
    })
    .unwrap();
    t.advance_to(35_000);
    let v = view(&t);
    assert_eq!(group(&v).group_epoch, Some(epoch), "no new group epoch");
    assert_eq!(owned(&v, "c2"), mine);
    assert_ne!(
        consumer(&v, "c2").member_id,
        old_id,
        "a new process, a new member id"
    );
    assert_settled(&v, 4);
    assert!(count(&t, |k| matches!(k, EventKind::StaticMemberReplaced { .. })) == 1);

    // Gone for longer than the session timeout: removed, and the other member takes everything.
    close(&mut t, "c2");
    t.advance_to(35_000 + 60_000);
    let v = view(&t);
    assert_eq!(group(&v).group_epoch, Some(epoch + 1));
    assert_eq!(group(&v).members.len(), 1);
    assert_eq!(owned(&v, "c1").len(), 4);
}

#[test]
fn added_partitions_bump_the_group_epoch_and_get_a_new_target() {
    let mut t = world(4);
    add(&mut t, "c1", ClientProfile::Java);
    add(&mut t, "c2", ClientProfile::Java);
    t.advance_to(20_000);
    let epoch = group(&view(&t)).group_epoch.unwrap();
    t.apply(Command::AddPartitions {
        topic: T.into(),
        partitions: 6,
    })
    .unwrap();
    t.advance_to(40_000);
    let v = view(&t);
    assert_eq!(group(&v).group_epoch, Some(epoch + 1));
    assert!(
        count(&t, |k| matches!(
            k,
            EventKind::GroupEpochBumped {
                reason: RebalanceReason::MetadataChanged(_),
                ..
            }
        )) == 1
    );
    assert_settled(&v, 6);
    assert_eq!(sizes(&v, &["c1", "c2"]), vec![3, 3]);
    let target = group(&v).target_assignment.clone().unwrap();
    assert_eq!(target.values().map(Vec::len).sum::<usize>(), 6);
}

#[test]
fn classic_settings_are_refused_with_group_protocol_consumer() {
    let mut t = world(1);
    for (field, config) in [
        (
            "session.timeout.ms",
            ConsumerConfig {
                session_timeout_ms: Some(10_000),
                ..consumer_config(None)
            },
        ),
        (
            "heartbeat.interval.ms",
            ConsumerConfig {
                heartbeat_interval_ms: Some(1_000),
                ..consumer_config(None)
            },
        ),
        (
            "partition.assignment.strategy",
            ConsumerConfig {
                partition_assignment_strategy: Some(vec![
                    grouplab_model::assignor::AssignorName::Range,
                ]),
                ..consumer_config(None)
            },
        ),
    ] {
        for profile in [ClientProfile::Java, ClientProfile::Librdkafka] {
            assert_eq!(
                try_add(&mut t, "c1", profile, config.clone()),
                Err(ModelError::InvalidValue {
                    field: field.into(),
                    reason: Reason::NotWithConsumerProtocol
                })
            );
        }
    }
    // Java refuses group.remote.assignor with the classic protocol (ConsumerConfig.checkGroupRemoteAssignor).
    assert_eq!(
        try_add(
            &mut t,
            "c1",
            ClientProfile::Java,
            ConsumerConfig {
                group_protocol: None,
                group_remote_assignor: Some("range".into()),
                ..consumer_config(None)
            },
        ),
        Err(ModelError::InvalidValue {
            field: "group.remote.assignor".into(),
            reason: Reason::NeedsConsumerProtocol
        })
    );
    // The same settings are fine with the classic protocol.
    try_add(
        &mut t,
        "c1",
        ClientProfile::Java,
        ConsumerConfig {
            session_timeout_ms: Some(10_000),
            group_protocol: Some(GroupProtocol::Classic),
            ..consumer_config(None)
        },
    )
    .unwrap();
}

#[test]
fn an_unknown_remote_assignor_is_refused_by_the_broker() {
    let mut t = world(2);
    try_add(
        &mut t,
        "c1",
        ClientProfile::Java,
        ConsumerConfig {
            group_remote_assignor: Some("sticky".into()),
            ..consumer_config(None)
        },
    )
    .unwrap();
    t.advance_to(2_000);
    let v = view(&t);
    assert_eq!(
        consumer(&v, "c1").status,
        ConsumerStatus::Failed("UnsupportedAssignor".into())
    );
    assert!(
        count(&t, |k| matches!(
            k,
            EventKind::ResponseSent {
                error: ErrorCode::UnsupportedAssignor,
                ..
            }
        )) == 1
    );
}

#[test]
fn range_is_picked_by_group_remote_assignor() {
    let mut t = world(4);
    for name in ["c1", "c2"] {
        try_add(
            &mut t,
            name,
            ClientProfile::Librdkafka,
            ConsumerConfig {
                group_remote_assignor: Some("range".into()),
                ..consumer_config(None)
            },
        )
        .unwrap();
    }
    t.advance_to(20_000);
    let v = view(&t);
    assert_eq!(group(&v).server_assignor.as_deref(), Some("range"));
    assert_settled(&v, 4);
}

#[test]
fn the_two_protocols_do_not_mix_in_one_group() {
    // A classic member cannot join a consumer group with members.
    let mut t = world(2);
    add(&mut t, "c1", ClientProfile::Java);
    t.advance_to(2_000);
    try_add(
        &mut t,
        "classic",
        ClientProfile::Java,
        ConsumerConfig {
            group_protocol: None,
            ..consumer_config(None)
        },
    )
    .unwrap();
    t.advance_to(10_000);
    let v = view(&t);
    assert_eq!(
        consumer(&v, "classic").status,
        ConsumerStatus::Failed("InconsistentGroupProtocol".into())
    );
    assert_settled(&v, 2);

    // A consumer-protocol member cannot join a classic group with members.
    let mut t = world(2);
    try_add(
        &mut t,
        "classic",
        ClientProfile::Java,
        ConsumerConfig {
            group_protocol: None,
            ..consumer_config(None)
        },
    )
    .unwrap();
    t.advance_to(10_000);
    add(&mut t, "c1", ClientProfile::Librdkafka);
    t.advance_to(12_000);
    let v = view(&t);
    assert_eq!(
        consumer(&v, "c1").status,
        ConsumerStatus::Failed("GroupIdNotFound".into())
    );
    assert_eq!(group(&v).state, GroupState::Stable);
    assert_eq!(owned(&v, "classic").len(), 2);

    // An empty group takes the type of its next first member, and keeps its committed offsets.
    close(&mut t, "classic");
    t.advance_to(13_000);
    let committed = group(&view(&t)).committed.clone();
    assert!(!committed.is_empty());
    add(&mut t, "c2", ClientProfile::Java);
    t.advance_to(15_000);
    let v = view(&t);
    assert_eq!(group(&v).protocol, GroupProtocol::Consumer);
    assert_settled(&v, 2);
}

#[test]
fn a_slow_application_leaves_on_poll_timeout_and_rejoins_at_its_next_poll() {
    let mut t = world(2);
    try_add(
        &mut t,
        "slow",
        ClientProfile::Java,
        ConsumerConfig {
            max_poll_interval_ms: Some(10_000),
            ..consumer_config(None)
        },
    )
    .unwrap();
    add(&mut t, "c2", ClientProfile::Java);
    t.advance_to(10_000);
    t.apply(Command::SetProcessingRate {
        consumer: "slow".into(),
        records_per_sec: Some(1),
    })
    .unwrap();
    t.advance_to(120_000);
    assert!(count(&t, |k| matches!(k, EventKind::PollTimeoutExpired { .. })) >= 1);
    // A stale member loses its partitions (onPartitionsLost) rather than revoking them.
    assert!(
        count(
            &t,
            |k| matches!(k, EventKind::PartitionsLost { consumer, .. } if &**consumer == "slow")
        ) >= 1
    );
    let v = view(&t);
    assert!(group(&v).group_epoch.unwrap() > 2);
}

#[test]
fn a_restored_timeline_replays_a_consumer_group_identically() {
    let mut t = world(4);
    add(&mut t, "c1", ClientProfile::Java);
    add(&mut t, "c2", ClientProfile::Librdkafka);
    t.advance_to(20_000);
    crash(&mut t, "c2");
    t.advance_to(80_000);
    let end = serde_json::to_string(&view(&t)).unwrap();
    t.seek(10_000);
    t.seek(80_000);
    assert_eq!(serde_json::to_string(&view(&t)).unwrap(), end);
}

#[test]
fn members_find_a_new_coordinator_and_keep_their_partitions() {
    let mut t = world(4);
    add(&mut t, "c1", ClientProfile::Java);
    add(&mut t, "c2", ClientProfile::Librdkafka);
    t.advance_to(20_000);
    let v = view(&t);
    let before: Vec<Vec<String>> = ["c1", "c2"].iter().map(|c| owned(&v, c)).collect();
    let epoch = group(&v).group_epoch;
    let broker = group(&v).coordinator.broker.unwrap();
    t.apply(Command::StopBroker { broker }).unwrap();
    t.advance_to(40_000);
    let v = view(&t);
    assert_ne!(group(&v).coordinator.broker, Some(broker));
    assert_settled(&v, 4);
    // The group's state moved with its __consumer_offsets partition: same epoch, same owners.
    assert_eq!(group(&v).group_epoch, epoch);
    let after: Vec<Vec<String>> = ["c1", "c2"].iter().map(|c| owned(&v, c)).collect();
    assert_eq!(after, before);
}
