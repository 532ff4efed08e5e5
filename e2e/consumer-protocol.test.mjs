// Kafka 4.x consumer groups (KIP-848, group.protocol=consumer) through window.grouplab: the group's protocol and
// epochs in state(), the server-side uniform assignor's split, a crash that the coordinator notices after the
// group's session timeout, the classic-only settings refused with an error object, and the group's details
// comparing the broker's assignors (uniform, range) on the same members.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, advance, run } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const consumer = (name, config = {}) => ({
  type: 'add_consumer',
  name,
  config: { 'group.id': 'kip848-group', 'group.protocol': 'consumer', ...config },
  topics: ['test-topic'],
});

const group = (s) => s.groups.find((g) => g.group_id === 'kip848-group');
const shares = (g) => g.members.map((m) => m.assigned.length).sort();

test('three consumer-protocol members split 1/1/2, a crash leaves 2/2 after the session timeout', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    await page.waitForSelector('[data-stage-ready]');
    const run = (c) => page.evaluate((c) => window.grouplab.run(c), c);
    const advance = (ms) => page.evaluate((ms) => window.grouplab.advance(ms), ms);
    const state = () => page.evaluate(() => window.grouplab.state());
    for (const name of ['kip1', 'kip2', 'kip3']) assert.equal((await run(consumer(name))).ok, true);
    await advance(20_000);
    let g = group(await state());
    assert.equal(g.protocol, 'consumer');
    assert.equal(g.state, 'Stable');
    assert.deepEqual(shares(g), [1, 1, 2], JSON.stringify(g.members));
    assert.equal(g.assignment_epoch, g.group_epoch);
    for (const m of g.members) {
      assert.equal(m.member_epoch, g.group_epoch, `${m.consumer} reconciled to the target epoch`);
      assert.deepEqual(g.target_assignment[m.member_id], m.assigned, `${m.consumer} owns its target`);
    }
    // The stage draws the three members of the group.
    assert.equal(await page.locator('[data-group="kip848-group"]').count(), 1);
    const epoch = g.group_epoch;

    assert.equal((await run({ type: 'crash_consumer', consumer: 'kip3' })).ok, true);
    await advance(10_000);
    g = group(await state());
    assert.equal(g.group_epoch, epoch, 'a silent member is not noticed before group.consumer.session.timeout.ms');
    await advance(50_000);
    g = group(await state());
    assert.ok(g.group_epoch > epoch, `the removal bumped the group epoch (${g.group_epoch})`);
    assert.deepEqual(shares(g), [2, 2], JSON.stringify(g.members));
  }));

test('classic-only settings are refused with group.protocol=consumer', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    await page.waitForSelector('[data-stage-ready]');
    for (const setting of [
      { 'session.timeout.ms': 10000 },
      { 'heartbeat.interval.ms': 1000 },
      { 'partition.assignment.strategy': ['range'] },
    ]) {
      const r = await page.evaluate((c) => window.grouplab.run(c), consumer('refused', setting));
      assert.ok(r.error, `${JSON.stringify(setting)} refused: ${JSON.stringify(r)}`);
      assert.match(r.message, /group\.protocol=consumer/, r.message);
    }
    const unknown = await page.evaluate(
      (c) => window.grouplab.run(c),
      consumer('odd', { 'group.remote.assignor': 'sticky' }),
    );
    assert.equal(unknown.ok, true, 'the client sends any name; the broker answers UNSUPPORTED_ASSIGNOR');
  }));

for (const [viewport, lang] of [['laptop', 'en'], ['small', 'hi']]) {
  test(`a consumer-protocol group's details compare the broker's assignors: uniform (used) and range (${viewport}, ${lang})`, () =>
    h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
      for (const name of ['kip1', 'kip2', 'kip3']) await run(page, consumer(name));
      await advance(page, 20_000);
      const g = group(await page.evaluate(() => window.grouplab.state()));
      await page.click('[data-group="kip848-group"] .group__header');
      await page.waitForSelector('[data-alternatives="server"]');
      const rows = await page.$$eval('[data-alternatives="server"] tr', (trs) =>
        trs.map((tr) => ({
          assignor: tr.dataset.serverAssignor,
          current: tr.classList.contains('is-current'),
          lines: [...tr.querySelectorAll('td div')].map((d) => d.textContent),
        })),
      );
      assert.deepEqual(rows.map((r) => [r.assignor, r.current]), [['uniform', true], ['range', false]]);
      // The used assignor's row is the group's target, member by member.
      const name = Object.fromEntries(g.members.map((m) => [m.member_id, m.consumer]));
      const expected = Object.entries(g.target_assignment)
        .map(([id, tps]) => `${name[id]}: ${[...tps].sort().join(', ')}`)
        .sort();
      assert.deepEqual([...rows[0].lines].sort(), expected);
      // range deals each member a contiguous run of the four partitions, 2/1/1.
      const runs = rows[1].lines.map((l) => l.split(': ')[1].split(', ').map((tp) => Number(tp.split('/')[1])));
      assert.deepEqual(runs.map((r) => r.length).sort(), [1, 1, 2]);
      for (const r of runs) assert.ok(r.every((p, i) => i === 0 || p === r[i - 1] + 1), `a range: ${r}`);
      await page.locator('[data-alternatives="server"]').scrollIntoViewIfNeeded();
      await screenshot(`kip848-alternatives-${viewport}-${lang}`);
    }));
}
