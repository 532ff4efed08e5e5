//! The inspector: whatever is selected, explained (partitioner steps for a key, the coordinator
//! computation, a group's generations with moved partitions and what each other assignor would have given,
//! a partition's records and offsets, a consumer with its actions).

mod broker;
mod consumer;
mod group;
mod overview;
mod partition;
mod producer;
mod record;
mod steps;
mod topic;

use yew::prelude::*;

use grouplab_model::command::Command;

use super::snapshot::Snapshot;
use crate::i18n::{t, tf, Lang};
use crate::session::Selection;

/// A plain function, not a component: its snapshot changes every frame, so a component's props comparison
/// would never spare a render.
pub fn inspector(
    lang: Lang,
    snap: &Snapshot,
    selection: Option<&Selection>,
    on_select: &Callback<Option<Selection>>,
    on_command: &Callback<Command>,
) -> Html {
    let v = &snap.view;
    let select = on_select.reform(Some);
    // The stateless panels are plain functions; the body is keyed by the kind of entity, so another kind gets a
    // fresh body (as another component would) while the same kind is updated in place.
    let (kind, body) = match selection {
        None => ("overview", overview::overview(lang, v, on_command, &select)),
        Some(Selection::Broker(b)) => ("broker", broker::broker_panel(lang, v, *b, on_command)),
        Some(Selection::Producer(n)) => (
            "producer",
            html! { <producer::ProducerPanel view={snap.clone()} name={n.clone()} /> },
        ),
        Some(Selection::Topic(t)) => ("topic", topic::topic_panel(lang, v, t, on_command)),
        Some(Selection::Partition(tp)) => (
            "partition",
            partition::partition_panel(lang, v, tp, &select),
        ),
        Some(Selection::Record(tp, o)) => ("record", record::record_panel(lang, v, tp, *o)),
        Some(Selection::Group(g)) => (
            "group",
            html! { <group::GroupPanel view={snap.clone()} group_id={g.clone()} on_select={select} /> },
        ),
        Some(Selection::Consumer(c)) => {
            ("consumer", consumer::consumer_panel(lang, v, c, on_command))
        }
    };
    let title = selection.map_or(t(lang, "insp.title").into(), |s| {
        tf(lang, "insp.title_of", &[("what", &s.name(lang))])
    });
    html! {
        <section class="panel inspector" aria-labelledby="inspector-title" data-inspecting={selection.map(|s| s.label()).unwrap_or_default()}>
            <header class="panel__header">
                <h2 id="inspector-title">{ title }</h2>
                if selection.is_some() {
                    <button class="btn btn--small" onclick={on_select.reform(|_| None)}>{ t(lang, "insp.back") }</button>
                }
            </header>
            <div class="inspector__body" key={kind}>{ body }</div>
        </section>
    }
}
