//! The legend: every mark the stage draws, drawn the same way beside a sentence that says what it means. A
//! drawer beside the stage, its tab one tap away under it. A newcomer on a wide screen finds it open once (the
//! page remembers that it was shown); a phone shows its tab instead, as the drawer would cover the stage.

use yew::prelude::*;

use crate::i18n::{t, Lang};

/// A small drawing of one mark, 40×24, in the first group's colour (marks in a consumer's colour carry their
/// own class).
fn swatch(mark: Html) -> Html {
    html! {
        <svg class="legend__swatch g0" width="40" height="24" viewBox="0 0 40 24" aria-hidden="true">
            { mark }
        </svg>
    }
}

/// (the mark, the i18n key of what it means). Drawn with the legend's own classes (`sw-*`, styled like the stage's
/// marks), so no page query for the stage's entities finds them.
fn marks() -> Vec<(Html, &'static str)> {
    vec![
        (
            html! { <path class="sw-bookmark" d="M15 2h10v13l-5-4-5 4z" /> },
            "legend.bookmark",
        ),
        (
            html! { <path class="sw-position c1" d="M20 10l-5 7h10z" /> },
            "legend.position",
        ),
        (
            html! { <line class="sw-leo" x1="20" y1="2" x2="20" y2="22" /> },
            "legend.leo",
        ),
        (
            html! { <>
                <rect class="sw-track" x="4" y="10" width="32" height="4" rx="2" />
                <rect class="sw-bar" x="4" y="10" width="14" height="4" rx="2" />
            </> },
            "legend.lag",
        ),
        (
            // Two consumers' lines, each in its own colour.
            html! { <>
                <path class="sw-own c1" d="M2 20C20 20 20 4 38 4" />
                <path class="sw-own c2" d="M2 4C20 4 20 20 38 20" />
            </> },
            "legend.owner",
        ),
        (
            html! { <path class="sw-own sw-unread c1" d="M2 20C20 20 20 4 38 4" /> },
            "legend.unread",
        ),
        (
            html! { <path class="sw-own sw-target c1" d="M2 20C20 20 20 4 38 4" /> },
            "legend.target",
        ),
        (
            html! { <rect class="sw-idle" x="3" y="3" width="34" height="18" rx="4" /> },
            "legend.idle",
        ),
        (
            html! { <rect class="sw-veil" x="3" y="5" width="34" height="14" rx="3" /> },
            "legend.revoked",
        ),
        (
            html! { <circle class="sw-msg" cx="20" cy="12" r="6" /> },
            "legend.request",
        ),
        (
            html! { <rect class="sw-coord" x="4" y="5" width="32" height="14" rx="7" /> },
            "legend.coordinator",
        ),
        (
            html! { <rect class="sw-marked" x="3" y="3" width="34" height="18" rx="4" /> },
            "legend.marked",
        ),
    ]
}

pub fn legend(lang: Lang) -> Html {
    html! {
        <div class="legend" data-legend="">
            <p class="hint">{ t(lang, "legend.title") }</p>
            <ul class="legend__list">
                { for marks().into_iter().map(|(mark, key)| html! {
                    <li data-legend-item={key.trim_start_matches("legend.")}>
                        { swatch(mark) }
                        <span>{ t(lang, key) }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// Where the page remembers that the legend was seen.
const SEEN_KEY: &str = "grouplab.legend-seen";

/// The page's reader has not seen the legend yet.
pub fn newcomer() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|s| s.get_item(SEEN_KEY).ok().flatten().is_none())
}

/// Remembers that the legend was seen.
pub fn seen() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(SEEN_KEY, "1");
    }
}
