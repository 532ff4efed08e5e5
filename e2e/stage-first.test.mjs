// The stage is the page (DESIGN.md, "Stage-first"), at the sizes the design is held to: a 1280×800 laptop and a
// 360×740 phone, in English and Hinglish. The default scene is all on the first screen and large; every lesson
// step's words, its Next and what it lights up are in one viewport; a touched record is explained at it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openDrawer } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const ENTITIES = '[data-partition], [data-member], [data-group], [data-broker], [data-producer]';

/** The rectangles of the default scene's entities, the stage's visible area, and the smallest rendered text. */
function measure(selector) {
  const wrap = document.querySelector('.stage-wrap').getBoundingClientRect();
  const rects = [...document.querySelectorAll(`.stage-svg :is(${selector})`)].map((el) => {
    const r = el.getBoundingClientRect();
    return { what: el.getAttribute('data-partition') ?? el.getAttribute('data-consumer') ?? el.getAttribute('data-group') ?? el.getAttribute('data-broker') ?? el.getAttribute('data-producer'), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
  let smallest = Infinity;
  let smallestText = '';
  for (const svg of document.querySelectorAll('.stage-area svg')) {
    const vb = svg.viewBox.baseVal;
    if (!vb || vb.width === 0) continue;
    const scale = svg.getBoundingClientRect().width / vb.width;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim() || t.getBBox().width === 0) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < smallest) {
        smallest = px;
        smallestText = t.textContent.trim().slice(0, 30);
      }
    }
  }
  return {
    rects,
    wrap: { left: wrap.left, top: wrap.top, right: wrap.right, bottom: wrap.bottom },
    viewport: { width: innerWidth, height: innerHeight },
    smallest,
    smallestText,
  };
}

/** True if `r` lies inside `box`, a pixel of rounding allowed. */
const inside = (r, box) =>
  r.left >= box.left - 1 && r.top >= box.top - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;

for (const [viewport, minText] of [
  ['laptop', 12],
  ['small', 11],
]) {
  for (const lang of ['en', 'hi']) {
    test(`${viewport} ${lang}: the whole default scene is on the first screen, large, its text >= ${minText} px`, () =>
      h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
        // The group and both members are drawn once the consumers have joined.
        await page.evaluate(() => window.grouplab.seek(10_000));
        await page.waitForFunction(() => document.querySelectorAll('.stage-svg [data-member]').length === 2);
        await page.waitForTimeout(300);
        const m = await page.evaluate(measure, ENTITIES);
        await screenshot(`stage-first-${viewport}-${lang}`);
        const screen = { left: 0, top: 0, right: m.viewport.width, bottom: m.viewport.height };
        // 3 brokers, 1 producer, 4 partitions, 1 group, 2 members.
        assert.equal(m.rects.length, 11, JSON.stringify(m.rects.map((r) => r.what)));
        for (const r of m.rects) {
          assert.ok(inside(r, screen) && inside(r, m.wrap), `${r.what} is off the first screen: ${JSON.stringify(r)}`);
        }
        if (viewport === 'laptop') {
          const left = Math.min(...m.rects.map((r) => r.left));
          const right = Math.max(...m.rects.map((r) => r.right));
          const top = Math.min(...m.rects.map((r) => r.top));
          const bottom = Math.max(...m.rects.map((r) => r.bottom));
          const share = ((right - left) * (bottom - top)) / (m.viewport.width * m.viewport.height);
          assert.ok(share >= 0.5, `the scene covers ${(share * 100).toFixed(0)}% of the screen`);
        }
        assert.ok(m.smallest >= minText - 0.05, `"${m.smallestText}" renders at ${m.smallest.toFixed(2)} px`);
      }));
  }
}

/** Every lesson id and its number of steps, from the lessons drawer. */
async function lessons(page) {
  await openDrawer(page, 'lessons');
  const ids = await page.$$eval('[data-toc]', (links) => links.map((a) => a.getAttribute('data-toc')));
  await page.click('[data-action="drawer-close"]');
  return ids;
}

