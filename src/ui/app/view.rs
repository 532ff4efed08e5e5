//! The page's markup. The stage is the page: a one-line header, the lesson's caption docked on top of the stage,
//! the stage filling what is left, and under it the clock, the timeline and the drawer tabs. Everything else
//! (the forms, the client code, the event log, the inspector, the lessons' contents) opens on demand in a drawer
//! beside the stage (a sheet over its foot on a phone); what is touched on the stage is explained in a popover at
//! it.
//!
//! The compact views (`view=lesson`, `view=stage`: an embed's default) keep the caption (in a lesson, for
//! `view=lesson`), the stage and the popover, and replace the header, the bar and the drawers with one compact
//! bar: play/pause, the clock, the language, "Open in GroupLab ↗" and the timeline.

use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::timeline::LoggedCommand;

use super::callbacks::Callbacks;
use crate::i18n::{t, Lang};
use crate::session::{Drawer, Session};
use crate::ui::actions::Actions;
use crate::ui::caption::{caption, Caption};
use crate::ui::code_panel::CodePanel;
use crate::ui::context_menu::ContextMenu;
use crate::ui::context_menu::MenuAt;
use crate::ui::controls::Controls;
use crate::ui::drawer::{drawer, drawer_tabs, lesson_list};
use crate::ui::event_log::EventLog;
use crate::ui::header::{header, lang_switch};
use crate::ui::help::help;
use crate::ui::import_group::ImportGroup;
use crate::ui::inspector;
use crate::ui::legend::legend;
use crate::ui::notice::notice_bar;
use crate::ui::popover::Popover;
use crate::ui::share::Share;
use crate::ui::snapshot::{LogBook, Snapshot};
use crate::ui::stage::layout::group_ids;
use crate::ui::timeline::TimelineBar;
use crate::ui::zoom::zoom_bar;

/// What the page is drawn from: the live app's state, or the build-time first frame's (`ui::first_frame`).
pub struct Parts<'a> {
    pub session: &'a Session,
    pub snap: &'a Snapshot,
    pub callbacks: &'a Callbacks,
    /// The page's own instance (not an embed), compact chrome, the mount order (`crate::host::Host`).
    pub page: bool,
    pub embed: bool,
    pub index: u32,
    /// The live app has drawn its first frame (`data-stage-ready`).
    pub ready: bool,
    /// The drawn scale, and the automatic size it equals unless the reader zoomed.
    pub zoom: f64,
    pub fit: f64,
    /// The bar's less used buttons are shown on a phone.
    pub more: bool,
    pub menu: Option<&'a MenuAt>,
    pub stage_ref: NodeRef,
    pub main_ref: NodeRef,
    pub code_log: Rc<Vec<LoggedCommand>>,
    pub log: Rc<LogBook>,
    /// The stage's drawing (`ui::stage::Stage`).
    pub stage: Html,
    /// A word on the caption's line (the first frame's "starting").
    pub status: Html,
}

