//! Sharing: copy a link that reproduces exactly this history and frame, export the scenario as a JSON file,
//! import one (read here, validated by the page, which never replaces the current scenario with a bad file),
//! and in an embed, open the same state in the full app.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use grouplab_model::scenario::MAX_SCENARIO_JSON_BYTES;

use crate::i18n::{t, tf, Lang, Said};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    pub embed: bool,
    pub on_copy: Callback<()>,
    pub on_export: Callback<()>,
    /// (file name, its text)
    pub on_import: Callback<(String, String)>,
    /// A file that could not even be read (too large, not text).
    pub on_import_error: Callback<Said>,
    /// Embeds: open this state in the full app.
    pub on_open: Callback<()>,
    /// Opens the "import a real group" dialog (when the page has it).
    pub on_import_group: Option<Callback<()>>,
}

#[function_component(Share)]
pub fn share(p: &ShareProps) -> Html {
    let l = p.lang;
    let file_ref = use_node_ref();
    let pick = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.set_value("");
                input.click();
            }
        })
    };
    let onchange = {
        let (ok, err) = (p.on_import.clone(), p.on_import_error.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read(file, ok.clone(), err.clone());
            }
        })
    };
    let copy = html! {
        <button type="button" class="btn btn--small" data-action="copy-link"
                onclick={p.on_copy.reform(|_| ())} title={t(l, "share.copy_title")}>{ t(l, "share.copy") }</button>
    };
    if p.embed {
        // An embed: its two buttons in sight (the course page has room for them, and no menu to hunt for).
        return html! {
            <div class="share" role="group" aria-label={t(l, "share.group")}>
                { copy }
                <button type="button" class="btn btn--small" data-action="open-app"
                        onclick={p.on_open.reform(|_| ())} title={t(l, "share.open_title")}>{ t(l, "share.open") }</button>
            </div>
        };
    }
    html! {
        // A menu: the header stays one line on a phone.
        <details class="share">
            <summary class="btn btn--small" data-action="share-menu">{ t(l, "share.group") }</summary>
            <div class="share__menu" role="group" aria-label={t(l, "share.group")}>
                { copy }
                <button type="button" class="btn btn--small" data-action="export"
                        onclick={p.on_export.reform(|_| ())} title={t(l, "share.export_title")}>{ t(l, "share.export") }</button>
                <button type="button" class="btn btn--small" data-action="import"
                        onclick={pick} title={t(l, "share.import_title")}>{ t(l, "share.import") }</button>
                <input type="file" accept=".json,application/json" ref={file_ref} {onchange} hidden=true
                       data-import-file="" aria-label={t(l, "share.import_title")} />
                if let Some(cb) = &p.on_import_group {
                    <button type="button" class="btn btn--small" data-action="import-group"
                            onclick={cb.reform(|_| ())} title={t(l, "share.group_title")}>{ t(l, "share.import_group") }</button>
                }
            </div>
        </details>
    }
}

/// Reads a picked file as text, refusing absurd sizes before reading anything; errors are said in both languages.
fn read(file: web_sys::File, ok: Callback<(String, String)>, err: Callback<Said>) {
    let name = file.name();
    let size = file.size();
    let fail = move |key: &str, name: &str| {
        let mb = super::format::fixed(size / 1e6, 1);
        let max = MAX_SCENARIO_JSON_BYTES / 1_000_000;
        err.emit(Said::new(&|lang| {
            tf(lang, key, &[("name", &name), ("mb", &mb), ("max", &max)])
        }));
    };
    if size > MAX_SCENARIO_JSON_BYTES as f64 {
        return fail("file.too_big", &name);
    }
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(v) => match v.dyn_into::<js_sys::JsString>() {
                Ok(s) => ok.emit((name, String::from(s))),
                Err(_) => fail("file.not_text", &name),
            },
            Err(_) => fail("file.unreadable", &name),
        }
    });
}
