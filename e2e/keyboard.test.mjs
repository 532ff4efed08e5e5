// Keyboard only: Tab reaches every control (header, controls, timeline, lessons, stage entities, actions,
// code tabs, inspector, event log) and each shows a visible focus ring; the main actions work with Enter,
// Space, Home and the arrow keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, tabsUntilFocusLeaves } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const CONTROLS = [
  'header button',
  '.controls button',
  '.controls input',
  '.timeline input',
  '.timeline button',
  '.lesson a',
  '.lesson button',
  '.lesson summary',
  '.legend summary',
  '#stage svg [role="button"]',
  '.actions button',
  '.actions select',
  '.actions input',
  '.code-panel [role="tab"]',
  '.code-panel pre',
  '.inspector button',
  '.inspector select',
  '.inspector input',
  '.event-log select',
  '.event-log input',
  '.event-log button',
].join(', ');

const state = (page) => page.evaluate(() => window.grouplab.state());
const timeMs = async (page) => Number(await page.getAttribute('#stage', 'data-time-ms'));

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** Focus is shown: `:focus-visible` matches and draws an outline at least 2px wide. */
const focusShown = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return el.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  });

test('Tab reaches every control, each with a visible focus ring', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await page.evaluate(() => window.grouplab.advance(12_000));
    await page.waitForSelector('[data-group="order-consumer-group"][data-state="Stable"]');
    // The lesson contents and the legend start folded: open them (without moving focus), so their links count too.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('.lesson__toc, .legend')) d.open = true;
    });
    const total = await page.evaluate((sel) => {
      const els = [...document.querySelectorAll(sel)].filter((e) => !e.disabled && e.getClientRects().length > 0);
      els.forEach((e, i) => e.setAttribute('data-kbd', String(i)));
      return els.length;
    }, CONTROLS);
    assert.ok(total > 40, `${total} controls`);
    const seen = new Set();
    const noRing = [];
    for (let i = 0; i < total * 2 + 20 && seen.size < total; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd'));
      if (id === null || id === undefined) continue;
      seen.add(id);
      if (!(await focusShown(page))) noRing.push(await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)));
      if (id === '0' && seen.size > 1) break;
    }
    const missed = await page.evaluate(
      (seen) =>
        [...document.querySelectorAll('[data-kbd]')]
          .filter((e) => !seen.includes(e.getAttribute('data-kbd')))
          .map((e) => e.outerHTML.slice(0, 100)),
      [...seen],
    );
    assert.deepEqual(missed, [], 'every control is reachable with Tab');
    assert.deepEqual(noRing, [], 'every focused control shows a focus ring');
    await page.focus('[data-partition="test-topic/1"]');
    await screenshot('keyboard-focus-partition-desktop');
  }));

test('the main actions work from the keyboard alone', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    await page.evaluate(() => window.grouplab.advance(12_000));
    // Step forward with Enter on the Next button.
    const t0 = await timeMs(page);
    await tabTo(page, '[data-action="step-forward"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => Number(document.querySelector('#stage').dataset.timeMs) > t, t0);
    // The timeline slider: Home seeks to 0, End back to the end.
    await tabTo(page, '.timeline__range');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('#stage').dataset.timeMs === '0');
    await page.keyboard.press('End');
    await page.waitForFunction((t) => Number(document.querySelector('#stage').dataset.timeMs) > t, t0);
    // The speed slider follows the arrow keys.
    await tabTo(page, '.speed input');
    const speed = await page.textContent('.speed__value');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((s) => document.querySelector('.speed__value').textContent !== s, speed);
    // A partition on the stage: Enter selects it, the inspector explains it, a record from there too.
    await tabTo(page, '[data-partition="test-topic/0"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-inspecting="partition test-topic/0"]');
    await tabTo(page, '.inspector .records button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-inspecting^="record test-topic/0@"] [data-steps="partitioner"]');
    // A consumer group: Space selects it.
    await tabTo(page, '[data-group="order-consumer-group"] .group__header');
    await page.keyboard.press(' ');
    await page.waitForSelector('[data-inspecting="group order-consumer-group"] [data-steps="coordinator"]');
    // Add a consumer (Enter) and produce a record (Space).
    const before = (await state(page)).consumers.length;
    await tabTo(page, '[data-action="add-consumer"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.grouplab.state().consumers.length === n + 1, before);
    await tabTo(page, '[data-action="produce"]');
    await page.keyboard.press(' ');
    await page.locator('[data-notice="ok"]').waitFor();
    assert.match(await page.textContent('[data-notice="ok"]'), /Sent 1 record to test-topic with key "order-7"/);
    // The code panel's tabs.
    await tabTo(page, '[data-code-tab="java"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-code="java"]');
    // A consumer's action in the inspector overview.
    await page.keyboard.press('Escape');
    await tabTo(page, '[data-consumer-row="consumer1"] [data-action="crash"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => JSON.stringify(window.grouplab.state().consumers[0].status).includes('crashed'));
    // An event-log line seeks the timeline to its moment.
    await tabTo(page, '.event__line');
    const at = await page.evaluate(() => document.activeElement.querySelector('time').textContent);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (at) => document.querySelector('.clock').textContent.includes(at),
      at,
    );
  }));

test('a lesson is opened and followed from the keyboard', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    // The contents start folded above the stage: open them from the keyboard first.
    await tabTo(page, '.lesson__toc > summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-toc="crash"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-lesson="crash"][data-lesson-step="0"][data-lesson-state="paused"]');
    await tabTo(page, '[data-action="lesson-next"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-lesson="crash"][data-lesson-step="1"][data-lesson-state="paused"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-lesson="crash"][data-lesson-step="2"][data-lesson-state="paused"]');
    await tabTo(page, '[data-action="lesson-back"]');
    await page.keyboard.press(' ');
    await page.waitForSelector('[data-lesson="crash"][data-lesson-step="1"][data-lesson-state="paused"]');
  }));

test('the keyboard help is modal: Tab stays inside, Escape closes it and focus returns', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await tabTo(page, '[data-action="step-forward"], .controls button');
    const opener = await page.evaluate(() => document.activeElement.outerHTML);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Close');
    // The page behind is inert: 30 Tabs (more than the dialog's controls) never leave the dialog.
    assert.equal(await tabsUntilFocusLeaves(page, 'dialog[open]', 30), 0, 'a Tab left the dialog');
    await screenshot('keyboard-help-modal-desktop');
    // Shortcuts do not reach the page behind: `a` adds no consumer, Space does not play.
    const consumers = (await state(page)).consumers.length;
    await page.keyboard.press('a');
    await page.keyboard.press('Space');
    assert.equal((await state(page)).consumers.length, consumers);
    assert.equal(await page.getAttribute('#stage', 'data-playing'), 'false');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.outerHTML), opener, 'focus is back on its opener');
    // A click on the backdrop closes it too.
    await page.keyboard.press('?');
    await dialog.waitFor();
    await page.mouse.click(8, 8);
    await page.waitForFunction(() => !document.querySelector('dialog'));
  }));
