//! Every run of kafka-console-consumer without --group makes a new group.

use grouplab_model::config::ProducerConfig;

use super::make::{base, close, console, produce};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    let records = ["order-1", "order-2", "order-3"].map(|k| produce("producer1", k, 10));
    Lesson {
        id: "console",
        base: base(104, 4, ProducerConfig::default(), records.to_vec()),
        steps: vec![
            Step::new(8_000, vec![console(true)], vec![Mark::Consumer("console1")]),
            Step::new(
                8_000,
                vec![close("console1"), console(true)],
                vec![Mark::Consumer("console2")],
            ),
            Step::new(
                8_000,
                vec![close("console2"), console(false)],
                vec![Mark::Consumer("console3")],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    let mut groups = console_groups(v);
    match k {
        0 => ensure(
            groups.len() == 1
                && groups[0].starts_with("console-consumer-")
                && consumer(v, "console1")?.records_delivered == 30,
            || format!("groups {groups:?}"),
        ),
        1 => ensure(
            groups.len() == 2
                && groups[0] != groups[1]
                && consumer(v, "console2")?.records_delivered == 30,
            || format!("groups {groups:?}"),
        ),
        _ => {
            groups.sort_unstable();
            groups.dedup();
            ensure(
                groups.len() == 3 && consumer(v, "console3")?.records_delivered == 0,
                || format!("groups {groups:?}"),
            )
        }
    }
}
