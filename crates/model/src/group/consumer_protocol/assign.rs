//! The one call site of the server-side assignor: GroupMetadataManager.updateTargetAssignment running
//! TargetAssignmentBuilder with the assignor the group uses.
//!
//! TEMPORARY: the server-side `uniform` and `range` assignors (exactly as Java's) come from the
//! `assignor::server` module. Until it is merged, both names run the contiguous-range split below, so the
//! protocol around them can run; this file is the only place that changes when the real ones land.

use crate::topic_partition::TopicPartition;
use crate::vec_map::VecMap;

use super::heartbeat::TopicInfo;

/// `group.remote.assignor` / `group.consumer.assignors` names the broker knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServerAssignorChoice {
    Uniform,
    Range,
}

impl ServerAssignorChoice {
    /// An unknown name is refused (UNSUPPORTED_ASSIGNOR, GroupMetadataManager.throwIfConsumerGroupHeartbeatRequestIsInvalid).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "uniform" => Some(ServerAssignorChoice::Uniform),
            "range" => Some(ServerAssignorChoice::Range),
            _ => None,
        }
    }
}

/// What the group keeps for its assignor between runs (TEMPORARY: nothing yet).
#[derive(Clone, Debug, Default)]
pub struct TargetAssignmentState;

impl TargetAssignmentState {
    /// A member left: its target is tombstoned.
    pub fn remove_member(&mut self, _member_id: &str) {}

    /// A static member came back with a new member id and inherits the old id's target.
    pub fn replace_static(&mut self, _old_member_id: &str, _new_member_id: &str) {}
}

/// One member's input to the assignor.
pub struct MemberInput<'a> {
    pub member_id: &'a str,
    pub instance_id: Option<&'a str>,
    pub topics: &'a [String],
}

/// The new target assignment: member id -> sorted partitions (every member present, maybe with nothing).
pub fn compute_target(
    choice: ServerAssignorChoice,
    _state: &mut TargetAssignmentState,
    members: &[MemberInput],
    topics: &[TopicInfo],
) -> VecMap<String, Vec<TopicPartition>> {
    let _ = choice;
    temporary_range(members, topics)
}

/// TEMPORARY stand-in for both assignors: the server-side RangeAssignor's member order (static members by
/// instance id, then the others by member id) and contiguous ranges per topic, the first `n % k` subscribers
/// taking one more.
fn temporary_range(
    members: &[MemberInput],
    topics: &[TopicInfo],
) -> VecMap<String, Vec<TopicPartition>> {
    let mut order: Vec<&MemberInput> = members.iter().collect();
    crate::sort::sort_by(&mut order, |a, b| match (a.instance_id, b.instance_id) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.member_id.cmp(b.member_id),
    });
    let mut out: VecMap<String, Vec<TopicPartition>> = VecMap::new();
    for m in members {
        out.insert(m.member_id.to_string(), Vec::new());
    }
    for t in topics {
        let subscribers: Vec<&&MemberInput> = order
            .iter()
            .filter(|m| m.topics.iter().any(|x| *x == *t.name))
            .collect();
        let k = subscribers.len() as u32;
        if k == 0 {
            continue;
        }
        let (quota, extra) = (t.partitions / k, t.partitions % k);
        let mut next = 0;
        for (i, m) in subscribers.iter().enumerate() {
            let n = quota + u32::from((i as u32) < extra);
            if let Some(list) = out.get_mut(m.member_id) {
                list.extend((next..next + n).map(|p| TopicPartition::new(t.name.clone(), p)));
            }
            next += n;
        }
    }
    for list in out.values_mut() {
        crate::sort::sort(list);
    }
    out
}
