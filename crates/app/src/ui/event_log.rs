//! The event log: what happened, in plain sentences, newest first. Filterable by kind and by text; a click
//! on a line seeks the timeline to that moment. An `aria-live` region, so screen readers hear new events.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::format;
use super::snapshot::{LogBook, LogLine};
use crate::sentences::Category;

/// Lines drawn at most (the buffers hold more).
const SHOWN: usize = 120;

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub book: Rc<LogBook>,
    pub on_seek: Callback<u64>,
}

#[function_component(EventLog)]
pub fn event_log(p: &EventLogProps) -> Html {
    let filter = use_state(|| "notable".to_string());
    let query = use_state(String::new);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            filter.set(s.value());
        })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let s: HtmlInputElement = e.target_unchecked_into();
            query.set(s.value());
        })
    };
    let cat = Category::ALL
        .iter()
        .find(|c| c.id() == filter.as_str())
        .copied();
    // Group and cluster events are notable: the longer notable buffer has them; the rest come from all.
    let source: Box<dyn DoubleEndedIterator<Item = &LogLine>> = match (filter.as_str(), cat) {
        ("all", _) => Box::new(p.book.all.iter()),
        (_, Some(c @ (Category::Group | Category::Cluster))) => {
            Box::new(p.book.notable.iter().filter(move |l| l.category == c))
        }
        (_, Some(c)) => Box::new(p.book.all.iter().filter(move |l| l.category == c)),
        _ => Box::new(p.book.notable.iter()),
    };
    let q = query.to_lowercase();
    let lines: Vec<&LogLine> = source
        .rev()
        .filter(|l| q.is_empty() || l.text.to_lowercase().contains(&q))
        .take(SHOWN)
        .collect();
    html! {
        <section class="panel event-log" aria-labelledby="event-log-title">
            <header class="panel__header">
                <h2 id="event-log-title">{ "Event log" }</h2>
                <label class="sr-only" for="event-filter">{ "Show" }</label>
                <select id="event-filter" onchange={on_filter} aria-label="Which events to show">
                    <option value="notable" selected={*filter == "notable"}>{ "Notable events" }</option>
                    <option value="all" selected={*filter == "all"}>{ "Everything (recent)" }</option>
                    { for Category::ALL.iter().map(|c| html! {
                        <option value={c.id()} selected={*filter == c.id()}>{ c.label() }</option>
                    }) }
                </select>
                <input class="event-log__search" type="search" placeholder="Filter text" value={(*query).clone()}
                       oninput={on_query} aria-label="Filter the event log by text" />
            </header>
            <div class="event-log__list" role="log" aria-live="polite" aria-relevant="additions"><ol>
                if lines.is_empty() {
                    <li class="event-log__empty">{ "Nothing yet." }</li>
                }
                { for lines.into_iter().map(|l| {
                    let t = l.time_ms;
                    let on_seek = p.on_seek.clone();
                    html! {
                        <li key={l.seq} class={classes!("event", format!("cat-{}", l.category.id()))} data-seq={l.seq.to_string()}>
                            <button class="event__line" onclick={Callback::from(move |_| on_seek.emit(t))}
                                    title="Seek the timeline to this moment">
                                <time>{ format::seconds(l.time_ms) }</time>
                                <span>{ l.text.clone() }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol></div>
        </section>
    }
}
