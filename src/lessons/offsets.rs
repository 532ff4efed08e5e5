//! Offset = bookmark: position, committed offset, log-end offset; resume; earliest vs latest.

use grouplab_model::config::{AutoOffsetReset, ProducerConfig};

use super::make::{
    base, close, consumer, consumer_in, consumer_with, orders, processing_rate, restart, GROUP,
};
use super::{Lesson, Mark, Step};

pub fn lesson() -> Lesson {
    let reader_latest = consumer_with("reader-latest", |c| {
        c.group_id = Some("audit-latest".into());
        c.auto_offset_reset = Some(AutoOffsetReset::Latest);
    });
    Lesson {
        id: "offsets",
        base: base(102, 4, ProducerConfig::default(), vec![orders()]),
        steps: vec![
            Step::new(
                12_000,
                vec![consumer("consumer1")],
                vec![Mark::Consumer("consumer1"), Mark::AllPartitions],
            ),
            Step::new(
                10_000,
                vec![processing_rate("consumer1", 1)],
                vec![Mark::Consumer("consumer1"), Mark::AllPartitions],
            ),
            Step::new(
                10_000,
                vec![close("consumer1")],
                vec![Mark::Group(GROUP), Mark::AllPartitions],
            ),
            Step::new(
                12_000,
                vec![restart("consumer1"), processing_rate("consumer1", 50)],
                vec![Mark::Consumer("consumer1"), Mark::AllPartitions],
            ),
            Step::new(
                10_000,
                vec![
                    consumer_in("reader-earliest", "audit-earliest"),
                    reader_latest,
                ],
                vec![
                    Mark::Consumer("reader-earliest"),
                    Mark::Consumer("reader-latest"),
                ],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    match k {
        0 => {
            let g = group(v, GROUP)?;
            ensure(!g.committed.is_empty(), || "nothing committed yet".into())
        }
        1 => ensure(total_lag(group(v, GROUP)?) > 0, || "no lag".into()),
        2 => {
            let g = group(v, GROUP)?;
            ensure(g.members.is_empty() && total_lag(g) > 0, || {
                format!("{} members, lag {}", g.members.len(), total_lag(g))
            })
        }
        3 => {
            let g = group(v, GROUP)?;
            let c = consumer(v, "consumer1")?;
            let behind = log_ends(v)
                .iter()
                .sum::<u64>()
                .saturating_sub(c.positions.values().sum::<u64>());
            ensure(g.members.len() == 1 && behind < 4, || {
                format!("{} members, {behind} records behind", g.members.len())
            })
        }
        _ => {
            let e = consumer(v, "reader-earliest")?.records_delivered;
            let l = consumer(v, "reader-latest")?.records_delivered;
            ensure(e > l + 100, || format!("earliest {e}, latest {l}"))
        }
    }
}
