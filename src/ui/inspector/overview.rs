//! With nothing selected: every consumer with its actions (close, crash, restart, commit now, slow down).

use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::view::WorldView;

use super::consumer::ConsumerActions;
use crate::i18n::{t, tf, Lang};
use crate::session::Selection;
use crate::ui::stage::member::{state_key, state_label};

/// A big world lists its first consumers only (each row is several controls, redrawn every frame).
const LIST_LIMIT: usize = 24;

pub fn overview(
    lang: Lang,
    v: &WorldView,
    on_command: &Callback<Command>,
    on_select: &Callback<Selection>,
) -> Html {
    html! {
        <>
            <p class="hint">{ t(lang, "insp.overview_hint") }</p>
            <h3>{ t(lang, "act.consumers") }</h3>
            <ul class="consumer-list">
            { for v.consumers.iter().take(LIST_LIMIT).map(|c| {
                let gs = c.group_id.as_deref().and_then(|g| v.groups.iter().find(|x| x.group_id == g)).map(|g| g.state);
                let name = c.name.clone();
                let sel = on_select.reform(move |_: MouseEvent| Selection::Consumer(name.clone()));
                html! {
                    <li key={c.name.clone()} data-consumer-row={c.name.clone()}>
                        <div>
                            <button class="link" onclick={sel}>{ c.name.clone() }</button>
                            { tf(lang, "insp.consumer_row", &[
                                ("group", &c.group_id.as_deref().unwrap_or(t(lang, "insp.assign"))),
                                ("state", &t(lang, state_key(state_label(c, gs)))),
                                ("owns", &if c.assigned.is_empty() { t(lang, "insp.nothing").to_string() } else { c.assigned.join(", ") }),
                            ]) }
                        </div>
                        <ConsumerActions name={c.name.clone()} status={c.status.clone()} rate={c.records_per_sec}
                            compact=true on_command={on_command.clone()} />
                    </li>
                }
            }) }
            if v.consumers.len() > LIST_LIMIT {
                <li class="hint" data-more-consumers={(v.consumers.len() - LIST_LIMIT).to_string()}>
                    { tf(lang, "insp.more_consumers", &[("n", &(v.consumers.len() - LIST_LIMIT))]) }
                </li>
            }
            </ul>
        </>
    }
}
