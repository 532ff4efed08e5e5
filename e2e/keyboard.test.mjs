// Keyboard only: Tab reaches every control (header and its Share menu, the caption, stage entities and the
// popover at one, the bar's controls and drawer tabs, timeline, and in each drawer the lessons, actions, code
// tabs, inspector, event log and legend) and each shows a visible focus ring; the main actions work with Enter,
// Space, Home and the arrow keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, tabsUntilFocusLeaves } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

// Every control a reader can reach: the header (its Share menu too), the caption docked on the stage, the
// stage's entities, the popover at a touched entity, the bar under the stage (play, event steps, clock, speed,
// slow motion, zoom, reset, help, the drawer tabs, the timeline) and whatever the open drawer holds (the
// lessons' contents, the forms, the code tabs, the inspector, the event log, the legend).
const CONTROLS = [
  'header button',
  'header summary',
  '.caption button',
  '.caption a',
  '.bar button',
  '.bar input',
  '.timeline input',
  '.timeline button',
  '#stage svg [role="button"]',
  '.popover button',
  '.drawer a',
  '.drawer button',
  '.drawer select',
  '.drawer input',
  '.drawer summary',
  '.code-panel [role="tab"]',
  '.code-panel pre',
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

/**
 * Marks every visible, enabled control, presses Tab (from wherever focus is, round the page) until each has had
 * focus or twice their number of presses, and returns the ones never reached and the ones focused without a ring.
 */
async function tabThroughAll(page) {
  const total = await page.evaluate((sel) => {
    for (const e of document.querySelectorAll('[data-kbd]')) e.removeAttribute('data-kbd');
    const els = [...document.querySelectorAll(sel)].filter((e) => !e.disabled && e.getClientRects().length > 0);
    els.forEach((e, i) => e.setAttribute('data-kbd', String(i)));
    return els.length;
  }, CONTROLS);
  const seen = new Set();
  const noRing = [];
  for (let i = 0; i < total * 2 + 20 && seen.size < total; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd'));
    if (id === null || id === undefined) continue;
    seen.add(id);
    if (!(await focusShown(page))) noRing.push(await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)));
  }
  const missed = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll('[data-kbd]')]
        .filter((e) => !seen.includes(e.getAttribute('data-kbd')))
        .map((e) => e.outerHTML.slice(0, 100)),
    [...seen],
  );
  return { total, missed, noRing };
}

