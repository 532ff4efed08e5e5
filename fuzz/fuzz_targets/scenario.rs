//! Scenario JSON from anywhere (an imported file, a shared link): decoding and building never panic, and a bad
//! scenario is an error, not a half-loaded world.
#![no_main]

use grouplab_model::scenario::Scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut scenario) = serde_json::from_slice::<Scenario>(data) else {
        return;
    };
    // Keep each execution short: at most ten simulated minutes per input.
    if scenario.commands.iter().any(|c| c.at_ms > 600_000)
        || scenario.time_ms.is_some_and(|t| t > 600_000)
    {
        return;
    }
    scenario.cluster.brokers = scenario.cluster.brokers.min(8);
    if let Ok(t) = scenario.build() {
        let _ = serde_json::to_string(&t.sim().view(5));
    }
});
