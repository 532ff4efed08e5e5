// Kafka 4.x consumer groups (KIP-848, group.protocol=consumer) through window.grouplab: the group's protocol and
// epochs in state(), the server-side uniform assignor's split, a crash that the coordinator notices after the
// group's session timeout, and the classic-only settings refused with an error object.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

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
