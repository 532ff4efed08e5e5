//! JoinGroup and the join phase (GroupMetadataManager.classicGroupJoin*, ClassicGroup.initNextGeneration).

use std::rc::Rc;

use crate::actor::{Ctx, Wake};
use crate::assignor::{AssignorName, Subscription};
use crate::event::{EventKind, LeaveReason, RebalanceReason};
use crate::group::GroupState;
use crate::net::{Endpoint, ErrorCode, JoinedMember, Payload};

use super::{GenerationRecord, Group, Member};

/// A JoinGroup request's fields.
pub struct JoinArgs {
    pub client_id: String,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub session_timeout_ms: u64,
    pub rebalance_timeout_ms: u64,
    pub protocols: Vec<AssignorName>,
    pub subscription: Subscription,
}

/// Settings and names the coordinator needs from the world.
pub struct GroupEnv<'a> {
    pub group_index: u32,
    pub broker: u32,
    pub initial_rebalance_delay_ms: u64,
    pub consumer_names: &'a [Rc<str>],
    /// The broker's settings (the consumer protocol's group.consumer.*).
    pub config: &'a crate::config::ClusterConfig,
}

impl<'a> GroupEnv<'a> {
    pub fn new(
        group_index: u32,
        broker: u32,
        config: &'a crate::config::ClusterConfig,
        consumer_names: &'a [Rc<str>],
    ) -> Self {
        GroupEnv {
            group_index,
            broker,
            initial_rebalance_delay_ms: config.group_initial_rebalance_delay_ms,
            consumer_names,
            config,
        }
    }

    pub fn name(&self, consumer: u32) -> Rc<str> {
        self.consumer_names
            .get(consumer as usize)
            .cloned()
            .unwrap_or_default()
    }
}

fn join_error(ctx: &mut Ctx, env: &GroupEnv, consumer: u32, error: ErrorCode, member_id: String) {
    ctx.send(
        Endpoint::Broker(env.broker),
        Endpoint::Consumer(consumer),
        Payload::JoinGroupResponse {
            error,
            generation_id: -1,
            protocol_name: None,
            leader: String::new(),
            member_id,
            members: Vec::new(),
            skip_assignment: false,
        },
    );
}

pub fn handle_join(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv, consumer: u32, req: JoinArgs) {
    if g.is_consumer_group() {
        if !g.cg.members.is_empty() {
            // A real 4.0 broker takes a classic member into a consumer group with members
            // (GroupMetadataManager.classicGroupJoinToConsumerGroup). Mixed groups are not modelled: the model
            // refuses with INCONSISTENT_GROUP_PROTOCOL, that path's answer when it cannot serve the member's
            // protocols (throwIfClassicProtocolIsNotSupported).
            return join_error(
                ctx,
                env,
                consumer,
                ErrorCode::InconsistentGroupProtocol,
                req.member_id,
            );
        }
        // An empty consumer group becomes a classic group; its committed offsets stay.
        g.group_type = super::consumer_protocol::GroupType::Classic;
        g.cg = Default::default();
        g.session_check_at = None;
        set_state(g, ctx, GroupState::Empty);
    }
    if !g.supports_protocols(&req.protocols, Some(&req.member_id)) {
        // ClassicGroup.supportsProtocols failed: no assignor in common with the current members.
        return join_error(
            ctx,
            env,
            consumer,
            ErrorCode::InconsistentGroupProtocol,
            req.member_id,
        );
    }
    if req.member_id.is_empty() {
        if let Some(instance) = req.group_instance_id.clone() {
            return join_static_unknown(g, ctx, env, consumer, req, instance);
        }
        // KIP-394: a new dynamic member first gets its id with MEMBER_ID_REQUIRED, then rejoins with it.
        // Member id = client.id + "-" + UUID (ClassicGroup.generateMemberId).
        let member_id = format!("{}-{}", req.client_id, ctx.rng.uuid());
        g.pending_members.insert(member_id.clone());
        ctx.emit(EventKind::MemberIdAssigned {
            consumer: env.name(consumer),
            group_id: g.group_id.clone(),
            member_id: member_id.clone(),
        });
        return join_error(ctx, env, consumer, ErrorCode::MemberIdRequired, member_id);
    }
    if g.pending_members.remove(&req.member_id) {
        add_member(g, ctx, env, consumer, req);
        return;
    }
    let Some(member) = g.member_mut(&req.member_id) else {
        return join_error(
            ctx,
            env,
            consumer,
            ErrorCode::UnknownMemberId,
            req.member_id,
        );
    };
    // A known member rejoins. Its metadata changed if its topics or its ownedPartitions did (MemberMetadata.matches
    // compares the whole ConsumerProtocolSubscription): a cooperative member that revoked partitions rejoins with
    // fewer, and that follow-up rejoin rebalances (KIP-429).
    let topics_changed = member.subscription.topics != req.subscription.topics
        || member.subscription.owned_partitions != req.subscription.owned_partitions;
    member.protocols = req.protocols;
    member.subscription = req.subscription;
    member.consumer = consumer;
    member.awaiting_join = true;
    member.last_heartbeat_ms = ctx.now;
    let member_id = member.member_id.clone();
    match g.state {
        GroupState::PreparingRebalance => maybe_complete_join(g, ctx, env),
        // A follower rejoining a Stable group with an unchanged subscription gets the current generation back
        // (classicGroupJoinExistingMember: "member is not the leader and has not changed its metadata").
        GroupState::Stable if !topics_changed && !g.is_leader(&member_id) => {
            if let Some(m) = g.member_mut(&member_id) {
                m.awaiting_join = false;
            }
            respond_current_generation(g, ctx, env, &member_id);
        }
        _ => {
            let reason = if g.is_leader(&member_id) {
                RebalanceReason::LeaderRejoined(member_id)
            } else {
                RebalanceReason::NewSubscription(member_id)
            };
            prepare_rebalance(g, ctx, env, reason);
        }
    }
}

