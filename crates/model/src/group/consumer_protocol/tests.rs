//! Unit tests of the consumer-protocol coordinator, driven directly with requests (no clients): the rules a
//! well-behaved client never exercises.

use std::rc::Rc;

use crate::actor::{Ctx, Outbox};
use crate::cluster::Cluster;
use crate::config::ClusterConfig;
use crate::event::{EventKind, LeaveReason};
use crate::group::GroupState;
use crate::group::{handle_offset_commit, Group, GroupEnv};
use crate::net::{ErrorCode, Payload};
use crate::rng::SimRng;
use crate::topic_partition::TopicPartition;

use super::{expire_consumer_sessions, handle_consumer_heartbeat, HeartbeatArgs};

struct World {
    config: ClusterConfig,
    cluster: Cluster,
    rng: SimRng,
    names: Vec<Rc<str>>,
    group: Group,
    out: Outbox,
}

/// What a heartbeat was answered: (error, member epoch, assignment).
type Answer = (ErrorCode, i32, Option<Vec<TopicPartition>>);

impl World {
    fn new(partitions: u32) -> Self {
        let config = ClusterConfig::default();
        let mut rng = SimRng::new(1);
        let mut cluster = Cluster::new(&config, &mut rng);
        cluster.create_topic("t", partitions, 1, &mut rng);
        World {
            config,
            cluster,
            rng,
            names: vec![Rc::from("a"), Rc::from("b"), Rc::from("c")],
            group: Group::new("g", 0, Some(0)),
            out: Outbox::default(),
        }
    }

    fn heartbeat(&mut self, now: u64, consumer: u32, epoch: i32, owned: &[u32]) -> Answer {
        let env = GroupEnv::new(0, 0, &self.config, &self.names);
        let mut ctx = Ctx {
            now,
            rng: &mut self.rng,
            out: &mut self.out,
        };
        let req = HeartbeatArgs {
            client_id: "client".into(),
            member_id: format!("m{consumer}"),
            member_epoch: epoch,
            instance_id: None,
            rebalance_timeout_ms: 10_000,
            subscribed_topics: vec!["t".into()],
            server_assignor: None,
            owned: owned.iter().map(|&p| TopicPartition::new("t", p)).collect(),
        };
        handle_consumer_heartbeat(
            &mut self.group,
            &mut ctx,
            &env,
            &self.cluster,
            consumer,
            req,
        );
        match self.out.sends.pop() {
            Some((
                _,
                _,
                Payload::ConsumerGroupHeartbeatResponse {
                    error,
                    member_epoch,
                    assignment,
                    ..
                },
            )) => (error, member_epoch, assignment),
            other => panic!("no heartbeat answer: {other:?}"),
        }
    }

    fn check(&mut self, now: u64) {
        let env = GroupEnv::new(0, 0, &self.config, &self.names);
        let mut ctx = Ctx {
            now,
            rng: &mut self.rng,
            out: &mut self.out,
        };
        expire_consumer_sessions(&mut self.group, &mut ctx, &env);
    }

    fn commit(&mut self, now: u64, consumer: u32, epoch: i32, partition: u32) -> ErrorCode {
        let env = GroupEnv::new(0, 0, &self.config, &self.names);
        let mut ctx = Ctx {
            now,
            rng: &mut self.rng,
            out: &mut self.out,
        };
        let member_id = format!("m{consumer}");
        let offsets = vec![(TopicPartition::new("t", partition), 1)];
        handle_offset_commit(
            &mut self.group,
            &mut ctx,
            &env,
            consumer,
            &member_id,
            epoch,
            offsets,
        );
        match self.out.sends.pop() {
            Some((_, _, Payload::OffsetCommitResponse { error, .. })) => error,
            other => panic!("no commit answer: {other:?}"),
        }
    }

    fn events(&self) -> &[EventKind] {
        &self.out.events
    }
}

