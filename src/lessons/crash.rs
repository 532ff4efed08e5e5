//! A crash: nothing until session.timeout.ms, then a rebalance and duplicates.

use grouplab_model::config::ProducerConfig;

use super::make::{base, consumer, crash, orders, GROUP};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    Lesson {
        id: "crash",
        base: base(107, 4, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                12_500,
                vec![consumer("consumer1"), consumer("consumer2")],
                vec![Mark::Group(GROUP)],
            ),
            Step::new(
                20_000,
                vec![crash("consumer1")],
                vec![Mark::Consumer("consumer1")],
            ),
            Step::new(
                35_000,
                vec![],
                vec![Mark::Consumer("consumer1"), Mark::Consumer("consumer2")],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    use grouplab_model::consumer::ConsumerStatus;
    match k {
        0 => stable_split(v, GROUP, &[2, 2]),
        1 => {
            let c = consumer(v, "consumer1")?;
            ensure(c.status == ConsumerStatus::Crashed, || "not crashed".into())?;
            stable_split(v, GROUP, &[2, 2])
        }
        _ => {
            stable_split(v, GROUP, &[4])?;
            let g = group(v, GROUP)?;
            ensure(g.records_redelivered > 0, || "no duplicates".into())
        }
    }
}