/// A static member with no member id (KIP-345): a new instance, or a restart that replaces the old member id.
fn join_static_unknown(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    consumer: u32,
    req: JoinArgs,
    instance: String,
) {
    let new_id = format!("{instance}-{}", ctx.rng.uuid());
    let Some(old) = g.static_member(&instance).map(|m| m.member_id.clone()) else {
        let mut req = req;
        req.member_id = new_id;
        add_member(g, ctx, env, consumer, req);
        return;
    };
    // updateStaticMemberThenRebalanceOrCompleteJoin: replace the member id, keep the assignment.
    if let Some(m) = g.member_mut(&old) {
        m.member_id = new_id.clone();
        m.consumer = consumer;
        m.client_id = req.client_id.clone();
        m.protocols = req.protocols.clone();
        m.subscription = Subscription {
            member_id: new_id.clone(),
            ..req.subscription.clone()
        };
        m.last_heartbeat_ms = ctx.now;
        m.awaiting_join = true;
    }
    if g.leader.as_deref() == Some(old.as_str()) {
        g.leader = Some(new_id.clone());
    }
    ctx.emit(EventKind::StaticMemberReplaced {
        group_id: g.group_id.clone(),
        group_instance_id: instance,
        old_member_id: old,
        member_id: new_id.clone(),
    });
    schedule_session_check(g, ctx, env);
    // In Stable only a change of the selected protocol rebalances; subscriptions are not compared
    // (GroupMetadataManager.updateStaticMemberThenRebalanceOrCompleteJoin).
    let protocol_unchanged = g.select_protocol() == g.protocol;
    match g.state {
        // No rebalance: the restarted static member gets the current generation and, at SyncGroup, its old
        // assignment (KIP-345).
        GroupState::Stable if protocol_unchanged => {
            if let Some(m) = g.member_mut(&new_id) {
                m.awaiting_join = false;
            }
            respond_current_generation(g, ctx, env, &new_id);
        }
        GroupState::PreparingRebalance => maybe_complete_join(g, ctx, env),
        _ => prepare_rebalance(g, ctx, env, RebalanceReason::StaticNewSubscription(new_id)),
    }
}

