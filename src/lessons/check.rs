//! The words of the lessons' checks: what the model must show at the end of a step, said over its view. Each
//! lesson's file holds its own checks; the native tests build every step from scratch and run them, and the e2e
//! tests assert the same facts in the browser.

use grouplab_model::view::{ConsumerView, GroupView, WorldView};

use super::make::TOPIC;

pub type R = Result<(), String>;

pub fn ensure(ok: bool, what: impl FnOnce() -> String) -> R {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

pub fn group<'a>(v: &'a WorldView, id: &str) -> Result<&'a GroupView, String> {
    v.groups
        .iter()
        .find(|g| g.group_id == id)
        .ok_or_else(|| format!("no group {id}"))
}

pub fn consumer<'a>(v: &'a WorldView, name: &str) -> Result<&'a ConsumerView, String> {
    v.consumers
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("no consumer {name}"))
}

/// Members of a group with how many partitions each owns.
pub fn shares(g: &GroupView) -> Vec<usize> {
    g.members.iter().map(|m| m.assigned.len()).collect()
}

pub fn log_ends(v: &WorldView) -> Vec<u64> {
    v.topics
        .iter()
        .find(|t| t.name == TOPIC)
        .map(|t| t.partitions.iter().map(|p| p.log_end_offset).collect())
        .unwrap_or_default()
}

pub fn stable_split(v: &WorldView, id: &str, want: &[usize]) -> R {
    let g = group(v, id)?;
    let mut s = shares(g);
    s.sort_unstable();
    let mut w = want.to_vec();
    w.sort_unstable();
    ensure(s == w, || format!("{id}: shares {s:?}, want {w:?}"))
}

pub fn total_lag(g: &GroupView) -> u64 {
    g.lag.values().sum()
}

pub fn console_groups(v: &WorldView) -> Vec<&str> {
    v.consumers
        .iter()
        .filter(|c| c.console)
        .filter_map(|c| c.group_id.as_deref())
        .collect()
}

pub fn delivered_by_group(v: &WorldView, id: &str) -> u64 {
    v.consumers
        .iter()
        .filter(|c| c.group_id.as_deref() == Some(id))
        .map(|c| c.records_delivered)
        .sum()
}
