// Embedding GroupLab: the sample course page (examples/course/consumer.html) mounts three independent
// instances with one script, each with its own API, language and lesson, unaffected by the page's styles; an
// `?embed` iframe reports its height to the parent, which sizes the frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, symlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, distDir, repoRoot } from './harness.mjs';
import { bootWords } from './tables.mjs';

let h;
let root;
before(async () => {
  // A static site with the app at /grouplab/ and the course page at /course/.
  root = await mkdtemp(path.join(os.tmpdir(), 'grouplab-course-'));
  await symlink(distDir, path.join(root, 'grouplab'));
  await symlink(path.join(repoRoot, 'examples', 'course'), path.join(root, 'course'));
  // A course page whose second instance panics after its first render.
  await writeFile(
    path.join(root, 'panic.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Panic</title>' +
      '<script type="module" src="grouplab/embed.js"></script></head>' +
      '<body><p>Notes</p><div data-grouplab="lang=hi"></div><div data-grouplab="debug-panic"></div></body></html>',
  );
  // A course page with one instance, where some other wasm of the page traps.
  await writeFile(
    path.join(root, 'other-wasm.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other wasm</title>' +
      '<script type="module" src="grouplab/embed.js"></script></head>' +
      '<body><p>Notes</p><div data-grouplab=""></div></body></html>',
  );
  h = await setup({ root });
});
after(async () => {
  await h?.teardown();
  if (root) await rm(root, { recursive: true, force: true });
});

const page = { viewport: 'desktop', path: '/course/consumer.html', waitForReady: false };

/** The three course-page instances' APIs, once all are ready. */
async function instances(p) {
  await p.waitForFunction(() => (window.grouplab?.instances?.length ?? 0) >= 3, null, { timeout: 15_000 });
  await p.locator('[data-stage-ready]').nth(2).waitFor();
}

test('one script mounts three independent instances on a course page', () =>
  h.withPage(page, async ({ page: p, screenshot }) => {
    await instances(p);
    const hosts = p.locator('div[data-grouplab]');
    assert.equal(await hosts.count(), 3);
    // Each instance is in its own lesson and language, with its own narration.
    const lessons = await p.locator('[data-lesson]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson')));
    assert.deepEqual(lessons, ['group', 'offsets', 'keys']);
    const langs = await hosts.evaluateAll((els) => els.map((e) => e.shadowRoot.querySelector('.grouplab').getAttribute('lang')));
    assert.deepEqual(langs, ['hi-Latn', 'en', 'hi-Latn']);
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'hi-Latn', 'the course page keeps its own lang');

    // Acting on one instance leaves the others alone.
    const consumers = () =>
      hosts.evaluateAll((els) => els.map((e) => e.grouplab.state().consumers.length));
    const before = await consumers();
    const third = hosts.nth(2);
    // An embed keeps its tools folded under the stage until the learner takes over.
    assert.equal(await third.locator('[data-action=add-consumer]').isVisible(), false);
    await third.locator('.embed-tools > summary').click();
    await third.locator('[data-action=add-consumer]').click();
    const after = await consumers();
    assert.deepEqual(after, [before[0], before[1], before[2] + 1], 'only the third instance gained a consumer');
    const r = await p.evaluate(() => document.querySelector('div[data-grouplab]').grouplab.run({ type: 'crash_consumer', consumer: 'nope' }));
    assert.ok(r.error, 'the API answers per instance');
    assert.equal(await p.evaluate(() => window.grouplab.instances.length), 3);

    // Keyboard shortcuts reach only the instance that has focus.
    const times = () => hosts.evaluateAll((els) => els.map((e) => e.grouplab.time()));
    await hosts.nth(2).evaluate((e) => e.grouplab.pause());
    await hosts.nth(0).evaluate((e) => e.grouplab.pause());
    await third.locator('[data-action=step-forward]').focus();
    const t0 = await times();
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction((t) => document.querySelectorAll('div[data-grouplab]')[2].grouplab.time() > t, t0[2]);
    const t1 = await times();
    assert.equal(t1[0], t0[0], 'the first instance did not move');

    // The page's styles (hotpink fantasy buttons) do not reach inside, and ours do not leak out.
    const inside = await third.locator('[data-action=add-consumer]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.notEqual(inside, 'rgb(255, 105, 180)');
    const body = await p.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(body, /Georgia/);
    await screenshot('embed-course-page', { fullPage: true });
  }));

