//! OffsetCommit and OffsetFetch: the group's committed offsets, the bookmark of where it resumes.

use crate::actor::Ctx;
use crate::event::EventKind;
use crate::group::GroupState;
use crate::net::{Endpoint, ErrorCode, Payload};
use crate::topic_partition::TopicPartition;

use super::join::GroupEnv;
use super::{Committed, Group};

pub fn handle_offset_commit(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    consumer: u32,
    member_id: &str,
    generation_id: i32,
    offsets: Vec<(TopicPartition, u64)>,
) {
    // ClassicGroup.validateOffsetCommit: a generation < 0 is a standalone (assign()) commit, allowed only while
    // the group has no members; otherwise the member and generation must match and no SyncGroup is pending.
    let error = if g.is_consumer_group() {
        super::consumer_protocol::validate_offset_commit(g, member_id, generation_id, &offsets)
    } else if generation_id < 0 && g.members.is_empty() {
        ErrorCode::None
    } else if g.member(member_id).is_none() {
        ErrorCode::UnknownMemberId
    } else if generation_id != g.generation_id {
        ErrorCode::IllegalGeneration
    } else if g.state == GroupState::CompletingRebalance {
        ErrorCode::RebalanceInProgress
    } else {
        ErrorCode::None
    };
    if error == ErrorCode::None {
        for (tp, offset) in &offsets {
            g.offsets.insert(
                tp.clone(),
                Committed {
                    offset: *offset,
                    commit_time_ms: ctx.now,
                    member_id: member_id.to_string(),
                },
            );
        }
        if !offsets.is_empty() {
            ctx.emit(EventKind::OffsetCommitted {
                group_id: g.group_id.clone(),
                consumer: env.name(consumer),
                offsets: offsets.clone(),
            });
        }
    } else {
        ctx.emit(EventKind::OffsetCommitFailed {
            group_id: g.group_id.clone(),
            consumer: env.name(consumer),
            error,
        });
    }
    ctx.send(
        Endpoint::Broker(env.broker),
        Endpoint::Consumer(consumer),
        Payload::OffsetCommitResponse { error, offsets },
    );
}

pub fn handle_offset_fetch(
    g: &Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    consumer: u32,
    partitions: Vec<TopicPartition>,
) {
    let offsets = partitions
        .into_iter()
        .map(|tp| {
            let committed = g.offsets.get(&tp).map(|c| c.offset);
            (tp, committed)
        })
        .collect();
    ctx.send(
        Endpoint::Broker(env.broker),
        Endpoint::Consumer(consumer),
        Payload::OffsetFetchResponse {
            error: ErrorCode::None,
            offsets,
        },
    );
}
