//! A panic must never leave a blank page or lose the user's work. A panic aborts, which traps the wasm, so
//! whatever called into it gets a `WebAssembly.RuntimeError`, and web/boot.js, which still runs when the wasm has
//! stopped, reveals an error panel in every instance: the error, the instance's latest scenario link ("Copy
//! scenario link", "Open my scenario again") and "Start again". Nothing can be computed after the wasm stopped, so
//! this module keeps both links on the instance's root as the user works: `data-saved-link` and
//! `data-restart-link`.
//!
//! The page's panel ships in index.html (`#grouplab-panic`, also used when the wasm fails to load); boot.js makes
//! an embed's panel next to its app, inside its shadow root, and says the words in the instance's language.

use web_sys::Element;

/// Registers an instance (its app root): its first scenario link, and where "Start again" goes.
pub fn register(root: &Element, link: &str, restart: &str) {
    let _ = root.set_attribute("data-restart-link", restart);
    remember(root, link);
}

/// Keeps the newest scenario link of the instance rendered in `root`.
pub fn remember(root: &Element, link: &str) {
    let _ = root.set_attribute("data-saved-link", link);
}

#[cfg(test)]
mod tests {
    const INDEX_HTML: &str = include_str!("../index.html");
    const BOOT_JS: &str = include_str!("../web/boot.js");

    /// The words of `lang` in web/boot.js: `'key': 'text',` lines of its `lang: {` block.
    fn words(lang: &str) -> Vec<(&'static str, &'static str)> {
        let block = BOOT_JS
            .split(&format!("  {lang}: {{\n"))
            .nth(1)
            .unwrap_or_default();
        let block = block.split("\n  },").next().unwrap_or_default();
        block
            .lines()
            .filter_map(|l| l.trim().strip_prefix('\'')?.strip_suffix("',"))
            .filter_map(|l| l.split_once("': '"))
            .collect()
    }

    /// Every word of the panel is in web/boot.js in English and Hinglish, and index.html's English is the same.
    #[test]
    fn boot_js_has_the_words_of_the_panel_in_both_languages() {
        let (en, hi) = (words("en"), words("hi"));
        let keys: Vec<&str> = en.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, hi.iter().map(|(k, _)| *k).collect::<Vec<_>>());
        for (key, text) in hi {
            assert!(!text.trim().is_empty(), "{key}");
        }
        // The embeds' panel markup in boot.js (`const PANEL = `…``) uses the same keys as index.html's.
        let markup = BOOT_JS.split("const PANEL = `").nth(1).unwrap_or_default();
        let markup = markup.split('`').next().unwrap_or_default();
        let used: Vec<&str> = markup
            .split("data-t=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(used.len() >= 6, "{used:?}");
        for key in used {
            let text = en.iter().find(|(k, _)| *k == key).map(|(_, t)| *t);
            let text = text.unwrap_or_else(|| panic!("boot.js lacks {key}"));
            assert!(
                INDEX_HTML.contains(&format!("data-t=\"{key}\">{text}<")),
                "index.html says {key} as boot.js does: \"{text}\""
            );
        }
    }
}
