//! The broker side of a consumer group: the classic group coordinator's state machine (ClassicGroup,
//! GroupMetadataManager in group-coordinator/), and the consumer rebalance protocol's (KIP-848) in
//! `consumer_protocol`. Its state lives in `__consumer_offsets`, so it survives a
//! coordinator move; the broker leading that partition serves it.

pub mod consumer_protocol;
mod join;
mod load;
mod membership;
mod offsets;
mod state;

use crate::collections::VecMap;
use crate::collections::VecSet;

use serde::{Deserialize, Serialize};

use crate::assignor::{AssignorName, Subscription};
use crate::topic_partition::TopicPartition;

pub use consumer_protocol::{handle_consumer_heartbeat, HeartbeatArgs};
pub use join::{handle_join, GroupEnv, JoinArgs};
pub use load::{load, StoredGroup, StoredMember};
pub use membership::{
    expire_sessions, handle_heartbeat, handle_leave, handle_sync, on_coordinator_moved,
    on_join_deadline,
};
pub use offsets::{handle_offset_commit, handle_offset_fetch};
pub use state::GroupState;

/// A member as the coordinator knows it (MemberMetadata / ClassicGroupMember).
#[derive(Clone, Debug)]
pub struct Member {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    /// MemberMetadata.clientHost; known only for members restored from an imported group (hosts are not
    /// simulated).
    pub client_host: Option<String>,
    /// Which simulated consumer to answer.
    pub consumer: u32,
    pub protocols: Vec<AssignorName>,
    pub subscription: Subscription,
    pub session_timeout_ms: u64,
    pub rebalance_timeout_ms: u64,
    pub awaiting_join: bool,
    pub awaiting_sync: bool,
    pub assignment: Vec<TopicPartition>,
    pub last_heartbeat_ms: u64,
}

/// A committed offset: the next offset the group will read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Committed {
    pub offset: u64,
    pub commit_time_ms: u64,
    pub member_id: String,
}

/// One completed generation, for the inspector's assignment history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GenerationRecord {
    pub generation_id: i32,
    pub at_ms: u64,
    pub protocol: Option<AssignorName>,
    pub leader: Option<String>,
    pub assignment: Vec<(String, Vec<TopicPartition>)>,
    pub subscriptions: Vec<Subscription>,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub group_id: String,
    pub state: GroupState,
    pub generation_id: i32,
    pub protocol: Option<AssignorName>,
    pub leader: Option<String>,
    /// In join order (the order members were added).
    pub members: Vec<Member>,
    /// KIP-394: member ids handed out with MEMBER_ID_REQUIRED that have not joined yet.
    pub pending_members: VecSet<String>,
    pub offsets: VecMap<TopicPartition, Committed>,
    /// When the current join phase ends at the latest (rebalance timeout or initial delay).
    pub join_deadline: Option<u64>,
    /// InitialDelayedJoin: time left to extend the initial delay while members keep arriving.
    pub initial_delay_remaining: Option<u64>,
    pub new_member_added: bool,
    /// The one pending session-expiry check.
    pub session_check_at: Option<u64>,
    pub history: Vec<GenerationRecord>,
    /// The broker serving the group now (leader of its `__consumer_offsets` partition).
    pub coordinator: Option<u32>,
    pub offsets_partition: u32,
    /// Classic or consumer (KIP-848): chosen by the group's first member.
    pub group_type: consumer_protocol::GroupType,
    /// The consumer protocol's state (empty for a classic group).
    pub cg: consumer_protocol::ConsumerGroupData,
}

impl Group {
    pub fn new(group_id: &str, offsets_partition: u32, coordinator: Option<u32>) -> Self {
        Group {
            group_id: group_id.to_string(),
            state: GroupState::Empty,
            generation_id: 0,
            protocol: None,
            leader: None,
            members: Vec::new(),
            pending_members: VecSet::new(),
            offsets: VecMap::new(),
            join_deadline: None,
            initial_delay_remaining: None,
            new_member_added: false,
            session_check_at: None,
            history: Vec::new(),
            coordinator,
            offsets_partition,
            group_type: consumer_protocol::GroupType::Classic,
            cg: consumer_protocol::ConsumerGroupData::default(),
        }
    }

