//! A record: where it sits, and how its key chose the partition (with the producer's partitioner), next to
//! what the other client's default partitioner would have chosen.

use yew::prelude::*;

use grouplab_model::partitioner::Partitioner;
use grouplab_model::view::WorldView;

use super::steps::key_steps;
use crate::i18n::{t, tf, Lang};
use crate::ui::markup::facts;

/// A partitioner with its client and hash, as "Java's default (murmur2)" or "librdkafka's consistent_random
/// (crc32)": "the default partitioner" alone means a different one to a Java and to a confluent-kafka reader.
pub fn partitioner_by(lang: Lang, p: Partitioner) -> String {
    let client = if p == Partitioner::JavaDefault {
        "Java"
    } else {
        "librdkafka"
    };
    let hash = match p {
        Partitioner::JavaDefault | Partitioner::Murmur2Random | Partitioner::Murmur2 => "murmur2",
        Partitioner::ConsistentRandom | Partitioner::Consistent => "crc32",
        Partitioner::Fnv1aRandom | Partitioner::Fnv1a => "fnv1a",
        Partitioner::Random => "",
    };
    let args: [(&str, &dyn std::fmt::Display); 3] = [
        ("client", &client),
        ("partitioner", &p.name()),
        ("hash", &hash),
    ];
    if hash.is_empty() {
        tf(lang, "insp.partitioner_by_nohash", &args)
    } else {
        tf(lang, "insp.partitioner_by", &args)
    }
}

pub fn record_panel(lang: Lang, v: &WorldView, tp: &str, offset: u64) -> Html {
    let tr = |key| t(lang, key);
    let Some((topic, n)) = tp.rsplit_once('/') else {
        return html! {};
    };
    let t = v.topics.iter().find(|t| t.name == topic);
    let record = t
        .and_then(|t| t.partitions.iter().find(|x| x.partition.to_string() == n))
        .and_then(|part| part.records.iter().find(|r| r.offset == offset));
    let Some(r) = record else {
        return html! { <p>{ tr("insp.record_gone") }</p> };
    };
    let partitions = t.map_or(1, |t| t.partitions.len() as u32);
    let partitioner = v
        .producers
        .iter()
        .find(|x| x.name == r.producer)
        .map_or(Partitioner::ConsistentRandom, |x| x.partitioner);
    let other = if partitioner == Partitioner::JavaDefault {
        Partitioner::ConsistentRandom
    } else {
        Partitioner::JavaDefault
    };
    let key = r.key.as_deref().map(str::as_bytes);
    let mine = partitioner.place(key, partitions).partition();
    let other_place = other.place(key, partitions).partition();
    let (mine_by, other_by) = (
        partitioner_by(lang, partitioner),
        partitioner_by(lang, other),
    );
    let compared = match (mine, other_place) {
        (Some(a), Some(b)) => tf(
            lang,
            "insp.other_would",
            &[
                ("n", &partitions),
                ("mine", &mine_by),
                ("a", &a),
                ("other", &other_by),
                ("b", &b),
            ],
        ),
        (None, Some(b)) => tf(
            lang,
            "insp.other_would_only",
            &[("other", &other_by), ("b", &b)],
        ),
        (_, None) => tf(lang, "insp.other_no_hash", &[("other", &other_by)]),
    };
    html! {
        <>
            { facts(vec![
                (tr("insp.partition"), Html::from(tp)),
                (tr("insp.offset"), Html::from(r.offset)),
                (tr("insp.key"), Html::from(r.key.clone().unwrap_or_else(|| "null".into()))),
                (tr("insp.value"), Html::from(&r.value)),
                (tr("insp.producer"), Html::from(&r.producer)),
                (tr("insp.timestamp"), Html::from(format!("{} ms", r.timestamp_ms))),
            ]) }
            <h3>{ tf(lang, "insp.how_chosen", &[("producer", &r.producer), ("n", &partitions)]) }</h3>
            { key_steps(lang, partitioner, r.key.as_deref(), partitions) }
            <p class="hint" data-partitioner-compare="">{ compared }</p>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partitioner_is_named_with_its_client_and_hash() {
        assert_eq!(
            partitioner_by(Lang::En, Partitioner::JavaDefault),
            "Java's default partitioner (murmur2)"
        );
        assert_eq!(
            partitioner_by(Lang::En, Partitioner::ConsistentRandom),
            "librdkafka's consistent_random partitioner (crc32)"
        );
        assert_eq!(
            partitioner_by(Lang::Hi, Partitioner::Random),
            "librdkafka ka random partitioner"
        );
    }
}
