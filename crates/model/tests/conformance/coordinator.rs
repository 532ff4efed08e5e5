//! kind = "coordinator": group id -> `__consumer_offsets` partition, through the model's coordinator lookup.

use grouplab_model::coordinator::CoordinatorLookup;
use serde_json::Value;

use crate::Tally;

pub fn run(cases: &[Value], tally: &mut Tally) {
    for case in cases {
        let group_id = case["group_id"].as_str().unwrap_or("");
        let n = case["offsets_topic_partitions"].as_u64().unwrap_or(0) as u32;
        let lookup = CoordinatorLookup::compute(group_id, n);
        let ok = Some(i64::from(lookup.java_hashcode)) == case["java_hashcode"].as_i64()
            && Some(u64::from(lookup.offsets_partition)) == case["expected"].as_u64();
        tally.check(ok, || {
            format!(
                "group {group_id:?} n={n}: expected partition {} (hashCode {}), got {} ({})",
                case["expected"],
                case["java_hashcode"],
                lookup.offsets_partition,
                lookup.java_hashcode
            )
        });
    }
}
