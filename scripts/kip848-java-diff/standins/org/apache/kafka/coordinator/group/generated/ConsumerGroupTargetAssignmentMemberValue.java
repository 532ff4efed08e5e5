package org.apache.kafka.coordinator.group.generated;
import java.util.*;
import org.apache.kafka.common.Uuid;
// Stand-in for the generated record: plain data.
public class ConsumerGroupTargetAssignmentMemberValue {
    public static class TopicPartition {
        private final Uuid topicId; private final List<Integer> partitions;
        public TopicPartition(Uuid topicId, List<Integer> partitions) { this.topicId = topicId; this.partitions = partitions; }
        public Uuid topicId() { return topicId; }
        public List<Integer> partitions() { return partitions; }
    }
    private final List<TopicPartition> topicPartitions;
    public ConsumerGroupTargetAssignmentMemberValue(List<TopicPartition> tps) { this.topicPartitions = tps; }
    public List<TopicPartition> topicPartitions() { return topicPartitions; }
}
