//! The lesson panel above the stage: the current lesson's narration (paused at each step), what the model
//! shows now, Back / Next (Back truly rewinds), free play at the end, and the table of contents (links, so
//! every lesson has an address). Every string comes from the i18n layer. `data-lesson`,
//! `data-lesson-step`, `data-lesson-state`, `[data-narration]` and `[data-fact][data-value]` are for tests
//! and course pages.

use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::timeline::Timeline;
use grouplab_model::view::WorldView;

use crate::i18n::{t, tf, Lang};
use crate::lessons::facts::facts;
use crate::lessons::{self, step_key, title_key, Place};

/// The table of contents: (id, number of steps) per lesson.
pub type Toc = Rc<Vec<(&'static str, usize)>>;

/// Where the panel is and what it draws from.
pub struct LessonPanel<'a> {
    pub toc: &'a Toc,
    pub place: Option<Place>,
    /// A step is playing (the clock stops at its end).
    pub playing: bool,
    pub view: &'a WorldView,
    /// The model's history, for facts about what happened (what a rebalance cost).
    pub timeline: &'a Timeline,
    pub on_go: &'a Callback<Option<Place>>,
}

/// The narration of step `k`, with the names only the model knows filled in.
fn narration(lang: Lang, id: &str, k: usize, view: &WorldView) -> String {
    let args = lessons::narration::args(id, k, view, lang);
    let args: Vec<(&str, &dyn std::fmt::Display)> = args
        .iter()
        .map(|(name, value)| (*name, value as _))
        .collect();
    tf(lang, &step_key(id, k), &args)
}

/// A plain function, not a component: it shows the model's facts now, so it changes every frame anyway.
pub fn lesson_panel(lang: Lang, p: LessonPanel) -> Html {
    let toc = html! {
        // Folded, so the stage comes first: one line above it until the learner opens the contents.
        <details class="lesson__toc">
            <summary>{ t(lang, "lesson.toc") }</summary>
            <ol>{ for p.toc.iter().enumerate().map(|(i, (id, _))| html! {
                <li><a href={format!("#lesson={id}&step=0")} data-toc={*id}
                       aria-current={p.place.is_some_and(|pl| pl.lesson == i).then_some("step")}>
                    { t(lang, &title_key(id)) }</a></li>
            }) }</ol>
        </details>
    };
    let Some(place) = p.place else {
        return html! {
            <section class="panel lesson lesson--start" aria-label={t(lang, "lesson.heading")} data-lesson="">
                <h2 class="lesson__title">{ t(lang, "lesson.start") }</h2>
                { toc }
            </section>
        };
    };
    let (id, steps) = p.toc[place.lesson];
    let k = place.step;
    let last = k + 1 >= steps;
    let go = |to: Option<Place>| {
        let on = p.on_go.clone();
        Callback::from(move |_: MouseEvent| on.emit(to))
    };
    // Next: the next step, or at the end the next lesson (or nothing after the last).
    let next = if !last {
        Some((
            Place {
                lesson: place.lesson,
                step: k + 1,
            },
            "lesson-next",
            "lesson.next",
        ))
    } else if place.lesson + 1 < p.toc.len() {
        Some((
            Place {
                lesson: place.lesson + 1,
                step: 0,
            },
            "lesson-next-lesson",
            "lesson.next_lesson",
        ))
    } else {
        None
    };
    let back = Place {
        lesson: place.lesson,
        step: k.saturating_sub(1),
    };
    let status = if p.playing {
        "lesson.playing"
    } else if last {
        "lesson.done"
    } else {
        "lesson.paused"
    };
    html! {
        <section class="panel lesson" aria-label={t(lang, "lesson.heading")}
                 data-lesson={id} data-lesson-step={k.to_string()}
                 data-lesson-state={if p.playing { "playing" } else { "paused" }}>
            <h2 class="lesson__title">{ t(lang, &title_key(id)) }
                <span class="lesson__count">
                    { format!("{} {} {} {steps}", t(lang, "lesson.step"), k + 1, t(lang, "lesson.of")) }
                </span>
            </h2>
            <p class="lesson__text" data-narration="" aria-live="polite">{ narration(lang, id, k, p.view) }</p>
            <dl class="facts lesson__facts" aria-label={t(lang, "lesson.facts")}>
                { for facts(id, k, p.view, p.timeline, lang).into_iter().map(|f| html! { <>
                    <dt>{ t(lang, f.label) }</dt>
                    <dd data-fact={f.id} data-value={f.number.map(|n| n.to_string())}>{ f.value }</dd>
                </> }) }
            </dl>
            <p class="lesson__status" role="status">{ t(lang, status) }</p>
            <div class="lesson__nav">
                <button class="btn" data-action="lesson-back" data-lesson-back="" disabled={k == 0}
                        onclick={go(Some(back))}>{ t(lang, "lesson.back") }</button>
                { for next.map(|(to, action, label)| html! {
                    <button class="btn btn--primary" data-action={action} data-lesson-next="" onclick={go(Some(to))}>{ t(lang, label) }</button>
                }) }
                <span class="controls__spacer" />
                <button class="link" data-action="lesson-exit" onclick={go(None)}>{ t(lang, "lesson.free_play") }</button>
            </div>
            { toc }
        </section>
    }
}
