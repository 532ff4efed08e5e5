// Revocation made visible: while a group rebalances, the partitions none of its members reads are marked
// paused. Eager assignors pause every partition (each member revokes all at JoinGroup); cooperative-sticky
// (KIP-429) pauses only the partitions that change owner. And every produced record flies from its producer
// into its partition's log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

/** Adds a consumer to `group`, then walks the rebalance 5 ms at a time; returns the most partitions paused at once. */
async function pausedDuringRebalance(page, group, strategy) {
  return page.evaluate(
    ({ group, strategy }) => {
      const g = window.grouplab;
      const config = { 'group.id': group, 'auto.offset.reset': 'earliest' };
      if (strategy) config['partition.assignment.strategy'] = [strategy];
      const r = g.run({ type: 'add_consumer', config, topics: ['test-topic'] });
      if (!r.ok) throw new Error(JSON.stringify(r));
      let most = 0;
      for (let i = 0; i < 3000; i++) {
        g.advance(5);
        // The DOM is redrawn asynchronously: count from the state the rows are drawn from.
        const s = g.state();
        const grp = s.groups.find((x) => x.group_id === group);
        if (grp.state !== 'PreparingRebalance' && grp.state !== 'CompletingRebalance') continue;
        const owned = new Set(
          s.consumers.filter((c) => c.group_id === group && c.status.status === 'running').flatMap((c) => c.assigned),
        );
        most = Math.max(most, [0, 1, 2, 3].filter((p) => !owned.has(`test-topic/${p}`)).length);
      }
      return most;
    },
    { group, strategy },
  );
}

test('eager rebalances pause every partition; cooperative-sticky only the moved ones', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused&slowmo=0' }, async ({ page, screenshot }) => {
    await page.evaluate(() => window.grouplab.advance(10_000));
    // The course notes' group (confluent-kafka default: range, eager).
    assert.equal(await pausedDuringRebalance(page, 'order-consumer-group'), 4);
    // A cooperative group of two, then a third member: one partition moves, three keep being read.
    await page.evaluate(() => {
      const g = window.grouplab;
      for (let i = 0; i < 2; i++) {
        g.run({ type: 'add_consumer', config: { 'group.id': 'coop', 'partition.assignment.strategy': ['cooperative-sticky'] }, topics: ['test-topic'] });
      }
      g.advance(10_000);
    });
    assert.equal(await pausedDuringRebalance(page, 'coop', 'cooperative-sticky'), 1);
  }));

test('the stage marks paused partitions mid-rebalance, and records fly into their partition', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused&slowmo=0' }, async ({ page, screenshot }) => {
    await page.evaluate(() => {
      const g = window.grouplab;
      g.advance(10_000);
      g.run({ type: 'add_consumer', config: { 'group.id': 'order-consumer-group' }, topics: ['test-topic'] });
      // Into the rebalance: every member has rejoined, so all partitions are revoked.
      for (let i = 0; i < 1200 && g.state().groups[0].state !== 'CompletingRebalance'; i++) g.advance(5);
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-paused-for="order-consumer-group"]').length === 4);
    // The label names the group where that leaves the row half its cells, else is short; the title says all.
    assert.match(await page.textContent('[data-partition="test-topic/0"] .paused__label'), /^❚❚ paused(: order-consumer-group( rebalancing)?)?$/);
    assert.match(await page.textContent('[data-partition="test-topic/0"] > title'), /paused while order-consumer-group rebalances/);
    await screenshot('rebalance-eager-paused-desktop');
    // A produced record is drawn on its way into its partition's row, not to the broker.
    const target = await page.evaluate(() => {
      const g = window.grouplab;
      g.run({ type: 'produce', producer: 'producer1', topic: 'test-topic', key: 'order-7' });
      const m = g.state().in_flight.find((f) => f.api === 'Produce' && f.request);
      return m.tp;
    });
    await page.evaluate(() => window.grouplab.advance(5));
    await page.waitForSelector('[data-api="Produce"]');
    const { dot, row } = await page.evaluate((tp) => {
      const d = document.querySelector('[data-api="Produce"] circle').getBoundingClientRect();
      const r = document.querySelector(`[data-partition="${tp}"] .leo line`).getBoundingClientRect();
      return { dot: { x: d.x + d.width / 2, y: d.y + d.height / 2 }, row: { x: r.x, y: r.y + r.height / 2 } };
    }, target);
    const producer = await page.locator('[data-producer]').first().boundingBox();
    // Somewhere on the straight line from the producer towards the partition's log end.
    const t = (dot.x - (producer.x + producer.width)) / (row.x - (producer.x + producer.width));
    assert.ok(t > 0 && t <= 1, `the record is between its producer and its partition (t=${t})`);
    const expectedY = producer.y + producer.height / 2 + t * (row.y - (producer.y + producer.height / 2));
    assert.ok(Math.abs(dot.y - expectedY) < 6, `on the way to ${target}: y ${dot.y} vs ${expectedY}`);
  }));

