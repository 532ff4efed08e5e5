// The single-file build (scripts/single-file.mjs, `make single`): one HTML file, opened from disk (file://)
// with networking disabled, runs GroupLab under its own strict CSP and requests nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, watchViolations, cspViolations } from './harness.mjs';
import { buildSingleFile } from '../scripts/single-file.mjs';

let browser;
let dir;
let built;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'grouplab-single-'));
  built = await buildSingleFile({ out: path.join(dir, 'grouplab.html') });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the single HTML file works from disk, offline, under its own CSP, with no request', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.setOffline(true);
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(watchViolations);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const url = pathToFileURL(built.out).href;
  try {
    await page.goto(url);
    await page.waitForSelector('[data-stage-ready]', { timeout: 20_000 });
    await page.waitForSelector('[data-partition="test-topic/3"]');
    // It runs: the simulated clock advances, the group forms, and a lesson opens.
    await page.waitForFunction(() => window.grouplab.time() > 2000, null, { timeout: 20_000 });
    const s = await page.evaluate(() => window.grouplab.state());
    assert.ok(s.groups.some((g) => g.group_id === 'order-consumer-group'));
    await page.evaluate(() => window.grouplab.lesson('keys', 1));
    await page.waitForSelector('[data-lesson="keys"]');
    await page.screenshot({ path: path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots', 'single-file.png') });
    assert.match(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content),
      /^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/, 'the app and the first frame\'s marker, by hash');
    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:')), [], 'no request but the file itself');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
