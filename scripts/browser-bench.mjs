#!/usr/bin/env node
// Browser benchmark of the built app (dist/; `make bench-browser` builds it first). Serves dist/ gzipped on
// a free loopback port, as a static host would, and measures in headless Debian Chromium, without and with 4x CPU
// throttling, and (--net) over an emulated mobile network:
//   - bytes transferred (gzip, as sent) and raw (decoded) for a cold load,
//   - navigation -> first contentful paint; -> the stage visible (its partitions painted: with the first frame in
//     index.html, at first paint); -> interactive (`[data-stage-ready]`, set by the live app) (median of --runs),
//   - layout shift during the load (the sum of the layout-shift entries, as CLS counts them),
//   - frame time p50/p95/p99 from requestAnimationFrame deltas over --seconds (not over an emulated network),
//   - JS heap in use (CDP Runtime.getHeapUsage, after a GC) and the size of the wasm linear memory.
// Prints a markdown table. A benchmark, never part of `make test`.
//   node scripts/browser-bench.mjs [--runs 5] [--seconds 3] [--scenario default|tall|stress] [--net slow4g|fast4g|3g]
//                                  [--json] [--dist DIR] [--root DIR --stage SELECTOR]
// --dist serves another build (e.g. a copy of dist/ from before a change, for A/B runs).
// --net adds a column loaded over CDP's Network.emulateNetworkConditions (NETWORKS below).
// --root serves another static site (e.g. another visualizer, to compare) and --stage names what counts as its
//   stage drawn; it has no `[data-stage-ready]` and no frame-time or heap rows.
// --scenario loads a heavier world through window.grouplab.load() before frames are measured: tall = 64
// partitions, 16 consumers in 3 groups, 500 records/s; stress = 1024 partitions, 256 consumers in 3 groups,
// 2000 records/s (the heavy worlds the stage is held to; scripts/bench-scenarios.mjs).
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, VIEWPORTS } from '../e2e/harness.mjs';
import { SCENARIOS, loadAndPlay } from './bench-scenarios.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('runs', 5);
const SCENARIO = (() => {
  const i = args.indexOf('--scenario');
  return i >= 0 ? args[i + 1] : 'default';
})();

if (!(SCENARIO in SCENARIOS)) throw new Error(`unknown --scenario ${SCENARIO}: default, tall or stress`);
const SECONDS = opt('seconds', 3);
const text = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
// Lighthouse's mobile profiles (latency, then throughput in bits/s): slow4g is its default mobile throttling
// (Chrome's "Slow 4G"), fast4g Chrome's "Fast 4G", 3g Lighthouse's "regular 3G".
const NETWORKS = {
  slow4g: { name: 'Slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up)', latency: 150, down: 1.6e6, up: 750e3 },
  fast4g: { name: 'Fast 4G (60 ms, 9 Mbit/s down, 1.5 Mbit/s up)', latency: 60, down: 9e6, up: 1.5e6 },
  '3g': { name: '3G (300 ms, 700 kbit/s down and up)', latency: 300, down: 700e3, up: 700e3 },
};
const NET = text('net');
if (NET && !(NET in NETWORKS)) throw new Error(`unknown --net ${NET}: ${Object.keys(NETWORKS).join(', ')}`);
const STAGE = text('stage') ?? '#stage [data-partition]';
const FOREIGN = text('root') !== undefined;
const MODES = [
  { name: 'no throttling', rate: 1 },
  { name: '4x CPU throttling', rate: 4 },
  ...(NET ? [{ name: NETWORKS[NET].name, rate: 1, net: NETWORKS[NET] }] : []),
];

// Runs before any page script: records when [data-stage-ready] first appears (ms since navigation start).
// Also keeps the wasm exports Trunk announces, to read the size of the wasm linear memory.
// And where the time to it goes: when the wasm is compiled and instantiated, and when the app has started
// (boot.js's TrunkApplicationStarted, after the app's first render).
const STAGE_READY_PROBE = (stage) => `(() => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...a) =>
    instantiate.apply(WebAssembly, a).then((r) => { window.__wasmReadyAt ??= performance.now(); return r; });
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasm = e.detail && e.detail.wasm;
    window.__startedAt = performance.now();
  });
  // The stage is drawn in the frame after its partitions enter the DOM: timed after that frame's paint (a
  // task queued from its requestAnimationFrame runs once the frame is painted).
  const drawn = () => {
    if (window.__drawnPending || ![...document.querySelectorAll(${JSON.stringify(stage)})].some((el) => el.getBoundingClientRect().width > 0)) return;
    // Seen in a frame's requestAnimationFrame: that frame paints it.
    window.__stageSeenAt = performance.now();
    window.__drawnPending = true;
    requestAnimationFrame(() => setTimeout(() => { window.__stageDrawnAt = performance.now(); }, 0));
  };
  const mark = () => {
    drawn();
    if (window.__stageReadyAt === undefined && document.querySelector('[data-stage-ready]')) {
      window.__stageReadyAt = performance.now();
    }
    return window.__stageReadyAt !== undefined && window.__drawnPending;
  };
  const obs = new MutationObserver(() => { if (mark()) obs.disconnect(); });
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage-ready'] });
  // The stage may be in the page before its stylesheet shows it (the first frame): look again at each frame.
  const poll = () => { if (!mark()) requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
})();`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function newPage(browser, { rate, net }) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(STAGE_READY_PROBE(STAGE));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (net) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: net.latency,
      downloadThroughput: net.down / 8,
      uploadThroughput: net.up / 8,
    });
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, cdp, errors };
}

