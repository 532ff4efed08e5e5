//! Classic vs consumer protocol, side by side: the same membership changes under the classic protocol with an
//! eager assignor (range), with cooperative-sticky (KIP-429), and under the consumer protocol (KIP-848,
//! `group.protocol=consumer`, the broker's `uniform` assignor): three groups reading one topic.

use grouplab_model::assignor::AssignorName::{CooperativeSticky, Range};
use grouplab_model::command::Command;
use grouplab_model::config::{ClientProfile, GroupProtocol, ProducerConfig};

use super::make::{base, consumer_with, crash, java, orders};
use super::{Lesson, Mark, Step};

pub const EAGER: &str = "eager-group";
pub const COOP: &str = "coop-group";
pub const KIP848: &str = "kip848-group";

/// The three groups, for the checks.
#[cfg(test)]
const GROUPS: [&str; 3] = [EAGER, COOP, KIP848];

/// How long each step plays: settle; a third member joins; one member crashes and the coordinator notices after
/// the session timeout (45 s: classic `session.timeout.ms` since KIP-735, `group.consumer.session.timeout.ms`).
const STEP_MS: [u64; 3] = [12_000, 15_000, 60_000];

/// A Java consumer with `group.protocol=consumer` asking for the broker's `uniform` assignor (KIP-848).
fn kip848(name: &str) -> Command {
    let mut cmd = consumer_with(name, |c| {
        c.group_id = Some(KIP848.into());
        c.group_protocol = Some(GroupProtocol::Consumer);
        c.group_remote_assignor = Some("uniform".into());
    });
    if let Command::AddConsumer { profile, .. } = &mut cmd {
        *profile = ClientProfile::Java;
    }
    cmd
}

/// The simulated time step `k` starts at (the facts count what happened since).
pub fn start_ms(k: usize) -> u64 {
    STEP_MS[..k.min(STEP_MS.len())].iter().sum()
}

pub fn lesson() -> Lesson {
    Lesson {
        id: "protocols",
        base: base(848, 6, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                STEP_MS[0],
                vec![
                    java("eager1", EAGER, Range),
                    java("eager2", EAGER, Range),
                    java("coop1", COOP, CooperativeSticky),
                    java("coop2", COOP, CooperativeSticky),
                    kip848("kip1"),
                    kip848("kip2"),
                ],
                vec![Mark::Group(EAGER), Mark::Group(COOP), Mark::Group(KIP848)],
            ),
            Step::new(
                STEP_MS[1],
                vec![
                    java("eager3", EAGER, Range),
                    java("coop3", COOP, CooperativeSticky),
                    kip848("kip3"),
                ],
                vec![
                    Mark::Consumer("eager3"),
                    Mark::Consumer("coop3"),
                    Mark::Consumer("kip3"),
                ],
            ),
            Step::new(
                STEP_MS[2],
                vec![crash("eager1"), crash("coop1"), crash("kip1")],
                vec![
                    Mark::Consumer("eager1"),
                    Mark::Consumer("coop1"),
                    Mark::Consumer("kip1"),
                ],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    use grouplab_model::consumer::ConsumerStatus;
    use grouplab_model::group::GroupState;
    // KIP-848: a consumer group is settled when every member is at the target's epoch and owns its target.
    let settled = |v: &grouplab_model::view::WorldView| -> R {
        let g = group(v, KIP848)?;
        ensure(g.protocol == GroupProtocol::Consumer, || {
            "kip848 protocol".into()
        })?;
        ensure(g.state == GroupState::Stable, || {
            format!("kip848 {:?}", g.state)
        })?;
        ensure(g.assignment_epoch == g.group_epoch, || {
            "kip848 target epoch".into()
        })?;
        let target = g.target_assignment.as_ref().ok_or("kip848 target")?;
        for m in &g.members {
            ensure(m.member_epoch == g.group_epoch, || {
                format!("{} at epoch {:?}", m.consumer, m.member_epoch)
            })?;
            ensure(target.get(&m.member_id) == Some(&m.assigned), || {
                format!(
                    "{} owns {:?}, target {:?}",
                    m.consumer,
                    m.assigned,
                    target.get(&m.member_id)
                )
            })?;
        }
        Ok(())
    };
    let generations = |e: i32, c: i32| -> R {
        let (ge, gc) = (
            group(v, EAGER)?.generation_id,
            group(v, COOP)?.generation_id,
        );
        ensure(ge == e && gc == c, || {
            format!("generations eager {ge}, coop {gc}")
        })
    };
    match k {
        0 => {
            for g in GROUPS {
                stable_split(v, g, &[3, 3])?;
            }
            generations(1, 1)?;
            settled(v)
        }
        1 => {
            for g in GROUPS {
                stable_split(v, g, &[2, 2, 2])?;
            }
            // Eager: one generation; cooperative: a second one hands over what was revoked (KIP-429).
            generations(2, 3)?;
            settled(v)
        }
        _ => {
            for name in ["eager1", "coop1", "kip1"] {
                let c = consumer(v, name)?;
                ensure(c.status == ConsumerStatus::Crashed, || {
                    format!("{name} {:?}", c.status)
                })?;
            }
            // After the session timeout the two survivors of each group share the 6 partitions.
            for g in GROUPS {
                stable_split(v, g, &[3, 3])?;
            }
            generations(3, 4)?;
            settled(v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::rebalance_cost::unread;

    /// What each step cost each group, from the model's history.
    fn cost(k: usize, group: &str) -> crate::lessons::rebalance_cost::Unread {
        let t = lesson().scenario(k, true).build().unwrap();
        unread(t.notable_events(), group, start_ms(k), start_ms(k + 1))
    }

    /// The join: eager revokes all 6 partitions, cooperative and the consumer protocol only the 2 that move;
    /// the consumer protocol hands them over sooner than cooperative's second rebalance. Eager's pause is the
    /// shortest here: its three members heartbeat in step, so they all rejoin at once.
    #[test]
    fn the_join_costs_each_protocol_what_moves() {
        let (e, c, n) = (cost(1, EAGER), cost(1, COOP), cost(1, KIP848));
        assert_eq!(
            (e.revoked, c.revoked, n.revoked),
            (6, 2, 2),
            "{e:?} {c:?} {n:?}"
        );
        assert_eq!((e.waiting, c.waiting, n.waiting), (0, 0, 0));
        assert!(n.partition_ms < c.partition_ms, "{n:?} {c:?}");
        assert!(n.longest_ms < c.longest_ms, "{n:?} {c:?}");
        assert!(e.longest_ms < n.longest_ms, "{e:?} {n:?}");
    }

    /// The crash: nothing moves before the session timeout in any protocol; eager then revokes the survivors'
    /// partitions too, the others revoke nothing.
    #[test]
    fn the_crash_costs_every_protocol_a_session_timeout() {
        let (e, c, n) = (cost(2, EAGER), cost(2, COOP), cost(2, KIP848));
        assert_eq!(
            (e.revoked, c.revoked, n.revoked),
            (4, 0, 0),
            "{e:?} {c:?} {n:?}"
        );
        assert_eq!(
            (e.orphaned, c.orphaned, n.orphaned),
            (6, 2, 2),
            "{e:?} {c:?} {n:?}"
        );
        for u in [&e, &c, &n] {
            assert!(u.longest_ms >= 45_000 && u.longest_ms < 51_000, "{u:?}");
        }
    }
}
