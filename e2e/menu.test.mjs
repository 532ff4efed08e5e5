// The stage's context menu: right-click an entity for its actions, or reach it by keyboard (Shift+F10 or the
// Menu key on a focused entity, arrows, Enter, Escape).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

test('right-click a consumer and crash it from the menu', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await page.evaluate(() => window.grouplab.advance(10_000));
    await page.click('[data-consumer="consumer1"]', { button: 'right' });
    const menu = page.locator('[role=menu]');
    await menu.waitFor();
    assert.equal(await menu.getAttribute('data-menu-for'), 'consumer consumer1');
    const items = await menu.locator('[role=menuitem]').evaluateAll((els) => els.map((e) => e.dataset.menuItem));
    assert.deepEqual(items, ['menu.commit', 'menu.slow', 'menu.close', 'menu.crash']);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.menuItem), 'menu.commit', 'focus on the first item');
    await screenshot('menu-consumer');
    await menu.locator('[data-menu-item="menu.crash"]').click();
    await menu.waitFor({ state: 'detached' });
    const status = await page.evaluate(() => window.grouplab.state().consumers.find((c) => c.name === 'consumer1').status.status);
    assert.equal(status, 'crashed');
    // The menu of a crashed consumer offers a restart.
    await page.click('[data-consumer="consumer1"]', { button: 'right' });
    assert.deepEqual(
      await page.locator('[role=menuitem]').evaluateAll((els) => els.map((e) => e.dataset.menuItem)),
      ['menu.restart'],
    );
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  }));

test('keyboard: Shift+F10 on a focused broker, arrows, Enter', () =>
  h.withPage({ viewport: 'phone', path: '/?paused' }, async ({ page }) => {
    await page.focus('[data-broker="1"]');
    await page.keyboard.press('Shift+F10');
    await page.locator('[role=menu][data-menu-for="broker 1"]').waitFor();
    await page.keyboard.press('ArrowDown'); // one item: wraps to itself
    assert.equal(await page.evaluate(() => document.activeElement.dataset.menuItem), 'menu.stop_broker');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.grouplab.state().brokers.find((b) => b.id === 1).up);
    // The menu's entity is selected: its popover explains it (on a phone it covers the stage's middle);
    // Escape puts it away.
    await page.locator('.popover[data-popover="broker 1"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.popover').waitFor({ state: 'detached' });
    // Right-click a topic: add a partition.
    await page.click('[data-topic="test-topic"]', { button: 'right' });
    await page.click('[data-menu-item="menu.add_partition"]');
    await page.waitForSelector('[data-partition="test-topic/4"]');
  }));
