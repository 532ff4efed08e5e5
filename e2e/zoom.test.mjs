// Zoom and pan on a large stage: + and − scale the drawing (not the layout), Fit brings a tall cluster into
// view, the level button returns to the automatic size, dragging the background pans, Ctrl + wheel zooms, and entities stay clickable while zoomed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const svgSize = (page) =>
  page.evaluate(() => {
    const s = document.querySelector('.stage-svg');
    return {
      w: +s.getAttribute('width'),
      h: +s.getAttribute('height'),
      lw: +s.dataset.layoutWidth,
      lh: +s.dataset.layoutHeight,
    };
  });

test('zoom in, pan by dragging, fit a tall cluster, Ctrl + wheel', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    const r = await page.evaluate(() => window.grouplab.run({ type: 'create_topic', topic: 'orders', partitions: 48 }));
    assert.equal(r.ok, true, JSON.stringify(r));
    // A tall stage draws only the rows near the window (e2e/bigworld.test.mjs); the layout has room for all.
    await page.waitForSelector('[data-partition="orders/0"]');
    let s = await svgSize(page);
    assert.ok(s.lh > 48 * 50, `the stage is ${s.lh}px tall`);
    // The automatic size never shrinks a big world (it scrolls): 109%, so its 11 px text is 12 px on screen.
    const least = 12 / 11;
    assert.ok(Math.abs(s.w - s.lw * least) < 1, `drawn at 109%: ${s.w} of ${s.lw}`);

    await page.click('[data-action=zoom-in]');
    await page.click('[data-action=zoom-in]');
    await page.waitForFunction((z) => Math.abs(+document.querySelector('[data-action=zoom-reset]').dataset.zoom - z) < 0.001, least * 1.5625);
    s = await svgSize(page);
    assert.ok(Math.abs(s.w - s.lw * least * 1.5625) < 1, `width ${s.w} is 170% of ${s.lw}`);
    assert.equal(await page.textContent('[data-action=zoom-reset]'), '170%');

    // Drag the background: the stage pans.
    const wrap = page.locator('.stage-wrap');
    await wrap.evaluate((e) => e.scrollIntoView());
    const box = await wrap.boundingBox();
    const before = await wrap.evaluate((e) => [e.scrollLeft, e.scrollTop]);
    // A point of bare background, with room to drag up and to the left inside the window.
    const start = await page.evaluate(({ x, y, width, height }) => {
      for (let py = Math.min(y + height, innerHeight) - 10; py > y + 160; py -= 7) {
        for (let px = Math.min(x + width, innerWidth) - 10; px > x + 210; px -= 7) {
          const el = document.elementFromPoint(px, py);
          if (el && !el.closest('[role=button], button, a, input') && el.closest('.stage-wrap')) return { px, py };
        }
      }
      return null;
    }, box);
    assert.ok(start, 'the stage has some bare background');
    await page.mouse.move(start.px, start.py);
    await page.mouse.down();
    await page.mouse.move(start.px - 200, start.py - 150, { steps: 5 });
    await page.mouse.up();
    const after = await wrap.evaluate((e) => [e.scrollLeft, e.scrollTop]);
    assert.ok(after[0] > before[0] + 100 && after[1] > before[1] + 100, `panned from ${before} to ${after}`);
    await screenshot('zoom-in-panned');

    // An entity is still a click away while zoomed: its popover opens at it.
    await page.locator('[data-partition="orders/3"]').click();
    await page.waitForFunction(() =>
      document.querySelector('.popover[data-popover="partition orders/3"] #inspector-title')?.textContent.includes('orders/3'));
    await page.keyboard.press('Escape');
    await page.locator('.popover').waitFor({ state: 'detached' });

    // Fit: the whole (tall) cluster within the zoomed viewport.
    await page.click('[data-action=zoom-fit]');
    await page.waitForFunction(() => +document.querySelector('.stage-svg').getAttribute('height') <= innerHeight * 0.85 + 1);
    s = await svgSize(page);
    assert.ok(s.w < s.lw, 'fit zooms out');
    // The whole cluster is in view now, so every row is drawn, the last one too.
    await page.waitForSelector('[data-partition="orders/47"]');
    await screenshot('zoom-fit');

    // Ctrl + wheel zooms in; the level button goes back to the automatic size (109% for this tall cluster).
    const z0 = +(await page.getAttribute('[data-action=zoom-reset]', 'data-zoom'));
    await wrap.hover();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.waitForFunction((z) => +document.querySelector('[data-action=zoom-reset]').dataset.zoom > z, z0);
    await page.click('[data-action=zoom-reset]');
    s = await svgSize(page);
    assert.ok(Math.abs(s.w - s.lw * least) < 1, `back to 109%: ${s.w} of ${s.lw}`);
  }));

test('a small scene is drawn larger than 100% when there is room; the level button returns to that size', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused' }, async ({ page }) => {
    const level = async () => +(await page.getAttribute('[data-action=zoom-reset]', 'data-zoom'));
    const auto = await level();
    assert.ok(auto > 1, `the default scene is drawn at ${auto}`);
    let s = await svgSize(page);
    assert.ok(Math.abs(s.w - s.lw * auto) < 1, `width ${s.w} is ${auto} × ${s.lw}`);
    await page.click('[data-action=zoom-out]');
    await page.waitForFunction((a) => +document.querySelector('[data-action=zoom-reset]').dataset.zoom < a - 0.01, auto);
    await page.click('[data-action=zoom-reset]');
    await page.waitForFunction((a) => Math.abs(+document.querySelector('[data-action=zoom-reset]').dataset.zoom - a) < 0.001, auto);
    s = await svgSize(page);
    assert.ok(Math.abs(s.w - s.lw * auto) < 1, `back to the automatic size: width ${s.w}, layout ${s.lw}`);
  }));
