// Reduced motion and the dark theme: animations and transitions collapse but the simulation still steps;
// dark colours really apply (from the system, and from data-theme over a light system) and pass axe's
// contrast checks. Screenshots of Hinglish pages on a 360 px phone and a desktop, light and dark, go to
// e2e/screenshots/ for a human to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, advance } from './harness.mjs';
import { seriousViolations } from './axe.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const PHONE_360 = { width: 360, height: 780 };

/** Computed colours of the page, the surfaces (the caption docked on the stage, the drawer's panels), the
 * primary button and the stage's text. */
const colours = (page) =>
  page.evaluate(() => {
    const c = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
    return {
      body: c('body', 'backgroundColor'),
      text: c('body', 'color'),
      caption: c('.caption', 'backgroundColor'),
      primary: c('.btn--primary', 'backgroundColor'),
      stageText: c('.stage-svg text', 'fill'),
    };
  });

/** The whole page as screenshots of at most 1000 px height each (readable at full size): name-1, name-2… */
async function screenshotsOfPage(page, screenshot, name) {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  for (let y = 0, i = 1; y < height; y += 1000, i++) {
    await screenshot(`${name}-${i}`, { fullPage: true, clip: { x: 0, y, width, height: Math.min(1000, height - y) } });
  }
}

test('prefers-reduced-motion: no animation or transition, and the simulation still steps and plays', () =>
  h.withPage({ viewport: 'desktop', reducedMotion: 'reduce', path: '/?paused' }, async ({ page }) => {
    await advance(page, 12_000);
    const motion = await page.evaluate(() => {
      const own = getComputedStyle(document.querySelector('path.own'));
      const btn = getComputedStyle(document.querySelector('.btn'));
      return { own: own.animationDuration, btn: btn.transitionDuration };
    });
    assert.ok(parseFloat(motion.own) < 0.001, `ownership lines do not animate (${motion.own})`);
    assert.ok(parseFloat(motion.btn) < 0.001, `buttons do not transition (${motion.btn})`);
    const t0 = Number(await page.getAttribute('#stage', 'data-time-ms'));
    await page.click('[data-action="step-forward"]');
    await page.waitForFunction((t) => Number(document.querySelector('#stage').dataset.timeMs) > t, t0);
    // A lesson step plays to its end.
    await page.evaluate(() => window.grouplab.lesson('group', 1));
    await page.waitForSelector('[data-lesson="group"][data-lesson-step="1"][data-lesson-state="paused"]');
    assert.deepEqual(await seriousViolations(page), []);
  }));

test('without the preference, ownership lines do animate (the check above can fail)', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    await advance(page, 12_000);
    const own = await page.evaluate(() => getComputedStyle(document.querySelector('path.own')).animationDuration);
    assert.equal(own, '0.6s');
  }));

test('dark theme: from the system and from data-theme, colours change and contrast passes axe', async () => {
  const light = await h.open({ viewport: 'desktop', path: '/?paused&lang=hi' });
  const lightColours = await colours(light.page);
  await light.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const forced = await colours(light.page);
  await light.close();
  await h.withPage({ viewport: 'desktop', colorScheme: 'dark', path: '/?paused&lang=hi' }, async ({ page }) => {
    await advance(page, 12_000);
    const dark = await colours(page);
    for (const k of Object.keys(dark)) {
      assert.notEqual(dark[k], lightColours[k], `${k} changes in the dark theme`);
    }
    assert.deepEqual(forced, dark, 'data-theme="dark" on a light system gives the same colours');
    assert.deepEqual(await seriousViolations(page), [], 'the dark theme passes axe (colour contrast included)');
    // A touched member's popover, then the details drawer with its panel.
    await page.click('[data-consumer="consumer1"]');
    await page.waitForSelector('.popover [data-inspecting="consumer consumer1"]');
    assert.deepEqual(await seriousViolations(page), [], 'a dark popover passes axe');
    await page.click('.popover [data-action="popover-details"]');
    await page.waitForSelector('[data-drawer="details"] .panel');
    const panel = await page.evaluate(() => getComputedStyle(document.querySelector('#drawer .panel')).backgroundColor);
    assert.equal(panel, dark.caption, 'the drawer\'s panels share the dark surface colour');
    assert.deepEqual(await seriousViolations(page), [], 'a dark drawer passes axe');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.grouplab.lesson('keys', 3));
    await page.waitForSelector('[data-lesson="keys"][data-lesson-step="3"][data-lesson-state="paused"]');
    assert.deepEqual(await seriousViolations(page), [], 'a dark lesson passes axe');
  });
});

for (const [name, viewport] of [
  ['phone360', PHONE_360],
  ['desktop', 'desktop'],
]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots in Hinglish (${name}, ${colorScheme})`, () =>
      h.withPage({ viewport, colorScheme, path: '/?paused&lang=hi' }, async ({ page, screenshot }) => {
        await advance(page, 30_000);
        await page.click('[data-consumer="consumer1"]');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
        // The longer Hinglish labels still fit in the boxes of brokers, producers and members.
        const spills = await page.$$eval('g[data-broker], g[data-producer], g[data-member]', (boxes) =>
          boxes.flatMap((g) => {
            const box = g.querySelector('rect').getBoundingClientRect();
            return [...g.querySelectorAll('text')]
              .filter((t) => t.getBoundingClientRect().right > box.right + 0.5)
              .map((t) => `${g.dataset.broker ?? g.dataset.producer ?? g.dataset.member}: ${t.textContent}`);
          }),
        );
        assert.deepEqual(spills, [], 'labels inside their boxes');
        await screenshotsOfPage(page, screenshot, `hi-${name}-${colorScheme}`);
        await page.evaluate(() => window.grouplab.lesson('crash', 2));
        await page.waitForSelector('[data-lesson="crash"][data-lesson-step="2"][data-lesson-state="paused"]');
        await screenshot(`hi-lesson-${name}-${colorScheme}`);
        assert.deepEqual(await seriousViolations(page), []);
      }));
  }
}
