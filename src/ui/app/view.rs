//! The page's markup: the header, the time bar, the notice, the stage with the lesson beside it, the actions
//! and the side panels, and the dialogs.

use std::rc::Rc;

use yew::prelude::*;

use super::App;
use crate::i18n::{t, Lang};
use crate::ui::actions::Actions;
use crate::ui::code_panel::CodePanel;
use crate::ui::context_menu::ContextMenu;
use crate::ui::controls::Controls;
use crate::ui::event_log::EventLog;
use crate::ui::header::header;
use crate::ui::help::help;
use crate::ui::import_group::ImportGroup;
use crate::ui::inspector;
use crate::ui::legend::legend;
use crate::ui::lesson_panel::{lesson_panel, LessonPanel};
use crate::ui::notice::notice_bar;
use crate::ui::share::Share;
use crate::ui::stage::layout::group_ids;
use crate::ui::stage::Stage;
use crate::ui::timeline::TimelineBar;
use crate::ui::zoom::zoom_bar;

pub fn page(app: &App) -> Html {
    let session = app.session.borrow();
    let lang = session.lang;
    let cb = &app.callbacks;
    let snap = &app.snap;
    let view = &snap.view;
    let colours = Rc::new(group_ids(view));
    let actions = html! {
        <Actions topics={view.topics.iter().map(|t| (t.name.clone(), t.partitions.len() as u32)).collect::<Vec<_>>()}
            groups={group_ids(view)}
            producers={view.producers.iter().map(|p| p.name.clone()).collect::<Vec<_>>()}
            brokers={view.brokers.iter().map(|b| (b.id, b.up)).collect::<Vec<_>>()}
            request={session.request}
            on_command={cb.command.clone()} />
    };
    // The first render draws the stage; the panels beside and below it come one render later, so the stage
    // shows sooner. The empty aside keeps the layout in place.
    let side = html! {
        <aside class="side" aria-label={t(lang, "app.side")}>
            if app.ready {
                <CodePanel lang={lang} log={app.code_log.clone()} />
                { inspector::inspector(lang, snap, session.selection.as_ref(), &cb.select_opt, &cb.command) }
                <EventLog book={app.log_rc.clone()} on_seek={cb.seek.clone()} />
            }
        </aside>
    };
    let content = html! {
        <>
            <section class="bar" aria-label={t(lang, "app.time")}>
                <Controls lang={lang} playing={snap.playing} time_ms={view.time_ms} speed={snap.speed}
                    slow_motion={snap.slow_motion} slow_motion_active={snap.slow_motion_active}
                    on_toggle_play={cb.toggle_play.clone()}
                    on_step_back={cb.step_back.clone()}
                    on_step_forward={cb.step_forward.clone()}
                    on_speed={cb.speed.clone()}
                    on_slow_motion={cb.slow_motion.clone()}
                    on_reset={cb.reset.clone()}
                    on_help={cb.help_open.clone()} />
                <TimelineBar time_ms={view.time_ms} end_ms={snap.end_ms} markers={snap.markers.clone()}
                    colours={colours} on_seek={cb.seek.clone()} />
            </section>
            { notice_bar(lang, session.notice.as_ref(), &cb.dismiss, &cb.seek) }
            <div class="workspace">
                <div class="stage-col">
                    { lesson_panel(lang, LessonPanel { toc: &session.toc, place: session.place,
                        playing: session.step_playing(),
                        view, timeline: session.engine.timeline(), on_go: &cb.lesson }) }
                    <div class="stage-tools">
                        { legend(lang) }
                        { zoom_bar(lang, app.zoom, &cb.zoom, &cb.zoom_fit) }
                    </div>
                    <div class={if app.zoom != 1.0 { "stage-wrap is-zoomed" } else { "stage-wrap" }} ref={app.stage_ref.clone()}
                         onpointerdown={cb.pan_down.clone()} onpointermove={cb.pan_move.clone()}
                         onpointerup={cb.pan_up.clone()} onwheel={cb.wheel.clone()}
                         oncontextmenu={cb.menu_click.clone()} onkeydown={cb.menu_key.clone()}>
                        <Stage snap={snap.clone()} width={app.width} zoom={app.zoom} band={app.band}
                            selection={session.selection.clone()} marks={Rc::new(session.marks())}
                            on_select={cb.select.clone()} />
                    </div>
                    if !app.host.embed && app.ready { { actions.clone() } }
                </div>
                if app.host.embed {
                    <details class="embed-tools">
                        <summary>{ t(lang, "embed.tools") }</summary>
                        { actions }
                        { side }
                    </details>
                } else {
                    { side }
                }
            </div>
            if session.help {
                { help(lang, &cb.help_close) }
            }
            if let Some(at) = &app.menu {
                <ContextMenu lang={lang} at={at.clone()} snap={snap.clone()}
                    on_command={cb.command.clone()} on_close={cb.menu.reform(|_| None)} />
            }
            if session.import_group {
                <ImportGroup lang={lang} on_load={cb.import_group_load.clone()}
                    on_close={cb.import_group_close.clone()} />
            }
        </>
    };
    // An embed is one landmark among the course page's (a section, not a second <main>), and keeps its tools
    // folded until the learner takes over.
    let tag = if app.host.page { "main" } else { "section" };
    let root = html! {
        <@{tag} id="stage" class="app" ref={app.main_ref.clone()}
              data-stage-ready={app.ready.then_some("true")}
              data-playing={snap.playing.to_string()} data-time-ms={view.time_ms.to_string()}
              data-instance={app.host.index.to_string()}
              data-custom={session.custom.then_some("true")}
              aria-label={t(lang, "app.main")}>{ content }</@>
    };
    html! {
        <ContextProvider<Lang> context={lang}>
            { header(lang, &cb.lang, app.host.embed, html! {
                <Share lang={lang} embed={app.host.embed} on_copy={cb.copy.clone()}
                    on_export={cb.export.clone()} on_import={cb.import.clone()}
                    on_import_error={cb.import_failed.clone()} on_open={cb.open.clone()}
                    on_import_group={Some(cb.import_group_open.clone())} />
            }) }
            { root }
        </ContextProvider<Lang>>
    }
}
