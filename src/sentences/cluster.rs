//! Sentences for the cluster and the wire: topics, brokers, leaders, producers, requests and responses.

use super::*;

/// The sentence for `kind`, if it is one of this family's events.
pub(super) fn sentence(lang: Lang, kind: &EventKind) -> Option<String> {
    use EventKind::*;
    let f = |key: &str, args: &[(&str, &dyn Display)]| tf(lang, key, args);
    Some(match kind {
        TopicCreated {
            topic,
            partitions,
            auto_created,
        } => f(
            if *auto_created {
                "ev.topic_auto_created"
            } else {
                "ev.topic_created"
            },
            &[
                ("topic", topic),
                ("n", partitions),
                ("s", &plural(u64::from(*partitions))),
            ],
        ),
        PartitionsAdded { topic, from, to } => f(
            "ev.partitions_added",
            &[("topic", topic), ("from", from), ("to", to)],
        ),
        BrokerStopped { broker } => f("ev.broker_stopped", &[("broker", broker)]),
        BrokerStarted { broker } => f("ev.broker_started", &[("broker", broker)]),
        LeaderChanged { tp, leader } => match leader {
            Some(b) => f("ev.leader", &[("broker", b), ("tp", tp)]),
            None => f("ev.no_leader", &[("tp", tp)]),
        },
        CoordinatorMoved { group_id, from, to } => f(
            "ev.coordinator_moved",
            &[
                ("group", group_id),
                ("from", &broker_opt(lang, *from)),
                ("to", &broker_opt(lang, *to)),
            ],
        ),
        ProducerAdded { producer } => f("ev.producer_added", &[("producer", producer)]),
        RecordsProduced {
            producer,
            tp,
            base_offset,
            count,
        } => {
            if *count == 1 {
                f(
                    "ev.produced_one",
                    &[("producer", producer), ("tp", tp), ("offset", base_offset)],
                )
            } else {
                f(
                    "ev.produced",
                    &[
                        ("producer", producer),
                        ("count", count),
                        ("tp", tp),
                        ("from", base_offset),
                        ("to", &(base_offset + u64::from(*count) - 1)),
                    ],
                )
            }
        }
        ProduceFailed {
            producer,
            tp,
            error,
            count,
        } => f(
            "ev.produce_failed",
            &[
                ("producer", producer),
                ("count", count),
                ("s", &plural(u64::from(*count))),
                ("tp", tp),
                ("error", &error_name(*error)),
            ],
        ),
        RequestSent { api, from, to, .. } => f(
            "ev.request",
            &[
                ("from", &endpoint(lang, from)),
                ("api", &api_name(*api)),
                ("to", &endpoint(lang, to)),
            ],
        ),
        ResponseSent { api, to, error, .. } => {
            let (to, api) = (endpoint(lang, to), api_name(*api));
            if *error == ErrorCode::None {
                f("ev.response", &[("to", &to), ("api", &api)])
            } else {
                f(
                    "ev.response_error",
                    &[("to", &to), ("api", &api), ("error", &error_name(*error))],
                )
            }
        }
        PartitionSeeded {
            tp,
            log_start_offset,
            log_end_offset,
        } => f(
            "ev.partition_seeded",
            &[
                ("tp", tp),
                ("from", log_start_offset),
                ("to", log_end_offset),
            ],
        ),
        _ => return None,
    })
}
