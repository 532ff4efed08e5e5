//! A client's configuration as (key, value) pairs, and what a steady rate's keys look like.

use super::*;

/// `(key, value)` pairs of a consumer's configuration (Java names assignors by their full class name).
pub(super) fn consumer_props(c: &ConsumerConfig, java: bool) -> Vec<(&'static str, String)> {
    let mut v = vec![("bootstrap.servers", BOOTSTRAP.to_string())];
    if let Some(g) = &c.group_id {
        v.push(("group.id", g.clone()));
    }
    if let Some(i) = &c.group_instance_id {
        v.push(("group.instance.id", i.clone()));
    }
    if let Some(r) = c.auto_offset_reset {
        let r = match r {
            AutoOffsetReset::Earliest => "earliest",
            AutoOffsetReset::Latest => "latest",
            AutoOffsetReset::None => "none",
        };
        v.push(("auto.offset.reset", r.to_string()));
    }
    // KIP-848: the broker assigns; the client names the protocol and, optionally, the broker's assignor
    // (confluent-kafka >= 2.12, Java >= 4.0).
    if let Some(p) = c.group_protocol {
        v.push(("group.protocol", p.name().to_string()));
    }
    if let Some(a) = &c.group_remote_assignor {
        v.push(("group.remote.assignor", a.clone()));
    }
    if let Some(a) = &c.partition_assignment_strategy {
        let mut names = String::new();
        for x in a {
            if !names.is_empty() {
                names.push(',');
            }
            names.push_str(if java {
                java_assignor(x.name())
            } else {
                x.name()
            });
        }
        v.push(("partition.assignment.strategy", names));
    }
    if let Some(x) = c.session_timeout_ms {
        v.push(("session.timeout.ms", x.to_string()));
    }
    if let Some(x) = c.enable_auto_commit {
        v.push(("enable.auto.commit", x.to_string()));
    }
    if let Some(x) = c.metadata_max_age_ms {
        v.push(("metadata.max.age.ms", x.to_string()));
    }
    v
}

pub(super) fn java_assignor(name: &str) -> &str {
    match name {
        "range" => "org.apache.kafka.clients.consumer.RangeAssignor",
        "roundrobin" => "org.apache.kafka.clients.consumer.RoundRobinAssignor",
        "sticky" => "org.apache.kafka.clients.consumer.StickyAssignor",
        "cooperative-sticky" => "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
        other => other,
    }
}

pub(super) fn keys_comment(keys: &KeySpec) -> String {
    match keys {
        KeySpec::Null => "no key".into(),
        KeySpec::Fixed { key } => format!("key \"{key}\""),
        KeySpec::Random {
            prefix,
            cardinality,
        } => format!("keys {prefix}0..{prefix}{}", cardinality.saturating_sub(1)),
        KeySpec::Cycle { keys } => format!("keys {}", join(keys, ", ")),
    }
}