fn add_member(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv, consumer: u32, req: JoinArgs) {
    let member_id = req.member_id.clone();
    g.members.push(Member {
        member_id: member_id.clone(),
        group_instance_id: req.group_instance_id,
        client_id: req.client_id,
        client_host: None,
        consumer,
        protocols: req.protocols,
        subscription: Subscription {
            member_id: member_id.clone(),
            ..req.subscription
        },
        session_timeout_ms: req.session_timeout_ms,
        rebalance_timeout_ms: req.rebalance_timeout_ms,
        awaiting_join: true,
        awaiting_sync: false,
        assignment: Vec::new(),
        last_heartbeat_ms: ctx.now,
    });
    // The first member added to a leaderless group becomes its leader (ClassicGroup.add).
    if g.leader.is_none() {
        g.leader = Some(member_id.clone());
    }
    ctx.emit(EventKind::MemberJoined {
        group_id: g.group_id.clone(),
        member_id: member_id.clone(),
        consumer: env.name(consumer),
    });
    if g.state == GroupState::PreparingRebalance {
        g.new_member_added = true;
        maybe_complete_join(g, ctx, env);
    } else {
        prepare_rebalance(g, ctx, env, RebalanceReason::Joined(member_id));
    }
}

fn respond_current_generation(g: &Group, ctx: &mut Ctx, env: &GroupEnv, member_id: &str) {
    let Some(member) = g.member(member_id) else {
        return;
    };
    // KIP-814: a returning static leader gets the members but skipAssignment, and keeps the assignment.
    let is_leader = g.is_leader(member_id);
    let members = if is_leader {
        joined_members(g)
    } else {
        Vec::new()
    };
    ctx.send(
        Endpoint::Broker(env.broker),
        Endpoint::Consumer(member.consumer),
        Payload::JoinGroupResponse {
            error: ErrorCode::None,
            generation_id: g.generation_id,
            protocol_name: g.protocol,
            leader: g.leader.clone().unwrap_or_default(),
            member_id: member_id.to_string(),
            members,
            skip_assignment: is_leader,
        },
    );
}

fn joined_members(g: &Group) -> Vec<JoinedMember> {
    g.members
        .iter()
        .map(|m| JoinedMember {
            member_id: m.member_id.clone(),
            group_instance_id: m.group_instance_id.clone(),
            subscription: m.subscription.clone(),
        })
        .collect()
}

pub(super) fn set_state(g: &mut Group, ctx: &mut Ctx, to: GroupState) {
    if g.state != to {
        ctx.emit(EventKind::GroupStateChanged {
            group_id: g.group_id.clone(),
            from: g.state,
            to,
        });
        g.state = to;
    }
}

/// ClassicGroup.prepareRebalance: everyone must rejoin. The first rebalance of an Empty group waits
/// `group.initial.rebalance.delay.ms` (InitialDelayedJoin); later ones wait up to the rebalance timeout.
pub(super) fn prepare_rebalance(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    reason: RebalanceReason,
) {
    if g.state == GroupState::CompletingRebalance {
        // Members waiting for SyncGroup are told to rejoin (resetAndPropagateAssignmentWithError).
        for m in g.members.iter_mut().filter(|m| m.awaiting_sync) {
            m.awaiting_sync = false;
            ctx.send(
                Endpoint::Broker(env.broker),
                Endpoint::Consumer(m.consumer),
                Payload::SyncGroupResponse {
                    error: ErrorCode::RebalanceInProgress,
                    assignment: Vec::new(),
                },
            );
        }
    }
    let delay = env.initial_rebalance_delay_ms;
    let deadline = if g.state == GroupState::Empty && delay > 0 {
        g.initial_delay_remaining = Some(g.rebalance_timeout_ms().saturating_sub(delay));
        g.new_member_added = false;
        ctx.now + delay
    } else {
        g.initial_delay_remaining = None;
        ctx.now + g.rebalance_timeout_ms()
    };
    g.join_deadline = Some(deadline);
    ctx.at(
        deadline,
        Wake::GroupJoin {
            group: env.group_index,
        },
    );
    ctx.emit(EventKind::RebalanceStarted {
        group_id: g.group_id.clone(),
        reason,
    });
    set_state(g, ctx, GroupState::PreparingRebalance);
    maybe_complete_join(g, ctx, env);
}

/// DelayedJoin.tryComplete: done as soon as every member rejoined (not during the initial delay).
pub(super) fn maybe_complete_join(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    if g.state == GroupState::PreparingRebalance
        && g.initial_delay_remaining.is_none()
        && g.all_members_joined()
    {
        complete_join(g, ctx, env);
    }
}

