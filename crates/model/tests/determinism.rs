//! Same seed + same commands = same history, natively and in wasm. Both targets must reproduce the same digest
//! of a minute of the course-notes scenario (every event, serialized): run natively by `cargo test`, and in
//! wasm by `make wasm-test` (wasm-bindgen-test in Node.js).

use grouplab_model::command::Command;
use grouplab_model::scenario::Scenario;

/// CRC-32 of the JSON of every event of the first 60 simulated seconds, and of the final state.
fn history_digest() -> (u32, u32, usize) {
    let mut t = Scenario::course_notes()
        .build()
        .expect("the default scenario builds");
    t.advance_to(20_000);
    t.apply(Command::CrashConsumer {
        consumer: "consumer2".into(),
    })
    .expect("crash");
    t.advance_to(60_000);
    let events: Vec<_> = t.events().collect();
    let history = serde_json::to_string(&events).expect("events serialize");
    let state = serde_json::to_string(&t.sim().view(50)).expect("state serializes");
    (
        crc32fast::hash(history.as_bytes()),
        crc32fast::hash(state.as_bytes()),
        events.len(),
    )
}

/// The digest pinned for both targets. If a deliberate model change alters the history, update it here (the
/// wasm run must then agree with the new native value).
const EXPECTED: (u32, u32, usize) = (3_495_504_759, 3_239_163_709, 985);

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_history_matches_the_pinned_digest() {
    let got = history_digest();
    assert_eq!(got, history_digest(), "two native runs differ");
    assert_eq!(
        got, EXPECTED,
        "native digest (update EXPECTED after a deliberate model change)"
    );
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_history_matches_the_pinned_digest() {
    assert_eq!(
        history_digest(),
        EXPECTED,
        "wasm digest differs from the native one"
    );
}
