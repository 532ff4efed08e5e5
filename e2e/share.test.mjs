// Sharing: a copied link reopens exactly the same history and frame; Back and Forward walk lesson steps and
// actions; a scenario exports to a JSON file and imports back; bad links and bad files get a clear message and
// never replace what the user has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openDrawer, shareAction } from './harness.mjs';

let h;
let tmp;
before(async () => {
  h = await setup();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'grouplab-share-'));
});
after(async () => {
  await h?.teardown();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The state a user sees, without what legitimately differs between two pages. */
const state = (page) => page.evaluate(() => JSON.stringify(window.grouplab.state()));

/** Builds a scenario of the user's own: a third consumer, a keyed burst, a crash, 7.3 simulated seconds. */
async function buildScenario(page) {
  await page.evaluate(() => window.grouplab.pause());
  // The forms are in the actions drawer.
  await openDrawer(page, 'act');
  await page.click('[data-action=add-consumer]');
  const results = await page.evaluate(() => {
    const g = window.grouplab;
    const out = [g.run({ type: 'produce', producer: 'producer1', topic: 'test-topic', key: 'order-42', count: 5 })];
    g.advance(3000);
    out.push(g.run({ type: 'crash_consumer', consumer: 'consumer1' }));
    g.advance(4321);
    return out;
  });
  for (const r of results) assert.equal(r.ok, true, JSON.stringify(r));
}

test('a copied link reopens exactly the same history and frame', () =>
  h.withPage({ viewport: 'desktop', path: '/?slowmo=0' }, async ({ page, context, screenshot }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.origin });
    await buildScenario(page);
    const time = await page.evaluate(() => window.grouplab.time());
    const before = await state(page);
    await shareAction(page, 'copy-link');
    await page.waitForSelector('[data-notice=ok]');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, new RegExp(`^${h.server.origin}/#s=1\\.[A-Za-z0-9_-]+`));
    assert.ok(link.length < 4000, `the link stays compact (${link.length} characters)`);
    assert.equal(await page.evaluate(() => location.hash), new URL(link).hash, 'the address bar holds the same state');

    const other = await h.open({ viewport: 'phone', path: link.slice(h.server.origin.length) });
    try {
      assert.equal(await other.page.evaluate(() => window.grouplab.time()), time, 'same moment');
      assert.equal(await state(other.page), before, 'same state, member ids and offsets included');
      assert.equal(await other.page.getAttribute('#stage', 'data-playing'), 'false', 'paused on the shared frame');
      await other.screenshot('share-opened-link-phone');
    } finally {
      await other.close();
    }
    await screenshot('share-copied-desktop');
  }));

test('Back and Forward walk lesson steps and actions', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused#lesson=group&step=0&lang=en' }, async ({ page }) => {
    const step = () => page.getAttribute('[data-lesson]', 'data-lesson-step');
    await page.waitForSelector('[data-lesson="group"][data-lesson-step="0"]');
    await page.click('[data-action=lesson-next]');
    await page.waitForSelector('[data-lesson-step="1"]');
    await page.click('[data-action=lesson-next]');
    await page.waitForSelector('[data-lesson-step="2"]');
    assert.match(await page.evaluate(() => location.hash), /lesson=group&step=2/);
    const consumers = () => page.evaluate(() => window.grouplab.state().consumers.length);
    const n = await consumers();
    await openDrawer(page, 'act');
    await page.click('[data-action=add-consumer]');
    assert.equal(await consumers(), n + 1);
    assert.match(await page.evaluate(() => location.hash), /^#s=1\./, 'an action puts the scenario in the link');
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('s='));
    await page.waitForFunction((n) => window.grouplab.state().consumers.length === n, n);
    assert.equal(await step(), '2');
    await page.goBack();
    await page.waitForSelector('[data-lesson-step="1"]');
    await page.goForward();
    await page.waitForSelector('[data-lesson-step="2"]');
    await page.goForward();
    await page.waitForFunction((n) => window.grouplab.state().consumers.length === n + 1, n);
  }));

test('export a scenario to JSON and import it back; a bad file changes nothing', () =>
  h.withPage({ viewport: 'desktop', path: '/?slowmo=0' }, async ({ page, screenshot }) => {
    await buildScenario(page);
    const expected = await page.evaluate(() => window.grouplab.scenario());
    const [download] = await Promise.all([page.waitForEvent('download'), shareAction(page, 'export')]);
    assert.match(download.suggestedFilename(), /^grouplab-scenario-\d+ms\.json$/);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'));
    assert.deepEqual(exported, expected);
    const before = await state(page);

    // A file that is not JSON: the error names the line and column; nothing changes.
    const broken = path.join(tmp, 'broken.json');
    await writeFile(broken, '{\n  "version": 1,\n  "seed": 7,\n  "commands": [ oops ]\n}\n');
    await page.setInputFiles('[data-import-file]', broken);
    await page.waitForSelector('[data-notice=error]');
    assert.match(await page.textContent('[data-notice]'), /broken\.json .*line 4 column 17/);
    assert.equal(await state(page), before);

    // Valid JSON with a command the model refuses: the error names the command.
    const refused = path.join(tmp, 'refused.json');
    const bad = structuredClone(exported);
    const last = bad.commands.at(-1).at_ms;
    bad.commands.push({ at_ms: last + 100, command: { type: 'crash_consumer', consumer: 'nobody' } });
    await writeFile(refused, JSON.stringify(bad));
    await page.setInputFiles('[data-import-file]', refused);
    await page.waitForFunction(
      (at) => document.querySelector('[data-notice]').textContent.includes(`(crash_consumer at ${at} ms)`),
      last + 100,
    );
    assert.match(await page.textContent('[data-notice]'), /refused\.json: command #\d+ \(crash_consumer at \d+ ms\): .*nobody/);
    assert.equal(await state(page), before);
    await screenshot('share-import-refused');

    // A good file replaces the scenario, on a fresh page too.
    await page.goto(h.server.url('/?paused'));
    await page.waitForSelector('[data-stage-ready]');
    await page.setInputFiles('[data-import-file]', file);
    await page.waitForSelector('[data-notice=ok]');
    assert.equal(await state(page), before);
    assert.match(await page.evaluate(() => location.hash), /^#s=1\./);
  }));

test('bad links and parameters get a clear message, never a blank page', () =>
  h.withPage({ viewport: 'phone', path: '/?speed=fast#s=1.not-a-scenario&lesson=nope' }, async ({ page, screenshot }) => {
    await page.waitForSelector('[data-notice=error]');
    const text = await page.textContent('[data-notice]');
    assert.match(text, /speed=fast/);
    assert.match(text, /no lesson "nope"/);
    assert.match(text, /scenario in the link could not be opened/);
    // The course-notes scenario is shown instead.
    assert.ok((await page.evaluate(() => window.grouplab.state().consumers.length)) >= 2);
    await screenshot('share-bad-link-phone');
  }));
