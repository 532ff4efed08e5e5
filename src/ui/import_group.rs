//! "Import a real group": a dialog where the output of `kafka-consumer-groups --describe` (and of
//! `--members --verbose`, `--state`) is pasted and drawn. Self-contained: it parses and builds the scenario itself
//! (`grouplab_model::scenario::import`) and hands the parent a scenario that loads; on an error it shows the
//! message with its line and hands nothing over, so the current scenario stays. Everything pasted is shown as
//! text, never as HTML.

use grouplab_model::scenario::import::{import, ImportError, ImportNote, MAX_INPUT_BYTES, SAMPLE};
use grouplab_model::scenario::Scenario;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::modal::Modal;
use crate::i18n::{say, t, Lang};

#[derive(Properties, PartialEq)]
pub struct ImportGroupProps {
    /// Called with the imported scenario when the text imports. The dialog stays open showing what it chose
    /// (assignor, generation…) until `on_close`.
    pub on_load: Callback<Scenario>,
    /// Close (Cancel, Close, Escape, or a click outside the dialog).
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub lang: Lang,
}

pub enum Msg {
    Edit(String),
    Sample,
    Draw,
}

pub struct ImportGroup {
    text: String,
    error: Option<ImportError>,
    /// After a successful import: the groups drawn and the notes on what the output did not show.
    done: Option<(Vec<String>, Vec<ImportNote>)>,
    textarea: NodeRef,
}

impl Component for ImportGroup {
    type Message = Msg;
    type Properties = ImportGroupProps;

    fn create(_: &Context<Self>) -> Self {
        ImportGroup {
            text: String::new(),
            error: None,
            done: None,
            textarea: NodeRef::default(),
        }
    }

    fn rendered(&mut self, _: &Context<Self>, first_render: bool) {
        if first_render {
            if let Some(el) = self.textarea.cast::<HtmlTextAreaElement>() {
                let _ = el.focus();
            }
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Edit(text) => {
                self.text = text;
                self.error = None;
                self.done = None;
            }
            Msg::Sample => {
                self.text = SAMPLE.to_string();
                self.error = None;
                self.done = None;
            }
            Msg::Draw => match import(&self.text) {
                Ok(imported) => {
                    self.error = None;
                    self.done = Some((imported.groups, imported.notes));
                    ctx.props().on_load.emit(imported.scenario);
                }
                Err(e) => {
                    self.error = Some(e);
                    self.done = None;
                }
            },
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let lang = ctx.props().lang;
        let link = ctx.link();
        let close = ctx.props().on_close.reform(|_| ());
        let oninput = link.callback(|e: InputEvent| {
            Msg::Edit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        });
        html! {
            <Modal labelled_by="import-group-title" on_close={ctx.props().on_close.clone()}>
                <section class="import-group" data-import-dialog="">
                    <h2 id="import-group-title">{ t(lang, "import.title") }</h2>
                    <p class="import-group__help">{ t(lang, "import.help") }</p>
                    <label class="import-group__label" for="import-group-text">{ t(lang, "import.label") }</label>
                    <textarea id="import-group-text" class="import-group__text" data-import-text=""
                              ref={self.textarea.clone()} spellcheck="false" autocomplete="off"
                              wrap="off" rows="14" maxlength={MAX_INPUT_BYTES.to_string()}
                              value={self.text.clone()} {oninput}
                              aria-invalid={if self.error.is_some() { "true" } else { "false" }}
                              aria-describedby="import-group-status" />
                    <div id="import-group-status" class="import-group__status" aria-live="polite">
                        { self.status(lang) }
                    </div>
                    <div class="import-group__actions">
                        <button class="btn" data-action="import-sample" onclick={link.callback(|_| Msg::Sample)}>
                            { t(lang, "import.sample") }
                        </button>
                        <span class="import-group__spacer"></span>
                        <button class="btn" data-action="import-close" onclick={close}>
                            { if self.done.is_some() { t(lang, "import.close") } else { t(lang, "import.cancel") } }
                        </button>
                        <button class="btn btn--primary" data-action="import-draw"
                                disabled={self.text.trim().is_empty()}
                                onclick={link.callback(|_| Msg::Draw)}>
                            { t(lang, "import.draw") }
                        </button>
                    </div>
                </section>
            </Modal>
        }
    }
}

impl ImportGroup {
    /// The error (with its line) or what was drawn, as text.
    fn status(&self, lang: Lang) -> Html {
        if let Some(e) = &self.error {
            let line = e.line.map(|n| n.to_string()).unwrap_or_default();
            return html! {
                <p class="import-group__error" role="alert" data-import-error="" data-line={line}>
                    { say(lang, e) }
                </p>
            };
        }
        let Some((groups, notes)) = &self.done else {
            return Html::default();
        };
        html! {
            <div class="import-group__done" data-import-done={groups.join(" ")}>
                <p>{ format!("{} {}", t(lang, "import.drawn"), groups.join(", ")) }</p>
                <ul class="import-group__notes" data-import-notes="">
                    { for notes.iter().map(|n| html! { <li>{ say(lang, n) }</li> }) }
                </ul>
            </div>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample the dialog offers imports and builds.
    #[test]
    fn the_sample_imports() {
        let imported = import(SAMPLE).unwrap();
        assert_eq!(imported.groups, ["order-consumer-group"]);
        assert!(imported.scenario.build().is_ok());
    }

    /// The parser's errors and the import's notes are the model's data, said in the reader's language.
    #[test]
    fn errors_and_notes_are_said_in_hinglish() {
        let malformed = include_str!(
            "../../crates/model/tests/fixtures/consumer-groups/malformed-partition.txt"
        );
        let e = import(malformed).unwrap_err();
        assert_eq!(
            say(Lang::Hi, &e),
            "line 4: PARTITION number hona chahiye, yahan 'x' hai"
        );
        assert_eq!(
            say(Lang::En, &e),
            "line 4: PARTITION must be a number, found 'x'"
        );
        let notes: Vec<String> = import(SAMPLE)
            .unwrap()
            .notes
            .iter()
            .map(|n| say(Lang::Hi, n))
            .collect();
        assert!(
            notes
                .iter()
                .any(|n| n.contains("andaza: isse yahi owners bnte hain")),
            "{notes:?}"
        );
        assert!(notes.iter().all(|n| !n.contains("the output")), "{notes:?}");
    }

    #[test]
    fn every_string_is_translated() {
        for key in [
            "import.title",
            "import.help",
            "import.label",
            "import.sample",
            "import.cancel",
            "import.close",
            "import.draw",
            "import.drawn",
        ] {
            for lang in [Lang::En, Lang::Hi] {
                assert_ne!(t(lang, key), "?", "{lang:?} lacks {key}");
            }
        }
    }
}
