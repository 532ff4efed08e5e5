#!/usr/bin/env node
// Browser benchmark of the built app (dist/; `make bench-browser` builds it first). Serves dist/ gzipped on
// a free loopback port and measures in headless Debian Chromium, without and with 4x CPU throttling:
//   - bytes transferred (gzip, as sent) and raw (decoded) for a cold load,
//   - navigation -> first contentful paint, and -> `[data-stage-ready]` appearing (median of --runs loads),
//   - frame time p50/p95/p99 from requestAnimationFrame deltas over --seconds,
//   - JS heap in use (CDP Runtime.getHeapUsage, after a GC) and the size of the wasm linear memory.
// Prints a markdown table. A benchmark, never part of `make test`.
//   node scripts/browser-bench.mjs [--runs 5] [--seconds 3] [--scenario default|tall|stress] [--json] [--dist DIR]
// --dist serves another build (e.g. a copy of dist/ from before a change, for A/B runs).
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
const MODES = [
  { name: 'no throttling', rate: 1 },
  { name: '4x CPU throttling', rate: 4 },
];

// Runs before any page script: records when [data-stage-ready] first appears (ms since navigation start).
// Also keeps the wasm exports Trunk announces, to read the size of the wasm linear memory.
// And where the time to it goes: when the wasm is compiled and instantiated, and when the app has started
// (boot.js's TrunkApplicationStarted, after the app's first render).
const STAGE_READY_PROBE = `(() => {
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
    if (window.__drawnPending || !document.querySelector('#stage [data-partition]')) return;
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
})();`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function newPage(browser, rate) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(STAGE_READY_PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, cdp, errors };
}

async function loadOnce(browser, url, rate) {
  const { context, page, cdp, errors } = await newPage(browser, rate);
  let transferred = 0;
  let raw = 0;
  let requests = 0;
  cdp.on('Network.dataReceived', (e) => (raw += e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    transferred += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__stageReadyAt !== undefined && window.__stageDrawnAt !== undefined, null, {
    timeout: 60_000,
  });
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    stageReady: window.__stageReadyAt,
    stageDrawn: window.__stageDrawnAt,
    wasmReady: window.__wasmReadyAt ?? NaN,
    started: window.__startedAt ?? NaN,
  }));
  await context.close();
  if (errors.length) throw new Error(`the page reported errors: ${errors.join(' | ')}`);
  return { ...timing, transferred, raw, requests };
}

async function steadyState(browser, url, rate) {
  const { context, page, cdp } = await newPage(browser, rate);
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
const server = await startServer({ gzip: true, ...(DIST ? { root: DIST } : {}) });
const browser = await launchBrowser();
const browserVersion = browser.version();
const results = [];
try {
  for (const mode of MODES) {
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, server.url('/'), mode.rate));
    const steady = await steadyState(browser, server.url('/'), mode.rate);
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
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n) => `${n.toFixed(1)} ms`;
  const rows = [
    ['requests (cold load)', (r) => String(r.requests)],
    ['bytes transferred (gzip, incl. headers)', (r) => kb(r.transferred)],
    ['bytes decoded (raw)', (r) => kb(r.raw)],
    [`navigation -> first contentful paint (median of ${RUNS})`, (r) => ms(r.fcp)],
    [`navigation -> wasm compiled and instantiated (median of ${RUNS})`, (r) => ms(r.wasmReady)],
    [`navigation -> app started, first render done (median of ${RUNS})`, (r) => ms(r.started)],
    [`navigation -> first stage drawn: painted with its partitions (median of ${RUNS})`, (r) => ms(r.stageDrawn)],
    [`navigation -> [data-stage-ready], set after the first render (median of ${RUNS})`, (r) => ms(r.stageReady)],
    [`frame time p50 (${SECONDS} s of rAF)`, (r) => ms(r.p50)],
    ['frame time p95', (r) => ms(r.p95)],
    ['frame time p99', (r) => ms(r.p99)],
    ['frames measured', (r) => String(r.frames)],
    ['JS heap used (after GC)', (r) => kb(r.heapUsed)],
    ['wasm linear memory', (r) => kb(r.wasmMemory)],
  ];
  console.log(
    `GroupLab browser benchmark: Chromium ${browserVersion} headless, ${os.cpus().length} cores ` +
      `(${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}), desktop viewport, served gzip from loopback\n`,
  );
  console.log(`| metric | ${results.map((r) => r.mode).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---:').join('|')}|`);
  for (const [label, fmt] of rows) console.log(`| ${label} | ${results.map(fmt).join(' | ')} |`);
}
