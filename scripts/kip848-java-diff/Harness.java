import java.io.*;
import java.util.*;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.coordinator.group.api.assignor.*;
import org.apache.kafka.coordinator.group.assignor.*;
import org.apache.kafka.coordinator.group.modern.*;
import org.apache.kafka.coordinator.group.generated.ConsumerGroupTargetAssignmentMemberValue;
import org.apache.kafka.image.TopicsImage;

// Drives the unmodified Kafka assignor classes the way TargetAssignmentBuilder.build() does, with the
// target-assignment records replayed through Assignment.fromRecord.
public class Harness {
    static Assignment replay(Assignment a) {
        List<ConsumerGroupTargetAssignmentMemberValue.TopicPartition> tps = new ArrayList<>();
        for (Map.Entry<Uuid, Set<Integer>> e : a.partitions().entrySet())
            tps.add(new ConsumerGroupTargetAssignmentMemberValue.TopicPartition(e.getKey(), new ArrayList<>(e.getValue())));
        return Assignment.fromRecord(new ConsumerGroupTargetAssignmentMemberValue(tps));
    }
    public static void main(String[] args) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in));
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out));
        String line; String assignorName = null;
        Map<String, Assignment> stored = null; List<String[]> prev = null;
        List<String[]> topics = new ArrayList<>(); List<String[]> members = new ArrayList<>();
        while ((line = r.readLine()) != null) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "CASE": assignorName = f[1]; stored = new HashMap<>(); prev = new ArrayList<>(); break;
                case "STEP": topics.clear(); members.clear(); break;
                case "T": topics.add(f); break;
                case "M": members.add(f); break;
                case "END": {
                    Set<String> now = new HashSet<>(); for (String[] m : members) now.add(m[1]);
                    Set<String> before = new HashSet<>(); for (String[] m : prev) before.add(m[1]);
                    for (String[] m : members) {
                        if (m[2].equals("-") || before.contains(m[1])) continue;
                        for (String[] p : prev) {
                            if (p[2].equals(m[2]) && !now.contains(p[1])) {
                                Assignment old = stored.getOrDefault(p[1], Assignment.EMPTY);
                                stored.put(m[1], replay(old)); stored.remove(p[1]); break;
                            }
                        }
                    }
                    stored.keySet().retainAll(now);
                    TopicsImage image = new TopicsImage();
                    Map<String, Integer> counts = new HashMap<>(); Map<Uuid, String> names = new HashMap<>();
                    for (String[] t : topics) { image.add(t[1], Uuid.fromString(t[2])); counts.put(t[1], Integer.parseInt(t[3])); names.put(Uuid.fromString(t[2]), t[1]); }
                    TopicIds.TopicResolver resolver = new TopicIds.CachedTopicResolver(image);
                    Map<String, MemberSubscriptionAndAssignmentImpl> specs = new HashMap<>();
                    Map<String, Integer> subCounts = new HashMap<>();
                    Set<Uuid> subscribed = new HashSet<>();
                    for (String[] m : members) {
                        List<String> subs = m[3].equals("-") ? new ArrayList<>() : Arrays.asList(m[3].split(","));
                        Set<String> nameSet = new HashSet<>(subs);
                        for (String n : nameSet) { subCounts.merge(n, 1, Integer::sum); TopicsImage im = image; if (im.getTopic(n) != null) subscribed.add(im.getTopic(n).id()); }
                        specs.put(m[1], new MemberSubscriptionAndAssignmentImpl(Optional.empty(),
                            Optional.ofNullable(m[2].equals("-") ? null : m[2]), new TopicIds(nameSet, resolver),
                            stored.getOrDefault(m[1], Assignment.EMPTY)));
                    }
                    boolean homo = true; for (int c : subCounts.values()) if (c != members.size()) homo = false;
                    Map<Uuid, Map<Integer, String>> inverted = new HashMap<>();
                    for (String[] m : members) {
                        Assignment a = stored.get(m[1]); if (a == null) continue;
                        for (Map.Entry<Uuid, Set<Integer>> e : a.partitions().entrySet())
                            for (int p : e.getValue()) inverted.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(p, m[1]);
                    }
                    SubscribedTopicDescriber describer = new SubscribedTopicDescriber() {
                        public int numPartitions(Uuid id) { return subscribed.contains(id) ? counts.get(names.get(id)) : -1; }
                        public Set<String> racksForPartition(Uuid id, int p) { return Collections.emptySet(); }
                    };
                    ConsumerGroupPartitionAssignor assignor = assignorName.equals("uniform") ? new UniformAssignor() : new RangeAssignor();
                    GroupAssignment ga = assignor.assign(new GroupSpecImpl(Collections.unmodifiableMap(specs),
                        homo ? SubscriptionType.HOMOGENEOUS : SubscriptionType.HETEROGENEOUS, inverted), describer);
                    for (String id : specs.keySet()) {
                        Assignment old = stored.get(id);
                        MemberAssignment ma = ga.members().get(id);
                        Assignment nw = ma != null ? new Assignment(ma.partitions()) : Assignment.EMPTY;
                        if (!nw.equals(old)) stored.put(id, replay(nw));
                    }
                    TreeMap<String, String> res = new TreeMap<>();
                    for (String[] m : members) {
                        Assignment a = stored.getOrDefault(m[1], Assignment.EMPTY);
                        TreeMap<String, TreeSet<Integer>> byName = new TreeMap<>();
                        for (Map.Entry<Uuid, Set<Integer>> e : a.partitions().entrySet()) byName.put(names.get(e.getKey()), new TreeSet<>(e.getValue()));
                        StringBuilder sb = new StringBuilder();
                        for (Map.Entry<String, TreeSet<Integer>> e : byName.entrySet()) { sb.append(e.getKey()).append('='); StringJoiner j = new StringJoiner(","); for (int p : e.getValue()) j.add(""+p); sb.append(j).append(';'); }
                        res.put(m[1], sb.toString());
                    }
                    StringJoiner j = new StringJoiner(" | ");
                    for (Map.Entry<String, String> e : res.entrySet()) j.add(e.getKey() + ":" + e.getValue());
                    out.println(j);
                    prev = new ArrayList<>(members);
                    break;
                }
            }
        }
        out.flush();
    }
}
