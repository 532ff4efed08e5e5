//! A topic: its partitions, adding partitions, and where sample keys go now versus after one more partition
//! (keys remap when the partition count changes).

use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::partitioner::Partitioner;
use grouplab_model::view::WorldView;

use crate::i18n::{t, tf, Lang};
use crate::ui::markup::{facts, head_row};

pub fn topic_panel(lang: Lang, v: &WorldView, name: &str, on_command: &Callback<Command>) -> Html {
    let Some(topic) = v.topics.iter().find(|x| x.name == name) else {
        return html! {};
    };
    let n = topic.partitions.len() as u32;
    let partitioner = v
        .producers
        .first()
        .map_or(Partitioner::ConsistentRandom, |x| x.partitioner);
    let total: u64 = topic
        .partitions
        .iter()
        .map(|x| x.log_end_offset - x.log_start_offset)
        .sum();
    let (on, name) = (on_command.clone(), topic.name.clone());
    let add = Callback::from(move |_| {
        on.emit(Command::AddPartitions {
            topic: name.clone(),
            partitions: n + 1,
        })
    });
    html! {
        <>
            { facts(vec![
                (t(lang, "insp.partitions"), Html::from(n)),
                (t(lang, "insp.records"), Html::from(total)),
            ]) }
            <button class="btn" onclick={add}>{ tf(lang, "insp.add_partition", &[("n", &n), ("m", &(n + 1))]) }</button>
            <h3>{ tf(lang, "insp.keys_now", &[("m", &(n + 1)), ("partitioner", &partitioner.name())]) }</h3>
            <table class="table">
                { head_row([t(lang, "insp.key").to_string(), tf(lang, "insp.n_partitions", &[("n", &n)]),
                    tf(lang, "insp.n_partitions", &[("n", &(n + 1))])]) }
                <tbody>
                { for (0..10).map(|i| {
                    let key = format!("order-{i}");
                    let now = partitioner.place(Some(key.as_bytes()), n).partition();
                    let after = partitioner.place(Some(key.as_bytes()), n + 1).partition();
                    let moved = now != after;
                    let show = |x: Option<u32>| x.map_or(t(lang, "insp.sticky").to_string(), |x| format!("P{x}"));
                    html! {
                        <tr class={moved.then_some("moved")}>
                            <td>{ key.clone() }</td><td>{ show(now) }</td><td>{ show(after) }{ if moved { t(lang, "insp.moves") } else { "" } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <p class="hint">{ t(lang, "insp.topic_hint") }</p>
        </>
    }
}
