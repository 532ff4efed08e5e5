//! Which broker coordinates a group: the leader of `__consumer_offsets` partition
//! `Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions` (GroupCoordinatorService.partitionFor).

use serde::{Deserialize, Serialize};

use crate::hash;

/// `offsets.topic.num.partitions` default (GroupCoordinatorConfig.OFFSETS_TOPIC_PARTITIONS_DEFAULT).
pub const DEFAULT_OFFSETS_TOPIC_PARTITIONS: u32 = 50;

/// Every step of the coordinator computation, for the inspector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorLookup {
    pub group_id: String,
    /// Java `String.hashCode` over UTF-16 code units.
    pub java_hashcode: i32,
    /// `Utils.abs(hashCode)`: 0 for Integer.MIN_VALUE.
    pub abs_hashcode: u32,
    pub offsets_topic_partitions: u32,
    pub offsets_partition: u32,
}

impl CoordinatorLookup {
    pub fn compute(group_id: &str, offsets_topic_partitions: u32) -> Self {
        let java_hashcode = hash::java_string_hashcode(group_id);
        let abs_hashcode = hash::java_utils_abs(java_hashcode);
        CoordinatorLookup {
            group_id: group_id.to_string(),
            java_hashcode,
            abs_hashcode,
            offsets_topic_partitions,
            offsets_partition: abs_hashcode % offsets_topic_partitions.max(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn course_notes_group() {
        let l =
            CoordinatorLookup::compute("order-consumer-group", DEFAULT_OFFSETS_TOPIC_PARTITIONS);
        assert_eq!(l.offsets_partition, 25);
        assert_eq!(
            CoordinatorLookup::compute("polygenelubricants", 50).offsets_partition,
            0
        );
    }
}
