//! The notice after a command: a short confirmation of what a command did, or why Kafka refused it, in the
//! reader's language.

use std::fmt::Display;

use grouplab_model::command::Command;
use grouplab_model::sim::commands::Applied;
use grouplab_model::ModelError;

use super::notice::Notice;
use crate::i18n::{plural, say, t, tf, Lang};

/// The notice for `cmd`'s outcome; an error (e.g. a rate out of range) is the model's, said in `lang`.
pub fn notice(cmd: &Command, result: Result<Applied, ModelError>) -> Notice {
    match result {
        Ok(applied) => Notice::new(false, &|lang| describe(lang, cmd, &applied)),
        Err(e) => Notice::new(true, &|lang| {
            tf(lang, "notice.refused", &[("error", &say(lang, &e))])
        }),
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
        let nobody = || {
            Err(ModelError::UnknownConsumer {
                consumer: "nobody".into(),
            })
        };
        let refused = notice(&cmd, nobody());
        assert!(refused.error);
        assert_eq!(
            refused.text.get(Lang::Hi),
            "Kafka ne mana kr diya: \"nobody\" naam ka koi consumer nhi hai."
        );
        assert_eq!(
            refused.text.get(Lang::En),
            "Kafka refused: no consumer named \"nobody\"."
        );
    }

    /// A reason inside an error is said in the same language (it was English free text).
    #[test]
    fn a_refusal_with_a_reason_is_hinglish() {
        let cmd = Command::SetProduceRate {
            producer: "producer1".into(),
            topic: "test-topic".into(),
            records_per_sec: 5_000_000,
            keys: grouplab_model::command::KeySpec::Null,
        };
        let e = ModelError::InvalidValue {
            field: "records_per_sec".into(),
            reason: grouplab_model::error::Reason::Outside {
                value: 5_000_000,
                min: 1,
                max: 100_000,
            },
        };
        let said = notice(&cmd, Err(e)).text;
        assert_eq!(
            said.get(Lang::Hi),
            "Kafka ne mana kr diya: records_per_sec galat hai: 5000000 range 1..=100000 k bahar hai."
        );
        assert_eq!(
            said.get(Lang::En),
            "Kafka refused: invalid records_per_sec: 5000000 is outside 1..=100000."
        );
    }
}
