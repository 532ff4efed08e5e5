//! Keys pick partitions (the notes' question and answer); crc32 vs murmur2.

use grouplab_model::config::{ClientProfile, ProducerConfig};

use super::make::{add_producer, base, consumer, crc_partition, java_partition, produce};
use super::{Lesson, Mark, Step};

/// The lesson's key: crc32 (confluent-kafka) and murmur2 (Java) put it in different partitions of 4.
pub const KEY_HASH: &str = "order-7";

pub fn lesson() -> Lesson {
    let crc = crc_partition(KEY_HASH, 4);
    Lesson {
        id: "keys",
        base: base(103, 4, ProducerConfig::default(), vec![]),
        steps: vec![
            Step::new(
                8_000,
                vec![consumer("consumer1")],
                vec![Mark::Consumer("consumer1"), Mark::AllPartitions],
            ),
            Step::new(
                4_000,
                vec![produce("producer1", KEY_HASH, 20)],
                vec![Mark::Producer("producer1"), Mark::Partition(crc)],
            ),
            Step::new(
                2_000,
                vec![],
                vec![Mark::Consumer("consumer1"), Mark::Partition(crc)],
            ),
            Step::new(
                4_000,
                vec![
                    add_producer("java-producer", ClientProfile::Java),
                    produce("java-producer", KEY_HASH, 20),
                ],
                vec![
                    Mark::Producer("java-producer"),
                    Mark::Partition(java_partition(KEY_HASH, 4)),
                ],
            ),
        ],
    }
}

#[cfg(test)]
pub fn check(k: usize, v: &grouplab_model::view::WorldView) -> super::check::R {
    use super::check::*;
    match k {
        0 => stable_split(v, super::GROUP, &[4]),
        1 | 2 => {
            let ends = log_ends(v);
            let filled: Vec<_> = (0..ends.len()).filter(|&p| ends[p] > 0).collect();
            ensure(
                filled == [crc_partition(KEY_HASH, 4) as usize]
                    && consumer(v, "consumer1")?.records_delivered == 20,
                || format!("log ends {ends:?}"),
            )
        }
        _ => {
            let ends = log_ends(v);
            let j = java_partition(KEY_HASH, 4) as usize;
            let c = crc_partition(KEY_HASH, 4) as usize;
            ensure(j != c && ends[j] == 20 && ends[c] == 20, || {
                format!("log ends {ends:?}")
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_lands_apart_under_the_two_clients() {
        assert_ne!(crc_partition(KEY_HASH, 4), java_partition(KEY_HASH, 4));
    }
}
