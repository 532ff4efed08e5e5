//! Pasted `kafka-consumer-groups --describe` text (user input): importing never panics, and what imports builds.
#![no_main]

use grouplab_model::scenario::import::import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = import(text) {
        imported.scenario.build().expect("an imported scenario builds");
    }
});
