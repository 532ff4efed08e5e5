//! Two consumers from the same config form one group and split the partitions.

use grouplab_model::config::ProducerConfig;

use super::make::{base, consumer, orders, GROUP};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    Lesson {
        id: "group",
        base: base(101, 4, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                2_000,
                vec![],
                vec![Mark::AllPartitions, Mark::Producer("producer1")],
            ),
            Step::new(
                8_000,
                vec![consumer("consumer1")],
                vec![Mark::Consumer("consumer1"), Mark::Group(GROUP)],
            ),
            Step::new(
                10_000,
                vec![consumer("consumer2")],
                vec![Mark::Consumer("consumer2"), Mark::Group(GROUP)],
            ),
            Step::new(
                2_000,
                vec![],
                vec![Mark::Consumer("consumer1"), Mark::Consumer("consumer2")],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    match k {
        0 => ensure(v.groups.is_empty() && log_ends(v).len() == 4, || {
            "a topic of 4 partitions and no group".into()
        }),
        1 => {
            stable_split(v, GROUP, &[4])?;
            let c = consumer(v, "consumer1")?;
            ensure(c.member_id.starts_with("rdkafka-"), || {
                format!("member id {}", c.member_id)
            })
        }
        2 => stable_split(v, GROUP, &[2, 2]),
        _ => {
            let g = group(v, GROUP)?;
            let ids: Vec<_> = g.members.iter().map(|m| m.member_id.as_str()).collect();
            ensure(
                ids.len() == 2 && ids[0] != ids[1] && ids.iter().all(|i| i.len() > 12),
                || format!("two distinct member ids: {ids:?}"),
            )
        }
    }
}
