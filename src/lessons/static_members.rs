//! Static membership: a quick restart with group.instance.id, no rebalance.

use grouplab_model::config::ProducerConfig;

use super::make::{base, close, consumer_with, orders, restart, GROUP};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    let static_member = |name: &str, instance: &str| {
        consumer_with(name, |c| c.group_instance_id = Some(instance.into()))
    };
    Lesson {
        id: "static",
        base: base(109, 4, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                10_000,
                vec![
                    static_member("consumer1", "order-app-1"),
                    static_member("consumer2", "order-app-2"),
                ],
                vec![Mark::Consumer("consumer1"), Mark::Consumer("consumer2")],
            ),
            Step::new(
                8_000,
                vec![close("consumer1")],
                vec![Mark::Consumer("consumer1")],
            ),
            Step::new(
                8_000,
                vec![restart("consumer1")],
                vec![Mark::Consumer("consumer1"), Mark::Group(GROUP)],
            ),
            Step::new(
                50_000,
                vec![close("consumer2")],
                vec![Mark::Consumer("consumer2"), Mark::Group(GROUP)],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    let g = group(v, GROUP)?;
    match k {
        0 => {
            stable_split(v, GROUP, &[2, 2])?;
            ensure(g.generation_id == 1, || "generation".into())
        }
        1 => ensure(g.generation_id == 1 && g.members.len() == 2, || {
            format!(
                "generation {}, {} members",
                g.generation_id,
                g.members.len()
            )
        }),
        2 => {
            stable_split(v, GROUP, &[2, 2])?;
            ensure(g.generation_id == 1, || {
                format!("generation {}", g.generation_id)
            })?;
            ensure(consumer(v, "consumer1")?.assigned.len() == 2, || {
                "consumer1 got nothing back".into()
            })
        }
        _ => {
            stable_split(v, GROUP, &[4])?;
            ensure(g.generation_id == 2, || {
                format!("generation {}", g.generation_id)
            })
        }
    }
}
