//! The legend: every mark the stage draws, drawn the same way (the stage's own classes) beside a sentence that
//! says what it means. A `<details>` next to the zoom bar, so it is one tap away on a phone and reachable by
//! keyboard, and never covers the stage until asked for.

use yew::prelude::*;

use crate::i18n::{t, Lang};

/// A small drawing of one mark, 40×24.
fn swatch(mark: Html) -> Html {
    html! {
        <svg class="legend__swatch" width="40" height="24" viewBox="0 0 40 24" aria-hidden="true">
            { mark }
        </svg>
    }
}

/// (the mark, the i18n key of what it means)
fn marks() -> Vec<(Html, &'static str)> {
    vec![
        (
            html! { <g class="bookmark g0"><path d="M15 2h10v13l-5-4-5 4z" /></g> },
            "legend.bookmark",
        ),
        (
            html! { <g class="position g0"><path d="M20 10l-5 7h10z" /></g> },
            "legend.position",
        ),
        (
            html! { <g class="leo"><line x1="20" y1="2" x2="20" y2="22" /></g> },
            "legend.leo",
        ),
        (
            html! { <g class="lag g0">
                <rect class="lag__track" x="4" y="10" width="32" height="4" rx="2" />
                <rect class="lag__bar" x="4" y="10" width="14" height="4" rx="2" />
            </g> },
            "legend.lag",
        ),
        (
            html! { <g class="own g0"><path class="own" d="M2 20C20 20 20 4 38 4" /></g> },
            "legend.owner",
        ),
        (
            html! { <g class="g0"><path class="own own--unread" d="M2 20C20 20 20 4 38 4" /></g> },
            "legend.unread",
        ),
        (
            html! { <g class="member is-idle g0"><rect class="member__box" x="3" y="3" width="34" height="18" rx="4" /></g> },
            "legend.idle",
        ),
        (
            html! { <g class="paused g0"><rect class="paused__veil" x="3" y="5" width="34" height="14" rx="3" /></g> },
            "legend.revoked",
        ),
        (
            html! { <g class="msg"><circle cx="20" cy="12" r="6" /></g> },
            "legend.request",
        ),
        (
            html! { <g class="broker__coord"><rect x="4" y="5" width="32" height="14" rx="7" /></g> },
            "legend.coordinator",
        ),
        (
            html! { <g class="partition is-marked"><rect class="partition__bg" x="3" y="3" width="34" height="18" rx="4" /></g> },
            "legend.marked",
        ),
    ]
}

pub fn legend(lang: Lang) -> Html {
    html! {
        <details class="legend" data-legend="">
            <summary>{ t(lang, "legend.title") }</summary>
            <ul class="legend__list">
                { for marks().into_iter().map(|(mark, key)| html! {
                    <li data-legend-item={key.trim_start_matches("legend.")}>
                        { swatch(mark) }
                        <span>{ t(lang, key) }</span>
                    </li>
                }) }
            </ul>
        </details>
    }
}
