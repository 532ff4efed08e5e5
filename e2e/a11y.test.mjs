// axe-core on every page a learner sees: the main page (with the Share menu open, each drawer open in turn, the
// popover explaining each kind of entity, the details drawer showing one, and the keyboard help open) and every
// step of every lesson, in English and in Hinglish. No serious or
// critical violation is allowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openDrawer } from './harness.mjs';
import { seriousViolations } from './axe.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const check = async (page, where) => assert.deepEqual(await seriousViolations(page), [], where);

for (const lang of ['en', 'hi']) {
  test(`axe: the main page, its drawers, the popover and the help (${lang})`, () =>
    h.withPage({ viewport: 'desktop', path: `/?paused&lang=${lang}` }, async ({ page }) => {
      await page.evaluate(() => window.grouplab.advance(12_000));
      await page.waitForSelector('[data-group="order-consumer-group"][data-state="Stable"]');
      await check(page, 'main page');
      await page.click('[data-action="share-menu"]');
      await page.waitForSelector('details.share[open] [data-action="copy-link"]');
      await check(page, 'share menu');
      await page.click('[data-action="share-menu"]');
      for (const drawer of ['lessons', 'act', 'code', 'log', 'details', 'legend']) {
        await openDrawer(page, drawer);
        await check(page, `${drawer} drawer`);
      }
      await page.click('[data-action="drawer-close"]');
      await page.waitForSelector('#drawer[hidden]', { state: 'attached' });
      for (const target of [
        '[data-group="order-consumer-group"] .group__header',
        '[data-consumer="consumer1"]',
        '[data-partition="test-topic/0"]',
        '[data-partition="test-topic/0"] [data-offset]',
        '[data-broker="0"]',
        '[data-producer="producer1"]',
        '[data-topic="test-topic"]',
      ]) {
        await page.locator(target).first().click();
        await page.waitForSelector('.popover [data-inspecting]:not([data-inspecting=""])');
        await check(page, `popover on ${target}`);
        await page.keyboard.press('Escape');
        await page.locator('.popover').waitFor({ state: 'detached' });
      }
      // A selection shown whole in the details drawer.
      await page.click('[data-consumer="consumer1"]');
      await page.click('.popover [data-action="popover-details"]');
      await page.waitForSelector('[data-drawer="details"] [data-inspecting="consumer consumer1"]');
      await check(page, 'details drawer on consumer1');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      await check(page, 'keyboard help');
    }));

  test(`axe: every step of every lesson (${lang})`, () =>
    h.withPage({ viewport: 'desktop', path: `/?paused&lang=${lang}` }, async ({ page }) => {
      // The contents are in the lessons drawer; the drawer closes again, giving the stage back to the lessons.
      await openDrawer(page, 'lessons');
      const ids = await page.$$eval('[data-toc]', (as) => as.map((a) => a.dataset.toc));
      await page.click('[data-action="drawer-close"]');
      assert.equal(ids.length, 12);
      let checked = 0;
      for (const id of ids) {
        const { steps } = await page.evaluate((id) => window.grouplab.lesson(id, 0), id);
        for (let k = 0; k < steps; k++) {
          await page.evaluate(([id, k]) => window.grouplab.lesson(id, k), [id, k]);
          await page.waitForSelector(`[data-lesson="${id}"][data-lesson-step="${k}"][data-lesson-state="paused"]`);
          await check(page, `${lang} ${id} step ${k}`);
          checked++;
        }
      }
      assert.ok(checked >= 30, `${checked} steps checked`);
    }));
}
