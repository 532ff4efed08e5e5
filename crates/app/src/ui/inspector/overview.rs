//! With nothing selected: every consumer with its actions (close, crash, restart, commit now, slow down).

use yew::prelude::*;

use grouplab_model::command::Command;

use super::consumer::ConsumerActions;
use crate::ui::selection::Selection;
use crate::ui::snapshot::Snapshot;
use crate::ui::stage::member::state_label;

/// A big world lists its first consumers only (each row is several controls, redrawn every frame).
const LIST_LIMIT: usize = 24;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub view: Snapshot,
    pub on_command: Callback<Command>,
    pub on_select: Callback<Selection>,
}

#[function_component(Overview)]
pub fn overview(p: &OverviewProps) -> Html {
    let v = &p.view.view;
    html! {
        <>
            <p class="hint">{ "Click (or Tab to) a broker, record, partition, group or consumer on the stage to see it explained here." }</p>
            <h3>{ "Consumers" }</h3>
            <ul class="consumer-list">
            { for v.consumers.iter().take(LIST_LIMIT).map(|c| {
                let gs = c.group_id.as_deref().and_then(|g| v.groups.iter().find(|x| x.group_id == g)).map(|g| g.state);
                let name = c.name.clone();
                let sel = p.on_select.reform(move |_: MouseEvent| Selection::Consumer(name.clone()));
                html! {
                    <li key={c.name.clone()} data-consumer-row={c.name.clone()}>
                        <div>
                            <button class="link" onclick={sel}>{ &c.name }</button>
                            { format!(" · {} · {} · owns {}", c.group_id.as_deref().unwrap_or("(assign)"), state_label(c, gs),
                                if c.assigned.is_empty() { "nothing".to_string() } else { c.assigned.join(", ") }) }
                        </div>
                        <ConsumerActions name={c.name.clone()} status={c.status.clone()} rate={c.records_per_sec}
                            compact=true on_command={p.on_command.clone()} />
                    </li>
                }
            }) }
            if v.consumers.len() > LIST_LIMIT {
                <li class="hint" data-more-consumers={(v.consumers.len() - LIST_LIMIT).to_string()}>
                    { format!("… and {} more: select one on the stage.", v.consumers.len() - LIST_LIMIT) }
                </li>
            }
            </ul>
        </>
    }
}
