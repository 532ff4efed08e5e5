//! Step-by-step explanations shared by several panels: a key's partition, and a group's coordinator.

use yew::prelude::*;

use grouplab_model::coordinator::CoordinatorLookup;
use grouplab_model::partitioner::{HashFn, Partitioner, Placement, StickyRule};

use crate::i18n::{t, tf, Lang};
use crate::ui::markup::code_step;

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// key -> UTF-8 bytes -> hash -> positive -> modulo, for one partitioner.
pub fn key_steps(lang: Lang, partitioner: Partitioner, key: Option<&str>, partitions: u32) -> Html {
    let placement = partitioner.place(key.map(str::as_bytes), partitions);
    let key_text = key.map_or(t(lang, "steps.null_key").to_string(), |k| format!("{k:?}"));
    match placement {
        Placement::Hashed(s) => {
            let (fname, pos) = match s.hash_fn {
                HashFn::Murmur2 => ("steps.murmur2", "steps.murmur2_positive"),
                HashFn::Crc32 => ("steps.crc32", "steps.crc32_positive"),
                HashFn::Fnv1a => ("steps.fnv1a", "steps.fnv1a_positive"),
            };
            let bytes = if s.key_bytes.is_empty() {
                t(lang, "steps.no_bytes").to_string()
            } else {
                hex(&s.key_bytes)
            };
            html! {
                <ol class="steps" data-steps="partitioner" data-partition-result={s.partition.to_string()}>
                    <li>{ tf(lang, "steps.partitioner_key", &[("partitioner", &partitioner.name()), ("key", &key_text)]) }</li>
                    { code_step(t(lang, "steps.bytes"), Some(": "), bytes) }
                    { code_step(t(lang, fname), Some(": "), s.hash.to_string()) }
                    { code_step(t(lang, pos), Some(": "), s.positive.to_string()) }
                    { code_step(t(lang, "steps.modulo"), Some(": "), format!("{} % {} = {}", s.positive, s.num_partitions, s.partition)) }
                    <li><strong>{ tf(lang, "steps.result", &[("p", &s.partition)]) }</strong></li>
                </ol>
            }
        }
        Placement::Sticky(rule) => {
            let why = t(
                lang,
                match rule {
                    StickyRule::UniformSticky => "steps.uniform_sticky",
                    StickyRule::StickyRandom => "steps.sticky_random",
                },
            );
            let text = tf(
                lang,
                "steps.sticky",
                &[
                    ("key", &key_text),
                    ("partitioner", &partitioner.name()),
                    ("why", &why),
                ],
            );
            html! { <p class="steps" data-steps="sticky">{ text }</p> }
        }
        Placement::RandomPerMessage => html! {
            <p class="steps" data-steps="random">{ t(lang, "steps.random") }</p>
        },
    }
}

/// `abs(hashCode(group.id)) % offsets.topic.num.partitions` -> partition -> its leader.
pub fn coordinator_steps(lang: Lang, l: &CoordinatorLookup, leader: Option<u32>) -> Html {
    html! {
        <ol class="steps" data-steps="coordinator" data-offsets-partition={l.offsets_partition.to_string()}>
            { code_step("group.id ", None, format!("{:?}", l.group_id)) }
            { code_step("Java String.hashCode(): ", None, l.java_hashcode.to_string()) }
            { code_step("Utils.abs: ", None, l.abs_hashcode.to_string()) }
            { code_step(t(lang, "steps.offsets_modulo"), Some(": "),
                format!("{} % {} = {}", l.abs_hashcode, l.offsets_topic_partitions, l.offsets_partition)) }
            <li>{ tf(lang, "steps.lives_in", &[("p", &l.offsets_partition)]) }</li>
            <li><strong>{ match leader {
                Some(b) => tf(lang, "steps.coordinator", &[("broker", &b)]),
                None => t(lang, "steps.no_coordinator").to_string(),
            } }</strong></li>
        </ol>
    }
}