pub fn page(app: &Parts) -> Html {
    let session = app.session;
    let compact = session.compact();
    let lang = session.lang;
    let cb = app.callbacks;
    let snap = app.snap;
    let view = &snap.view;
    let colours = Rc::new(group_ids(view));
    let open = session.drawer;
    // The forms stay mounted (hidden while their drawer is shut): they keep what the learner typed, and act on
    // a keyboard request as soon as it comes.
    let actions = html! {
        <div class="drawer__pane" hidden={open != Some(Drawer::Act)}>
            <Actions topics={view.topics.iter().map(|t| (t.name.clone(), t.partitions.len() as u32)).collect::<Vec<_>>()}
                groups={group_ids(view)}
                producers={view.producers.iter().map(|p| p.name.clone()).collect::<Vec<_>>()}
                brokers={view.brokers.iter().map(|b| (b.id, b.up)).collect::<Vec<_>>()}
                request={session.request}
                on_command={cb.command.clone()} />
        </div>
    };
    let pane = match open {
        Some(Drawer::Lessons) => lesson_list(lang, &session.toc, session.place),
        Some(Drawer::Code) => html! { <CodePanel lang={lang} log={app.code_log.clone()} /> },
        Some(Drawer::Log) => {
            html! { <EventLog book={app.log.clone()} on_seek={cb.seek.clone()} /> }
        }
        Some(Drawer::Details) => inspector::inspector(
            lang,
            snap,
            session.selection.as_ref(),
            &cb.select_opt,
            &cb.command,
        ),
        Some(Drawer::Legend) => legend(lang),
        Some(Drawer::Act) | None => html! {},
    };
    // Not under an open context menu: the menu is the entity's explanation for that moment.
    let popover = session.popover().filter(|_| app.menu.is_none()).map(|target| {
        html! {
            <Popover lang={lang} target={target.clone()} snap={snap.clone()}
                body={inspector::inspector(lang, snap, Some(target), &cb.select_opt, &cb.command)}
                on_command={cb.command.clone()} on_close={cb.select_opt.reform(|_| None)}
                on_details={if compact { cb.open.clone() } else { cb.drawer.reform(|_| Some(Drawer::Details)) }} />
        }
    });
    // The caption's Back / Next walk a lesson; without a caption the bar steps from event to event.
    let event_steps = !(session.place.is_some() && session.shows_caption());
    let bar = if compact {
        compact_bar(app, lang, event_steps, session.place_link(), colours)
    } else {
        full_bar(app, lang, open, event_steps, colours)
    };
    let stage_col = html! {
        <div class="stage-col">
            <div class="stage-area">
                <div class={if app.zoom != app.fit { "stage-wrap is-zoomed" } else { "stage-wrap" }} ref={app.stage_ref.clone()}
                     onpointerdown={cb.pan_down.clone()} onpointermove={cb.pan_move.clone()}
                     onpointerup={cb.pan_up.clone()} onwheel={cb.wheel.clone()}
                     oncontextmenu={cb.menu_click.clone()} onkeydown={cb.menu_key.clone()}>
                    { app.stage.clone() }
                </div>
                { for popover }
                // What an action did, or why it was refused: over the stage's foot, where the scene rarely is.
                { notice_bar(lang, session.notice.as_ref(), &cb.dismiss, &cb.seek) }
            </div>
            { bar }
        </div>
    };
    let content = html! {
        <>
            // The caption spans the stage and its drawer, so opening a drawer never reflows it (or moves the stage).
            { app.status.clone() }
            if session.shows_caption() {
                { caption(lang, Caption { toc: &session.toc, place: session.place,
                    playing: session.step_playing(), off_step: session.off_step(),
                    view, timeline: session.engine.timeline(), on_go: &cb.lesson,
                    on_lessons: &cb.toggle_drawer, compact }) }
            }
            <div class={classes!("workspace", open.map(|_| "has-drawer"))}>
                { stage_col }
                if !compact {
                    { drawer(lang, open, &cb.drawer, html! { <>{ actions }{ pane }</> }) }
                }
            </div>
            if session.help {
                { help(lang, &cb.help_close) }
            }
            if let Some(at) = app.menu {
                <ContextMenu lang={lang} at={at.clone()} snap={snap.clone()}
                    on_command={cb.command.clone()} on_close={cb.menu.reform(|_| None)} />
            }
            if session.import_group {
                <ImportGroup lang={lang} on_load={cb.import_group_load.clone()}
                    on_close={cb.import_group_close.clone()} />
            }
        </>
    };
    // An embed is one landmark among the course page's (a section, not a second <main>).
    let tag = if app.page { "main" } else { "section" };
    let root = html! {
        <@{tag} id="stage" class={classes!("app", app.embed.then_some("app--embed"), compact.then_some("app--compact"))} ref={app.main_ref.clone()}
              data-stage-ready={app.ready.then_some("true")}
              data-playing={snap.playing.to_string()} data-time-ms={view.time_ms.to_string()}
              data-instance={app.index.to_string()}
              data-custom={session.custom.then_some("true")}
              aria-label={t(lang, "app.main")}>{ content }</@>
    };
    html! {
        <ContextProvider<Lang> context={lang}>
            if !compact {
                { header(lang, &cb.lang, app.embed, html! {
                    <Share lang={lang} embed={app.embed} on_copy={cb.copy.clone()}
                        on_export={cb.export.clone()} on_import={cb.import.clone()}
                        on_import_error={cb.import_failed.clone()} on_open={cb.open.clone()}
                        on_import_group={Some(cb.import_group_open.clone())} />
                }) }
            }
            { root }
        </ContextProvider<Lang>>
    }
}

