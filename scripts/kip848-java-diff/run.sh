#!/usr/bin/env bash
# Differential check of assignor::server against Kafka's own server-side assignors (see README.md).
# Usage: scripts/kip848-java-diff/run.sh KAFKA_GIT_DIR [SEED] [COUNT] [hard]
set -euo pipefail
KAFKA=${1:?path to an apache/kafka git repository}
SEED=${2:-1}; COUNT=${3:-2000}; MODE=${4:-}
COMMIT=1eb7644349cb07139d6a3c1ad1986979647cac99
SLF4J=${SLF4J_JAR:-/usr/share/java/slf4j-api.jar}
SLF4J_NOP=${SLF4J_NOP_JAR:-/usr/share/java/slf4j-nop.jar}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

GC=group-coordinator/src/main/java/org/apache/kafka/coordinator/group
API=group-coordinator/group-coordinator-api/src/main/java/org/apache/kafka/coordinator/group/api/assignor
FILES=(
  $GC/assignor/UniformAssignor.java $GC/assignor/UniformHomogeneousAssignmentBuilder.java
  $GC/assignor/UniformHeterogeneousAssignmentBuilder.java $GC/assignor/RangeAssignor.java
  $GC/assignor/RangeSet.java $GC/assignor/AssignorHelpers.java
  $GC/modern/GroupSpecImpl.java $GC/modern/MemberSubscriptionAndAssignmentImpl.java
  $GC/modern/Assignment.java $GC/modern/TopicIds.java $GC/modern/MemberAssignmentImpl.java
  $API/ConsumerGroupPartitionAssignor.java $API/GroupAssignment.java $API/GroupSpec.java
  $API/MemberAssignment.java $API/MemberSubscription.java $API/PartitionAssignor.java
  $API/PartitionAssignorException.java $API/SubscribedTopicDescriber.java $API/SubscriptionType.java
  clients/src/main/java/org/apache/kafka/common/Uuid.java
  clients/src/main/java/org/apache/kafka/common/KafkaException.java
  clients/src/main/java/org/apache/kafka/common/errors/ApiException.java
  clients/src/main/java/org/apache/kafka/common/annotation/InterfaceStability.java
  server-common/src/main/java/org/apache/kafka/server/common/TopicIdPartition.java
)
mkdir -p "$WORK/src" "$WORK/classes"
for f in "${FILES[@]}"; do
  out="$WORK/src/${f##*/java/}"
  mkdir -p "$(dirname "$out")"
  git -C "$KAFKA" show "$COMMIT:$f" > "$out"
done
cp -r "$HERE/standins/." "$WORK/src/"
javac -nowarn -cp "$SLF4J" -d "$WORK/classes" $(find "$WORK/src" -name '*.java') "$HERE/Harness.java" 2>&1 | grep -v '^Note:' || true

python3 "$HERE/gen_cases.py" "$SEED" "$COUNT" $MODE > "$WORK/cases.txt"
java -cp "$WORK/classes:$SLF4J:$SLF4J_NOP" Harness < "$WORK/cases.txt" > "$WORK/java.txt"
(cd "$ROOT" && cargo run -q --release -p grouplab-model --example target_assignment_replay) \
  < "$WORK/cases.txt" > "$WORK/rust.txt"
steps=$(wc -l < "$WORK/java.txt")
if diff -q "$WORK/java.txt" "$WORK/rust.txt" > /dev/null; then
  echo "kip848-java-diff: $steps steps, all identical"
else
  diff "$WORK/java.txt" "$WORK/rust.txt" | head -20
  echo "kip848-java-diff: $(diff "$WORK/java.txt" "$WORK/rust.txt" | grep -c '^<') of $steps steps differ"
  exit 1
fi
