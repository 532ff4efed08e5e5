//! What the model must show at the end of every lesson step. The native tests build each step from scratch
//! and run its check; the e2e tests assert the same facts in the browser.

use grouplab_model::consumer::ConsumerStatus;
use grouplab_model::view::{ConsumerView, GroupView, WorldView};

use grouplab_model::partitioner::Partitioner;

use super::catalog::{crc_partition, GROUP, KEY_HASH, KEY_MOVE, TOPIC};

pub type Check = fn(&WorldView) -> Result<(), String>;

// ---- checks' vocabulary -------------------------------------------------------------------------

type R = Result<(), String>;

fn ensure(ok: bool, what: impl FnOnce() -> String) -> R {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

fn group<'a>(v: &'a WorldView, id: &str) -> Result<&'a GroupView, String> {
    v.groups
        .iter()
        .find(|g| g.group_id == id)
        .ok_or_else(|| format!("no group {id}"))
}

fn consumer<'a>(v: &'a WorldView, name: &str) -> Result<&'a ConsumerView, String> {
    v.consumers
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("no consumer {name}"))
}

/// Members of a group with how many partitions each owns.
fn shares(g: &GroupView) -> Vec<usize> {
    g.members.iter().map(|m| m.assigned.len()).collect()
}

fn log_ends(v: &WorldView) -> Vec<u64> {
    v.topics
        .iter()
        .find(|t| t.name == TOPIC)
        .map(|t| t.partitions.iter().map(|p| p.log_end_offset).collect())
        .unwrap_or_default()
}

fn stable_split(v: &WorldView, id: &str, want: &[usize]) -> R {
    let g = group(v, id)?;
    let mut s = shares(g);
    s.sort_unstable();
    let mut w = want.to_vec();
    w.sort_unstable();
    ensure(s == w, || format!("{id}: shares {s:?}, want {w:?}"))
}

fn total_lag(g: &GroupView) -> u64 {
    g.lag.values().sum()
}

fn console_groups(v: &WorldView) -> Vec<&str> {
    v.consumers
        .iter()
        .filter(|c| c.console)
        .filter_map(|c| c.group_id.as_deref())
        .collect()
}

fn delivered_by_group(v: &WorldView, id: &str) -> u64 {
    v.consumers
        .iter()
        .filter(|c| c.group_id.as_deref() == Some(id))
        .map(|c| c.records_delivered)
        .sum()
}

