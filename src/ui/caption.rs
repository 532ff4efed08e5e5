//! The caption docked on top of the stage: in a lesson, the step's narration with its Back / Next beside it
//! (Back truly rewinds), what the model shows now, and a word when the clock was taken out of the step's time;
//! in free play, one line that invites to touch the stage or start a lesson. Every string comes from the i18n
//! layer. `data-lesson`, `data-lesson-step`, `data-lesson-state`, `[data-narration]`, `[data-lesson-back]`,
//! `[data-lesson-next]` and `[data-fact][data-value]` (`data-revoked` on a rebalance's cost) are for tests and course pages.

use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::timeline::Timeline;
use grouplab_model::view::WorldView;

use crate::i18n::{t, tf, Lang};
use crate::lessons::facts::facts;
use crate::lessons::{self, step_key, title_key, Place};
use crate::session::Drawer;
use crate::ui::format;

/// The table of contents: (id, number of steps) per lesson.
pub type Toc = Rc<Vec<(&'static str, usize)>>;

/// Where the caption is and what it draws from.
pub struct Caption<'a> {
    pub toc: &'a Toc,
    pub place: Option<Place>,
    /// A step is playing (the clock stops at its end).
    pub playing: bool,
    /// The step's time range, when the clock is outside it.
    pub off_step: Option<(u64, u64)>,
    pub view: &'a WorldView,
    /// The model's history, for facts about what happened (what a rebalance cost).
    pub timeline: &'a Timeline,
    pub on_go: &'a Callback<Option<Place>>,
    /// Opens the lessons' contents.
    pub on_lessons: &'a Callback<Drawer>,
    /// A compact embed: no drawer of contents to open, and no way out of the lesson (the embed is the lesson).
    pub compact: bool,
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
pub fn caption(lang: Lang, p: Caption) -> Html {
    let contents = p.on_lessons.reform(|_: MouseEvent| Drawer::Lessons);
    let Some(place) = p.place else {
        return html! {
            <section class="caption caption--free" aria-label={t(lang, "lesson.heading")} data-lesson="">
                <button class="btn btn--primary btn--small" data-action="lessons" onclick={contents}>
                    { t(lang, "lesson.start") }</button>
                <p class="caption__hint">{ t(lang, "caption.free") }</p>
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
    let facts = facts(id, k, p.view, p.timeline, lang);
    html! {
        <section class="caption lesson" aria-label={t(lang, "lesson.heading")}
                 data-lesson={id} data-lesson-step={k.to_string()}
                 data-lesson-state={if p.playing { "playing" } else { "paused" }}>
            <div class="caption__head">
                <h2 class="lesson__title">
                    if p.compact {
                        { t(lang, &title_key(id)) }
                    } else {
                        <button class="link" data-action="lessons" onclick={contents}
                                title={t(lang, "lesson.toc")}>{ t(lang, &title_key(id)) }</button>
                    }
                    <span class="lesson__count">
                        { format!("{} {} {} {steps}", t(lang, "lesson.step"), k + 1, t(lang, "lesson.of")) }
                    </span>
                </h2>
                if !p.compact {
                    <button class="link caption__exit" data-action="lesson-exit" onclick={go(None)}
                        aria-label={t(lang, "lesson.free_play")} title={t(lang, "lesson.free_play")}>
                    // A phone shows only the ✕, so the lesson's title and step count share one line.
                    <span class="caption__exit-icon" aria-hidden="true">{ "✕" }</span>
                    <span class="caption__exit-words" aria-hidden="true">{ t(lang, "lesson.free_play") }</span>
                </button>
                }
            </div>
            <div class="caption__body">
                <div class="caption__words">
                    <p class="lesson__text" data-narration="" aria-live="polite">{ narration(lang, id, k, p.view) }</p>
                    if !facts.is_empty() {
                        <dl class="facts lesson__facts" aria-label={t(lang, "lesson.facts")}>
                            { for facts.into_iter().map(|f| html! { <>
                                <dt>{ t(lang, f.label) }</dt>
                                <dd data-fact={f.id} data-value={f.number.map(|n| n.to_string())}
                                    data-revoked={f.revoked.map(|n| n.to_string())}>{ f.value }</dd>
                            </> }) }
                        </dl>
                    }
                    if let Some((start, end)) = p.off_step {
                        <p class="caption__off" role="status" data-off-step="">
                            { tf(lang, "caption.off_step", &[("start", &format::fixed(start as f64 / 1000.0, 1)), ("end", &format::fixed(end as f64 / 1000.0, 1))]) }
                            { " " }
                            <button class="btn btn--small" data-action="lesson-return" onclick={go(Some(place))}>
                                { t(lang, "caption.return") }</button>
                        </p>
                    } else {
                        <p class="lesson__status" role="status">{ t(lang, status) }</p>
                    }
                </div>
                <div class="caption__nav">
                    <button class="btn" data-action="lesson-back" data-lesson-back="" disabled={k == 0}
                            onclick={go(Some(back))}>{ t(lang, "lesson.back") }</button>
                    { for next.map(|(to, action, label)| html! {
                        <button class="btn btn--primary" data-action={action} data-lesson-next="" onclick={go(Some(to))}>{ t(lang, label) }</button>
                    }) }
                </div>
            </div>
        </section>
    }
}
