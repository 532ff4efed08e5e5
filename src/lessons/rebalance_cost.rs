//! What a rebalance cost a group: how many partitions its members revoked, and how long those partitions went
//! unread (from the revocation until a member of the group was assigned them again). Eager rebalancing revokes
//! everything and stops the world; cooperative rebalancing (KIP-429) revokes only the partitions that move; the
//! consumer protocol (KIP-848) revokes only those too, member by member, with no generation at all.
//!
//! [`costs`] counts per generation (classic groups); [`unread`] counts over a span of time from the ownership
//! history alone, so it works for both protocols, and also counts the partitions of a member that crashed.

use std::rc::Rc;

use grouplab_model::event::{Event, EventKind};
use grouplab_model::TopicPartition;

/// What a span of time cost a group, from its ownership history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unread {
    /// Partitions its members revoked (onPartitionsRevoked) in the span.
    pub revoked: usize,
    /// Partitions that lost their reader in the span: revoked, lost, or owned by a member that crashed or closed.
    pub orphaned: usize,
    /// Partition-milliseconds without a reader in the span: each orphaned partition counts from the moment it lost
    /// its reader until a member of the group was assigned it (or the end of the span).
    pub partition_ms: u64,
    /// The longest time one partition went without a reader in the span.
    pub longest_ms: u64,
    /// Partitions still without a reader at the end of the span.
    pub waiting: usize,
}

