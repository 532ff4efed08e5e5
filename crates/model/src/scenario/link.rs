//! A whole scenario in a link: `1.` + base64url(deflate(JSON)). Versioned, so old links keep working; decoding
//! is bounded, so a hostile link cannot exhaust memory.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::{Scenario, ScenarioError, ScenarioProblem};
use crate::words::{english_display, msg, Message, Quoted, Worded};

/// The link format version written by this GroupLab.
pub const LINK_VERSION: &str = "1";
/// Longest link payload accepted (characters), about what browsers keep in a URL fragment comfortably.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// Largest scenario JSON a link may inflate to (bytes).
pub const MAX_SCENARIO_JSON_BYTES: usize = 2 * 1024 * 1024;

/// Why a link could not be read, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    TooLong { chars: usize, max: usize },
    UnknownVersion { version: String },
    NotBase64,
    NotDeflate,
    TooLarge { max: usize },
    NotJson(JsonError),
}

impl Worded for LinkError {
    fn message(&self) -> Message {
        match self {
            LinkError::Empty => msg!("link.empty" => "the link holds no scenario"),
            LinkError::TooLong { chars, max } => {
                msg!("link.too_long" => "the link is {chars} characters long (at most {max})", chars = chars, max = max)
            }
            LinkError::UnknownVersion { version } => msg!(
                "link.version" => "the link was made by a newer or unknown GroupLab (format {version}; this one reads {ours})",
                version = &Quoted(version),
                ours = &Quoted(LINK_VERSION)
            ),
            LinkError::NotBase64 => msg!("link.base64" => "the link is damaged (not base64url)"),
            LinkError::NotDeflate => {
                msg!("link.deflate" => "the link is damaged (its data does not decompress)")
            }
            LinkError::TooLarge { max } => {
                msg!("link.too_large" => "the scenario in the link is larger than {max} bytes", max = max)
            }
            LinkError::NotJson(e) => {
                msg!("link.json" => "the scenario in the link is not valid: {json}", json: e.message())
            }
        }
    }
}

/// JSON that does not read as a scenario: serde_json's own words (`detail`, English, naming the field or token)
/// and where, so the app can say the rest in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub detail: String,
    pub line: usize,
    pub column: usize,
}

impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        // serde_json's Display is "{detail} at line {line} column {column}".
        let whole = e.to_string();
        let detail = whole.rsplit_once(" at line ").map_or(&*whole, |(d, _)| d);
        JsonError {
            detail: detail.to_string(),
            line: e.line(),
            column: e.column(),
        }
    }
}

impl Worded for JsonError {
    fn message(&self) -> Message {
        msg!("json.at" => "{detail} at line {line} column {column}", detail = &self.detail, line = &self.line, column = &self.column)
    }
}

english_display!(LinkError, JsonError);

impl std::error::Error for LinkError {}

impl From<LinkError> for ScenarioError {
    fn from(e: LinkError) -> Self {
        ScenarioError {
            index: None,
            problem: ScenarioProblem::Link(e),
        }
    }
}

impl Scenario {
    /// The scenario as a link payload (to put after `#s=` or `?s=`).
    pub fn to_link(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        // Level 9: links are made rarely and read often; smaller is better.
        let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
        format!("{LINK_VERSION}.{}", URL_SAFE_NO_PAD.encode(deflated))
    }

    /// Reads a link payload back. Only decodes: [`Scenario::build`] then validates the commands.
    pub fn from_link(link: &str) -> Result<Scenario, LinkError> {
        let link = link.trim();
        if link.is_empty() {
            return Err(LinkError::Empty);
        }
        if link.len() > MAX_LINK_CHARS {
            return Err(LinkError::TooLong {
                chars: link.chars().count(),
                max: MAX_LINK_CHARS,
            });
        }
        let (version, payload) = link.split_once('.').unwrap_or(("", link));
        if version != LINK_VERSION {
            return Err(LinkError::UnknownVersion {
                version: version.chars().take(16).collect(),
            });
        }
        let deflated = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| LinkError::NotBase64)?;
        let json =
            miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_SCENARIO_JSON_BYTES)
                .map_err(|e| {
                    if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                        LinkError::TooLarge {
                            max: MAX_SCENARIO_JSON_BYTES,
                        }
                    } else {
                        LinkError::NotDeflate
                    }
                })?;
        serde_json::from_slice(&json).map_err(|e| LinkError::NotJson(e.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reproduces_the_same_history() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(15_000);
        let link = Scenario::from_timeline(&t).to_link();
        assert!(link.starts_with("1."));
        assert!(
            link.len() < 1_000,
            "the course-notes link is short: {} chars",
            link.len()
        );
        assert!(link[2..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        let again = Scenario::from_link(&link).unwrap().build().unwrap();
        assert_eq!(
            serde_json::to_string(&t.sim().view(50)).unwrap(),
            serde_json::to_string(&again.sim().view(50)).unwrap()
        );
    }

    #[test]
    fn bad_links_get_clear_errors() {
        let good = Scenario::course_notes().to_link();
        assert_eq!(Scenario::from_link(""), Err(LinkError::Empty));
        assert!(matches!(
            Scenario::from_link(&good.replacen("1.", "9.", 1)),
            Err(LinkError::UnknownVersion { .. })
        ));
        assert!(matches!(
            Scenario::from_link("1.***"),
            Err(LinkError::NotBase64)
        ));
        assert!(matches!(
            Scenario::from_link("1.AAAA"),
            Err(LinkError::NotDeflate)
        ));
        let not_json = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"hello", 9))
        );
        let e = Scenario::from_link(&not_json).unwrap_err();
        assert!(matches!(
            &e,
            LinkError::NotJson(JsonError {
                line: 1,
                column: 1,
                ..
            })
        ));
        // The English is serde_json's own message, as before the error was structured.
        assert_eq!(
            e.to_string(),
            "the scenario in the link is not valid: expected value at line 1 column 1"
        );
        let truncated = &good[..good.len() - 10];
        assert!(Scenario::from_link(truncated).is_err());
        assert!(matches!(
            Scenario::from_link(&"A".repeat(MAX_LINK_CHARS + 1)),
            Err(LinkError::TooLong { .. })
        ));
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let bomb = vec![b' '; MAX_SCENARIO_JSON_BYTES + 1];
        let link = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9))
        );
        assert!(link.len() < MAX_LINK_CHARS, "the bomb itself is small");
        assert_eq!(
            Scenario::from_link(&link),
            Err(LinkError::TooLarge {
                max: MAX_SCENARIO_JSON_BYTES
            })
        );
    }
}
