// Embedding GroupLab: the sample course page (examples/course/consumer.html) mounts three independent
// instances with one script, each with its own API, language and lesson, unaffected by the page's styles. They
// are compact (the caption, the stage, play/pause and the timeline, no taller than 650 px on a desktop and one
// screen on a phone) and play only in view: one below the fold has not moved before it is scrolled to, and
// pauses when scrolled away. An `?embed` iframe is compact the same way and reports its height to the parent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, symlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, distDir, repoRoot } from './harness.mjs';
import { bootWords } from './tables.mjs';
import { seriousViolations } from './axe.mjs';

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

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const coursePage = (viewport) => ({ viewport, path: '/course/consumer.html', waitForReady: false });

/** Waits for the three course-page instances to be drawn. */
async function instances(p) {
  await p.waitForFunction(() => (window.grouplab?.instances?.length ?? 0) >= 3, null, { timeout: 15_000 });
  await p.locator('div[data-grouplab] [data-stage-ready]').nth(2).waitFor();
}

/** Waits for the iframe's app, and for the course page to have sized the frame to it. */
async function frameReady(p) {
  await p.frameLocator('iframe[data-grouplab-frame]').locator('[data-stage-ready]').waitFor({ timeout: 15_000 });
  await p.waitForFunction(() => {
    const f = document.querySelector('iframe[data-grouplab-frame]');
    return f.style.height && parseFloat(f.style.height) !== 300;
  });
}

