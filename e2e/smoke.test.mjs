// Smoke tests of the built app (dist/): it loads without errors, shows GroupLab at phone and desktop sizes,
// stays on its own origin, reveals the panic panel instead of a blank page, and passes axe's checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';
import { seriousViolations } from './axe.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

for (const viewport of ['phone', 'desktop']) {
  test(`loads without errors and shows GroupLab (${viewport})`, () =>
    h.withPage({ viewport, newcomer: true }, async ({ page, screenshot }) => {
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'GroupLab' }).waitFor());
      assert.equal(await page.locator('main#stage').count(), 1);
      assert.equal(await page.isHidden('#grouplab-panic'), true, 'the panic panel stays hidden');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
      // A newcomer on a wide screen finds the legend open beside the stage (a phone keeps the stage clear)...
      if (viewport === 'desktop') await page.waitForSelector('[data-drawer="legend"] [data-legend]');
      else assert.equal(await page.locator('[data-drawer]').count(), 0, 'no drawer over the stage on a phone');
      // ...and, without scrolling, sees the brokers and the topic's first partition.
      const height = page.viewportSize().height;
      for (const entity of ['[data-broker="0"]', '[data-partition="test-topic/0"]']) {
        const box = await page.locator(entity).first().boundingBox();
        assert.ok(box && box.y + box.height <= height, `${entity} is in the first screen (${JSON.stringify(box)})`);
      }
      await screenshot(`smoke-${viewport}`);
    }));
}

test('dark theme follows the system and data-theme overrides it', () =>
  h.withPage({ viewport: 'desktop', colorScheme: 'dark' }, async ({ page, screenshot }) => {
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await bg();
    await screenshot('smoke-desktop-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    const forcedLight = await bg();
    assert.notEqual(dark, forcedLight, 'data-theme="light" overrides a dark system theme');
    assert.equal(forcedLight, 'rgb(247, 248, 250)');
  }));

test('makes no network request outside its own origin', () =>
  h.withPage({ viewport: 'desktop' }, async ({ page, requests, server }) => {
    // Give late loads (fonts, images, prefetches) a moment to start.
    await page.waitForTimeout(500);
    assert.ok(requests.length >= 3, `saw the page's own requests: ${requests.join(', ')}`);
    const foreign = requests.filter(
      (u) => !u.startsWith(server.origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    assert.deepEqual(foreign, [], 'every request goes to the page origin');
  }));

test('a panic shows the error panel instead of a blank page', () =>
  h.withPage(
    { viewport: 'phone', path: '/?debug-panic', waitForReady: false, expectErrors: true },
    async ({ page, errors, screenshot }) => {
      const panel = page.locator('#grouplab-panic');
      await panel.waitFor({ state: 'visible', timeout: 15_000 });
      // The release wasm aborts at once on a panic (no panic message): the panel shows the trap JavaScript saw.
      assert.match(await page.locator('#grouplab-panic-message').textContent(), /^RuntimeError: unreachable/);
      // Nothing the user built is lost: the panel carries the scenario's link, and a way to start again.
      const link = await panel.locator('[data-panic-link-field]').inputValue();
      assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s=1\.[A-Za-z0-9_-]+/);
      assert.equal(await panel.locator('[data-panic-reopen]').getAttribute('href'), link);
      assert.match(await panel.locator('[data-panic-restart]').getAttribute('href'), /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.equal(await page.locator('#app').getAttribute('aria-hidden'), 'true');
      // "Open my scenario again" reloads the app on that scenario (without the panic).
      await panel.locator('[data-panic-reopen]').click();
      await page.waitForSelector('[data-stage-ready][data-custom]');
      assert.equal(await page.isHidden('#grouplab-panic'), true);
      assert.ok(
        errors.some((e) => e.includes('RuntimeError: unreachable')),
        `the panic reaches the console: ${errors.join(' | ')}`,
      );
      await screenshot('smoke-panic-phone');
    },
  ));

test('has no serious accessibility violations (axe-core)', () =>
  h.withPage({ viewport: 'desktop' }, async ({ page }) => {
    assert.deepEqual(await seriousViolations(page), []);
  }));

test('on a phone the extra controls fold behind ⋯; on a desktop they are in the bar', async () => {
  const extras = ['[data-action="zoom-fit"]', '[data-action="reset"]', '.speed input'];
  await h.withPage({ viewport: 'phone' }, async ({ page, screenshot }) => {
    for (const sel of extras) assert.equal(await page.isVisible(sel), false, `${sel} folded away`);
    assert.equal(await page.isVisible('[data-action="play-pause"]'), true, 'play stays in sight');
    assert.equal(await page.getAttribute('[data-action="more"]', 'aria-expanded'), 'false');
    await page.click('[data-action="more"]');
    await page.waitForSelector('[data-action="more"][aria-expanded="true"]');
    for (const sel of extras) assert.equal(await page.isVisible(sel), true, `${sel} shown after ⋯`);
    await screenshot('smoke-phone-more');
    await page.click('[data-action="more"]');
    await page.waitForSelector('[data-action="more"][aria-expanded="false"]');
    for (const sel of extras) assert.equal(await page.isVisible(sel), false, `${sel} folded again`);
  });
  await h.withPage({ viewport: 'desktop' }, async ({ page }) => {
    assert.equal(await page.isVisible('[data-action="more"]'), false, 'no ⋯ on a desktop');
    for (const sel of extras) assert.equal(await page.isVisible(sel), true, `${sel} in the bar`);
  });
});