async function loadOnce(browser, url, mode) {
  const { context, page, cdp, errors } = await newPage(browser, mode);
  let transferred = 0;
  let raw = 0;
  let requests = 0;
  cdp.on('Network.dataReceived', (e) => (raw += e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    transferred += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(
    (foreign) => (foreign || window.__stageReadyAt !== undefined) && window.__stageDrawnAt !== undefined,
    FOREIGN,
    { timeout: 120_000 },
  );
  await page.waitForLoadState('networkidle');
  // Shifts caused by the take-over would come within a frame or two of it.
  await page.waitForTimeout(500);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    stageReady: window.__stageReadyAt ?? NaN,
    // Seen before the first contentful paint: the stage was in that paint (the first frame in index.html).
    // Otherwise the paint after it was seen (a task queued from its frame runs once that frame is painted).
    stageDrawn: window.__stageSeenAt <= (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0)
      ? performance.getEntriesByName('first-contentful-paint')[0].startTime
      : window.__stageDrawnAt,
    wasmReady: window.__wasmReadyAt ?? NaN,
    started: window.__startedAt ?? NaN,
    shift: window.__shift,
  }));
  await context.close();
  if (errors.length) throw new Error(`the page reported errors: ${errors.join(' | ')}`);
  return { ...timing, transferred, raw, requests };
}

async function steadyState(browser, url, mode) {
  const { context, page, cdp } = await newPage(browser, mode);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__stageReadyAt !== undefined, null, { timeout: 60_000 });
  const scenario = SCENARIOS[SCENARIO](0);
  if (scenario) {
    await loadAndPlay(page, scenario, SCENARIO);
    // Let the groups form and traffic flow before measuring.
    await page.waitForTimeout(3000);
  }
  await page.waitForTimeout(500);
  const deltas = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const out = [];
        let last;
        let start;
        const tick = (t) => {
          if (last !== undefined) out.push(t - last);
          last = t;
          start ??= t;
          if (t - start < ms) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    SECONDS * 1000,
  );
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasmMemory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? NaN);
  await context.close();
  const sorted = deltas.sort((a, b) => a - b);
  return {
    frames: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    heapUsed: heap.usedSize,
    heapTotal: heap.totalSize,
    wasmMemory,
  };
}

const DIST = (() => {
  const i = args.indexOf('--dist');
  return i >= 0 ? path.resolve(args[i + 1]) : undefined;
})();
const ROOT = FOREIGN ? path.resolve(text('root')) : DIST;
const server = await startServer({ gzip: true, ...(ROOT ? { root: ROOT } : {}) });
const browser = await launchBrowser();
const browserVersion = browser.version();
const results = [];
try {
  for (const mode of MODES) {
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, server.url('/'), mode));
    // Frames and memory do not depend on the network, and another site has no model to measure.
    const steady = mode.net || FOREIGN ? {} : await steadyState(browser, server.url('/'), mode);
    results.push({
      mode: mode.name,
      transferred: loads[0].transferred,
      raw: loads[0].raw,
      requests: loads[0].requests,
      fcp: median(loads.map((l) => l.fcp)),
      stageReady: median(loads.map((l) => l.stageReady)),
      stageDrawn: median(loads.map((l) => l.stageDrawn)),
      wasmReady: median(loads.map((l) => l.wasmReady)),
      started: median(loads.map((l) => l.started)),
      shift: median(loads.map((l) => l.shift)),
      ...steady,
    });
  }
} finally {
  await browser.close();
  await server.close();
}

if (args.includes('--json')) {
  console.log(JSON.stringify({ results, runs: RUNS, seconds: SECONDS }, null, 2));
} else {
  const kb = (n) => (n === undefined || Number.isNaN(n) ? '—' : `${(n / 1024).toFixed(1)} KB`);
  const ms = (n) => (n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(1)} ms`);
  const rows = [
    ['requests (cold load)', (r) => String(r.requests)],
    ['bytes transferred (gzip, incl. headers)', (r) => kb(r.transferred)],
    ['bytes decoded (raw)', (r) => kb(r.raw)],
    [`navigation -> first contentful paint (median of ${RUNS})`, (r) => ms(r.fcp)],
    [`navigation -> wasm compiled and instantiated (median of ${RUNS})`, (r) => ms(r.wasmReady)],
    [`navigation -> app started, first render done (median of ${RUNS})`, (r) => ms(r.started)],
    [`navigation -> stage visible: painted with its partitions (median of ${RUNS})`, (r) => ms(r.stageDrawn)],
    [`navigation -> interactive: [data-stage-ready], set after the live app's first render (median of ${RUNS})`, (r) => ms(r.stageReady)],
    [`layout shift during the load (median of ${RUNS})`, (r) => r.shift.toFixed(4)],
    [`frame time p50 (${SECONDS} s of rAF)`, (r) => ms(r.p50)],
    ['frame time p95', (r) => ms(r.p95)],
    ['frame time p99', (r) => ms(r.p99)],
    ['frames measured', (r) => String(r.frames ?? '—')],
    ['JS heap used (after GC)', (r) => kb(r.heapUsed)],
    ['wasm linear memory', (r) => kb(r.wasmMemory)],
  ];
  console.log(
    `${FOREIGN ? `${ROOT} (stage: ${STAGE})` : 'GroupLab'} browser benchmark: Chromium ${browserVersion} headless, ` +
      `${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}), desktop viewport, served gzip ` +
      'from loopback\n',
  );
  console.log(`| metric | ${results.map((r) => r.mode).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---:').join('|')}|`);
  for (const [label, fmt] of rows) console.log(`| ${label} | ${results.map(fmt).join(' | ')} |`);
}