/// The join deadline fired: extend the initial delay while members keep arriving, else complete the join.
pub(super) fn join_deadline_reached(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    if g.state != GroupState::PreparingRebalance || g.join_deadline != Some(ctx.now) {
        return;
    }
    if let Some(remaining) = g.initial_delay_remaining {
        // InitialDelayedJoin.onComplete: new members joined and time remains -> wait another delay.
        if g.new_member_added && remaining > 0 {
            let delay = env.initial_rebalance_delay_ms.min(remaining);
            g.new_member_added = false;
            g.initial_delay_remaining =
                Some(remaining.saturating_sub(env.initial_rebalance_delay_ms));
            let deadline = ctx.now + delay;
            g.join_deadline = Some(deadline);
            ctx.at(
                deadline,
                Wake::GroupJoin {
                    group: env.group_index,
                },
            );
            return;
        }
        g.initial_delay_remaining = None;
    }
    complete_join(g, ctx, env);
}

/// DelayedJoin.onComplete: drop who did not rejoin, start the next generation, answer every JoinGroup.
fn complete_join(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    g.join_deadline = None;
    g.initial_delay_remaining = None;
    g.pending_members.clear();
    let (kept, gone): (Vec<Member>, Vec<Member>) = std::mem::take(&mut g.members)
        .into_iter()
        .partition(|m| m.awaiting_join);
    g.members = kept;
    for m in gone {
        ctx.emit(EventKind::MemberLeft {
            group_id: g.group_id.clone(),
            member_id: m.member_id.clone(),
            consumer: env.name(m.consumer),
            reason: LeaveReason::RebalanceTimeout,
        });
    }
    // maybeElectNewJoinedLeader: the leader must be a member that rejoined.
    if g.leader.as_deref().is_none_or(|l| g.member(l).is_none()) {
        g.leader = g.members.first().map(|m| m.member_id.clone());
    }
    // ClassicGroup.initNextGeneration: the generation id increments even when the group becomes Empty.
    g.generation_id += 1;
    if g.members.is_empty() {
        g.protocol = None;
        g.leader = None;
        set_state(g, ctx, GroupState::Empty);
    } else {
        g.protocol = g.select_protocol();
        set_state(g, ctx, GroupState::CompletingRebalance);
    }
    ctx.emit(EventKind::GenerationStarted {
        group_id: g.group_id.clone(),
        generation_id: g.generation_id,
        protocol: g.protocol,
        leader: g.leader.clone(),
        members: g.members.iter().map(|m| m.member_id.clone()).collect(),
    });
    let members = joined_members(g);
    for m in g.members.iter_mut() {
        m.awaiting_join = false;
        m.last_heartbeat_ms = ctx.now;
        let is_leader = g.leader.as_deref() == Some(m.member_id.as_str());
        ctx.send(
            Endpoint::Broker(env.broker),
            Endpoint::Consumer(m.consumer),
            Payload::JoinGroupResponse {
                error: ErrorCode::None,
                generation_id: g.generation_id,
                protocol_name: g.protocol,
                leader: g.leader.clone().unwrap_or_default(),
                member_id: m.member_id.clone(),
                members: if is_leader {
                    members.clone()
                } else {
                    Vec::new()
                },
                skip_assignment: false,
            },
        );
    }
    if g.members.is_empty() {
        g.history.push(GenerationRecord {
            generation_id: g.generation_id,
            at_ms: ctx.now,
            protocol: None,
            leader: None,
            assignment: Vec::new(),
            subscriptions: Vec::new(),
        });
    }
    schedule_session_check(g, ctx, env);
}

/// Keeps exactly one pending session check per group, at the earliest member deadline.
pub(super) fn schedule_session_check(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv) {
    let next = g
        .members
        .iter()
        .map(|m| m.last_heartbeat_ms + m.session_timeout_ms)
        .min()
        .map(|t| t.max(ctx.now));
    if let Some(next) = next {
        if g.session_check_at.is_none_or(|at| next < at) {
            g.session_check_at = Some(next);
            ctx.at(
                next,
                Wake::GroupSession {
                    group: env.group_index,
                },
            );
        }
    }
}
