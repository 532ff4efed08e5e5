//! The event log: what happened, in plain sentences, newest first. Filterable by kind and by text; a click
//! on a line seeks the timeline to that moment. An `aria-live` region, so screen readers hear new events.
//! Lines are put into words when drawn, so switching the language rewrites the whole log.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::format;
use super::snapshot::{LogBook, LogLine};
use crate::i18n::{t, use_lang};
use crate::sentences::{sentence, Category};

/// Lines drawn at most (the buffers hold more).
const SHOWN: usize = 120;

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub book: Rc<LogBook>,
    pub on_seek: Callback<u64>,
}

#[function_component(EventLog)]
pub fn event_log(p: &EventLogProps) -> Html {
    let lang = use_lang();
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
    let all = p.book.all.iter().map(Rc::as_ref);
    let notable = p.book.notable.iter().map(Rc::as_ref);
    let source: Box<dyn DoubleEndedIterator<Item = &LogLine>> = match (filter.as_str(), cat) {
        ("all", _) => Box::new(all),
        (_, Some(c @ (Category::Group | Category::Cluster))) => {
            Box::new(notable.filter(move |l| l.category == c))
        }
        (_, Some(c)) => Box::new(all.filter(move |l| l.category == c)),
        _ => Box::new(notable),
    };
    // ASCII case folding: the sentences are English or Hinglish in Latin letters and Kafka's names, so it is the
    // whole of the folding they need (a group id in other scripts still matches as written), and the wasm then
    // needs no Unicode case tables (about 13 KB).
    let q = query.to_ascii_lowercase();
    let lines: Vec<(&LogLine, String)> = source
        .rev()
        .map(|l| (l, sentence(lang, &l.kind)))
        .filter(|(_, text)| q.is_empty() || text.to_ascii_lowercase().contains(&q))
        .take(SHOWN)
        .collect();
    html! {
        <section class="panel event-log" aria-labelledby="event-log-title">
            <header class="panel__header">
                <h2 id="event-log-title">{ t(lang, "log.title") }</h2>
                <label class="sr-only" for="event-filter">{ t(lang, "log.show") }</label>
                <select id="event-filter" onchange={on_filter} aria-label={t(lang, "log.show_label")}>
                    <option value="notable" selected={*filter == "notable"}>{ t(lang, "log.notable") }</option>
                    <option value="all" selected={*filter == "all"}>{ t(lang, "log.all") }</option>
                    { for Category::ALL.iter().map(|c| html! {
                        <option value={c.id()} selected={*filter == c.id()}>{ t(lang, c.label_key()) }</option>
                    }) }
                </select>
                <input class="event-log__search" type="search" placeholder={t(lang, "log.filter")} value={(*query).clone()}
                       oninput={on_query} aria-label={t(lang, "log.filter_label")} />
            </header>
            <div class="event-log__list" role="log" aria-live="polite" aria-relevant="additions"><ol>
                if lines.is_empty() {
                    <li class="event-log__empty">{ t(lang, "log.empty") }</li>
                }
                { for lines.into_iter().map(|(l, text)| {
                    let at = l.time_ms;
                    let on_seek = p.on_seek.clone();
                    html! {
                        <li key={l.seq} class={format!("event cat-{}", l.category.id())} data-seq={l.seq.to_string()}>
                            <button class="event__line" onclick={Callback::from(move |_| on_seek.emit(at))}
                                    title={t(lang, "log.seek")}>
                                <time>{ format::seconds(l.time_ms) }</time>
                                <span>{ text }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol></div>
        </section>
    }
}
