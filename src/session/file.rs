//! Scenario files: what Export writes and Import reads. Errors (in both languages) name the file and where it
//! is wrong.

use grouplab_model::scenario::{JsonError, Scenario};
use grouplab_model::timeline::Timeline;

use crate::i18n::{say, tf, Said};

/// The file Export writes: the scenario as pretty JSON, named after its time.
pub fn export(scenario: &Scenario) -> (String, String) {
    let json = serde_json::to_string_pretty(scenario).unwrap_or_default();
    let name = format!("grouplab-scenario-{}ms.json", scenario.time_ms.unwrap_or(0));
    (name, json)
}

/// Reads an imported scenario file. Errors (in both languages) name the file and where it is wrong: the line and
/// column of bad JSON, or the command (number, type and time) the model refused.
pub fn parse(name: &str, text: &str) -> Result<(Scenario, Timeline), Said> {
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
