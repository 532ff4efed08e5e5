//! The notice after an action: a short confirmation of what a command did, or why Kafka refused it, in the
//! reader's language.

use std::fmt::Display;

use grouplab_model::command::Command;
use grouplab_model::sim::commands::Applied;

use super::notice::Notice;
use crate::i18n::{plural, t, tf, Lang};

/// The notice for `cmd`'s outcome (an error, e.g. a rate out of range, keeps the model's own words).
pub fn notice<E: Display>(lang: Lang, cmd: &Command, result: Result<Applied, E>) -> Notice {
    match result {
        Ok(applied) => Notice {
            error: false,
            text: describe(lang, cmd, &applied),
        },
        Err(e) => Notice {
            error: true,
            text: tf(lang, "notice.refused", &[("error", &e)]),
        },
    }
}

/// A short confirmation of what a command did.
fn describe(lang: Lang, cmd: &Command, applied: &Applied) -> String {
    let name = applied.name.clone().unwrap_or_default();
    let f = |key: &str, args: &[(&str, &dyn Display)]| tf(lang, key, args);
    match cmd {
        Command::AddConsumer { config, .. } => match config.group_id.as_deref() {
            Some(g) => f("notice.consumer", &[("name", &name), ("group", &g)]),
            None => f("notice.consumer_no_group", &[("name", &name)]),
        },
        Command::RunConsoleConsumer { .. } => f(
            "notice.console",
            &[
                ("name", &name),
                ("group", &applied.group_id.clone().unwrap_or_default()),
            ],
        ),
        Command::Produce {
            key, count, topic, ..
        } => {
            let n = count.unwrap_or(1);
            let key = key
                .as_deref()
                .map_or("null".to_string(), |k| format!("{k:?}"));
            f(
                "notice.produce",
                &[
                    ("count", &n),
                    ("s", &plural(u64::from(n))),
                    ("topic", topic),
                    ("key", &key),
                ],
            )
        }
        Command::SetProduceRate {
            records_per_sec,
            topic,
            ..
        } => f(
            "notice.rate",
            &[("rate", records_per_sec), ("topic", topic)],
        ),
        Command::AddPartitions { topic, partitions } => {
            f("notice.partitions", &[("topic", topic), ("n", partitions)])
        }
        Command::StopBroker { broker } => f("ev.broker_stopped", &[("broker", broker)]),
        Command::StartBroker { broker } => f("ev.broker_started", &[("broker", broker)]),
        Command::CloseConsumer { consumer } => f("notice.close", &[("consumer", consumer)]),
        Command::CrashConsumer { consumer } => f("notice.crash", &[("consumer", consumer)]),
        Command::RestartConsumer { consumer } => f("notice.restart", &[("consumer", consumer)]),
        Command::CommitNow { consumer, .. } => f("notice.commit", &[("consumer", consumer)]),
        Command::SetProcessingRate {
            consumer,
            records_per_sec,
        } => match records_per_sec {
            Some(r) => f("notice.processing", &[("consumer", consumer), ("rate", r)]),
            None => f("notice.processing_instant", &[("consumer", consumer)]),
        },
        _ => t(lang, "notice.done").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_is_described_in_both_languages() {
        let cmd = Command::CrashConsumer {
            consumer: "consumer1".into(),
        };
        let applied = Applied::default();
        let en = describe(Lang::En, &cmd, &applied);
        let hi = describe(Lang::Hi, &cmd, &applied);
        assert!(en.starts_with("consumer1 crashed"), "{en}");
        assert!(hi.starts_with("consumer1 crash ho gya"), "{hi}");
        let refused = notice(Lang::Hi, &cmd, Err("no such consumer"));
        assert!(refused.error);
        assert_eq!(refused.text, "Kafka ne mana kr diya: no such consumer.");
    }
}
