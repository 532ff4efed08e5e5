//! Loading a consumer group from `__consumer_offsets` (the ConsumerGroupMetadata, ConsumerGroupMemberMetadata,
//! ConsumerGroupTargetAssignmentMetadata/Member and ConsumerGroupCurrentMemberAssignment records replayed by
//! GroupMetadataManager): the group epoch, the stored target assignment and its epoch, and each member's epoch
//! and current assignment. Used to restore an imported KIP-848 group.
//!
//! The records keep each member's reconciliation state; the describe output an import starts from does not, so
//! it is derived here from the epochs and assignments as CurrentAssignmentBuilder would have left it: a member
//! at the target epoch owning exactly its target is STABLE; one at the target epoch still waiting for
//! partitions of its target is UNRELEASED_PARTITIONS; one at the target epoch owning partitions outside its
//! target must revoke them first (UNREVOKED_PARTITIONS); a member at an older epoch is STABLE there and is
//! reconciled at its next heartbeat.

use crate::actor::Ctx;
use crate::cluster::Cluster;
use crate::collections::VecMap;
use crate::event::EventKind;
use crate::topic_partition::TopicPartition;

use super::super::join::GroupEnv;
use super::super::{Committed, Group};
use super::assign::subscription_metadata;
use super::liveness::{schedule_checks, update_group_state};
use super::member::{CgMember, CgMemberState};
use super::{ConsumerGroupData, GroupType};

/// One member as the records store it, with the consumer that answers for it.
pub struct StoredCgMember {
    pub member_id: String,
    pub instance_id: Option<String>,
    pub client_id: String,
    pub consumer: u32,
    pub topics: Vec<String>,
    pub server_assignor: Option<String>,
    pub rebalance_timeout_ms: u64,
    pub member_epoch: i32,
    /// What it owns now.
    pub assigned: Vec<TopicPartition>,
    /// Its share of the stored target assignment.
    pub target: Vec<TopicPartition>,
}

/// What the coordinator reads back for one consumer group.
pub struct StoredConsumerGroup {
    pub group_epoch: i32,
    pub assignment_epoch: i32,
    /// The assignor the stored target was computed with.
    pub assignor: String,
    /// In join order.
    pub members: Vec<StoredCgMember>,
    pub offsets: VecMap<TopicPartition, u64>,
}

fn sorted(mut tps: Vec<TopicPartition>) -> Vec<TopicPartition> {
    crate::collections::sort::sort(&mut tps);
    tps.dedup();
    tps
}

/// Replaces a group that has never been used with the stored consumer group.
pub fn load(
    g: &mut Group,
    ctx: &mut Ctx,
    env: &GroupEnv,
    cluster: &Cluster,
    s: StoredConsumerGroup,
) {
    g.group_type = GroupType::Consumer;
    g.members.clear();
    g.generation_id = 0;
    g.protocol = None;
    g.leader = None;
    let mut cg = ConsumerGroupData {
        group_epoch: s.group_epoch,
        assignment_epoch: s.assignment_epoch,
        assignor: Some(s.assignor),
        ..ConsumerGroupData::default()
    };
    for m in s.members {
        let current = sorted(m.assigned);
        let target = sorted(m.target);
        let mut c = CgMember::new(m.member_id.clone(), m.consumer, ctx.now);
        c.instance_id = m.instance_id;
        c.client_id = m.client_id;
        c.subscribed_topics = m.topics;
        c.server_assignor = m.server_assignor;
        c.rebalance_timeout_ms = m.rebalance_timeout_ms;
        c.member_epoch = m.member_epoch;
        c.previous_member_epoch = m.member_epoch;
        // The client holds its current assignment: the next answer carries one only if it changes.
        c.sent_assignment = Some(current.clone());
        let revoking: Vec<TopicPartition> = current
            .iter()
            .filter(|tp| !target.contains(tp))
            .cloned()
            .collect();
        if m.member_epoch < s.assignment_epoch || current == target {
            c.assigned = current;
        } else if revoking.is_empty() {
            c.state = CgMemberState::UnreleasedPartitions;
            c.assigned = current;
        } else {
            c.state = CgMemberState::UnrevokedPartitions;
            c.assigned = current
                .iter()
                .filter(|tp| target.contains(tp))
                .cloned()
                .collect();
            c.pending_revocation = revoking;
            c.revocation_deadline = Some(ctx.now + c.rebalance_timeout_ms);
        }
        for tp in &c.assigned {
            c.assigned_at.insert(tp.clone(), m.member_epoch);
        }
        // The stored target as the assignor keeps it between runs (what `uniform` keeps next time).
        cg.assignor_state
            .restore(&m.member_id, &by_topic(&target, cluster));
        cg.target.insert(m.member_id.clone(), target);
        cg.members.push(c);
    }
    let ids: Vec<String> = cg.members.iter().map(|m| m.member_id.clone()).collect();
    for id in &ids {
        cg.set_partition_epochs(id);
    }
    cg.subscription_metadata = subscription_metadata(&cg, cluster);
    g.cg = cg;
    g.offsets = VecMap::from_iter(s.offsets.into_iter().map(|(tp, offset)| {
        let committed = Committed {
            offset,
            commit_time_ms: ctx.now,
            member_id: String::new(),
        };
        (tp, committed)
    }));
    ctx.emit(EventKind::GroupRestored {
        group_id: g.group_id.clone(),
        generation_id: g.cg.group_epoch,
        protocol: None,
        leader: None,
        members: ids,
        offsets: g.offsets.len() as u32,
    });
    update_group_state(g, ctx);
    schedule_checks(g, ctx, env);
}

/// A target as the assignor's records name it: (topic name, topic id, partitions), topics sorted.
fn by_topic(
    target: &[TopicPartition],
    cluster: &Cluster,
) -> Vec<(String, crate::assignor::server::Uuid, Vec<i32>)> {
    let mut out: Vec<(String, crate::assignor::server::Uuid, Vec<i32>)> = Vec::new();
    for tp in target {
        let p = tp.partition as i32;
        match out.last_mut() {
            Some((name, _, ps)) if **name == *tp.topic => ps.push(p),
            _ => {
                let id = cluster
                    .topics
                    .get(&*tp.topic)
                    .map_or_else(|| crate::kafka_uuid::topic_id(&tp.topic), |t| t.topic_id);
                out.push((tp.topic.to_string(), id, vec![p]));
            }
        }
    }
    out
}