test('an ?embed iframe tells the parent its height and is sized to it', () =>
  h.withPage(page, async ({ page: p }) => {
    const frame = p.locator('iframe[data-grouplab-frame]');
    await frame.scrollIntoViewIfNeeded();
    const inner = p.frameLocator('iframe[data-grouplab-frame]');
    await inner.locator('[data-lesson="console"]').waitFor({ timeout: 15_000 });
    assert.equal(await inner.locator('h1').count(), 0, 'no page heading inside an embed');
    await p.waitForFunction(() => {
      const f = document.querySelector('iframe[data-grouplab-frame]');
      return f.style.height && parseFloat(f.style.height) !== 300;
    });
    const { frameHeight, contentHeight } = await p.evaluate(() => {
      const f = document.querySelector('iframe[data-grouplab-frame]');
      return {
        frameHeight: parseFloat(f.style.height),
        contentHeight: f.contentDocument.getElementById('app').getBoundingClientRect().height,
      };
    });
    assert.ok(Math.abs(frameHeight - Math.ceil(contentHeight)) <= 1, `frame ${frameHeight} vs content ${contentHeight}`);
    assert.equal(
      await p.evaluate(() => {
        const d = document.querySelector('iframe[data-grouplab-frame]').contentDocument.documentElement;
        return d.scrollHeight <= d.clientHeight + 1;
      }),
      true,
      'no scrollbar inside the frame',
    );
  }));

test('a panic in one embed stops every instance on the page, each with its panel and scenario link', () =>
  h.withPage(
    { viewport: 'desktop', path: '/panic.html', waitForReady: false, expectErrors: true },
    async ({ page: p, errors, server, screenshot }) => {
      const panels = p.locator('div[data-grouplab] .panic-panel');
      await panels.nth(1).waitFor({ state: 'visible', timeout: 15_000 });
      await panels.nth(0).waitFor({ state: 'visible' });
      const [hi, en] = [await bootWords('hi'), await bootWords('en')];
      for (const [i, said] of [hi, en].entries()) {
        const panel = panels.nth(i);
        assert.equal(await panel.locator('h2').textContent(), said.get('panic.title'), `instance ${i + 1}'s language`);
        assert.equal(await panel.locator('[data-panic-copy]').textContent(), said.get('panic.copy'));
        assert.match(await panel.locator('[data-panic-message]').textContent(), /^RuntimeError: unreachable/);
        assert.match(await panel.evaluate((el) => getComputedStyle(el).fontFamily), /system-ui/, "the app's font, not the page's");
        // Nothing the learner built is lost: the instance's scenario opens in the full app.
        const link = await panel.locator('[data-panic-link-field]').inputValue();
        assert.ok(link.startsWith(server.url('/grouplab/index.html#')), link);
        assert.match(link, /[#&]s=1\.[A-Za-z0-9_-]+/);
        assert.equal(await panel.locator('[data-panic-reopen]').getAttribute('href'), link);
        assert.equal(await panel.locator('[data-panic-restart]').getAttribute('href'), server.url('/panic.html'));
      }
      const roots = p.locator('div[data-grouplab] .grouplab');
      assert.deepEqual(await roots.evaluateAll((els) => els.map((e) => e.hasAttribute('inert'))), [true, true]);
      assert.equal(await p.locator('p').first().textContent(), 'Notes', 'the course page itself stays');
      assert.ok(errors.some((e) => e.includes('RuntimeError: unreachable')), errors.join(' | '));
      await screenshot('embed-panic', { fullPage: true });
    },
  ));

test("another wasm's trap on the course page does not stop GroupLab", () =>
  h.withPage(
    { viewport: 'desktop', path: '/other-wasm.html', waitForReady: false, expectErrors: true },
    async ({ page: p, errors }) => {
      await p.locator('[data-stage-ready]').waitFor({ timeout: 15_000 });
      // (module (func (export "f") unreachable)), called from a timer: an uncaught RuntimeError, not ours.
      await p.evaluate(() => {
        const bytes = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];
        const other = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)));
        setTimeout(() => other.exports.f(), 0);
      });
      await expectEventually(() => errors.some((e) => e.includes('RuntimeError: unreachable')), 'the other trap happened');
      const host = p.locator('div[data-grouplab]');
      assert.equal(await host.locator('.panic-panel').count(), 0, 'no panic panel');
      assert.equal(await host.locator('.grouplab').evaluate((e) => e.hasAttribute('inert')), false);
      // Still working: the API and the buttons act.
      const before = await host.evaluate((e) => e.grouplab.state().consumers.length);
      await host.locator('.embed-tools > summary').click();
      await host.locator('[data-action=add-consumer]').click();
      assert.equal(await host.evaluate((e) => e.grouplab.state().consumers.length), before + 1);
    },
  ));

async function expectEventually(check, what) {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(check(), what);
}
