//! Sentences for what consumers do: start, stop, fetch, reset and commit offsets, time out.

use super::*;

/// The sentence for `kind`, if it is one of this family's events.
pub(super) fn sentence(lang: Lang, kind: &EventKind) -> Option<String> {
    use EventKind::*;
    let f = |key: &str, args: &[(&str, &dyn Display)]| tf(lang, key, args);
    Some(match kind {
        ConsumerStarted {
            consumer, group_id, ..
        } => match group_id {
            Some(g) => f(
                "ev.consumer_started",
                &[("consumer", consumer), ("group", g)],
            ),
            None => f("ev.consumer_started_alone", &[("consumer", consumer)]),
        },
        ConsoleConsumerStarted {
            consumer,
            group_id,
            from_beginning,
        } => f(
            if *from_beginning {
                "ev.console_started_beginning"
            } else {
                "ev.console_started"
            },
            &[("consumer", consumer), ("group", group_id)],
        ),
        ConsumerClosed { consumer } => f("ev.closed", &[("consumer", consumer)]),
        ConsumerCrashed { consumer } => f("ev.crashed", &[("consumer", consumer)]),
        RecordsFetched {
            consumer,
            tp,
            from_offset,
            to_offset,
            redelivered,
            ..
        } => f(
            if *redelivered > 0 {
                "ev.fetched_again"
            } else {
                "ev.fetched"
            },
            &[
                ("consumer", consumer),
                ("tp", tp),
                ("from", from_offset),
                ("to", to_offset),
                ("n", redelivered),
            ],
        ),
        OffsetReset {
            consumer,
            tp,
            policy,
            offset,
        } => f(
            "ev.offset_reset",
            &[
                ("consumer", consumer),
                ("tp", tp),
                ("policy", &serde_name(policy)),
                ("offset", offset),
            ],
        ),
        NoOffsetForPartition { consumer, tp } => {
            f("ev.no_offset", &[("consumer", consumer), ("tp", tp)])
        }
        OffsetCommitted {
            group_id,
            consumer,
            offsets,
        } => f(
            "ev.committed",
            &[
                ("consumer", consumer),
                (
                    "offsets",
                    &offsets
                        .iter()
                        .map(|(tp, o)| format!("{tp}={o}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("group", group_id),
            ],
        ),
        OffsetCommitFailed {
            group_id,
            consumer,
            error,
        } => f(
            "ev.commit_failed",
            &[
                ("consumer", consumer),
                ("group", group_id),
                ("error", &error_name(*error)),
            ],
        ),
        PollTimeoutExpired { consumer, group_id } => f(
            "ev.poll_timeout",
            &[("consumer", consumer), ("group", group_id)],
        ),
        SessionExpired {
            group_id,
            member_id,
        } => f(
            "ev.session_expired",
            &[("group", group_id), ("member", member_id)],
        ),
        UnknownTopic { consumer, topic } => f(
            "ev.unknown_topic",
            &[("consumer", consumer), ("topic", topic)],
        ),
        ConsumerError { consumer, message } => f(
            "ev.consumer_error",
            &[("consumer", consumer), ("message", message)],
        ),
        _ => return None,
    })
}
