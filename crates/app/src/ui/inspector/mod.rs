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

use super::selection::Selection;
use super::snapshot::Snapshot;
use crate::i18n::{t, tf, use_lang};

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub snap: Snapshot,
    pub selection: Option<Selection>,
    pub on_select: Callback<Option<Selection>>,
    pub on_command: Callback<Command>,
}

#[function_component(Inspector)]
pub fn inspector(p: &InspectorProps) -> Html {
    let lang = use_lang();
    let v = &p.snap;
    let select = p.on_select.reform(Some);
    let body = match &p.selection {
        None => {
            html! { <overview::Overview view={v.clone()} on_command={p.on_command.clone()} on_select={select} /> }
        }
        Some(Selection::Broker(b)) => {
            html! { <broker::BrokerPanel view={v.clone()} id={*b} on_command={p.on_command.clone()} /> }
        }
        Some(Selection::Producer(n)) => {
            html! { <producer::ProducerPanel view={v.clone()} name={n.clone()} /> }
        }
        Some(Selection::Topic(t)) => {
            html! { <topic::TopicPanel view={v.clone()} topic={t.clone()} on_command={p.on_command.clone()} /> }
        }
        Some(Selection::Partition(tp)) => {
            html! { <partition::PartitionPanel view={v.clone()} tp={tp.clone()} on_select={select} /> }
        }
        Some(Selection::Record(tp, o)) => {
            html! { <record::RecordPanel view={v.clone()} tp={tp.clone()} offset={*o} /> }
        }
        Some(Selection::Group(g)) => {
            html! { <group::GroupPanel view={v.clone()} group_id={g.clone()} on_select={select} /> }
        }
        Some(Selection::Consumer(c)) => {
            html! { <consumer::ConsumerPanel view={v.clone()} name={c.clone()} on_command={p.on_command.clone()} /> }
        }
    };
    let title = p
        .selection
        .as_ref()
        .map_or(t(lang, "insp.title").into(), |s| {
            tf(lang, "insp.title_of", &[("what", &s.name(lang))])
        });
    html! {
        <section class="panel inspector" aria-labelledby="inspector-title" data-inspecting={p.selection.as_ref().map(|s| s.label()).unwrap_or_default()}>
            <header class="panel__header">
                <h2 id="inspector-title">{ title }</h2>
                if p.selection.is_some() {
                    <button class="btn btn--small" onclick={p.on_select.reform(|_| None)}>{ t(lang, "insp.back") }</button>
                }
            </header>
            <div class="inspector__body">{ body }</div>
        </section>
    }
}
