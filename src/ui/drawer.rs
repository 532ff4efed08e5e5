//! The drawer beside the stage and its tabs. One drawer is open at a time (the session's `drawer`); it is a
//! column at the stage's side on a wide screen and a sheet over the stage's foot on a phone, so opening it never
//! pushes the stage down. `data-drawer` names the open one; each tab is `data-action="drawer-<id>"`.

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::lessons::{title_key, Place};
use crate::session::Drawer;
use crate::ui::caption::Toc;

/// The tabs under the stage, with `tools` (zoom, reset, help) after them.
pub fn drawer_tabs(
    lang: Lang,
    open: Option<Drawer>,
    on_toggle: &Callback<Drawer>,
    tools: Html,
) -> Html {
    html! {
        <nav class="tabs-bar" aria-label={t(lang, "drawer.tabs")}>
            { for Drawer::ALL.iter().map(|&d| html! {
                <button type="button" class={classes!("btn", "btn--small", "tab", (open == Some(d)).then_some("is-on"))}
                        data-action={format!("drawer-{}", d.id())} aria-expanded={(open == Some(d)).to_string()}
                        aria-controls="drawer" onclick={on_toggle.reform(move |_| d)}>
                    { t(lang, d.label_key()) }</button>
            }) }
            <span class="controls__spacer" />
            { tools }
        </nav>
    }
}

/// The drawer: its title and a close button over `content` (the forms are in it even while it is shut, hidden,
/// so they keep what was typed).
pub fn drawer(
    lang: Lang,
    open: Option<Drawer>,
    on_set: &Callback<Option<Drawer>>,
    content: Html,
) -> Html {
    html! {
        <aside id="drawer" class="drawer" hidden={open.is_none()} data-drawer={open.map(|d| d.id())}
               aria-label={open.map(|d| t(lang, d.label_key()))}>
            <header class="drawer__head">
                <h2>{ open.map(|d| t(lang, d.label_key())) }</h2>
                <button type="button" class="btn btn--small" data-action="drawer-close"
                        onclick={on_set.reform(|_| None)} aria-label={t(lang, "drawer.close")}>{ "×" }</button>
            </header>
            // Focusable, so a keyboard scrolls a drawer taller than the screen (the legend has no control of its own).
            <div class="drawer__body" tabindex="0">{ content }</div>
        </aside>
    }
}

/// The lessons' contents: links, so every lesson has an address.
pub fn lesson_list(lang: Lang, toc: &Toc, place: Option<Place>) -> Html {
    html! {
        <ol class="lesson__toc" data-toc-list="">{ for toc.iter().enumerate().map(|(i, (id, steps))| html! {
            <li><a href={format!("#lesson={id}&step=0")} data-toc={*id}
                   aria-current={place.is_some_and(|pl| pl.lesson == i).then_some("step")}>
                { t(lang, &title_key(id)) }</a>
                <span class="lesson__count">{ format!(" · {steps}") }</span></li>
        }) }</ol>
    }
}