/// The check of step `k` of lesson `id`.
pub fn check(id: &str, k: usize) -> Option<Check> {
    let c: Check = match (id, k) {
        ("group", 0) => |v| {
            ensure(v.groups.is_empty() && log_ends(v).len() == 4, || {
                "a topic of 4 partitions and no group".into()
            })
        },
        ("group", 1) => |v| {
            stable_split(v, GROUP, &[4])?;
            let c = consumer(v, "consumer1")?;
            ensure(c.member_id.starts_with("rdkafka-"), || {
                format!("member id {}", c.member_id)
            })
        },
        ("group", 2) => |v| stable_split(v, GROUP, &[2, 2]),
        ("group", 3) => |v| {
            let g = group(v, GROUP)?;
            let ids: Vec<_> = g.members.iter().map(|m| m.member_id.as_str()).collect();
            ensure(
                ids.len() == 2 && ids[0] != ids[1] && ids.iter().all(|i| i.len() > 12),
                || format!("two distinct member ids: {ids:?}"),
            )
        },
        ("offsets", 0) => |v| {
            let g = group(v, GROUP)?;
            ensure(!g.committed.is_empty(), || "nothing committed yet".into())
        },
        ("offsets", 1) => |v| {
            let g = group(v, GROUP)?;
            ensure(total_lag(g) > 0, || "no lag".into())
        },
        ("offsets", 2) => |v| {
            let g = group(v, GROUP)?;
            ensure(g.members.is_empty() && total_lag(g) > 0, || {
                format!("{} members, lag {}", g.members.len(), total_lag(g))
            })
        },
        ("offsets", 3) => |v| {
            let g = group(v, GROUP)?;
            let c = consumer(v, "consumer1")?;
            let behind = log_ends(v)
                .iter()
                .sum::<u64>()
                .saturating_sub(c.positions.values().sum::<u64>());
            ensure(g.members.len() == 1 && behind < 4, || {
                format!("{} members, {behind} records behind", g.members.len())
            })
        },
        ("offsets", 4) => |v| {
            let e = consumer(v, "reader-earliest")?.records_delivered;
            let l = consumer(v, "reader-latest")?.records_delivered;
            ensure(e > l + 100, || format!("earliest {e}, latest {l}"))
        },
        ("keys", 0) => |v| stable_split(v, GROUP, &[4]),
        ("keys", 1) | ("keys", 2) => |v| {
            let ends = log_ends(v);
            let filled: Vec<_> = (0..ends.len()).filter(|&p| ends[p] > 0).collect();
            ensure(
                filled == [crc_partition(KEY_HASH, 4) as usize]
                    && consumer(v, "consumer1")?.records_delivered == 20,
                || format!("log ends {ends:?}"),
            )
        },
        ("keys", 3) => |v| {
            let ends = log_ends(v);
            let j = java_partition(KEY_HASH, 4) as usize;
            let c = crc_partition(KEY_HASH, 4) as usize;
            ensure(j != c && ends[j] == 20 && ends[c] == 20, || {
                format!("log ends {ends:?}")
            })
        },
        ("console", 0) => |v| {
            let g = console_groups(v);
            ensure(
                g.len() == 1
                    && g[0].starts_with("console-consumer-")
                    && consumer(v, "console1")?.records_delivered == 30,
                || format!("groups {g:?}"),
            )
        },
        ("console", 1) => |v| {
            let g = console_groups(v);
            ensure(
                g.len() == 2 && g[0] != g[1] && consumer(v, "console2")?.records_delivered == 30,
                || format!("groups {g:?}"),
            )
        },
        ("console", 2) => |v| {
            let mut g = console_groups(v);
            g.sort_unstable();
            g.dedup();
            ensure(
                g.len() == 3 && consumer(v, "console3")?.records_delivered == 0,
                || format!("groups {g:?}"),
            )
        },
        ("idle", 0) | ("idle", 2) => |v| stable_split(v, GROUP, &[1, 1, 1, 1]),
        ("idle", 1) => |v| stable_split(v, GROUP, &[0, 1, 1, 1, 1]),
        ("pubsub", 0) => |v| stable_split(v, GROUP, &[2, 2]),
        ("pubsub", 1) => |v| stable_split(v, "billing-group", &[4]),
        ("pubsub", 2) => |v| {
            let total: u64 = log_ends(v).iter().sum();
            let a = delivered_by_group(v, GROUP);
            let b = delivered_by_group(v, "billing-group");
            ensure(a + 4 >= total && b + 4 >= total && a > 0, || {
                format!("produced {total}, {GROUP} {a}, billing-group {b}")
            })
        },
        ("crash", 0) => |v| stable_split(v, GROUP, &[2, 2]),
        ("crash", 1) => |v| {
            let c = consumer(v, "consumer1")?;
            ensure(c.status == ConsumerStatus::Crashed, || "not crashed".into())?;
            stable_split(v, GROUP, &[2, 2])
        },
        ("crash", 2) => |v| {
            stable_split(v, GROUP, &[4])?;
            let g = group(v, GROUP)?;
            ensure(g.records_redelivered > 0, || "no duplicates".into())
        },
        ("cooperative", 0) => |v| {
            stable_split(v, "eager-group", &[3, 3])?;
            stable_split(v, "coop-group", &[3, 3])?;
            ensure(group(v, "eager-group")?.generation_id == 1, || {
                "eager gen".into()
            })?;
            ensure(group(v, "coop-group")?.generation_id == 1, || {
                "coop gen".into()
            })
        },
        ("cooperative", 1) => |v| {
            stable_split(v, "eager-group", &[2, 2, 2])?;
            stable_split(v, "coop-group", &[2, 2, 2])?;
            let e = group(v, "eager-group")?.generation_id;
            let c = group(v, "coop-group")?.generation_id;
            ensure(e == 2 && c == 3, || {
                format!("generations eager {e}, coop {c}")
            })
        },
        ("static", 0) => |v| {
            stable_split(v, GROUP, &[2, 2])?;
            ensure(group(v, GROUP)?.generation_id == 1, || "generation".into())
        },
        ("static", 1) => |v| {
            let g = group(v, GROUP)?;
            ensure(g.generation_id == 1 && g.members.len() == 2, || {
                format!(
                    "generation {}, {} members",
                    g.generation_id,
                    g.members.len()
                )
            })
        },
        ("static", 2) => |v| {
            stable_split(v, GROUP, &[2, 2])?;
            let g = group(v, GROUP)?;
            ensure(g.generation_id == 1, || {
                format!("generation {}", g.generation_id)
            })?;
            ensure(consumer(v, "consumer1")?.assigned.len() == 2, || {
                "consumer1 got nothing back".into()
            })
        },
        ("static", 3) => |v| {
            stable_split(v, GROUP, &[4])?;
            let g = group(v, GROUP)?;
            ensure(g.generation_id == 2, || {
                format!("generation {}", g.generation_id)
            })
        },
        ("partitions", 0) => |v| {
            stable_split(v, GROUP, &[2, 2])?;
            let ends = log_ends(v);
            let p = crc_partition(KEY_MOVE, 4) as usize;
            ensure(
                ends.iter().enumerate().all(|(i, e)| (i == p) == (*e > 0)),
                || format!("log ends {ends:?}"),
            )
        },
        ("partitions", 1) => |v| {
            let ends = log_ends(v);
            let before = crc_partition(KEY_MOVE, 4) as usize;
            let after = crc_partition(KEY_MOVE, 6) as usize;
            ensure(
                ends.len() == 6 && before != after && ends[before] > 0 && ends[after] > 0,
                || format!("log ends {ends:?}"),
            )?;
            stable_split(v, GROUP, &[3, 3])
        },
        _ => return None,
    };
    Some(c)
}

/// The partition a Java producer (murmur2) picks for `key` among `n`.
pub fn java_partition(key: &str, n: u32) -> u32 {
    Partitioner::JavaDefault
        .place(Some(key.as_bytes()), n)
        .partition()
        .unwrap_or(0)
}