async function expectEventually(check, what, ms = 5_000) {
  const until = Date.now() + ms;
  while (!(await check()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  assert.ok(await check(), what);
}

const host = (p, i) => p.locator('div[data-grouplab]').nth(i);
const clock = async (stage) => ({
  playing: (await stage.getAttribute('data-playing')) === 'true',
  time: Number(await stage.getAttribute('data-time-ms')),
});
const centre = (locator) => locator.evaluate((e) => e.scrollIntoView({ block: 'center' }));
const toTop = (p) => p.evaluate(() => window.scrollTo(0, 0));

for (const [name, viewport, most] of [
  ['desktop', DESKTOP, 650],
  ['phone', PHONE, 740],
]) {
  test(`every embed of the course page is compact: at most ${most} px tall on a ${name}`, () =>
    h.withPage(coursePage(viewport), async ({ page: p, server, screenshot }) => {
      await instances(p);
      await frameReady(p);
      const heights = await p.evaluate(() =>
        [...document.querySelectorAll('div[data-grouplab], iframe[data-grouplab-frame]')].map((e) =>
          Math.round(e.getBoundingClientRect().height),
        ),
      );
      assert.equal(heights.length, 4);
      for (const [i, px] of heights.entries()) assert.ok(px <= most && px >= 360, `embed ${i + 1}: ${px} px (${heights})`);

      const app = server.url('/grouplab/index.html');
      for (let i = 0; i < 3; i++) {
        const e = host(p, i);
        // No header and no drawers: the caption (view=lesson), the stage and one bar.
        assert.equal(await e.locator('.topbar, .tabs-bar, #drawer').count(), 0, `embed ${i + 1} is compact`);
        const open = e.locator('a[data-action=open-app]');
        assert.ok((await open.getAttribute('href')).startsWith(`${app}#lesson=`), 'a link into the full app');
        assert.equal(await open.getAttribute('target'), '_blank');
        // The stage takes most of the embed, and the scene is sized into it.
        const area = await e.locator('.stage-area').evaluate((el) => el.getBoundingClientRect().height);
        assert.ok(area >= (name === 'desktop' ? 380 : 250), `embed ${i + 1}'s stage: ${area} px`);
      }
      // view=lesson: the lesson's words with their Back / Next; view=stage (the second): the stage alone.
      const captions = await p.locator('div[data-grouplab]').evaluateAll((els) =>
        els.map((e) => e.shadowRoot.querySelector('[data-narration]') !== null),
      );
      assert.deepEqual(captions, [true, false, true]);
      assert.equal(await host(p, 0).locator('[data-lesson-next]').count(), 1);
      assert.equal(await host(p, 1).locator('[data-action=step-forward]').count(), 1, 'the stage view steps events');

      const frame = p.frameLocator('iframe[data-grouplab-frame]');
      assert.equal(await frame.locator('.topbar, .tabs-bar, #drawer').count(), 0, 'the iframe is compact too');
      assert.equal(await frame.locator('[data-narration]').count(), 1);
      assert.equal(await frame.locator('a[data-action=open-app]').getAttribute('href'), `${app}#lesson=console&step=0&lang=en`);
      await screenshot(`embed-course-${name}`, { fullPage: true });

      // A plain click on Open in GroupLab opens the whole state (the scenario at this moment) in the full app.
      const opened = p.context().waitForEvent('page');
      await host(p, 0).locator('a[data-action=open-app]').click();
      const tab = await opened;
      assert.match(tab.url(), /\/grouplab\/index\.html#s=1\.[A-Za-z0-9_-]+&lesson=group&step=0&lang=en$/);
      await tab.close();
    }));
}

test('an embed waits to be seen before it plays, pauses when scrolled away, and leaves a pause to the learner', () =>
  h.withPage(coursePage(DESKTOP), async ({ page: p }) => {
    await instances(p);
    const [first, second, third] = [0, 1, 2].map((i) => host(p, i).locator('#stage'));
    // The first is in view: it plays at once.
    await expectEventually(async () => (await clock(first)).time > 0, 'the embed in view plays');
    // The second is below the fold: it stands at its start.
    assert.ok((await second.boundingBox()).y > DESKTOP.height, 'the second embed starts below the fold');
    await p.waitForTimeout(1_500);
    assert.deepEqual(await clock(second), { playing: false, time: 0 }, 'not a millisecond before it is seen');

    await centre(host(p, 1));
    await expectEventually(async () => (await clock(second)).time > 0, 'scrolled into view, it plays');
    await toTop(p);
    await expectEventually(async () => !(await clock(second)).playing, 'scrolled away, it pauses');
    const held = (await clock(second)).time;
    await p.waitForTimeout(800);
    assert.equal((await clock(second)).time, held, 'out of view the clock stands');
    await centre(host(p, 1));
    await expectEventually(async () => (await clock(second)).time > held, 'back in view, it plays on');

    // Paused by the learner, it stays paused when scrolled away and back.
    await host(p, 1).locator('[data-action=play-pause]').click();
    assert.equal((await clock(second)).playing, false);
    const paused = (await clock(second)).time;
    await toTop(p);
    await p.waitForTimeout(300);
    await centre(host(p, 1));
    await p.waitForTimeout(800);
    assert.deepEqual(await clock(second), { playing: false, time: paused }, 'the learner paused it');

    // `paused` in the attribute: never plays by itself.
    await centre(host(p, 2));
    const third0 = await clock(third);
    await p.waitForTimeout(800);
    assert.deepEqual(await clock(third), { ...third0, playing: false });
  }));

test('the compact embeds are keyboard-reachable and pass axe', () =>
  h.withPage(coursePage(DESKTOP), async ({ page: p }) => {
    await instances(p);
    await frameReady(p);
    await centre(host(p, 0));
    assert.deepEqual(await seriousViolations(p), []);
    // Tab walks the first embed's every action: Back / Next, play, the language, Open in GroupLab, the timeline.
    await host(p, 0).locator('[data-lesson-back]').evaluate((b) => b.closest('.caption').scrollIntoView());
    await p.evaluate(() => document.querySelector('div[data-grouplab]').shadowRoot.querySelector('[data-lesson-next]').focus());
    // Stage entities take focus too (touch to explain); the walk ends where focus leaves the embed.
    const reached = [];
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press('Tab');
      const at = await p.evaluate(() => {
        const host = document.activeElement;
        const a = host?.matches('div[data-grouplab]') && host === document.querySelector('div[data-grouplab]') ? host.shadowRoot.activeElement : null;
        return a ? a.dataset.action ?? a.dataset.lang ?? a.getAttribute('class') ?? a.tagName : null;
      });
      if (at === null) break;
      reached.push(at);
    }
    for (const want of ['play-pause', 'open-app', 'timeline__range']) {
      assert.ok(reached.some((r) => r.includes(want)), `${want} in ${reached}`);
    }
    assert.ok(reached.some((r) => r === 'hi'), `the language switch in ${reached}`);
  }));

test('one script mounts three independent instances on a course page', () =>
  h.withPage(coursePage(DESKTOP), async ({ page: p, screenshot }) => {
    await instances(p);
    const hosts = p.locator('div[data-grouplab]');
    assert.equal(await hosts.count(), 3);
    // Each instance is in its own lesson and language.
    const lessons = await p.locator('[data-lesson]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson')));
    assert.deepEqual(lessons, ['group', 'keys'], 'the captions (the second is view=stage)');
    const langs = await hosts.evaluateAll((els) => els.map((e) => e.shadowRoot.querySelector('.grouplab').getAttribute('lang')));
    assert.deepEqual(langs, ['en', 'en', 'hi-Latn']);
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'hi-Latn', 'the course page keeps its own lang');

    // Acting on one instance (a record produced from a partition's popover) leaves the others alone.
    const commands = () => hosts.evaluateAll((els) => els.map((e) => e.grouplab.scenario().commands.length));
    const before = await commands();
    const third = hosts.nth(2);
    await centre(third);
    await third.locator('[data-partition="test-topic/0"]').first().click();
    await third.locator('[data-popover-action="menu.produce_here"]').click();
    const after = await commands();
    assert.deepEqual(after, [before[0], before[1], before[2] + 1], 'only the third instance acted');
    assert.equal(await third.locator('#stage').getAttribute('data-custom'), 'true');
    const r = await p.evaluate(() => document.querySelector('div[data-grouplab]').grouplab.run({ type: 'crash_consumer', consumer: 'nope' }));
    assert.ok(r.error, 'the API answers per instance');
    assert.equal(await p.evaluate(() => window.grouplab.instances.length), 3);

    // Keyboard shortcuts reach only the instance that has focus.
    const times = () => hosts.evaluateAll((els) => els.map((e) => e.grouplab.time()));
    await hosts.nth(2).evaluate((e) => e.grouplab.pause());
    await hosts.nth(0).evaluate((e) => e.grouplab.pause());
    await third.locator('[data-action=play-pause]').focus();
    const t0 = await times();
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction((t) => document.querySelectorAll('div[data-grouplab]')[2].grouplab.time() > t, t0[2]);
    const t1 = await times();
    assert.equal(t1[0], t0[0], 'the first instance did not move');

    // The page's styles (hotpink fantasy buttons) do not reach inside, and ours do not leak out.
    const inside = await third.locator('[data-action=play-pause]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.notEqual(inside, 'rgb(255, 105, 180)');
    const body = await p.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(body, /Georgia/);
    await screenshot('embed-course-page', { fullPage: true });
  }));

