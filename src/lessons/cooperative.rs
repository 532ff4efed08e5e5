//! Eager (range) vs cooperative-sticky, side by side on one topic.

use grouplab_model::assignor::AssignorName::{CooperativeSticky, Range};
use grouplab_model::config::ProducerConfig;

use super::make::{base, java, orders};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    Lesson {
        id: "cooperative",
        base: base(108, 6, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                12_000,
                vec![
                    java("eager1", "eager-group", Range),
                    java("eager2", "eager-group", Range),
                    java("coop1", "coop-group", CooperativeSticky),
                    java("coop2", "coop-group", CooperativeSticky),
                ],
                vec![Mark::Group("eager-group"), Mark::Group("coop-group")],
            ),
            Step::new(
                15_000,
                vec![
                    java("eager3", "eager-group", Range),
                    java("coop3", "coop-group", CooperativeSticky),
                ],
                vec![Mark::Consumer("eager3"), Mark::Consumer("coop3")],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    if k == 0 {
        stable_split(v, "eager-group", &[3, 3])?;
        stable_split(v, "coop-group", &[3, 3])?;
        ensure(group(v, "eager-group")?.generation_id == 1, || {
            "eager gen".into()
        })?;
        return ensure(group(v, "coop-group")?.generation_id == 1, || {
            "coop gen".into()
        });
    }
    stable_split(v, "eager-group", &[2, 2, 2])?;
    stable_split(v, "coop-group", &[2, 2, 2])?;
    let e = group(v, "eager-group")?.generation_id;
    let c = group(v, "coop-group")?.generation_id;
    ensure(e == 2 && c == 3, || {
        format!("generations eager {e}, coop {c}")
    })
}
