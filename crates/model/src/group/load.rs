//! Loading a group from `__consumer_offsets` (GroupMetadataManager.loadGroupsForPartition): the last group
//! metadata record gives the generation, protocol, leader and members with their assignments; the offset commit
//! records give the committed offsets. Used to restore an imported group.

use crate::collections::VecMap;

use crate::actor::Ctx;
use crate::assignor::{AssignorName, Subscription};
use crate::event::EventKind;
use crate::group::GroupState;
use crate::topic_partition::TopicPartition;

use super::join::{schedule_session_check, GroupEnv};
use super::{Committed, Group, Member};

/// One member as the group metadata record stores it (MemberMetadata), with the consumer that answers for it.
pub struct StoredMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: Option<String>,
    pub consumer: u32,
    pub topics: Vec<String>,
    pub assignment: Vec<TopicPartition>,
    pub session_timeout_ms: u64,
    pub rebalance_timeout_ms: u64,
}

/// What the coordinator reads back for one group.
pub struct StoredGroup {
    pub generation_id: i32,
    pub protocol: Option<AssignorName>,
    /// In join order; the first is the leader.
    pub members: Vec<StoredMember>,
    pub offsets: VecMap<TopicPartition, u64>,
}

/// Replaces a group that has never been used with the stored one. A group with members is Stable in the stored
/// generation (the state GroupMetadataManager gives a loaded group with members); without members it is Empty.
pub fn load(g: &mut Group, ctx: &mut Ctx, env: &GroupEnv, stored: StoredGroup) {
    let protocol = stored.protocol;
    let generation_id = stored.generation_id;
    g.members = stored
        .members
        .into_iter()
        .map(|m| {
            let mut assignment = m.assignment;
            crate::collections::sort::sort(&mut assignment);
            Member {
                subscription: Subscription {
                    member_id: m.member_id.clone(),
                    group_instance_id: m.group_instance_id.clone(),
                    topics: m.topics,
                    owned_partitions: assignment.clone(),
                    generation: Some(generation_id),
                    revoked: false,
                },
                member_id: m.member_id,
                group_instance_id: m.group_instance_id,
                client_id: m.client_id,
                client_host: m.client_host,
                consumer: m.consumer,
                protocols: protocol.into_iter().collect(),
                session_timeout_ms: m.session_timeout_ms,
                rebalance_timeout_ms: m.rebalance_timeout_ms,
                awaiting_join: false,
                awaiting_sync: false,
                assignment,
                last_heartbeat_ms: ctx.now,
            }
        })
        .collect();
    g.generation_id = generation_id;
    g.leader = g.members.first().map(|m| m.member_id.clone());
    g.protocol = if g.members.is_empty() { None } else { protocol };
    g.state = if g.members.is_empty() {
        GroupState::Empty
    } else {
        GroupState::Stable
    };
    g.offsets = VecMap::from_iter(stored.offsets.into_iter().map(|(tp, offset)| {
        let committed = Committed {
            offset,
            commit_time_ms: ctx.now,
            member_id: String::new(),
        };
        (tp, committed)
    }));
    // The stored generation is what a later coordinator failover goes back to (on_coordinator_moved).
    g.record_generation(ctx.now);
    ctx.emit(EventKind::GroupRestored {
        group_id: g.group_id.clone(),
        generation_id,
        protocol: g.protocol,
        leader: g.leader.clone(),
        members: g.members.iter().map(|m| m.member_id.clone()).collect(),
        offsets: g.offsets.len() as u32,
    });
    schedule_session_check(g, ctx, env);
}
