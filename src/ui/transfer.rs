//! Moving a scenario in and out of the page: the clipboard, a downloaded JSON file, a new tab, and reading an
//! imported file into a scenario with errors that say where the file is wrong.

use wasm_bindgen::JsCast;
use yew::Callback;

use grouplab_model::scenario::{JsonError, Scenario};

use crate::i18n::{say, tf, Said};

/// Writes `text` to the clipboard; `done(true)` once written, `done(false)` if the browser refused.
pub fn copy(text: String, done: Callback<bool>) {
    let Some(w) = web_sys::window() else {
        return done.emit(false);
    };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Offers `text` as a downloaded file called `name` (Err: the browser refused).
pub fn download(name: &str, text: &str) -> Result<(), ()> {
    let fail = |_| ();
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or(())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Compact JSON laid out as `serde_json::to_string_pretty` does (two spaces, `"key": value`, `[]` and `{}` when
/// empty). The scenario is written once with the compact writer the links use: a second, pretty writer of
/// every model type would be kilobytes more wasm (issue 6, bundle size).
pub fn pretty(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// Opens `url` in a new tab (no opener).
pub fn open(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}

/// Reads an imported scenario file. Errors (in both languages) name the file and where it is wrong: the line and
/// column of bad JSON, or the command (number, type and time) the model refused.
pub fn parse(
    name: &str,
    text: &str,
) -> Result<(Scenario, grouplab_model::timeline::Timeline), Said> {
    // from_slice, as everywhere: one copy of the JSON reader in the wasm (issue 6, bundle size).
    let scenario: Scenario = serde_json::from_slice(text.as_bytes()).map_err(|e| {
        let e = JsonError::from(e);
        Said::new(&|lang| {
            let json = say(lang, &e);
            tf(
                lang,
                "file.not_scenario",
                &[("name", &name), ("json", &json)],
            )
        })
    })?;
    let timeline = scenario.build().map_err(|e| {
        let command = e.index.and_then(|i| Some((i, scenario.commands.get(i)?)));
        // The command's `type` comes first in its JSON: `{"type":"add_consumer",…`.
        let json = command
            .map(|(_, c)| serde_json::to_string(&c.command).unwrap_or_default())
            .unwrap_or_default();
        let kind = json
            .strip_prefix(r#"{"type":""#)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default();
        Said::new(&|lang| {
            let problem = say(lang, &e.problem);
            match command {
                Some((i, c)) => tf(
                    lang,
                    "file.refused",
                    &[
                        ("name", &name),
                        ("n", &(i + 1)),
                        ("kind", &kind),
                        ("at", &c.at_ms),
                        ("problem", &problem),
                    ],
                ),
                None => tf(
                    lang,
                    "file.invalid",
                    &[("name", &name), ("problem", &problem)],
                ),
            }
        })
    })?;
    Ok((scenario, timeline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The exported file reads exactly as serde_json's pretty writer would write it.
    #[test]
    fn pretty_is_serde_jsons_layout() {
        let mut scenario = Scenario::course_notes();
        scenario.time_ms = Some(12_345);
        let compact = serde_json::to_string(&scenario).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(&scenario).unwrap()
        );
        let tricky =
            serde_json::json!({"a": [], "b": {}, "c": "x\\\"{[,:]}\"y", "d": [1, {"e": null}]});
        assert_eq!(
            pretty(&tricky.to_string()),
            serde_json::to_string_pretty(&tricky).unwrap()
        );
    }

    /// A file that is not JSON, and one whose command the model refuses: said in both languages, with the line and
    /// column, the command's number, type and time, and the model's reason.
    #[test]
    fn import_errors_are_said_in_the_readers_language() {
        let broken = "{\n  \"version\": 1,\n  \"seed\": 7,\n  \"commands\": [ oops ]\n}\n";
        let Err(said) = parse("broken.json", broken) else {
            panic!("broken JSON imported")
        };
        assert_eq!(
            said.get(Lang::En),
            "broken.json is not a GroupLab scenario: expected value at line 4 column 17."
        );
        assert_eq!(
            said.get(Lang::Hi),
            "broken.json GroupLab scenario nhi hai: line 4, column 17 pe galti: expected value."
        );
        let refused = r#"{"version": 1, "seed": 7, "commands": [
            {"at_ms": 100, "command": {"type": "crash_consumer", "consumer": "nobody"}}]}"#;
        let Err(said) = parse("refused.json", refused) else {
            panic!("a refused command imported")
        };
        assert_eq!(
            said.get(Lang::Hi),
            "refused.json: command #1 (crash_consumer, 100 ms pe): \"nobody\" naam ka koi consumer nhi hai."
        );
        assert_eq!(
            said.get(Lang::En),
            "refused.json: command #1 (crash_consumer at 100 ms): no consumer named \"nobody\"."
        );
    }
}
