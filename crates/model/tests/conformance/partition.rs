//! kind = "partition": key -> partition, through the same `Partitioner::place` a producer uses.

use grouplab_model::partitioner::{Partitioner, Placement};
use serde_json::Value;

use crate::Tally;

pub fn run(cases: &[Value], tally: &mut Tally) {
    for case in cases {
        let client = case["client"].as_str().unwrap_or("");
        let name = case["partitioner"].as_str().unwrap_or("");
        let key = case["key"].as_str().unwrap_or("");
        let n = case["partitions"].as_u64().unwrap_or(0) as u32;
        let expected = case["expected"].as_u64();
        let expected_hash = case["hash"].as_i64();
        let hex = case["key_utf8_hex"].as_str().unwrap_or("");
        let describe = |got: String| {
            format!("{client}/{name} key={key:?} n={n}: expected {expected:?} (hash {expected_hash:?}), got {got}")
        };
        let Some(partitioner) = Partitioner::from_name(name) else {
            tally.check(false, || describe(format!("unknown partitioner {name:?}")));
            continue;
        };
        // The UTF-8 bytes must be what the vector says the client serialized.
        let bytes = key.as_bytes();
        let hex_ok = hex == bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        match partitioner.place(Some(bytes), n) {
            Placement::Hashed(steps) => {
                // The producer's own (non-explaining) path must agree with the explanation.
                let producer_path = partitioner.partition(Some(bytes), n).ok();
                let ok = hex_ok
                    && Some(u64::from(steps.partition)) == expected
                    && producer_path.map(u64::from) == expected
                    && Some(steps.hash) == expected_hash;
                tally.check(ok, || {
                    describe(format!("partition {} hash {}", steps.partition, steps.hash))
                });
            }
            other => tally.check(false, || describe(format!("{other:?}"))),
        }
    }
}
