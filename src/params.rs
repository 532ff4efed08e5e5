//! What an instance was asked for: the page URL's query and fragment (`?paused&speed=2#lesson=keys&step=1`),
//! or an embed's `data-grouplab="lesson=keys&lang=hi"`. Pure parsing, so it is tested natively.
//!
//! The fragment holds the shareable state (`s` = the scenario link, `lesson`, `step`, `lang`); the query holds
//! page options (`embed`, `view`, `paused`, `speed`, `slowmo`). Both are read, the fragment winning, so old
//! `?lesson=…&step=…` links keep working.

use crate::i18n::Lang;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    /// `paused`: lesson steps land on their end state at once (tests), the clock does not run.
    pub paused: bool,
    /// `embed`: the whole page is an embed (an iframe on a course page).
    pub embed: bool,
    /// `view`: how much of the app is drawn (None: the default for where it runs, see [`View`]).
    pub view: Option<View>,
    pub lang: Option<Lang>,
    pub lesson: Option<String>,
    pub step: usize,
    pub speed: Option<f64>,
    pub slow_motion: Option<bool>,
    /// `s`: a whole scenario as a link payload (`Scenario::from_link`).
    pub scenario: Option<String>,
    /// `debug-panic`: panic at start (proves the panic panel in the e2e tests).
    pub debug_panic: bool,
    /// Values that could not be read, for one notice: (i18n key, the value as written), e.g.
    /// `("param.speed", "fast")`.
    pub problems: Vec<(&'static str, String)>,
}

/// Longest value kept from a URL or attribute (a scenario link is bounded by the model's own limit).
const MAX_VALUE_CHARS: usize = 128 * 1024;

impl Params {
    /// Reads `a=b&c&d=e` (a leading `?` or `#` is ignored); later keys override earlier ones.
    pub fn parse(text: &str) -> Params {
        let mut p = Params::default();
        p.merge(text);
        p
    }

    /// Adds the keys of `text` over these.
    pub fn merge(&mut self, text: &str) {
        let text = text.trim_start_matches(['?', '#']);
        for part in text.split('&').filter(|s| !s.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            if v.len() > MAX_VALUE_CHARS {
                self.problems.push(("param.too_long", k.to_string()));
                continue;
            }
            let v = decode(v);
            match k {
                "paused" => self.paused = flag(&v),
                "embed" => self.embed = flag(&v),
                "view" => match View::from_code(&v) {
                    Some(view) => self.view = Some(view),
                    None => self.problems.push(("param.view", v.to_string())),
                },
                "lesson" => self.lesson = (!v.is_empty()).then(|| v.to_string()),
                "lang" => match Lang::from_code(&v) {
                    Some(l) => self.lang = Some(l),
                    None => self.problems.push(("param.lang", v.to_string())),
                },
                "step" => match v.parse() {
                    Ok(n) => self.step = n,
                    Err(_) => self.problems.push(("param.step", v.to_string())),
                },
                "speed" => match decimal(&v) {
                    Some(s) if s > 0.0 => self.speed = Some(s),
                    _ => self.problems.push(("param.speed", v.to_string())),
                },
                "slowmo" => self.slow_motion = Some(flag(&v)),
                "s" => self.scenario = (!v.is_empty()).then(|| v.to_string()),
                "debug-panic" => self.debug_panic = true,
                _ => {}
            }
        }
    }
}

/// How much of the app an instance draws (`view=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// `view=full`: the header, the caption, the stage, the bar with its drawer tabs, the drawers. The page's
    /// default.
    Full,
    /// `view=lesson`: compact, for a course page: the lesson's caption, the stage, and a bar with play/pause,
    /// the clock, the timeline, the language and "Open in GroupLab ↗". An embed's default.
    Lesson,
    /// `view=stage`: compact without the caption: the stage and the same bar.
    Stage,
}

impl View {
    pub fn from_code(code: &str) -> Option<View> {
        match code {
            "full" => Some(View::Full),
            "lesson" => Some(View::Lesson),
            "stage" => Some(View::Stage),
            _ => None,
        }
    }

    /// The compact forms: no header, no drawers, a fixed height in an embed.
    pub fn compact(self) -> bool {
        self != View::Full
    }
}

/// `x`, `x=1`, `x=true` are on; `x=0`, `x=false` are off.
fn flag(v: &str) -> bool {
    !matches!(v, "0" | "false" | "no" | "off")
}

