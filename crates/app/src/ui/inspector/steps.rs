//! Step-by-step explanations shared by several panels: a key's partition, and a group's coordinator.

use yew::prelude::*;

use grouplab_model::coordinator::CoordinatorLookup;
use grouplab_model::partitioner::{HashFn, Partitioner, Placement, StickyRule};

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// key -> UTF-8 bytes -> hash -> positive -> modulo, for one partitioner.
pub fn key_steps(partitioner: Partitioner, key: Option<&str>, partitions: u32) -> Html {
    let placement = partitioner.place(key.map(str::as_bytes), partitions);
    let key_text = key.map_or("null (no key)".to_string(), |k| format!("{k:?}"));
    match placement {
        Placement::Hashed(s) => {
            let (fname, pos) = match s.hash_fn {
                HashFn::Murmur2 => (
                    "murmur2 (as Java's Utils.murmur2, a signed int32)",
                    "toPositive(hash) = hash & 0x7fffffff",
                ),
                HashFn::Crc32 => (
                    "crc32 (librdkafka rd_crc32, unsigned)",
                    "already positive (unsigned)",
                ),
                HashFn::Fnv1a => ("fnv1a (32-bit, Sarama-compatible)", "abs(int32 hash)"),
            };
            html! {
                <ol class="steps" data-steps="partitioner" data-partition-result={s.partition.to_string()}>
                    <li>{ format!("partitioner {}; key {key_text}", partitioner.name()) }</li>
                    <li>{ "UTF-8 bytes: " }<code>{ if s.key_bytes.is_empty() { "(none)".to_string() } else { hex(&s.key_bytes) } }</code></li>
                    <li>{ format!("{fname}: ") }<code>{ s.hash }</code></li>
                    <li>{ format!("{pos}: ") }<code>{ s.positive }</code></li>
                    <li>{ "modulo the partition count: " }<code>{ format!("{} % {} = {}", s.positive, s.num_partitions, s.partition) }</code></li>
                    <li><strong>{ format!("→ partition {}", s.partition) }</strong></li>
                </ol>
            }
        }
        Placement::Sticky(rule) => {
            let why = match rule {
                StickyRule::UniformSticky => "Java's built-in uniform sticky partitioner (KIP-794): a record without a key joins the current batch's partition; the producer switches partition at random once batch.size bytes went there.",
                StickyRule::StickyRandom => "librdkafka sticky-random: records without a key (or with an empty key) stick to one random partition for sticky.partitioning.linger.ms, then pick another.",
            };
            html! { <p class="steps" data-steps="sticky">{ format!("Key {key_text} under {}: no hash. {why}", partitioner.name()) }</p> }
        }
        Placement::RandomPerMessage => html! {
            <p class="steps" data-steps="random">{ "librdkafka random: each keyed record goes to a random partition." }</p>
        },
    }
}

/// `abs(hashCode(group.id)) % offsets.topic.num.partitions` -> partition -> its leader.
pub fn coordinator_steps(l: &CoordinatorLookup, leader: Option<u32>) -> Html {
    html! {
        <ol class="steps" data-steps="coordinator" data-offsets-partition={l.offsets_partition.to_string()}>
            <li>{ "group.id " }<code>{ format!("{:?}", l.group_id) }</code></li>
            <li>{ "Java String.hashCode(): " }<code>{ l.java_hashcode }</code></li>
            <li>{ "Utils.abs: " }<code>{ l.abs_hashcode }</code></li>
            <li>{ "modulo offsets.topic.num.partitions: " }
                <code>{ format!("{} % {} = {}", l.abs_hashcode, l.offsets_topic_partitions, l.offsets_partition) }</code></li>
            <li>{ format!("the group's offsets and membership live in __consumer_offsets partition {}", l.offsets_partition) }</li>
            <li><strong>{ match leader {
                Some(b) => format!("→ its leader, broker {b}, is the group coordinator"),
                None => "→ that partition has no leader now: COORDINATOR_NOT_AVAILABLE".to_string(),
            } }</strong></li>
        </ol>
    }
}