/// The full view's bar under the stage: the controls, the drawer tabs and the tools (zoom, reset, help), the
/// timeline.
fn full_bar(
    app: &Parts,
    lang: Lang,
    open: Option<Drawer>,
    event_steps: bool,
    colours: Rc<Vec<String>>,
) -> Html {
    let (cb, snap) = (app.callbacks, app.snap);
    let view = &snap.view;
    html! {
        <section class={classes!("bar", app.more.then_some("is-more"), (!event_steps).then_some("in-lesson"))} aria-label={t(lang, "app.time")}>
            <Controls lang={lang} playing={snap.playing} time_ms={view.time_ms} speed={snap.speed}
                slow_motion={snap.slow_motion} slow_motion_active={snap.slow_motion_active && snap.playing}
                event_steps={event_steps}
                on_toggle_play={cb.toggle_play.clone()}
                on_step_back={cb.step_back.clone()}
                on_step_forward={cb.step_forward.clone()}
                on_speed={cb.speed.clone()}
                on_slow_motion={cb.slow_motion.clone()} />
            <button type="button" class={classes!("btn", "btn--small", "bar__more", app.more.then_some("is-on"))}
                    data-action="more" aria-expanded={app.more.to_string()} onclick={cb.more.reform(|_| ())}
                    aria-label={t(lang, "ctl.more")}>{ "⋯" }</button>
            { drawer_tabs(lang, open, &cb.toggle_drawer, html! { <>
                <span class="extra">{ zoom_bar(lang, app.zoom, &cb.zoom, &cb.zoom_fit) }</span>
                <button type="button" class="btn btn--small extra" data-action="reset" onclick={cb.reset.reform(|_| ())}
                        title={t(lang, "ctl.reset_title")}>{ t(lang, "ctl.reset") }</button>
                <button type="button" class="btn btn--small extra" onclick={cb.help_open.reform(|_| ())} aria-keyshortcuts="?"
                        title={t(lang, "ctl.help")} aria-label={t(lang, "help.title")}>{ "?" }</button>
            </> }) }
            <TimelineBar time_ms={view.time_ms} end_ms={snap.end_ms} markers={snap.markers.clone()}
                upcoming={snap.upcoming.clone()} colours={colours} on_seek={cb.seek.clone()} />
        </section>
    }
}

/// A compact view's bar: play/pause (and the event steps when there is no caption), the clock, the timeline, the
/// language and "Open in GroupLab ↗" (a link to the lesson step; a click opens the whole state). One line on a
/// wide screen; the language and the link wrap under the rest on a phone.
fn compact_bar(
    app: &Parts,
    lang: Lang,
    event_steps: bool,
    link: String,
    colours: Rc<Vec<String>>,
) -> Html {
    let (cb, snap) = (app.callbacks, app.snap);
    let view = &snap.view;
    html! {
        <section class="bar bar--compact" aria-label={t(lang, "app.time")}>
            <Controls lang={lang} playing={snap.playing} time_ms={view.time_ms} speed={snap.speed}
                slow_motion={snap.slow_motion} slow_motion_active={snap.slow_motion_active && snap.playing}
                event_steps={event_steps} compact=true
                on_toggle_play={cb.toggle_play.clone()}
                on_step_back={cb.step_back.clone()}
                on_step_forward={cb.step_forward.clone()}
                on_speed={cb.speed.clone()}
                on_slow_motion={cb.slow_motion.clone()} />
            <TimelineBar time_ms={view.time_ms} end_ms={snap.end_ms} markers={snap.markers.clone()}
                upcoming={snap.upcoming.clone()} colours={colours} on_seek={cb.seek.clone()} />
            { lang_switch(lang, &cb.lang) }
            <a class="btn btn--small bar__open" data-action="open-app" href={link} target="_blank" rel="noopener"
               onclick={cb.open_link.clone()} title={t(lang, "share.open_title")}>{ t(lang, "share.open") }</a>
        </section>
    }
}
