//! Two groups on one topic: each group gets every record; members of one group share them.

use grouplab_model::config::ProducerConfig;

use super::make::{base, consumer, consumer_in, orders, GROUP};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    Lesson {
        id: "pubsub",
        base: base(106, 4, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                10_000,
                vec![consumer("consumer1"), consumer("consumer2")],
                vec![Mark::Group(GROUP), Mark::AllPartitions],
            ),
            Step::new(
                10_000,
                vec![consumer_in("billing1", "billing-group")],
                vec![Mark::Group("billing-group"), Mark::AllPartitions],
            ),
            Step::new(
                10_000,
                vec![],
                vec![Mark::Group(GROUP), Mark::Group("billing-group")],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    match k {
        0 => stable_split(v, GROUP, &[2, 2]),
        1 => stable_split(v, "billing-group", &[4]),
        _ => {
            let total: u64 = log_ends(v).iter().sum();
            let a = delivered_by_group(v, GROUP);
            let b = delivered_by_group(v, "billing-group");
            ensure(a + 4 >= total && b + 4 >= total && a > 0, || {
                format!("produced {total}, {GROUP} {a}, billing-group {b}")
            })
        }
    }
}