for (const viewport of ['laptop', 'small']) {
  for (const lang of ['en', 'hi']) {
    test(`${viewport} ${lang}: every lesson step shows its words, its Next and what it lights up in one viewport`, () =>
      h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
        const ids = await lessons(page);
        assert.ok(ids.length >= 10, `${ids.length} lessons`);
        let lit = 0;
        for (const id of ids) {
          for (let step = 0; ; step++) {
            await page.evaluate(([id, step, lang]) => {
              location.hash = `lesson=${id}&step=${step}&lang=${lang}`;
            }, [id, step, lang]);
            await page.waitForSelector(`[data-lesson="${id}"][data-lesson-step="${step}"]`);
            // The stage scrolls to the lit entities after the frame that draws them.
            await page.waitForTimeout(120);
            const where = await page.evaluate(() => {
              const box = (el) => {
                const r = el.getBoundingClientRect();
                return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
              };
              const wrap = box(document.querySelector('.stage-wrap'));
              const next = document.querySelector('[data-lesson-next]') ?? document.querySelector('[data-lesson-back]');
              return {
                narration: box(document.querySelector('[data-narration]')),
                next: box(next),
                lit: [...document.querySelectorAll('.stage-svg [data-highlight]')].map((el) => ({
                  what: el.getAttribute('class'),
                  ...box(el),
                })),
                wrap,
                steps: document.querySelector('.lesson__count').textContent,
                viewport: { left: 0, top: 0, right: innerWidth, bottom: innerHeight },
              };
            });
            const at = `${id} step ${step + 1} (${viewport}, ${lang})`;
            assert.ok(inside(where.narration, where.viewport), `${at}: the narration is off screen`);
            assert.ok(inside(where.next, where.viewport), `${at}: Next is off screen`);
            for (const r of where.lit) {
              assert.ok(inside(r, where.viewport) && inside(r, where.wrap), `${at}: a lit ${r.what} is out of view: ${JSON.stringify(r)}`);
            }
            lit += where.lit.length;
            if (step === 1 && id === 'idle') await screenshot(`stage-first-lesson-${viewport}-${lang}`);
            const [k, n] = where.steps.match(/\d+/g).map(Number);
            if (k >= n) break;
          }
        }
        assert.ok(lit > 20, `only ${lit} lit entities over all steps`);
      }));
  }
}

for (const viewport of ['laptop', 'small']) {
  test(`${viewport}: a touched record is explained at it, with the partitioner's steps`, () =>
    h.withPage({ viewport, path: '/?paused' }, async ({ page, screenshot }) => {
      await page.evaluate(() => window.grouplab.seek(12_000));
      const cell = page.locator('.stage-svg [data-partition="test-topic/1"] .cell').nth(1);
      await cell.click();
      const pop = page.locator('.popover[data-popover^="record"]');
      await pop.waitFor();
      await page.waitForTimeout(100);
      const [c, p] = [await cell.boundingBox(), await pop.boundingBox()];
      const gap = Math.max(0, p.x - (c.x + c.width), c.x - (p.x + p.width), p.y - (c.y + c.height), c.y - (p.y + p.height));
      assert.ok(gap <= 40, `the popover is ${gap} px from the record`);
      // The record stays in sight under or beside its explanation.
      const overlap = !(p.x >= c.x + c.width || c.x >= p.x + p.width || p.y >= c.y + c.height || c.y >= p.y + p.height);
      assert.ok(!overlap, 'the popover covers the record it explains');
      const steps = pop.locator('[data-steps="partitioner"]');
      assert.equal(await steps.getAttribute('data-partition-result'), '1');
      assert.ok((await steps.locator('li').count()) >= 4);
      await screenshot(`stage-first-popover-${viewport}`);
      // The actions that fit it are there, and Escape closes it.
      assert.ok(await pop.locator('[data-popover-action="menu.produce_here"]').isVisible());
      await page.keyboard.press('Escape');
      await pop.waitFor({ state: 'detached' });
    }));
}

