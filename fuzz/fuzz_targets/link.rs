//! Scenario links from anywhere (URLs are user input): decoding never panics, never inflates past the limit,
//! and a link that decodes re-encodes to one that decodes to the same scenario.
#![no_main]

use grouplab_model::scenario::Scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(scenario) = Scenario::from_link(text) {
        let again = Scenario::from_link(&scenario.to_link()).expect("a link we made decodes");
        assert_eq!(again, scenario);
    }
});
