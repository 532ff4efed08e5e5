// The worlds the browser benchmarks load through window.grouplab.load() (scripts/browser-bench.mjs,
// scripts/frame-cost.mjs): tall = 64 partitions, 16 consumers in 3 groups, 500 records/s; stress = 1024
// partitions, 256 consumers in 3 groups, 2000 records/s (the heavy worlds the stage is held to); default = the page's
// own world (nothing loaded).

/// A scenario for window.grouplab.load(): one topic, consumers spread over 3 groups, a steady keyed rate,
/// starting at `timeMs`.
export function loadScenario(partitions, consumers, recordsPerSec, timeMs = 0) {
  const at0 = (command) => ({ at_ms: 0, command });
  const commands = [
    at0({ type: 'create_topic', topic: 'orders', partitions, replication_factor: 3 }),
    at0({ type: 'add_producer', profile: 'java' }),
    at0({
      type: 'set_produce_rate',
      producer: 'producer1',
      topic: 'orders',
      records_per_sec: recordsPerSec,
      keys: { kind: 'random', prefix: 'customer-', cardinality: 1000 },
    }),
  ];
  for (let i = 0; i < consumers; i++) {
    commands.push(
      at0({
        type: 'add_consumer',
        profile: 'java',
        config: { 'group.id': `group-${i % 3}`, 'auto.offset.reset': 'earliest' },
        topics: ['orders'],
      }),
    );
  }
  return { version: 1, seed: 1, cluster: { latency_ms: 20 }, commands, time_ms: timeMs };
}

/// Scenario name -> (start time in ms) -> what to load (null: nothing).
export const SCENARIOS = {
  default: () => null,
  tall: (timeMs) => loadScenario(64, 16, 500, timeMs),
  stress: (timeMs) => loadScenario(1024, 256, 2000, timeMs),
};

/** Loads `scenario` (named `name` in errors) into the page's app through window.grouplab and plays it. */
export async function loadAndPlay(page, scenario, name) {
  const r = await page.evaluate((sc) => {
    const r = window.grouplab.load(sc);
    window.grouplab.play();
    return r;
  }, scenario);
  if (!r || r.error) throw new Error(`loading the ${name} scenario failed: ${JSON.stringify(r)}`);
}