test('a member touched on the stage can be crashed from its popover, and the stage says so', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused' }, async ({ page }) => {
    await page.evaluate(() => window.grouplab.seek(10_000));
    await page.click('.stage-svg [data-consumer="consumer2"]');
    await page.click('.popover [data-action="crash"]');
    await page.waitForFunction(() => window.grouplab.state().consumers.find((c) => c.name === 'consumer2').status.status === 'crashed');
    const state = await page.$eval('.stage-svg [data-consumer="consumer2"]', (el) => el.getAttribute('data-state'));
    assert.match(state, /crashed/);
  }));

test('during a lesson there is one Back/Next pair, and scrubbing out of the step says so and offers to return', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused#lesson=group&step=1' }, async ({ page }) => {
    assert.equal(await page.locator('[data-action="step-forward"], [data-action="step-back"]').count(), 0);
    assert.equal(await page.locator('[data-lesson-next]').count(), 1);
    assert.equal(await page.locator('[data-off-step]').count(), 0);
    const end = await page.evaluate(() => window.grouplab.state().time_ms);
    await page.evaluate((t) => window.grouplab.seek(t + 60_000), end);
    await page.waitForSelector('[data-off-step]');
    await page.click('[data-action="lesson-return"]');
    await page.waitForSelector('[data-off-step]', { state: 'detached' });
    assert.equal(await page.getAttribute('[data-lesson]', 'data-lesson-step'), '1');
    // In free play the event steps are back.
    await page.click('[data-action="lesson-exit"]');
    await page.waitForSelector('[data-action="step-forward"]');
  }));

test('the drawers open beside the stage without moving it, and a newcomer finds the legend open once', async () => {
  await h.withPage({ viewport: 'laptop', path: '/?paused', newcomer: true }, async ({ page }) => {
    await page.waitForSelector('[data-drawer="legend"] [data-legend]');
    const items = await page.$$eval('[data-legend-item]', (li) => li.map((x) => x.getAttribute('data-legend-item')));
    for (const mark of ['bookmark', 'position', 'leo', 'lag', 'idle', 'revoked', 'unread', 'request', 'coordinator']) {
      assert.ok(items.includes(mark), `the legend explains ${mark}`);
    }
    const top = await page.$eval('.stage-wrap', (w) => w.getBoundingClientRect().top);
    for (const id of ['act', 'code', 'log', 'details', 'lessons']) {
      await openDrawer(page, id);
      assert.equal(await page.$eval('.stage-wrap', (w) => w.getBoundingClientRect().top), top, `${id} moved the stage`);
    }
    // Seen once: the next visit opens no drawer.
    await page.reload();
    await page.waitForSelector('[data-stage-ready]');
    assert.equal(await page.locator('[data-drawer]').count(), 0);
  });
});

test('while the group forms its first generation the rows read "unassigned", not "paused"', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused' }, async ({ page }) => {
    await page.evaluate(() => window.grouplab.seek(2_000));
    const group = await page.evaluate(() => window.grouplab.state().groups[0]);
    assert.equal(group.generation_id, 0);
    const rows = await page.$$eval('.stage-svg [data-partition]', (els) =>
      els.map((e) => [e.getAttribute('data-unassigned-for'), e.getAttribute('data-paused-for'), e.querySelector('.paused__label')?.textContent]),
    );
    for (const [unassigned, paused, label] of rows) {
      assert.equal(unassigned, 'order-consumer-group');
      assert.equal(paused, null);
      assert.match(label, /^unassigned/);
    }
    // Once the group has a generation, nothing reads "unassigned" (a partition taken away in a later rebalance
    // is "paused": rebalance.test.mjs).
    await page.evaluate(() => window.grouplab.seek(12_000));
    assert.ok((await page.evaluate(() => window.grouplab.state().groups[0].generation_id)) > 0);
    assert.equal(await page.$('.stage-svg [data-unassigned-for]'), null);
    assert.equal(await page.$('.stage-svg .paused'), null);
  }));
