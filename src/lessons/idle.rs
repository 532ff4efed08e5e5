//! More consumers than partitions: one stays idle.

use grouplab_model::config::ProducerConfig;

use super::make::{base, close, consumer, orders, GROUP};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    let four = ["consumer1", "consumer2", "consumer3", "consumer4"].map(consumer);
    Lesson {
        id: "idle",
        base: base(105, 4, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                10_000,
                four.to_vec(),
                vec![Mark::Group(GROUP), Mark::AllPartitions],
            ),
            Step::new(
                10_000,
                vec![consumer("consumer5")],
                vec![Mark::IdleMember, Mark::Group(GROUP)],
            ),
            Step::new(
                10_000,
                vec![close("consumer1")],
                vec![Mark::Consumer("consumer1"), Mark::Group(GROUP)],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    match k {
        1 => stable_split(v, GROUP, &[0, 1, 1, 1, 1]),
        _ => stable_split(v, GROUP, &[1, 1, 1, 1]),
    }
}