/// A decimal number as written in a link: `2`, `0.25`, `.5`, `+1.5`, `1e2`. Exact where it matters: the digits
/// (at most 2^53, about 15 significant digits) and the power of ten (at most 22) are both exact doubles, so one
/// IEEE division or multiplication rounds correctly (Clinger's fast path), as `str::parse::<f64>` would. Longer
/// numbers, `inf` and `NaN` are None. Not `str::parse`: core's float parser costs the wasm about 15 KB.
fn decimal(text: &str) -> Option<f64> {
    let text = text.strip_prefix('+').unwrap_or(text);
    let (number, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut digits: u64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        digits = digits.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    if digits > 1 << 53 {
        return None;
    }
    let power = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    if digits == 0 {
        return Some(0.0);
    }
    if power.unsigned_abs() > 22 {
        return None;
    }
    let ten_to = (0..power.unsigned_abs()).fold(1.0, |p, _| p * 10.0);
    Some(if power < 0 {
        digits as f64 / ten_to
    } else {
        digits as f64 * ten_to
    })
}

/// Percent-decoding (`%20`, and `+` as a space), lossy on malformed input.
fn decode(v: &str) -> String {
    if !v.contains(['%', '+']) {
        return v.to_string();
    }
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex(*hi).zip(hex(*lo)).map(|(h, l)| h << 4 | l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fragment that shares a place: `s=<link>&lesson=<id>&step=<k>&lang=<code>`, parts left out when None.
pub fn fragment(
    scenario: Option<&str>,
    lesson: Option<(&str, usize)>,
    lang: Option<Lang>,
) -> String {
    let mut parts = Vec::new();
    if let Some(s) = scenario {
        parts.push(format!("s={s}"));
    }
    if let Some((id, step)) = lesson {
        parts.push(format!("lesson={id}&step={step}"));
    }
    if let Some(l) = lang {
        parts.push(format!("lang={}", l.code()));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_then_fragment_wins() {
        let mut p = Params::parse("?paused&lesson=group&step=2&speed=4");
        p.merge("#lesson=keys&step=1&lang=hi");
        assert!(p.paused);
        assert_eq!(p.lesson.as_deref(), Some("keys"));
        assert_eq!(p.step, 1);
        assert_eq!(p.speed, Some(4.0));
        assert_eq!(p.lang, Some(Lang::Hi));
        assert!(p.problems.is_empty());
    }

    #[test]
    fn bad_values_are_reported_not_applied() {
        let p = Params::parse("speed=fast&step=-1&lang=fr&speed=NaN&speed=0");
        assert_eq!(p.speed, None);
        assert_eq!(p.step, 0);
        assert_eq!(p.lang, None);
        assert_eq!(p.problems.len(), 5, "{:?}", p.problems);
        assert_eq!(p.problems[0], ("param.speed", "fast".to_string()));
    }

    #[test]
    fn decimals_read_as_str_parse_reads_them() {
        for text in [
            "2",
            "0.25",
            ".5",
            "5.",
            "+1.5",
            "100",
            "0.1",
            "0.3",
            "1e2",
            "2.5E-1",
            "1e+1",
            "0",
            "0.0",
            "007",
            "123456789012345",
            "0.000000000000001",
            "9007199254740992",
            "1.797693134862315",
            "3.14159",
        ] {
            assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text:?}");
        }
        // Every tenth, hundredth and thousandth up to 100, as the speed control and links write them.
        for n in 0..100_000u32 {
            for text in [
                format!("{}.{:03}", n / 1000, n % 1000),
                format!("{}.{:02}", n / 100, n % 100),
            ] {
                assert_eq!(decimal(&text), text.parse::<f64>().ok(), "{text:?}");
            }
        }
        for text in [
            "",
            ".",
            "+",
            "-1",
            "1.2.3",
            "1e",
            "e5",
            "fast",
            "inf",
            "NaN",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "9007199254740993",
            "1e23",
            "1e-23",
            "12345678901234567890",
        ] {
            assert_eq!(decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn flags_and_embed_attribute() {
        let p = Params::parse("lesson=keys&lang=hi&embed&slowmo=0&paused=false");
        assert!(p.embed);
        assert!(!p.paused);
        assert_eq!(p.slow_motion, Some(false));
    }

    #[test]
    fn views_and_a_bad_view() {
        assert_eq!(Params::parse("lesson=keys").view, None);
        for (code, view) in [
            ("full", View::Full),
            ("lesson", View::Lesson),
            ("stage", View::Stage),
        ] {
            let p = Params::parse(&format!("view={code}&embed"));
            assert_eq!(p.view, Some(view));
            assert_eq!(view.compact(), code != "full");
        }
        let p = Params::parse("view=lesson&view=tiny");
        assert_eq!(
            p.view,
            Some(View::Lesson),
            "a bad value leaves the last good one"
        );
        assert_eq!(p.problems, [("param.view", "tiny".to_string())]);
    }

    #[test]
    fn percent_decoding_is_lossy_but_safe() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%E0%A4%95"), "क");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn fragment_round_trips() {
        let f = fragment(Some("1.abc_-"), Some(("keys", 2)), Some(Lang::Hi));
        assert_eq!(f, "s=1.abc_-&lesson=keys&step=2&lang=hi");
        let p = Params::parse(&f);
        assert_eq!(p.scenario.as_deref(), Some("1.abc_-"));
        assert_eq!((p.lesson.as_deref(), p.step), (Some("keys"), 2));
        assert_eq!(fragment(None, None, None), "");
    }

    #[test]
    fn huge_values_are_refused() {
        let p = Params::parse(&format!("s={}", "a".repeat(MAX_VALUE_CHARS + 1)));
        assert_eq!(p.scenario, None);
        assert_eq!(p.problems.len(), 1);
    }
}