fn partitions(a: &Option<Vec<TopicPartition>>) -> Vec<u32> {
    a.iter().flatten().map(|tp| tp.partition).collect()
}

#[test]
fn a_member_that_does_not_revoke_within_its_rebalance_timeout_is_fenced() {
    let mut w = World::new(4);
    let (_, e0, a0) = w.heartbeat(0, 0, 0, &[]);
    assert_eq!((e0, partitions(&a0)), (1, vec![0, 1, 2, 3]));
    // A second member: m0 must revoke two partitions; it keeps heartbeating but still lists them.
    let (_, e1, a1) = w.heartbeat(100, 1, 0, &[]);
    assert_eq!((e1, partitions(&a1)), (2, vec![]));
    let (error, epoch, a) = w.heartbeat(200, 0, 1, &[0, 1, 2, 3]);
    assert_eq!(error, ErrorCode::None);
    assert_eq!(epoch, 1, "a revoking member stays at its epoch");
    assert_eq!(partitions(&a).len(), 2);
    let m0 = w.group.cg.member("m0").unwrap();
    assert_eq!(m0.state.name(), "UNREVOKED_PARTITIONS");
    assert_eq!(m0.revocation_deadline, Some(200 + 10_000));
    for t in [5_000, 9_000] {
        w.heartbeat(t, 0, 1, &[0, 1, 2, 3]);
        w.heartbeat(t, 1, 2, &[]);
    }
    w.check(10_200);
    assert!(w.group.cg.member("m0").is_none(), "fenced and removed");
    assert!(w.events().iter().any(|e| matches!(
        e,
        EventKind::MemberFenced {
            reason: LeaveReason::RebalanceTimeout,
            ..
        }
    )));
    assert_eq!(w.group.cg.group_epoch, 3);
    assert_eq!(w.group.state, GroupState::Assigning);
    // Its next heartbeat is answered UNKNOWN_MEMBER_ID (it rejoins with epoch 0); m1 gets everything.
    assert_eq!(
        w.heartbeat(10_300, 0, 1, &[0, 1]).0,
        ErrorCode::UnknownMemberId
    );
    let (_, epoch, a) = w.heartbeat(10_300, 1, 2, &[]);
    assert_eq!((epoch, partitions(&a)), (3, vec![0, 1, 2, 3]));
}

#[test]
fn epochs_the_coordinator_did_not_give_are_fenced() {
    let mut w = World::new(2);
    assert_eq!(w.heartbeat(0, 0, 0, &[]).1, 1);
    assert_eq!(w.heartbeat(10, 0, 7, &[]).0, ErrorCode::FencedMemberEpoch);
    assert_eq!(w.heartbeat(20, 2, 3, &[]).0, ErrorCode::UnknownMemberId);
    // A lost answer: the previous epoch is accepted while the owned partitions are a subset of the assignment.
    w.heartbeat(30, 1, 0, &[]);
    let (error, epoch, _) = w.heartbeat(40, 0, 1, &[0, 1]);
    assert_eq!((error, epoch), (ErrorCode::None, 1));
    assert_eq!(w.heartbeat(50, 0, 1, &[0]).1, 2);
    assert_eq!(w.heartbeat(60, 0, 1, &[0]).0, ErrorCode::None);
    assert_eq!(
        w.heartbeat(70, 0, 1, &[0, 1]).0,
        ErrorCode::FencedMemberEpoch
    );
}

