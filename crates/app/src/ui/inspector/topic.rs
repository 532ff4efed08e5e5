//! A topic: its partitions, adding partitions, and where sample keys go now versus after one more partition
//! (keys remap when the partition count changes).

use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::partitioner::Partitioner;

use crate::ui::snapshot::Snapshot;

#[derive(Properties, PartialEq)]
pub struct TopicPanelProps {
    pub view: Snapshot,
    pub topic: String,
    pub on_command: Callback<Command>,
}

#[function_component(TopicPanel)]
pub fn topic_panel(p: &TopicPanelProps) -> Html {
    let v = &p.view.view;
    let Some(t) = v.topics.iter().find(|t| t.name == p.topic) else {
        return html! {};
    };
    let n = t.partitions.len() as u32;
    let partitioner = v
        .producers
        .first()
        .map_or(Partitioner::ConsistentRandom, |x| x.partitioner);
    let (on, topic) = (p.on_command.clone(), t.name.clone());
    let add = Callback::from(move |_| {
        on.emit(Command::AddPartitions {
            topic: topic.clone(),
            partitions: n + 1,
        })
    });
    let total: u64 = t
        .partitions
        .iter()
        .map(|x| x.log_end_offset - x.log_start_offset)
        .sum();
    html! {
        <>
            <dl class="facts">
                <dt>{ "partitions" }</dt><dd>{ n }</dd>
                <dt>{ "records" }</dt><dd>{ total }</dd>
            </dl>
            <button class="btn" onclick={add}>{ format!("Add a partition ({n} → {})", n + 1) }</button>
            <h3>{ format!("Keys now and with {} partitions ({})", n + 1, partitioner.name()) }</h3>
            <table class="table">
                <thead><tr><th>{ "key" }</th><th>{ format!("{n} partitions") }</th><th>{ format!("{} partitions", n + 1) }</th></tr></thead>
                <tbody>
                { for (0..10).map(|i| {
                    let key = format!("order-{i}");
                    let now = partitioner.place(Some(key.as_bytes()), n).partition();
                    let after = partitioner.place(Some(key.as_bytes()), n + 1).partition();
                    let moved = now != after;
                    let show = |x: Option<u32>| x.map_or("sticky".to_string(), |x| format!("P{x}"));
                    html! {
                        <tr class={classes!(moved.then_some("moved"))}>
                            <td>{ key.clone() }</td><td>{ show(now) }</td><td>{ show(after) }{ if moved { " (moves)" } else { "" } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <p class="hint">{ "Adding partitions never moves old records; new records with the same key may go to another partition, so per-key order holds only within a partition." }</p>
        </>
    }
}
