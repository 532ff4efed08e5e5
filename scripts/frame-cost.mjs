#!/usr/bin/env node
// Where a frame's time goes, from a Chromium trace, for A/B comparisons of builds on a busy machine: the
// renderer main thread's CPU time (thread time, which other processes inflate far less than wall time) per
// animation frame, split into the requestAnimationFrame callback (the app: simulation, view, Yew) and style,
// layout, paint and layerize; plus the raster threads' time per frame. Frame rates are wall-clock and only
// indicative. A benchmark, never part of `make test`.
//   node scripts/frame-cost.mjs [--scenario default|tall|stress] [--seconds 3] [--rounds 2] [--from MS]
//        [--scroll PX] DIST...
// Each round measures every DIST (a directory like dist/) once, in turn, in a fresh page: the scenario is
// loaded (starting at simulated time --from), played for 3.5 s (scrolled down --scroll pixels), then traced
// for --seconds.
import path from 'node:path';
import { startServer, launchBrowser, VIEWPORTS } from '../e2e/harness.mjs';
import { SCENARIOS, loadAndPlay } from './bench-scenarios.mjs';

const args = process.argv.slice(2);
const flags = new Map();
const dists = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) flags.set(args[i].slice(2), args[++i]);
  else dists.push(args[i]);
}
const SCENARIO = flags.get('scenario') ?? 'default';
if (!(SCENARIO in SCENARIOS)) throw new Error(`unknown --scenario ${SCENARIO}: default, tall or stress`);
const SECONDS = Number(flags.get('seconds') ?? 3);
const ROUNDS = Number(flags.get('rounds') ?? 2);
const FROM = Number(flags.get('from') ?? 0);
const SCROLL = Number(flags.get('scroll') ?? 0);
if (!dists.length) throw new Error('name at least one build directory (e.g. dist)');

const RENDER = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

async function measure(browser, dist) {
  const server = await startServer({ gzip: true, root: path.resolve(dist) });
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url('/'), { waitUntil: 'load' });
    await page.waitForSelector('[data-stage-ready]', { state: 'attached' });
    const scenario = SCENARIOS[SCENARIO](FROM);
    if (scenario) {
      await loadAndPlay(page, scenario, SCENARIO);
    }
    if (SCROLL) await page.evaluate((y) => window.scrollTo(0, y), SCROLL);
    await page.waitForTimeout(3500);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc',
      transferMode: 'ReportEvents',
    });
    await page.waitForTimeout(SECONDS * 1000);
    await cdp.send('Tracing.end');
    await done;
    // The renderer main thread: the one firing the animation frames.
    const frames = new Map();
    for (const e of events) if (e.name === 'FireAnimationFrame') frames.set(e.tid, (frames.get(e.tid) ?? 0) + 1);
    const [tid, n] = [...frames].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    if (!n) throw new Error('no animation frames in the trace');
    const cpu = (pred, thread = (e) => e.tid === tid) =>
      events
        .filter((e) => e.ph === 'X' && thread(e) && pred(e.name))
        .reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000 / n;
    return {
      fps: n / SECONDS,
      script: cpu((name) => name === 'FireAnimationFrame'),
      render: cpu((name) => RENDER.includes(name)),
      parts: Object.fromEntries(RENDER.map((r) => [r, cpu((name) => name === r)])),
      raster: cpu((name) => name === 'RasterTask', () => true),
    };
  } finally {
    await context.close();
    await server.close();
  }
}

const browser = await launchBrowser();
try {
  console.log(`${SCENARIO}${FROM ? ` from ${FROM} ms` : ''}${SCROLL ? `, scrolled ${SCROLL} px` : ''}: ms of CPU per frame`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const dist of dists) {
      const r = await measure(browser, dist);
      const f = (v) => v.toFixed(2).padStart(6);
      const parts = Object.entries(r.parts)
        .filter(([, v]) => v >= 0.05)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ');
      console.log(
        `${dist.padEnd(24)} ${r.fps.toFixed(1).padStart(5)} fps | main thread ${f(r.script + r.render)} = ` +
          `rAF ${f(r.script)} + rendering ${f(r.render)} (${parts}) | raster ${f(r.raster)}`,
      );
    }
  }
} finally {
  await browser.close();
}
