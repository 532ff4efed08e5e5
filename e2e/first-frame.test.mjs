// The page's first frame (src/ui/first_frame.rs): dist/index.html arrives with the stage drawn, so a reader on a
// slow network sees the cluster before the wasm has loaded. Held back, the wasm cannot start: the frame is on
// screen, inert, and says "starting" after a second; released, the live app takes over in place (brokers, rows
// and members within 1 px) under the strict CSP. A link to another state, or a Hinglish reader, gets the frame as
// a neutral skeleton, never as if it were that state; a course page's embeds hold their final size from the
// start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, symlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, distDir, repoRoot, gzipSize, VIEWPORTS, STRICT_CSP, watchViolations, cspViolations } from './harness.mjs';

let h;
let course;
let courseRoot;
before(async () => {
  h = await setup({ headers: { 'Content-Security-Policy': STRICT_CSP } });
  courseRoot = await mkdtemp(path.join(os.tmpdir(), 'grouplab-course-frame-'));
  await symlink(distDir, path.join(courseRoot, 'grouplab'));
  await symlink(path.join(repoRoot, 'examples', 'course'), path.join(courseRoot, 'course'));
  course = await setup({ root: courseRoot });
});
after(async () => {
  await h?.teardown();
  await course?.teardown();
  if (courseRoot) await rm(courseRoot, { recursive: true, force: true });
});

/** Holds every request for the wasm until `release()`: the page is as it is before the app has started. */
function holdWasm() {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  return {
    release: () => release(),
    beforeGoto: (page) => page.route('**/grouplab_bg.wasm', async (route) => {
      await held;
      await route.continue();
    }),
  };
}

/** Waits until a drawing of the frame is on screen (the others are hidden by the stage area's width). */
const frameShown = (page) => page.waitForFunction(() =>
  [...document.querySelectorAll('.first-frame [data-partition]')].some((el) => el.getBoundingClientRect().width > 0));

/** Bounding boxes of the brokers, partition rows and members drawn now (the frame's shown drawing, or the app's). */
const boxes = (page) => page.evaluate(() => {
  const out = {};
  for (const el of document.querySelectorAll('[data-broker], [data-partition], [data-consumer]')) {
    const r = el.getBoundingClientRect();
    if (!r.width) continue; // a drawing the stage area does not call for
    const key = ['data-broker', 'data-partition', 'data-consumer'].filter((a) => el.hasAttribute(a)).map((a) => `${a}=${el.getAttribute(a)}`).join(' ');
    out[key] = [r.x, r.y, r.width, r.height];
  }
  return out;
});