test('an ?embed iframe is compact, plays once seen, tells the parent its height and is sized to it', () =>
  h.withPage(coursePage(DESKTOP), async ({ page: p }) => {
    const frame = p.frameLocator('iframe[data-grouplab-frame]');
    await frameReady(p);
    const stage = frame.locator('#stage');
    // Below the fold: it waits.
    await p.waitForTimeout(1_000);
    assert.deepEqual(await clock(stage), { playing: false, time: 0 }, 'the iframe has not played unseen');
    await centre(p.locator('iframe[data-grouplab-frame]'));
    await expectEventually(async () => (await clock(stage)).time > 0, 'seen, the iframe plays');
    await frame.locator('[data-lesson="console"]').waitFor();
    assert.equal(await frame.locator('h1').count(), 0, 'no page heading inside an embed');
    const { frameHeight, contentHeight } = await p.evaluate(() => {
      const f = document.querySelector('iframe[data-grouplab-frame]');
      return {
        frameHeight: parseFloat(f.style.height),
        contentHeight: f.contentDocument.getElementById('app').getBoundingClientRect().height,
      };
    });
    assert.ok(Math.abs(frameHeight - Math.ceil(contentHeight)) <= 1, `frame ${frameHeight} vs content ${contentHeight}`);
    assert.ok(frameHeight <= 650, `frame ${frameHeight}`);
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
      // Still working: the API and the stage's popover act.
      const commands = () => host.evaluate((e) => e.grouplab.scenario().commands.length);
      const before = await commands();
      await host.locator('[data-partition="test-topic/0"]').first().click();
      await host.locator('[data-popover-action="menu.produce_here"]').click();
      assert.equal(await commands(), before + 1);
    },
  ));
