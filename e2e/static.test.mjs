// The built dist/ as a static site: it runs under the strict Content-Security-Policy (docs/embedding.md) with zero
// violations, and works from a sub-path of a host (relative URLs only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, symlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, distDir, openDrawer, STRICT_CSP, watchViolations, cspViolations } from './harness.mjs';



let csp;
let sub;
let subRoot;
before(async () => {
  csp = await setup({ headers: { 'Content-Security-Policy': STRICT_CSP } });
  // A host that serves the app at /courses/kafka/grouplab/ (and nothing at /).
  subRoot = await mkdtemp(path.join(os.tmpdir(), 'grouplab-subpath-'));
  await mkdir(path.join(subRoot, 'courses', 'kafka'), { recursive: true });
  await symlink(distDir, path.join(subRoot, 'courses', 'kafka', 'grouplab'));
  sub = await setup({ root: subRoot });
});
after(async () => {
  await csp?.teardown();
  await sub?.teardown();
  if (subRoot) await rm(subRoot, { recursive: true, force: true });
});

test('runs under the strict CSP with zero violations while the user works', () =>
  csp.withPage({ viewport: 'desktop', initScript: watchViolations }, async ({ page, screenshot }) => {
    const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/, 'the server really sends the policy');
    // Exercise what renders dynamic content: actions, the inspector, a lesson, the help dialog, the timeline.
    await openDrawer(page, 'act');
    await page.click('[data-action=add-consumer]');
    await page.click('[data-action=produce]');
    await page.click('[data-action=drawer-close]');
    await page.locator('[data-partition]').first().click();
    // The popover at the partition is placed through the CSSOM too.
    const popover = page.locator('.popover');
    await popover.waitFor();
    assert.match(await popover.evaluate((el) => el.style.left), /px$/, 'the popover is placed at its entity');
    await page.waitForSelector('[data-marker-generation]');
    const left = await page.locator('[data-marker-generation]').first().evaluate((el) => el.style.left);
    assert.match(left, /%$/, 'timeline markers are placed (through the CSSOM, not a style attribute)');
    await page.keyboard.press('?');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.grouplab.lesson('keys', 1));
    await page.waitForSelector('[data-lesson="keys"]');
    await page.waitForTimeout(300);
    await screenshot('static-csp-desktop');
    assert.deepEqual(await cspViolations(page), []);
  }));

test('works from a sub-path of a static host', () =>
  sub.withPage({ viewport: 'phone', path: '/courses/kafka/grouplab/' }, async ({ page, requests, server }) => {
    await page.waitForSelector('[data-partition="test-topic/3"]');
    const outside = requests.filter((u) => !u.startsWith(`${server.origin}/courses/kafka/grouplab/`));
    assert.deepEqual(outside, [], 'every file is fetched relative to the sub-path');
  }));

test('after the first visit it works offline (service worker), also under the strict CSP', () =>
  csp.withPage({ viewport: 'phone', initScript: watchViolations }, async ({ page, context, requests, screenshot }) => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    await context.setOffline(true);
    const failed = requests.length;
    await page.reload();
    await page.waitForSelector('[data-stage-ready]');
    await page.goto(csp.server.url('/?paused#lesson=keys&step=1'));
    await page.waitForSelector('[data-lesson="keys"][data-lesson-step="1"]');
    assert.ok(requests.length > failed, 'the reloads did go through the (offline) network layer');
    assert.deepEqual(await cspViolations(page), []);
    await screenshot('static-offline-phone');
    await context.setOffline(false);
  }));
