//! A record: where it sits, and how its key chose the partition (with the producer's partitioner), next to
//! what the other client's default partitioner would have chosen.

use yew::prelude::*;

use grouplab_model::partitioner::Partitioner;
use grouplab_model::view::WorldView;

use super::steps::key_steps;
use crate::i18n::{t, tf, Lang};
use crate::ui::markup::facts;

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
    let other_place = other
        .place(r.key.as_deref().map(str::as_bytes), partitions)
        .partition();
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
            <p class="hint">{ match other_place {
                Some(x) => tf(lang, "insp.other_would", &[("partitioner", &other.name()), ("p", &x)]),
                None => tf(lang, "insp.other_no_hash", &[("partitioner", &other.name())]),
            } }</p>
        </>
    }
}