#[test]
fn a_commit_with_a_stale_member_epoch_is_refused() {
    let mut w = World::new(2);
    w.heartbeat(0, 0, 0, &[]);
    assert_eq!(w.commit(10, 0, 1, 0), ErrorCode::None);
    assert_eq!(w.commit(10, 0, 2, 0), ErrorCode::StaleMemberEpoch);
    assert_eq!(w.commit(10, 9, 1, 0), ErrorCode::UnknownMemberId);
    // m1 joins; m0 revokes partition 1 and moves to epoch 2 with partition 0 (assigned at epoch 1).
    w.heartbeat(20, 1, 0, &[]);
    w.heartbeat(30, 0, 1, &[0, 1]);
    assert_eq!(w.heartbeat(40, 0, 1, &[0]).1, 2);
    // KIP-1251: an older epoch is fine for a partition the member got at that epoch or before...
    assert_eq!(w.commit(50, 0, 1, 0), ErrorCode::None);
    // ...but not for one it does not hold, nor with an epoch older than the partition's assignment.
    assert_eq!(w.commit(50, 0, 1, 1), ErrorCode::StaleMemberEpoch);
    let (_, e1, _) = w.heartbeat(60, 1, 2, &[]);
    assert_eq!(e1, 2);
    assert_eq!(w.commit(70, 1, 1, 1), ErrorCode::StaleMemberEpoch);
    assert_eq!(w.commit(70, 1, 2, 1), ErrorCode::None);
    assert!(w.events().iter().any(|e| matches!(
        e,
        EventKind::OffsetCommitFailed {
            error: ErrorCode::StaleMemberEpoch,
            ..
        }
    )));
}

#[test]
fn an_instance_id_held_by_a_live_member_is_not_released() {
    let mut w = World::new(2);
    let join = |w: &mut World, consumer: u32, now: u64| {
        let env = GroupEnv::new(0, 0, &w.config, &w.names);
        let mut ctx = Ctx {
            now,
            rng: &mut w.rng,
            out: &mut w.out,
        };
        let req = HeartbeatArgs {
            client_id: "client".into(),
            member_id: format!("m{consumer}"),
            member_epoch: 0,
            instance_id: Some("pod".into()),
            rebalance_timeout_ms: 10_000,
            subscribed_topics: vec!["t".into()],
            server_assignor: None,
            owned: vec![],
        };
        handle_consumer_heartbeat(&mut w.group, &mut ctx, &env, &w.cluster, consumer, req);
        match w.out.sends.pop() {
            Some((_, _, Payload::ConsumerGroupHeartbeatResponse { error, .. })) => error,
            _ => panic!(),
        }
    };
    assert_eq!(join(&mut w, 0, 0), ErrorCode::None);
    assert_eq!(join(&mut w, 1, 10), ErrorCode::UnreleasedInstanceId);
    // After a temporary leave (-2), a new member id takes the instance over; the old one is then fenced.
    let leave = HeartbeatArgs {
        client_id: "client".into(),
        member_id: "m0".into(),
        member_epoch: -2,
        instance_id: Some("pod".into()),
        rebalance_timeout_ms: 10_000,
        subscribed_topics: vec!["t".into()],
        server_assignor: None,
        owned: vec![],
    };
    let env = GroupEnv::new(0, 0, &w.config, &w.names);
    let mut ctx = Ctx {
        now: 20,
        rng: &mut w.rng,
        out: &mut w.out,
    };
    handle_consumer_heartbeat(&mut w.group, &mut ctx, &env, &w.cluster, 0, leave.clone());
    assert_eq!(join(&mut w, 1, 30), ErrorCode::None);
    assert_eq!(w.group.cg.members.len(), 1);
    assert_eq!(
        w.group.cg.members[0].assigned.len(),
        2,
        "the assignment came back"
    );
    let env = GroupEnv::new(0, 0, &w.config, &w.names);
    let mut ctx = Ctx {
        now: 40,
        rng: &mut w.rng,
        out: &mut w.out,
    };
    let stale = HeartbeatArgs {
        member_epoch: 1,
        ..leave
    };
    handle_consumer_heartbeat(&mut w.group, &mut ctx, &env, &w.cluster, 0, stale);
    assert!(matches!(
        w.out.sends.pop(),
        Some((
            _,
            _,
            Payload::ConsumerGroupHeartbeatResponse {
                error: ErrorCode::FencedInstanceId,
                ..
            }
        ))
    ));
}
