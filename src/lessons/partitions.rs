//! Adding partitions moves keys (metadata.max.age.ms lowered so it shows within seconds).

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::ProducerConfig;

use super::make::{base, consumer_with, crc_partition, produce_rate, GROUP, TOPIC};
use super::{Lesson, Mark, Step};

/// The lesson's key: crc32 puts it in different partitions of 4 and of 6.
pub const KEY_MOVE: &str = "order-1";

pub fn lesson() -> Lesson {
    // The clients refresh metadata every second instead of every 5 minutes.
    let fast = |name: &str| consumer_with(name, |c| c.metadata_max_age_ms = Some(1_000));
    let producer = ProducerConfig {
        metadata_max_age_ms: Some(1_000),
        ..ProducerConfig::default()
    };
    let one_key = produce_rate(
        2,
        KeySpec::Fixed {
            key: KEY_MOVE.into(),
        },
    );
    Lesson {
        id: "partitions",
        base: base(110, 4, producer, vec![one_key]),
        steps: vec![
            Step::new(
                10_000,
                vec![fast("consumer1"), fast("consumer2")],
                vec![
                    Mark::Partition(crc_partition(KEY_MOVE, 4)),
                    Mark::Group(GROUP),
                ],
            ),
            Step::new(
                10_000,
                vec![Command::AddPartitions {
                    topic: TOPIC.into(),
                    partitions: 6,
                }],
                vec![
                    Mark::Partition(crc_partition(KEY_MOVE, 4)),
                    Mark::Partition(crc_partition(KEY_MOVE, 6)),
                ],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    let ends = log_ends(v);
    if k == 0 {
        stable_split(v, GROUP, &[2, 2])?;
        let p = crc_partition(KEY_MOVE, 4) as usize;
        return ensure(
            ends.iter().enumerate().all(|(i, e)| (i == p) == (*e > 0)),
            || format!("log ends {ends:?}"),
        );
    }
    let before = crc_partition(KEY_MOVE, 4) as usize;
    let after = crc_partition(KEY_MOVE, 6) as usize;
    ensure(
        ends.len() == 6 && before != after && ends[before] > 0 && ends[after] > 0,
        || format!("log ends {ends:?}"),
    )?;
    stable_split(v, GROUP, &[3, 3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_moves_when_partitions_are_added() {
        assert_ne!(crc_partition(KEY_MOVE, 4), crc_partition(KEY_MOVE, 6));
    }
}
