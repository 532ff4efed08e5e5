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
        ("kip848", _) => kip848_args(k, v, lang),
        _ => Vec::new(),
    }
}

/// The kip848 lesson's numbers and names: the group epoch and split now, the handover of step 1 (who waits for
/// what, who owns it), and who takes the crashed member's partitions.
fn kip848_args(k: usize, v: &WorldView, lang: Lang) -> Vec<(&'static str, String)> {
    let someone = || t(lang, "lesson.someone").to_string();
    let g = v.groups.iter().find(|g| g.group_id == GROUP);
    let epoch = g
        .and_then(|g| g.group_epoch)
        .map_or_else(|| "0".to_string(), |e| e.to_string());
    match k {
        0 => {
            let split = g.map_or_else(String::new, |g| {
                g.members
                    .iter()
                    .map(|m| format!("{} {}", m.consumer, partition_list(&m.assigned)))
                    .collect::<Vec<_>>()
                    .join(" · ")
            });
            vec![("epoch", epoch), ("split", split)]
        }
        1 | 2 => {
            let Some(h) = super::kip848::handover() else {
                return vec![
                    ("epoch", epoch),
                    ("p", someone()),
                    ("owner", someone()),
                    ("old", someone()),
                ];
            };
            vec![
                ("epoch", h.epoch.to_string()),
                ("p", partition_list(&h.waiting_for)),
                ("owner", h.owner),
                ("old", h.owner_epoch.to_string()),
            ]
        }
        _ => {
            // Who now owns what consumer1 read: its partitions in the current target.
            let lost = super::kip848::handover().map_or_else(Vec::new, |h| h.first_owns);
            let taker = g
                .and_then(|g| {
                    let t = g.target_assignment.as_ref()?;
                    let (id, _) = t
                        .iter()
                        .find(|(_, tps)| lost.iter().any(|tp| tps.contains(tp)))?;
                    g.members
                        .iter()
                        .find(|m| &m.member_id == id && m.consumer != "consumer1")
                })
                .map_or_else(someone, |m| m.consumer.clone());
            vec![
                ("epoch", epoch),
                ("p", partition_list(&lost)),
                ("taker", taker),
            ]
        }
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

/// `P1, P3` for `["t/1", "t/3"]`.
fn partition_list(tps: &[String]) -> String {
    tps.iter()
        .map(|tp| format!("P{}", tp.rsplit_once('/').map_or(tp.as_str(), |(_, n)| n)))
        .collect::<Vec<_>>()
        .join(", ")
}
