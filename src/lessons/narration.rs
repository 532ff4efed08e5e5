//! The values a step's narration names that only the model knows at that moment: who is idle depends on the
//! member ids the coordinator (or the client) generated, so it cannot be written into the text.

use grouplab_model::group::GroupState;
use grouplab_model::view::WorldView;

use super::GROUP;
use crate::i18n::{t, Lang};

/// The `{name}` values of the narration of step `k` of lesson `id`, in `lang`.
pub fn args(id: &str, k: usize, v: &WorldView, lang: Lang) -> Vec<(&'static str, String)> {
    match (id, k) {
        ("idle", 1) => vec![(
            "idle",
            idle_member(v).unwrap_or_else(|| t(lang, "lesson.someone").into()),
        )],
        _ => Vec::new(),
    }
}

/// The consumer of the notes' group that the coordinator's assignment leaves without a partition, once the
/// group is stable.
pub fn idle_member(v: &WorldView) -> Option<String> {
    let g = v.groups.iter().find(|g| g.group_id == GROUP)?;
    if g.state != GroupState::Stable {
        return None;
    }
    let idle: Vec<&str> = g
        .members
        .iter()
        .filter(|m| m.assigned.is_empty())
        .map(|m| m.consumer.as_str())
        .collect();
    match idle[..] {
        [one] => Some(one.to_string()),
        _ => None,
    }
}