/// What `[from_ms, to_ms]` cost `group`, from `events` (in time order; later ones are ignored). Only partitions that
/// had a reader in the group and lost it count: a partition nobody has read yet is not a rebalance's cost.
pub fn unread<'a>(
    events: impl Iterator<Item = &'a Event>,
    group: &str,
    from_ms: u64,
    to_ms: u64,
) -> Unread {
    let mut out = Unread::default();
    // Who reads each partition now, and since when each orphaned partition has had no reader.
    let mut owner: Vec<(TopicPartition, Rc<str>)> = Vec::new();
    let mut since: Vec<(TopicPartition, u64)> = Vec::new();
    let mut gaps: Vec<(u64, u64)> = Vec::new();
    for e in events.take_while(|e| e.time_ms <= to_ms) {
        let at = e.time_ms;
        match &e.kind {
            EventKind::PartitionsAssigned {
                consumer,
                group_id: Some(g),
                partitions,
            } if g == group => {
                for tp in partitions {
                    if let Some(i) = since.iter().position(|(p, _)| p == tp) {
                        gaps.push((since.swap_remove(i).1, at));
                    }
                    owner.retain(|(p, _)| p != tp);
                    owner.push((tp.clone(), consumer.clone()));
                }
            }
            EventKind::PartitionsRevoked {
                consumer,
                group_id: g,
                partitions,
            }
            | EventKind::PartitionsLost {
                consumer,
                group_id: g,
                partitions,
            } if g == group => {
                if at >= from_ms && matches!(e.kind, EventKind::PartitionsRevoked { .. }) {
                    out.revoked += partitions.len();
                }
                for tp in partitions {
                    let before = owner.len();
                    owner.retain(|(p, c)| !(p == tp && c == consumer));
                    if owner.len() < before {
                        since.push((tp.clone(), at));
                    }
                }
            }
            // A crashed (or closed) member reads nothing more, though the coordinator still counts its partitions
            // as its own until its session times out (session.timeout.ms, group.consumer.session.timeout.ms).
            EventKind::ConsumerCrashed { consumer } | EventKind::ConsumerClosed { consumer } => {
                owner.retain(|(tp, c)| {
                    if c != consumer {
                        return true;
                    }
                    since.push((tp.clone(), at));
                    false
                });
            }
            _ => {}
        }
    }
    out.waiting = since.len();
    out.orphaned = gaps
        .iter()
        .map(|(start, _)| start)
        .chain(since.iter().map(|(_, at)| at))
        .filter(|at| **at >= from_ms)
        .count();
    gaps.extend(since.iter().map(|(_, at)| (*at, to_ms)));
    for (start, end) in gaps {
        let ms = end.min(to_ms).saturating_sub(start.max(from_ms));
        out.partition_ms += ms;
        out.longest_ms = out.longest_ms.max(ms);
    }
    out
}

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

    /// Over the cooperative lesson's join, the ownership history agrees with the per-generation count: the same
    /// partitions revoked, and the same longest wait.
    #[test]
    fn unread_agrees_with_costs_for_classic_groups() {
        let lesson = all().into_iter().find(|l| l.id == "cooperative").unwrap();
        let t = lesson.scenario(1, true).build().unwrap();
        for group in ["eager-group", "coop-group"] {
            let per_generation = costs(t.events(), group);
            let span = unread(t.events(), group, lesson.start_ms(1), lesson.end_ms(1));
            let revoked: usize = per_generation.iter().map(|c| c.revoked).sum();
            let longest = per_generation.iter().filter_map(|c| c.unread_ms).max();
            assert_eq!(
                span.revoked, revoked,
                "{group}: {span:?} {per_generation:?}"
            );
            assert_eq!(
                Some(span.longest_ms),
                longest,
                "{group}: {span:?} {per_generation:?}"
            );
            assert_eq!(span.waiting, 0, "{group}: {span:?}");
        }
    }

    /// A consumer-protocol group (KIP-848) of two settled members when a third joins, by hand: every member
    /// heartbeats every 5 s (group.consumer.heartbeat.interval.ms). At 12 060 the new member's first heartbeat
    /// bumps the group epoch; kip1 learns its new target at its next heartbeat and revokes P2 in poll() at 15 460;
    /// the new member gets P2 at its next heartbeat and assigns it in poll() at 17 200. kip2, busy with a 10 s
    /// batch, revokes P5 only when it polls again (22 240); kip3 assigns it at 22 380. Nothing waits for anyone
    /// else. Unread: 1 740 + 140 = 1 880 partition-ms, longest 1 740 ms.
    #[test]
    fn a_consumer_protocol_join_by_hand() {
        let lesson = all().into_iter().find(|l| l.id == "protocols").unwrap();
        let t = lesson.scenario(1, true).build().unwrap();
        let moved = |at: u64, who: &str| {
            t.notable_events().any(|e| {
                e.time_ms == at
                    && matches!(&e.kind, EventKind::PartitionsRevoked { consumer, partitions, .. }
                        | EventKind::PartitionsAssigned { consumer, partitions, .. }
                        if &**consumer == who && !partitions.is_empty())
            })
        };
        assert!(moved(15_460, "kip1") && moved(17_200, "kip3"));
        assert!(moved(22_240, "kip2") && moved(22_380, "kip3"));
        let u = unread(
            t.notable_events(),
            "kip848-group",
            lesson.start_ms(1),
            lesson.end_ms(1),
        );
        assert_eq!(
            u,
            Unread {
                revoked: 2,
                orphaned: 2,
                partition_ms: (17_200 - 15_460) + (22_380 - 22_240),
                longest_ms: 17_200 - 15_460,
                waiting: 0,
            }
        );
    }

    /// A crashed member's partitions go unread from the crash, though nothing was revoked; the span counts only
    /// its own time, and a partition still without a reader at its end is counted as waiting.
    #[test]
    fn a_crash_counts_from_the_crash() {
        let lesson = all().into_iter().find(|l| l.id == "protocols").unwrap();
        let t = lesson.scenario(2, true).build().unwrap();
        let crash = lesson.start_ms(2);
        let u = unread(t.notable_events(), "kip848-group", crash, crash + 10_000);
        assert_eq!((u.revoked, u.orphaned, u.waiting), (0, 2, 2), "{u:?}");
        assert_eq!((u.partition_ms, u.longest_ms), (20_000, 10_000), "{u:?}");
    }
}
