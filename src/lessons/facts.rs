//! What a lesson shows under its narration: numbers read from the model's state (member ids, bookmarks,
//! the hash steps of a key, console group ids, duplicates, generations). Labels are i18n keys; values are
//! plain text; `data-fact` / `data-value` let tests read them. Written with plain loops: this runs in the
//! page (docs/size.md).

use std::fmt::Write;

use grouplab_model::partitioner::{HashFn, Partitioner, Placement};
use grouplab_model::timeline::Timeline;
use grouplab_model::view::{GroupView, WorldView};

use super::{crc_partition, protocols, rebalance_cost, GROUP, KEY_HASH, KEY_MOVE, TOPIC};
use crate::i18n::{tf, Lang};

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// i18n key of the label.
    pub label: &'static str,
    /// `data-fact`.
    pub id: &'static str,
    pub value: String,
    /// `data-value`: the number tests compare, when there is one.
    pub number: Option<i64>,
    /// `data-revoked`: for what a step cost a group, the partitions its members revoked.
    pub revoked: Option<i64>,
}

/// `murmur2("order-7") = -1234 → toPositive = 5678 → % 4 = 2`, and the partition.
fn hash_line(p: Partitioner, key: &str, n: u32) -> (String, i64) {
    let mut s = String::new();
    let Placement::Hashed(h) = p.place(Some(key.as_bytes()), n) else {
        return (s, -1);
    };
    let f = match h.hash_fn {
        HashFn::Murmur2 => "murmur2",
        HashFn::Crc32 => "crc32",
        HashFn::Fnv1a => "fnv1a",
    };
    let _ = write!(s, "{f}(\"{key}\") = {}", h.hash);
    if i64::from(h.positive) != h.hash {
        let _ = write!(s, " → toPositive = {}", h.positive);
    }
    let _ = write!(s, " → % {n} = {}", h.partition);
    (s, i64::from(h.partition))
}

fn group<'a>(v: &'a WorldView, id: &str) -> Option<&'a GroupView> {
    v.groups.iter().find(|g| g.group_id == id)
}

/// The facts of lesson `id` at this state (`t`: the history up to now).
pub fn facts(id: &str, step: usize, v: &WorldView, t: &Timeline, lang: Lang) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut push = |label, id, value: String, number: Option<i64>| {
        out.push(Fact {
            label,
            id,
            value,
            number,
            revoked: None,
        })
    };
    let g = group(v, GROUP);
    match id {
        "group" | "static" => {
            // Generations, idle members and ownership are on the stage itself ([data-generation], [data-idle]).
            let mut s = String::new();
            let mut n = 0;
            for c in &v.consumers {
                if c.group_id.as_deref() == Some(GROUP) && !c.member_id.is_empty() {
                    let _ = writeln!(s, "{}: {}", c.name, c.member_id);
                    n += 1;
                }
            }
            if n > 0 {
                push("fact.member_ids", "member-ids", s, Some(n));
            }
        }
        // Bookmarks, positions, log-end offsets and lag are on the stage's partition rows.
        "offsets" if step >= 4 => push("fact.received", "received", received(v), None),
        "keys" => {
            let (py, p) = hash_line(Partitioner::ConsistentRandom, KEY_HASH, 4);
            push("fact.hash_python", "hash-python", py, Some(p));
            if step >= 2 {
                let (java, j) = hash_line(Partitioner::JavaDefault, KEY_HASH, 4);
                push("fact.hash_java", "hash-java", java, Some(j));
            }
        }
        "console" => {
            let mut s = String::new();
            let mut n = 0;
            for c in &v.consumers {
                if c.console {
                    let gid = c.group_id.as_deref().unwrap_or("-");
                    let _ = writeln!(s, "{}: {gid} ({} records)", c.name, c.records_delivered);
                    n += 1;
                }
            }
            push("fact.console_groups", "console-groups", s, Some(n));
        }
        "pubsub" => push("fact.received", "received", received(v), None),
        "crash" => {
            if let Some(g) = g {
                let d = g.records_redelivered as i64;
                push("fact.duplicates", "duplicates", d.to_string(), Some(d));
                let gen = i64::from(g.generation_id);
                push("fact.generation", "generation", gen.to_string(), Some(gen));
            }
        }
        // What each group's rebalance cost: partitions revoked, and how long they went unread.
        "cooperative" => {
            for (group, label, fact) in [
                ("eager-group", "fact.cost_eager", "cost-eager"),
                ("coop-group", "fact.cost_coop", "cost-coop"),
            ] {
                let costs = rebalance_cost::costs(t.events(), group);
                if costs.is_empty() {
                    continue;
                }
                let mut s = String::new();
                for c in &costs {
                    let line = match c.unread_ms {
                        Some(ms) => tf(
                            lang,
                            "fact.cost_line",
                            &[
                                ("gen", &c.generation_id),
                                ("n", &c.revoked),
                                ("s", &format!("{}.{:01}", ms / 1000, ms % 1000 / 100)),
                            ],
                        ),
                        None => tf(
                            lang,
                            "fact.cost_line_waiting",
                            &[("gen", &c.generation_id), ("n", &c.revoked)],
                        ),
                    };
                    let _ = writeln!(s, "{line}");
                }
                let revoked: usize = costs.iter().map(|c| c.revoked).sum();
                push(label, fact, s, Some(revoked as i64));
            }
        }
        // Per group, what this step cost it so far: partitions revoked, and partition-time without a reader.
        "protocols" if step >= 1 => {
            let from = protocols::start_ms(step);
            for (group, label, fact) in [
                (protocols::EAGER, "fact.protocol_eager", "cost-eager"),
                (protocols::COOP, "fact.protocol_coop", "cost-coop"),
                (protocols::KIP848, "fact.protocol_consumer", "cost-consumer"),
            ] {
                let u = rebalance_cost::unread(t.notable_events(), group, from, v.time_ms);
                let secs = |ms: u64| format!("{}.{:02}", ms / 1000, ms % 1000 / 10);
                let value = if u.waiting > 0 {
                    tf(
                        lang,
                        "fact.protocol_cost_waiting",
                        &[
                            ("n", &u.revoked),
                            ("w", &u.waiting),
                            ("s", &secs(u.partition_ms)),
                        ],
                    )
                } else {
                    tf(
                        lang,
                        "fact.protocol_cost",
                        &[
                            ("n", &u.revoked),
                            ("s", &secs(u.partition_ms)),
                            ("l", &secs(u.longest_ms)),
                        ],
                    )
                };
                out.push(Fact {
                    label,
                    id: fact,
                    value,
                    number: Some(u.partition_ms as i64),
                    revoked: Some(u.revoked as i64),
                });
            }
        }
        "partitions" => {
            let (a, b) = (crc_partition(KEY_MOVE, 4), crc_partition(KEY_MOVE, 6));
            let n = v
                .topics
                .iter()
                .find(|t| t.name == TOPIC)
                .map_or(0, |t| t.partitions.len());
            let now = if n > 4 { b } else { a };
            push(
                "fact.key_partition",
                "key-partition",
                format!("\"{KEY_MOVE}\": crc32 % 4 = {a}, crc32 % 6 = {b}"),
                Some(i64::from(now)),
            );
        }
        _ => {}
    }
    out
}

fn received(v: &WorldView) -> String {
    let mut s = String::new();
    for g in &v.groups {
        let mut n = 0;
        for c in &v.consumers {
            if c.group_id.as_deref() == Some(g.group_id.as_str()) {
                n += c.records_delivered;
            }
        }
        let _ = writeln!(s, "{}: {n}", g.group_id);
    }
    s
}