test('dist/index.html carries the stage drawn, in a few KB', async () => {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const frame = html.slice(html.indexOf('<div class="first-frame"'));
  assert.ok(frame.length > 0 && html.indexOf('<div class="first-frame"') > html.search(/id="?app"?/), 'the frame is inside #app');
  const drawings = [...frame.matchAll(/data-first-frame="(\w+)"/g)].map((m) => m[1]);
  assert.ok(drawings.includes('phone') && drawings.includes('laptop'), `drawings: ${drawings}`);
  for (const p of [0, 1, 2, 3]) {
    const rows = frame.split(`data-partition="test-topic/${p}"`).length - 1;
    assert.equal(rows, drawings.length, `P${p} is drawn in every drawing`);
  }
  assert.doesNotMatch(html, /data-stage-ready/, 'the frame never claims to be the live app');
  assert.doesNotMatch(html, /\sstyle="/, 'no style attribute (the strict CSP refuses them)');
  const kb = gzipSize(Buffer.from(html)) / 1024;
  assert.ok(kb <= 20, `index.html is ${kb.toFixed(1)} KB gzip`);
});

for (const viewport of ['laptop', 'small', 'desktop', 'phone']) {
  test(`${viewport}: the stage is on screen before the wasm arrives, and the app takes over in place`, async () => {
    const wasm = holdWasm();
    await h.withPage({ viewport, waitForReady: false, waitUntil: 'domcontentloaded', beforeGoto: wasm.beforeGoto, initScript: watchViolations },
      async ({ page, screenshot }) => {
        const size = VIEWPORTS[viewport];
        await frameShown(page);
        const frame = await page.evaluate(() => {
          const shown = [...document.querySelectorAll('[data-first-frame]')].filter((d) => d.getBoundingClientRect().width > 0);
          const play = document.querySelector('.first-frame .controls .btn');
          play.focus();
          const cue = getComputedStyle(document.querySelector('.first-frame__starting'));
          return {
            shown: shown.map((d) => d.dataset.firstFrame),
            inert: document.querySelector('.first-frame').inert,
            focusable: document.activeElement === play,
            ready: document.querySelectorAll('[data-stage-ready]').length,
            cueDelay: cue.animationDelay,
            elsewhere: document.documentElement.classList.contains('first-frame-elsewhere'),
          };
        });
        assert.equal(frame.shown.length, 1, `one drawing shown: ${frame.shown}`);
        assert.ok(frame.inert, 'the frame is inert');
        assert.ok(!frame.focusable, 'its controls cannot be pressed or focused');
        assert.equal(frame.ready, 0);
        assert.equal(frame.cueDelay, '1s', '"starting" waits a second before it shows');
        assert.ok(!frame.elsewhere, 'the default page shows the frame as it is');
        const before = await boxes(page);
        const keys = Object.keys(before);
        assert.equal(keys.filter((k) => k.startsWith('data-partition=test')).length, 4, `rows: ${keys}`);
        assert.equal(keys.filter((k) => k.startsWith('data-broker=')).length, 3, `brokers: ${keys}`);
        assert.equal(keys.filter((k) => k.startsWith('data-consumer=')).length, 2, `members: ${keys}`);
        for (const [k, [x, y, w, hgt]] of Object.entries(before)) {
          if (!k.startsWith('data-partition=test')) continue;
          assert.ok(x >= 0 && x + w <= size.width + 1 && y >= 0 && y + hgt <= size.height, `${k} is on the first screen`);
        }
        await page.waitForFunction(() => getComputedStyle(document.querySelector('.first-frame__starting')).opacity === '1');
        await screenshot(`first-frame-${viewport}-held`);

        wasm.release();
        await page.waitForSelector('[data-stage-ready]', { timeout: 15_000 });
        const after = await boxes(page);
        assert.deepEqual(Object.keys(after).sort(), keys.sort(), 'the same entities');
        for (const k of keys) {
          const d = Math.max(...before[k].map((v, i) => Math.abs(v - after[k][i])));
          assert.ok(d <= 1, `${k} moved ${d.toFixed(2)} px at the take-over: ${before[k]} → ${after[k]}`);
        }
        assert.equal(await page.locator('.first-frame').count(), 0, 'the frame is gone');
        assert.deepEqual(await cspViolations(page), []);
        await screenshot(`first-frame-${viewport}-live`);
      });
  });
}

for (const viewport of ['laptop', 'small']) {
  test(`${viewport}: a lesson link shows a neutral skeleton until the app draws the lesson`, async () => {
    const wasm = holdWasm();
    await h.withPage({ viewport, path: '/#lesson=idle&step=1', waitForReady: false, waitUntil: 'domcontentloaded', beforeGoto: wasm.beforeGoto },
      async ({ page, screenshot }) => {
        await frameShown(page);
        const look = await page.evaluate(() => {
          const shown = [...document.querySelectorAll('[data-first-frame]')].find((d) => d.getBoundingClientRect().width > 0);
          const style = getComputedStyle(shown);
          return {
            elsewhere: document.documentElement.classList.contains('first-frame-elsewhere'),
            opacity: Number(style.opacity),
            filter: style.filter,
            hint: getComputedStyle(document.querySelector('.first-frame .caption__hint')).visibility,
            clock: getComputedStyle(document.querySelector('.first-frame .clock')).visibility,
            narration: document.querySelectorAll('[data-narration]').length,
          };
        });
        assert.ok(look.elsewhere);
        assert.ok(look.opacity <= 0.3 && /grayscale/.test(look.filter), `a skeleton: opacity ${look.opacity}, ${look.filter}`);
        assert.equal(look.hint, 'hidden', 'no free-play words under a lesson link');
        assert.equal(look.clock, 'hidden', 'no clock claiming a time');
        assert.equal(look.narration, 0);
        await screenshot(`first-frame-${viewport}-link-held`);
        wasm.release();
        await page.waitForSelector('[data-stage-ready]', { timeout: 15_000 });
        const live = await page.evaluate(() => ({
          narration: document.querySelector('[data-narration]')?.textContent ?? '',
          place: window.grouplab.state().lesson,
        }));
        assert.ok(live.narration.length > 20, `the lesson speaks: ${live.narration}`);
        assert.equal(await page.locator('.first-frame').count(), 0);
      });
  });
}

test('a Hinglish reader gets the skeleton and the "starting" word in Hinglish, then the app in Hinglish', async () => {
  const wasm = holdWasm();
  await h.withPage({ viewport: 'small', waitForReady: false, waitUntil: 'domcontentloaded', beforeGoto: wasm.beforeGoto,
    initScript: () => localStorage.setItem('grouplab.lang', 'hi') }, async ({ page, screenshot }) => {
    await frameShown(page);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('first-frame-elsewhere')));
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.first-frame__starting')).opacity === '1');
    const said = await page.evaluate(() => document.querySelector('.first-frame__starting').innerText.trim());
    assert.equal(said, 'Simulator start ho rha hai…');
    await screenshot('first-frame-small-hi-held');
    wasm.release();
    await page.waitForSelector('[data-stage-ready]', { timeout: 15_000 });
    assert.match(await page.evaluate(() => document.documentElement.lang), /^hi/);
  });
});

for (const viewport of ['desktop', 'small']) {
  test(`${viewport}: a course page's embeds hold their final size from the start`, async () => {
    const wasm = holdWasm();
    await course.withPage({ viewport, path: '/course/consumer.html', waitForReady: false, waitUntil: 'domcontentloaded', beforeGoto: wasm.beforeGoto },
      async ({ page, screenshot }) => {
        await page.waitForFunction(() => document.querySelectorAll('[data-grouplab]').length >= 3
          && [...document.querySelectorAll('[data-grouplab]')].every((el) => el.shadowRoot?.querySelector('[data-grouplab-placeholder]')));
        const heights = () => page.evaluate(() => [...document.querySelectorAll('[data-grouplab]')].map((el) => el.getBoundingClientRect().height));
        const held = await heights();
        // The stylesheet arrives in each shadow root: the placeholders keep their height.
        await page.waitForFunction(() => [...document.querySelectorAll('[data-grouplab]')]
          .every((el) => getComputedStyle(el.shadowRoot.querySelector('.first-frame__starting')).position === 'absolute'));
        assert.deepEqual(await heights(), held, 'the placeholders did not change size when their stylesheet arrived');
        await screenshot(`first-frame-embeds-${viewport}-held`, { fullPage: true });
        wasm.release();
        await page.locator('div[data-grouplab] [data-stage-ready]').nth(2).waitFor({ timeout: 15_000 });
        const live = await heights();
        for (const [i, px] of live.entries()) {
          assert.ok(Math.abs(px - held[i]) <= 1, `embed ${i + 1}: ${held[i]} px held, ${px} px live`);
        }
      });
  });
}
