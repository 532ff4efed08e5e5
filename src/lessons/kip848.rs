//! The consumer group protocol of Kafka 4.x (KIP-848): one RPC, epochs, a target assignment computed by the
//! broker, and members reconciling towards it one heartbeat at a time.

use grouplab_model::config::{GroupProtocol, ProducerConfig};

use super::make::{base, consumer_with, crash, orders, GROUP};
use super::{Lesson, Mark, Step};

/// A confluent-kafka consumer of the notes' group with `group.protocol=consumer` (KIP-848; the broker's
/// default assignor, `uniform`).
fn member(name: &str) -> grouplab_model::command::Command {
    consumer_with(name, |c| c.group_protocol = Some(GroupProtocol::Consumer))
}

pub fn lesson() -> Lesson {
    Lesson {
        id: "kip848",
        base: base(111, 4, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                12_000,
                vec![
                    member("consumer1"),
                    member("consumer2"),
                    member("consumer3"),
                ],
                vec![Mark::Group(GROUP)],
            ),
            // consumer4 joins: a new epoch and target at once; consumer4 waits for a partition still owned.
            Step::new(
                2_000,
                vec![member("consumer4")],
                vec![Mark::Consumer("consumer4")],
            ),
            // The owner revokes at its next heartbeat, consumer4 gets the partition at its own.
            Step::new(10_000, vec![], vec![Mark::Consumer("consumer4")]),
            Step::new(
                20_000,
                vec![crash("consumer1")],
                vec![Mark::Consumer("consumer1")],
            ),
            Step::new(35_000, vec![], vec![Mark::Consumer("consumer1")]),
        ],
    }
}

/// What the narration of steps 1 and 2 names, read from the model at the end of step 1 (built once): the new
/// member's target partitions, the member that still owns them, its epoch then, and the new group epoch.
#[derive(Clone, Debug, PartialEq)]
pub struct Handover {
    pub waiting_for: Vec<String>,
    pub owner: String,
    pub owner_epoch: i32,
    pub epoch: i32,
    /// What consumer1 (crashed in step 3) owns then.
    pub first_owns: Vec<String>,
}

pub fn handover() -> Option<Handover> {
    thread_local! {
        static CACHE: std::cell::OnceCell<Option<Handover>> = const { std::cell::OnceCell::new() };
    }
    CACHE.with(|c| c.get_or_init(|| handover_in(&lesson())).clone())
}

fn handover_in(l: &Lesson) -> Option<Handover> {
    let t = l.scenario(1, true).build().ok()?;
    let v = t.sim().view(0);
    let g = v.groups.iter().find(|g| g.group_id == GROUP)?;
    let new = g.members.iter().find(|m| m.consumer == "consumer4")?;
    let target = g.target_assignment.as_ref()?.get(&new.member_id)?;
    let waiting_for: Vec<String> = target
        .iter()
        .filter(|tp| !new.assigned.contains(tp))
        .cloned()
        .collect();
    let owner = v
        .consumers
        .iter()
        .find(|c| c.name != "consumer4" && waiting_for.iter().any(|tp| c.assigned.contains(tp)))?;
    let owner_epoch = g
        .members
        .iter()
        .find(|m| m.consumer == owner.name)?
        .member_epoch?;
    let first_owns = v
        .consumers
        .iter()
        .find(|c| c.name == "consumer1")?
        .assigned
        .clone();
    Some(Handover {
        first_owns,
        waiting_for,
        owner: owner.name.clone(),
        owner_epoch,
        epoch: g.group_epoch?,
    })
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    use grouplab_model::group::GroupState;
    let g = group(v, GROUP)?;
    let epoch = g.group_epoch.unwrap_or(-1);
    let settled = |want: &[usize]| -> R {
        ensure(g.state == GroupState::Stable, || {
            format!("state {:?}", g.state)
        })?;
        stable_split(v, GROUP, want)?;
        ensure(g.assignment_epoch == Some(epoch), || {
            "assignment epoch".into()
        })?;
        for m in &g.members {
            ensure(m.member_epoch == Some(epoch), || {
                format!("{} epoch {:?}", m.consumer, m.member_epoch)
            })?;
            ensure(m.member_state.as_deref() == Some("STABLE"), || {
                format!("{} not STABLE", m.consumer)
            })?;
        }
        Ok(())
    };
    // No JoinGroup or SyncGroup in a consumer-protocol group: no generation history, no leader.
    ensure(g.leader.is_none() && g.history.is_empty(), || {
        "classic traces".into()
    })?;
    let h = handover().ok_or("no handover")?;
    match k {
        0 => {
            settled(&[2, 1, 1])?;
            ensure(epoch == 3, || format!("epoch {epoch}"))
        }
        1 => {
            // A new epoch and target at once; the new member waits, the owner has not heard yet.
            ensure(epoch == 4 && g.assignment_epoch == Some(4), || {
                format!("epoch {epoch}")
            })?;
            let new = g
                .members
                .iter()
                .find(|m| m.consumer == "consumer4")
                .ok_or("no consumer4")?;
            ensure(
                new.member_state.as_deref() == Some("UNRELEASED_PARTITIONS"),
                || "consumer4 not waiting".into(),
            )?;
            ensure(h.waiting_for.len() == 1 && h.owner_epoch == 3, || {
                format!("{h:?}")
            })?;
            let owner = consumer(v, &h.owner)?;
            ensure(owner.assigned.contains(&h.waiting_for[0]), || {
                "owner let go early".into()
            })?;
            // Everybody else keeps reading: every partition is owned.
            let owned: usize = v.consumers.iter().map(|c| c.assigned.len()).sum();
            ensure(owned == 4, || format!("{owned} owned"))
        }
        2 => {
            settled(&[1, 1, 1, 1])?;
            ensure(epoch == 4, || format!("epoch {epoch}"))?;
            ensure(consumer(v, "consumer4")?.assigned == h.waiting_for, || {
                "consumer4's partition".into()
            })
        }
        3 => {
            // Crashed, but not noticed yet: same epoch, its partition held for it, unread.
            settled(&[1, 1, 1, 1])?;
            ensure(epoch == 4, || format!("epoch {epoch}"))
        }
        _ => {
            settled(&[2, 1, 1])?;
            ensure(epoch == 5, || format!("epoch {epoch}"))?;
            ensure(!g.members.iter().any(|m| m.consumer == "consumer1"), || {
                "consumer1 still a member".into()
            })
        }
    }
}
