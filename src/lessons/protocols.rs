//! Classic vs consumer protocol, side by side: the same membership changes under the classic protocol with an
//! eager assignor (range), with cooperative-sticky (KIP-429), and under the consumer protocol (KIP-848,
//! `group.protocol=consumer`, the broker's `uniform` assignor): three groups reading one topic.

use grouplab_model::assignor::AssignorName::{CooperativeSticky, Range};
use grouplab_model::command::Command;
use grouplab_model::config::{ClientProfile, GroupProtocol, ProducerConfig};

use super::make::{base, consumer_with, crash, java, orders, processing_rate, produce};
use super::{Lesson, Mark, Step};

pub const EAGER: &str = "eager-group";
pub const COOP: &str = "coop-group";
pub const KIP848: &str = "kip848-group";

/// The three groups, for the checks.
#[cfg(test)]
const GROUPS: [&str; 3] = [EAGER, COOP, KIP848];

/// The key of the burst that keeps each group's second member busy when the third joins: the notes' producer
/// (confluent-kafka, CRC32) puts it on P3, which eager2, coop2 and kip2 own then.
pub const BUSY_KEY: &str = "audit-export";
#[cfg(test)]
const BUSY_PARTITION: u32 = 3;
/// The burst, and how fast its reader processes: 50 records at 5 a second keep it out of poll() for 10 s.
pub const BURST: u32 = 50;
pub const BUSY_RATE: u32 = 5;

/// How long each step plays: settle; a third member joins while the second is busy (cooperative settles its
/// second rebalance within it); one member crashes and the coordinator notices after
/// the session timeout (45 s: classic `session.timeout.ms` since KIP-735, `group.consumer.session.timeout.ms`).
const STEP_MS: [u64; 3] = [12_000, 20_000, 60_000];

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
                    processing_rate("eager2", BUSY_RATE),
                    processing_rate("coop2", BUSY_RATE),
                    processing_rate("kip2", BUSY_RATE),
                    produce("producer1", BUSY_KEY, BURST),
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

    /// The burst lands on the partition the second member of every group owns when the third joins.
    #[test]
    fn the_burst_keeps_every_groups_second_member_busy() {
        use crate::lessons::make::crc_partition;
        assert_eq!(crc_partition(BUSY_KEY, 6), BUSY_PARTITION);
        let t = lesson().scenario(0, true).build().unwrap();
        let v = t.sim().view(0);
        let tp = format!("test-topic/{BUSY_PARTITION}");
        for name in ["eager2", "coop2", "kip2"] {
            let c = v.consumers.iter().find(|c| c.name == name).unwrap();
            assert!(c.assigned.contains(&tp), "{name} owns {:?}", c.assigned);
        }
        assert_eq!(BURST / BUSY_RATE, 10, "the narration says 10 s");
    }

    /// The join while a member is busy: eager revokes all 6 partitions and waits for the busy member before
    /// anyone reads again; cooperative and the consumer protocol revoke only the 2 that move, and the consumer
    /// protocol, with no barrier, hands them over soonest.
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
        assert!(c.partition_ms < e.partition_ms, "{c:?} {e:?}");
        // Eager's members that were not busy waited for the busy one: most of its 10 s.
        assert!(e.longest_ms >= 5_000, "{e:?}");
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
        // The 45 s count from the member's last heartbeat (up to one heartbeat interval, 3 s classic or 5 s
        // consumer, before the crash), then the partitions move within a few seconds.
        for u in [&e, &c, &n] {
            assert!(u.longest_ms >= 40_000 && u.longest_ms < 51_000, "{u:?}");
        }
    }
}