test('row labels stay readable: the paused label fits its veil on a phone, consumers at one offset share a label', () =>
  h.withPage({ viewport: 'phone', path: '/?paused&slowmo=0' }, async ({ page, screenshot }) => {
    await page.evaluate(() => {
      const g = window.grouplab;
      // Two more groups read test-topic from the start: once caught up, three consumers sit at each offset.
      for (const group of ['audit', 'billing']) {
        for (let i = 0; i < 2; i++) {
          g.run({ type: 'add_consumer', config: { 'group.id': group, 'auto.offset.reset': 'earliest' }, topics: ['test-topic'] });
        }
      }
      g.advance(20_000);
    });
    await page.waitForFunction(() => document.querySelectorAll('.position').length === 12);
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('[data-partition]')].map((row) => ({
        marks: row.querySelectorAll('.position').length,
        labels: [...row.querySelectorAll('.position__label')].map((l) => {
          const b = l.getBBox();
          return { text: l.textContent, left: b.x, right: b.x + b.width };
        }),
      })),
    );
    for (const row of rows) {
      assert.ok(row.labels.length >= 1 && row.labels.length < row.marks, JSON.stringify(row));
      const sorted = [...row.labels].sort((a, b) => a.left - b.left);
      for (let i = 1; i < sorted.length; i++) {
        assert.ok(sorted[i].left >= sorted[i - 1].right, `labels ${JSON.stringify(sorted)} do not overlap`);
      }
    }
    assert.ok(rows.some((row) => row.labels.some((l) => l.text.split(',').length === 3)), JSON.stringify(rows));
    // Into an eager rebalance of the course's group: its paused label stays inside the veil, clear of the LEO.
    await page.evaluate(() => {
      const g = window.grouplab;
      g.run({ type: 'add_consumer', config: { 'group.id': 'order-consumer-group' }, topics: ['test-topic'] });
      const grp = () => g.state().groups.find((x) => x.group_id === 'order-consumer-group');
      for (let i = 0; i < 1200 && grp().state !== 'CompletingRebalance'; i++) g.advance(5);
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-paused-for~="order-consumer-group"]').length === 4);
    const fits = await page.evaluate(() =>
      [...document.querySelectorAll('[data-paused-for]')].map((row) => {
        const label = row.querySelector('.paused__label').getBBox();
        const veil = row.querySelector('.paused__veil').getBBox();
        const leo = row.querySelector('.leo text').getBBox();
        return {
          text: row.querySelector('.paused__label').textContent.trim(),
          inVeil: label.x >= veil.x && label.x + label.width <= veil.x + veil.width,
          clearOfLeo: label.x + label.width <= leo.x,
        };
      }),
    );
    for (const f of fits) assert.ok(f.inVeil && f.clearOfLeo, JSON.stringify(f));
    await screenshot('rebalance-labels-phone');
  }));

test('members hear of a rebalance from their next heartbeat: until then they are "not told yet" and keep their partitions', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused&slowmo=0' }, async ({ page }) => {
    const before = await page.evaluate(() => {
      const g = window.grouplab;
      g.advance(10_000);
      g.run({ type: 'add_consumer', config: { 'group.id': 'order-consumer-group' }, topics: ['test-topic'] });
      const group = () => g.state().groups.find((x) => x.group_id === 'order-consumer-group');
      for (let i = 0; i < 600 && group().state !== 'PreparingRebalance'; i++) g.advance(5);
      return group().state;
    });
    assert.equal(before, 'PreparingRebalance');
    for (const consumer of ['consumer1', 'consumer2']) {
      await page.waitForSelector(`[data-consumer="${consumer}"][data-state="not told yet"]`);
      const title = await page.textContent(`[data-consumer="${consumer}"] title`);
      assert.match(title, /not told yet.*hears of the rebalance in its next heartbeat response/);
      assert.notEqual(await page.getAttribute(`[data-consumer="${consumer}"]`, 'data-assigned'), '');
    }
  }));

test("a librdkafka leader's sticky assignment is said to be Java's computation; a Java leader's is not", () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    const add = (group, profile) =>
      page.evaluate(
        ({ group, profile }) => {
          const config = { 'group.id': group, 'partition.assignment.strategy': ['cooperative-sticky'] };
          for (let i = 0; i < 2; i++) {
            const r = window.grouplab.run({ type: 'add_consumer', profile, config, topics: ['test-topic'] });
            if (!r.ok) throw new Error(JSON.stringify(r));
          }
        },
        { group, profile },
      );
    await add('coop-rdkafka', 'librdkafka');
    await add('coop-java', 'java');
    await page.evaluate(() => window.grouplab.advance(15_000));
    for (const [group, said] of [['coop-rdkafka', 1], ['coop-java', 0]]) {
      await page.click(`g[data-group="${group}"] .group__header`);
      await page.waitForSelector(`[data-inspecting="group ${group}"]`);
      assert.equal(await page.locator('[data-hint="rdkafka-sticky"]').count(), said, group);
      if (said) await screenshot('inspector-rdkafka-sticky', { fullPage: true });
    }
  }));