    /// Remembers the generation just completed: the assignment history, and what a coordinator that takes over
    /// loads back (the group metadata record in `__consumer_offsets`).
    pub fn record_generation(&mut self, at_ms: u64) {
        self.history.push(GenerationRecord {
            generation_id: self.generation_id,
            at_ms,
            protocol: self.protocol,
            leader: self.leader.clone(),
            assignment: self
                .members
                .iter()
                .map(|m| (m.member_id.clone(), m.assignment.clone()))
                .collect(),
            subscriptions: self
                .members
                .iter()
                .map(|m| m.subscription.clone())
                .collect(),
        });
    }

    pub fn member(&self, member_id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.member_id == member_id)
    }

    pub fn member_mut(&mut self, member_id: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.member_id == member_id)
    }

    pub fn is_leader(&self, member_id: &str) -> bool {
        self.leader.as_deref() == Some(member_id)
    }

    /// Protocols every member supports (ClassicGroup.supportsProtocols), in the first member's preference order.
    pub fn candidate_protocols(&self) -> Vec<AssignorName> {
        let Some(first) = self.members.first() else {
            return Vec::new();
        };
        first
            .protocols
            .iter()
            .copied()
            .filter(|p| self.members.iter().all(|m| m.protocols.contains(p)))
            .collect()
    }

    /// Whether a joining member with these protocols can join (ClassicGroup.supportsProtocols).
    pub fn supports_protocols(&self, protocols: &[AssignorName], ignoring: Option<&str>) -> bool {
        let others: Vec<&Member> = self
            .members
            .iter()
            .filter(|m| Some(m.member_id.as_str()) != ignoring)
            .collect();
        if others.is_empty() {
            return !protocols.is_empty();
        }
        protocols
            .iter()
            .any(|p| others.iter().all(|m| m.protocols.contains(p)))
    }

    /// ClassicGroup.selectProtocol: each member votes for its first candidate; the most votes wins (ties go to
    /// the earliest candidate here; Java breaks them by HashMap order).
    pub fn select_protocol(&self) -> Option<AssignorName> {
        let candidates = self.candidate_protocols();
        let mut votes: Vec<(AssignorName, usize)> = candidates.iter().map(|&c| (c, 0)).collect();
        for m in &self.members {
            if let Some(choice) = m.protocols.iter().find(|p| candidates.contains(p)) {
                if let Some(v) = votes.iter_mut().find(|(c, _)| c == choice) {
                    v.1 += 1;
                }
            }
        }
        let best = votes.iter().map(|v| v.1).max()?;
        votes.into_iter().find(|v| v.1 == best).map(|v| v.0)
    }

    /// The rebalance timeout is the largest of the members' (ClassicGroup.rebalanceTimeoutMs).
    pub fn rebalance_timeout_ms(&self) -> u64 {
        self.members
            .iter()
            .map(|m| m.rebalance_timeout_ms)
            .max()
            .unwrap_or(300_000)
    }

    /// ClassicGroup.hasAllMembersJoined: everyone rejoined and no KIP-394 pending member is outstanding.
    pub fn all_members_joined(&self) -> bool {
        self.members.iter().all(|m| m.awaiting_join) && self.pending_members.is_empty()
    }

    pub fn is_consumer_group(&self) -> bool {
        self.group_type == consumer_protocol::GroupType::Consumer
    }

    pub fn static_member(&self, instance_id: &str) -> Option<&Member> {
        self.members
            .iter()
            .find(|m| m.group_instance_id.as_deref() == Some(instance_id))
    }
}
