//! Sentences for consumer groups: coordinators, members, rebalances and assignments, classic and KIP-848.

use super::*;

/// The sentence for `kind`, if it is one of this family's events.
pub(super) fn sentence(lang: Lang, kind: &EventKind) -> Option<String> {
    use EventKind::*;
    let f = |key: &str, args: &[(&str, &dyn Display)]| tf(lang, key, args);
    Some(match kind {
        CoordinatorFound {
            consumer,
            group_id,
            broker,
        } => f(
            "ev.coordinator_found",
            &[
                ("consumer", consumer),
                ("broker", broker),
                ("group", group_id),
            ],
        ),
        MemberIdAssigned {
            consumer,
            group_id,
            member_id,
        } => f(
            "ev.member_id",
            &[
                ("group", group_id),
                ("consumer", consumer),
                ("member", member_id),
            ],
        ),
        MemberJoined {
            group_id, consumer, ..
        } => f("ev.joined", &[("consumer", consumer), ("group", group_id)]),
        StaticMemberReplaced {
            group_id,
            group_instance_id,
            ..
        } => f(
            "ev.static_replaced",
            &[("instance", group_instance_id), ("group", group_id)],
        ),
        MemberLeft {
            group_id,
            consumer,
            reason,
            ..
        } => f(
            "ev.left",
            &[
                ("consumer", consumer),
                ("group", group_id),
                ("reason", &t(lang, leave_reason(*reason))),
            ],
        ),
        GroupStateChanged { group_id, from, to } => f(
            "ev.state",
            &[
                ("group", group_id),
                ("from", &from.name()),
                ("to", &to.name()),
            ],
        ),
        RebalanceStarted { group_id, reason } => f(
            "ev.rebalancing",
            &[("group", group_id), ("reason", &say(lang, reason))],
        ),
        GenerationStarted {
            group_id,
            generation_id,
            members,
            ..
        } => f(
            "ev.generation",
            &[
                ("group", group_id),
                ("gen", generation_id),
                ("n", &members.len()),
                ("s", &plural(members.len() as u64)),
            ],
        ),
        AssignmentComputed {
            group_id,
            generation_id,
            assignor,
            ..
        } => f(
            "ev.assignment",
            &[
                ("group", group_id),
                ("gen", generation_id),
                ("assignor", &assignor.name()),
            ],
        ),
        PartitionsRevoked {
            consumer,
            partitions,
            ..
        } => f(
            "ev.revoked",
            &[("consumer", consumer), ("tps", &tps(lang, partitions))],
        ),
        PartitionsAssigned {
            consumer,
            partitions,
            ..
        } => f(
            "ev.assigned",
            &[("consumer", consumer), ("tps", &tps(lang, partitions))],
        ),
        PartitionsLost {
            consumer,
            partitions,
            ..
        } => f(
            "ev.lost",
            &[("consumer", consumer), ("tps", &tps(lang, partitions))],
        ),
        GroupRestored {
            group_id,
            generation_id,
            protocol,
            members,
            offsets,
            ..
        } => {
            let (n, s) = (offsets, plural(u64::from(*offsets)));
            if members.is_empty() {
                f(
                    "ev.group_restored_empty",
                    &[("group", group_id), ("n", n), ("s", &s)],
                )
            } else {
                f(
                    "ev.group_restored",
                    &[
                        ("group", group_id),
                        ("gen", generation_id),
                        ("members", &members.len()),
                        ("ms", &plural(members.len() as u64)),
                        (
                            "assignor",
                            &protocol.map_or(t(lang, "insp.no_assignor"), |p| p.name()),
                        ),
                        ("n", n),
                        ("s", &s),
                    ],
                )
            }
        }
        AssignmentSkipped {
            group_id,
            generation_id,
            ..
        } => f(
            "ev.assignment_skipped",
            &[("group", group_id), ("gen", generation_id)],
        ),
        GroupEpochBumped {
            group_id,
            group_epoch,
            reason,
        } => f(
            "ev.group_epoch",
            &[
                ("group", group_id),
                ("epoch", group_epoch),
                ("reason", &say(lang, reason)),
            ],
        ),
        TargetAssignmentComputed {
            group_id,
            assignment_epoch,
            assignor,
            ..
        } => f(
            "ev.target_assignment",
            &[
                ("group", group_id),
                ("epoch", assignment_epoch),
                ("assignor", assignor),
            ],
        ),
        MemberReconciled {
            consumer,
            member_epoch,
            member_state,
            assigned,
            revoking,
            ..
        } => f(
            "ev.reconciled",
            &[
                ("consumer", consumer),
                ("epoch", member_epoch),
                ("state", member_state),
                ("tps", &tps(lang, assigned)),
                ("revoking", &tps(lang, revoking)),
            ],
        ),
        MemberFenced {
            group_id,
            consumer,
            reason,
            ..
        } => f(
            "ev.fenced",
            &[
                ("consumer", consumer),
                ("group", group_id),
                ("reason", &t(lang, leave_reason(*reason))),
            ],
        ),
        _ => return None,
    })
}
