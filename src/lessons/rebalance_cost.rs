//! What a rebalance cost a group: how many partitions its members revoked, and how long those partitions went
//! unread (from the revocation until a member of the group was assigned them again), per generation. Eager
//! rebalancing revokes everything and stops the world; cooperative rebalancing (KIP-429) revokes only the
//! partitions that move.

use grouplab_model::event::{Event, EventKind};
use grouplab_model::TopicPartition;

/// One generation's cost to a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cost {
    /// The generation the revocations led to.
    pub generation_id: i32,
    pub revoked: usize,
    /// The longest time one of them went unread; None while one is still unassigned.
    pub unread_ms: Option<u64>,
}

/// The costs of `group`'s rebalances in `events` (in time order), for generations that revoked something.
pub fn costs<'a>(events: impl Iterator<Item = &'a Event>, group: &str) -> Vec<Cost> {
    // Finished generations, then the one the latest revocations lead to (not started yet).
    let mut out: Vec<Cost> = Vec::new();
    let mut next = Cost {
        generation_id: 0,
        revoked: 0,
        unread_ms: Some(0),
    };
    // Revoked and not yet assigned again: (partition, when, the index in `out` of its generation).
    let mut waiting: Vec<(TopicPartition, u64, usize)> = Vec::new();
    for e in events {
        match &e.kind {
            EventKind::PartitionsRevoked {
                group_id,
                partitions,
                ..
            } if group_id == group && !partitions.is_empty() => {
                next.revoked += partitions.len();
                waiting.extend(
                    partitions
                        .iter()
                        .map(|tp| (tp.clone(), e.time_ms, out.len())),
                );
            }
            EventKind::GenerationStarted {
                group_id,
                generation_id,
                ..
            } if group_id == group && next.revoked > 0 => {
                next.generation_id = *generation_id;
                out.push(next.clone());
                next.revoked = 0;
            }
            EventKind::PartitionsAssigned {
                group_id: Some(group_id),
                partitions,
                ..
            } if group_id == group => {
                waiting.retain(|(tp, since, i)| {
                    if !partitions.contains(tp) {
                        return true;
                    }
                    let cost = out.get_mut(*i).unwrap_or(&mut next);
                    cost.unread_ms = cost.unread_ms.map(|m| m.max(e.time_ms - since));
                    false
                });
            }
            _ => {}
        }
    }
    // A partition still waiting has gone unread for as long as there is history: no figure yet.
    for (_, _, i) in waiting {
        if let Some(cost) = out.get_mut(i) {
            cost.unread_ms = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::all;

    /// The side-by-side lesson: when a third member joins, the eager group revokes all 6 partitions, the
    /// cooperative one only the 2 that move, and the eager group's partitions go unread for longer.
    #[test]
    fn eager_revokes_everything_cooperative_only_what_moves() {
        let lesson = all().into_iter().find(|l| l.id == "cooperative").unwrap();
        let t = lesson.scenario(1, true).build().unwrap();
        let eager = costs(t.events(), "eager-group");
        let coop = costs(t.events(), "coop-group");
        assert_eq!(eager.len(), 1, "{eager:?}");
        assert_eq!(eager[0].revoked, 6, "{eager:?}");
        assert_eq!(eager[0].generation_id, 2, "{eager:?}");
        let coop_revoked: usize = coop.iter().map(|c| c.revoked).sum();
        assert_eq!(coop_revoked, 2, "{coop:?}");
        let eager_ms = eager[0].unread_ms.unwrap();
        let coop_ms = coop.iter().filter_map(|c| c.unread_ms).max().unwrap();
        assert!(eager_ms > 0 && coop_ms > 0, "{eager:?} {coop:?}");
    }
}
