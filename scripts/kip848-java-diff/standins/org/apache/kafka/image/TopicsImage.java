package org.apache.kafka.image;
import java.util.*;
import org.apache.kafka.common.Uuid;
public class TopicsImage {
    private final Map<String, TopicImage> byName = new TreeMap<>(); private final Map<Uuid, TopicImage> byId = new TreeMap<>();
    public void add(String name, Uuid id) { TopicImage t = new TopicImage(name, id); byName.put(name, t); byId.put(id, t); }
    public TopicImage getTopic(String name) { return byName.get(name); }
    public TopicImage getTopic(Uuid id) { return byId.get(id); }
}
