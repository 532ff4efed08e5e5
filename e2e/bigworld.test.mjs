// A big world (300 partitions, 60 consumers): the stage draws only the band in view, and scrolling brings the
// rest in, so a frame costs what is on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

test('only the rows in view are drawn; scrolling draws the others', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    const r = await page.evaluate(() => {
      const at0 = (command) => ({ at_ms: 0, command });
      const commands = [at0({ type: 'create_topic', topic: 'orders', partitions: 300 })];
      for (let i = 0; i < 60; i++) {
        commands.push(at0({ type: 'add_consumer', config: { 'group.id': `g${i % 3}` }, topics: ['orders'] }));
      }
      return window.grouplab.load({ version: 1, seed: 3, commands, time_ms: 15_000 });
    });
    assert.equal(r.ok, true, JSON.stringify(r));
    await page.waitForSelector('[data-partition="orders/0"]');
    const drawn = await page.locator('[data-partition]').count();
    assert.ok(drawn > 5 && drawn < 120, `${drawn} of 300 rows drawn`);
    assert.equal(await page.locator('[data-partition="orders/250"]').count(), 0);
    // The layout still has room for every row.
    const height = await page.evaluate(() => +document.querySelector('.stage-svg').getAttribute('height'));
    assert.ok(height > 300 * 40, `the stage is ${height}px tall`);
    // Each broker leads about 100 partitions: its box says how many instead of a list running out of it, and
    // its accessible name keeps the whole list.
    const brokers = await page.evaluate(() =>
      [...document.querySelectorAll('[data-broker]')].map((b) => ({
        text: b.querySelector('.broker__leads').textContent,
        textWidth: b.querySelector('.broker__leads').getBBox().width,
        boxWidth: b.querySelector('.broker__box').getBBox().width,
        title: b.querySelector('title').textContent,
      })),
    );
    assert.equal(brokers.length, 3);
    for (const b of brokers) {
      assert.match(b.text, /^leads \d+ partitions$/);
      assert.ok(b.textWidth < b.boxWidth - 10, `"${b.text}" (${b.textWidth}px) fits its box (${b.boxWidth}px)`);
      assert.match(b.title, /leads P0, |leads P1, |leads P2, /);
    }
    // So does a member owning about 15 partitions.
    const owns = await page.evaluate(() => {
      const m = document.querySelector('[data-member]');
      const text = m.querySelector('.member__owns');
      return { text: text.textContent, textWidth: text.getBBox().width, boxWidth: m.querySelector('rect').getBBox().width };
    });
    assert.match(owns.text, /^owns \d+ partitions$/);
    assert.ok(owns.textWidth < owns.boxWidth, `"${owns.text}" fits its box`);
    // Scroll the stage (it scrolls inside its area: the page itself stays put) to where orders/250 sits.
    await page.evaluate(() => {
      const wrap = document.querySelector('.stage-wrap');
      const svg = document.querySelector('.stage-svg');
      const top = svg.getBoundingClientRect().top - wrap.getBoundingClientRect().top + wrap.scrollTop;
      wrap.scrollTop = top + (250 / 300) * +svg.getAttribute('height') - wrap.clientHeight / 2;
    });
    await page.waitForSelector('[data-partition="orders/250"]');
    assert.equal(await page.locator('[data-partition="orders/0"]').count(), 0, 'rows far above are not drawn');
    await screenshot('bigworld-scrolled');
  }));
