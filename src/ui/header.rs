//! The top bar: the product name, sharing (the children) and the language switch (English / Hinglish).
//! Compact in an embed: no tagline, and the name is not a page heading (the course page has its own).

use yew::prelude::*;

use crate::i18n::{t, Lang};

/// The bar, drawn by the app's view around `share`: a plain function, as it holds no state.
pub fn header(lang: Lang, on_lang: &Callback<Lang>, embed: bool, share: Html) -> Html {
    html! {
        <header class={if embed { "topbar topbar--embed" } else { "topbar" }}>
            if embed {
                <p class="topbar__title">{ "GroupLab" }</p>
            } else {
                <h1 class="topbar__title">{ "GroupLab" }</h1>
                <p class="topbar__tagline">{ t(lang, "app.tagline") }</p>
            }
            { share }
            { lang_switch(lang, on_lang) }
        </header>
    }
}

/// The language switch: one button that names (and selects) the other language. Also in a compact embed's bar.
pub fn lang_switch(lang: Lang, on_lang: &Callback<Lang>) -> Html {
    let other = if lang == Lang::En { Lang::Hi } else { Lang::En };
    let on = on_lang.clone();
    html! {
        <button class="btn btn--small topbar__lang" data-lang={other.code()}
                aria-label={format!("{}: {}", t(lang, "lang.label"), other.name())}
                onclick={Callback::from(move |_| on.emit(other))}>{ other.name() }</button>
    }
}