test('Tab reaches every control, each with a visible focus ring', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await page.evaluate(() => window.grouplab.advance(12_000));
    await page.waitForSelector('[data-group="order-consumer-group"][data-state="Stable"]');
    // The Share menu starts folded: open it (without moving focus), so its buttons count too.
    await page.evaluate(() => {
      document.querySelector('details.share').open = true;
    });
    // The page with no drawer open, then with each drawer in turn (one is open at a time).
    let all = 0;
    for (const drawer of [null, 'lessons', 'act', 'code', 'log', 'details', 'legend']) {
      if (drawer) await page.click(`[data-action="drawer-${drawer}"]`);
      if (drawer) await page.waitForSelector(`[data-drawer="${drawer}"]`);
      // Folded parts of the drawer (the legend's, the inspector's) open, so what is inside them counts too.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('#drawer details')) d.open = true;
      });
      const { total, missed, noRing } = await tabThroughAll(page);
      all += total;
      assert.ok(total > 25, `${total} controls with ${drawer ?? 'no'} drawer open`);
      assert.deepEqual(missed, [], `every control is reachable with Tab (${drawer ?? 'no'} drawer open)`);
      assert.deepEqual(noRing, [], `every focused control shows a focus ring (${drawer ?? 'no'} drawer open)`);
    }
    // A touched entity's popover: its actions and buttons are reachable too.
    await page.click('[data-action="drawer-close"]');
    await page.click('[data-consumer="consumer1"]');
    await page.waitForSelector('.popover[data-popover="consumer consumer1"]');
    const { total, missed, noRing } = await tabThroughAll(page);
    assert.ok(
      (await page.locator('.popover [data-kbd]').count()) >= 4,
      `the popover's controls count (${total} in all)`,
    );
    assert.deepEqual(missed, [], 'every control is reachable with Tab (popover open)');
    assert.deepEqual(noRing, [], 'every focused control shows a focus ring (popover open)');
    assert.ok(all > 100, `${all} controls over the drawers`);
    await page.keyboard.press('Escape');
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
    // A partition on the stage: Enter selects it, its popover explains it, a record from there too.
    await tabTo(page, '[data-partition="test-topic/0"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.popover [data-inspecting="partition test-topic/0"]');
    await tabTo(page, '.popover .inspector .records button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.popover [data-inspecting^="record test-topic/0@"] [data-steps="partitioner"]');
    // A consumer group: Space selects it.
    await tabTo(page, '[data-group="order-consumer-group"] .group__header');
    await page.keyboard.press(' ');
    await page.waitForSelector('.popover [data-inspecting="group order-consumer-group"] [data-steps="coordinator"]');
    // The forms' drawer from its tab (Enter); add a consumer (Enter) and produce a record (Space).
    await tabTo(page, '[data-action="drawer-act"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-drawer="act"]');
    const before = (await state(page)).consumers.length;
    await tabTo(page, '[data-action="add-consumer"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.grouplab.state().consumers.length === n + 1, before);
    await tabTo(page, '[data-action="produce"]');
    await page.keyboard.press(' ');
    await page.locator('[data-notice="ok"]').waitFor();
    assert.match(await page.textContent('[data-notice="ok"]'), /Sent 1 record to test-topic with key "order-7"/);
    // The code panel's tabs, in their drawer.
    await tabTo(page, '[data-action="drawer-code"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-drawer="code"]');
    await tabTo(page, '[data-code-tab="java"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-code="java"]');
    // A consumer's action in the inspector overview (the details drawer, once Escape cleared the selection).
    await page.keyboard.press('Escape');
    await page.locator('.popover').waitFor({ state: 'detached' });
    await tabTo(page, '[data-action="drawer-details"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-drawer="details"]');
    await tabTo(page, '[data-consumer-row="consumer1"] [data-action="crash"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => JSON.stringify(window.grouplab.state().consumers[0].status).includes('crashed'));
    // An event-log line, in its drawer, seeks the timeline to its moment.
    await tabTo(page, '[data-action="drawer-log"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-drawer="log"]');
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
    // The contents are in the lessons drawer: the caption's Lessons button opens it.
    await tabTo(page, '.caption [data-action="lessons"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-drawer="lessons"]');
    await tabTo(page, '[data-toc="crash"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-lesson="crash"][data-lesson-step="0"][data-lesson-state="paused"]');
    // Choosing a lesson gives the stage back: the drawer closes.
    await page.waitForSelector('#drawer[hidden]', { state: 'attached' });
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

test('the a and p shortcuts act at once and open the forms drawer', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused' }, async ({ page }) => {
    await page.evaluate(() => window.grouplab.advance(10_000));
    assert.equal(await page.locator('[data-drawer]').count(), 0, 'no drawer open at first');
    const before = (await state(page)).consumers.length;
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('a');
    await page.waitForFunction((n) => window.grouplab.state().consumers.length === n + 1, before);
    await page.waitForSelector('[data-drawer="act"] [data-action="add-consumer"]');
    assert.equal(await page.isVisible('[data-action="add-consumer"]'), true, 'the forms are in sight');
    await page.click('[data-action="drawer-close"]');
    await page.waitForSelector('#drawer[hidden]', { state: 'attached' });
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('p');
    await page.locator('[data-notice="ok"]').waitFor();
    assert.match(await page.textContent('[data-notice="ok"]'), /Sent 1 record to test-topic/);
    await page.waitForSelector('[data-drawer="act"]');
  }));
