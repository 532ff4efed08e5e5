// What a user sees on the stage, driven deterministically through window.grouplab: the page opens paused
// (`?paused`), then each test advances simulated time with grouplab.advance(ms) and asserts on the DOM's
// stable data attributes (data-partition, data-assigned-to, data-member, data-committed, ...).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, repoRoot, openDrawer, advance, run } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const GROUP = 'order-consumer-group';
const TOPIC = 'test-topic';

/** A consumer like the course notes' (confluent-kafka, earliest, 50 records/s). */
const consumer = (name) => ({
  type: 'add_consumer',
  name,
  profile: 'librdkafka',
  config: { 'group.id': GROUP, 'auto.offset.reset': 'earliest' },
  topics: [TOPIC],
  records_per_sec: 50,
});

/** Partition rows of test-topic as { tp, assignedTo, leo, committed }. */
const rows = (page) =>
  page.evaluate((topic) =>
    [...document.querySelectorAll(`[data-partition^="${topic}/"]`)].map((e) => ({
      tp: e.dataset.partition,
      assignedTo: e.dataset.assignedTo,
      leo: Number(e.dataset.logEndOffset),
      committed: e.dataset.committed === '' ? null : Number(e.dataset.committed),
    })), TOPIC);

/** Members of the group as { consumer, member, assigned[], idle, state } from the stage. */
const members = (page) =>
  page.evaluate((group) => {
    const box = document.querySelector(`[data-group="${group}"]`);
    const names = [...document.querySelectorAll('[data-consumer][data-member]')];
    return {
      generation: box ? Number(box.dataset.generation) : null,
      state: box?.dataset.state,
      members: names.map((m) => ({
        consumer: m.dataset.consumer,
        member: m.dataset.member,
        assigned: m.dataset.assigned ? m.dataset.assigned.split(' ') : [],
        idle: m.dataset.idle === 'true',
        state: m.dataset.state,
        text: m.textContent,
      })),
    };
  }, GROUP);

/** Asserts the stage's ownership: every partition row names one owner, and counts per member. */
async function ownership(page) {
  const r = await rows(page);
  const m = await members(page);
  const byMember = new Map(m.members.map((x) => [x.member, 0]));
  for (const row of r) {
    if (!row.assignedTo) continue;
    for (const id of row.assignedTo.split(' ')) byMember.set(id, (byMember.get(id) ?? 0) + 1);
  }
  return { rows: r, ...m, counts: m.members.map((x) => byMember.get(x.member) ?? 0) };
}

test('the page opens playing the course notes without a click', () =>
  h.withPage({ viewport: 'desktop' }, async ({ page }) => {
    const t0 = Number(await page.getAttribute('#stage', 'data-time-ms'));
    await page.waitForFunction((t) => Number(document.querySelector('#stage').dataset.timeMs) > t, t0, {
      timeout: 5000,
    });
    assert.equal(await page.getAttribute('#stage', 'data-playing'), 'true');
    assert.equal(await page.locator(`[data-partition^="${TOPIC}/"]`).count(), 4);
    assert.equal(await page.locator('[data-broker]').count(), 3);
    assert.equal(await page.locator(`[data-group="${GROUP}"]`).count(), 1);
    assert.equal(await page.locator('[data-consumer="consumer1"]').count(), 1);
    assert.equal(await page.locator('[data-producer="producer1"]').count(), 1);
  }));

test('the two default consumers split 4 partitions 2/2', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await advance(page, 10_000);
    const o = await ownership(page);
    assert.equal(o.state, 'Stable');
    assert.equal(o.members.length, 2);
    assert.ok(o.rows.every((r) => r.assignedTo && !r.assignedTo.includes(' ')), JSON.stringify(o.rows));
    assert.deepEqual(o.counts, [2, 2], JSON.stringify(o));
    for (const m of o.members) assert.equal(m.assigned.length, 2);
    // Records flow and a coordinator is marked.
    assert.ok(o.rows.reduce((s, r) => s + r.leo, 0) > 0, 'records were produced');
    assert.equal(await page.locator('.broker.is-coordinator').count(), 1);
    await screenshot('visualizer-split-desktop');
  }));

test('a third and fourth consumer get one partition each; a fifth sits idle', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await advance(page, 10_000);
    await run(page, consumer('consumer3'));
    await run(page, consumer('consumer4'));
    await advance(page, 15_000);
    let o = await ownership(page);
    assert.equal(o.state, 'Stable');
    assert.deepEqual(o.counts, [1, 1, 1, 1], JSON.stringify(o));
    await run(page, consumer('consumer5'));
    await advance(page, 15_000);
    o = await ownership(page);
    assert.equal(o.members.length, 5);
    assert.deepEqual([...o.counts].sort(), [0, 1, 1, 1, 1], JSON.stringify(o));
    const idle = o.members.filter((m) => m.idle);
    assert.equal(idle.length, 1, 'exactly one member is idle');
    assert.deepEqual(idle[0].assigned, []);
    assert.match(idle[0].text, /idle/, 'the idle member says so');
    assert.equal(await page.locator('.member.is-idle').count(), 1, 'and is drawn differently');
    // One colour per consumer: members 1…5 take colours 1…5, five different colours, and each member's
    // ownership lines, position marks and row accents carry its colour.
    const colours = await page.evaluate(() =>
      [...document.querySelectorAll('g.member[data-consumer]')].map((m) => {
        const c = m.dataset.consumer;
        const marks = [...document.querySelectorAll(`[data-owner="${c}"], [data-position-of="${c}"], [data-accent-of="${c}"]`)];
        const line = document.querySelector(`path.own[data-owner="${c}"]`);
        return {
          consumer: c,
          colour: m.dataset.colour,
          marks: marks.map((e) => e.dataset.colour),
          bar: getComputedStyle(m.querySelector('.member__bar')).fill,
          line: line && getComputedStyle(line).stroke,
        };
      }),
    );
    assert.deepEqual(colours.map((c) => c.colour), ['1', '2', '3', '4', '5'], JSON.stringify(colours));
    assert.equal(new Set(colours.map((c) => c.bar)).size, 5, JSON.stringify(colours));
    for (const c of colours) {
      assert.ok(c.marks.every((x) => x === c.colour), JSON.stringify(c));
      if (c.line) assert.equal(c.line, c.bar, `${c.consumer}'s lines are the colour of its bar`);
    }
    assert.equal(colours.filter((c) => c.marks.length >= 3).length, 4, 'the four owners each have a line, a mark and an accent');
    await screenshot('visualizer-idle-desktop');
  }));

test('a crash is followed, after the session timeout, by reassignment in a higher generation', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await advance(page, 10_000);
    const before = await ownership(page);
    assert.deepEqual(before.counts, [2, 2]);
    await run(page, { type: 'crash_consumer', consumer: 'consumer1' });
    await advance(page, 30_000);
    let o = await ownership(page);
    assert.equal(o.generation, before.generation, 'nothing moves before session.timeout.ms');
    const dead = o.members.find((m) => m.consumer === 'consumer1');
    assert.match(dead.state, /dead/);
    await advance(page, 20_000);
    o = await ownership(page);
    assert.ok(o.generation > before.generation, `generation ${o.generation} > ${before.generation}`);
    const c2 = o.members.find((m) => m.consumer === 'consumer2');
    assert.equal(c2.assigned.length, 4, JSON.stringify(o));
    assert.ok(o.rows.every((r) => r.assignedTo === c2.member));
    const shown = await page.locator(`[data-group="${GROUP}"] .group__gen`).textContent();
    assert.equal(shown, `generation ${o.generation}`, 'the new generation is on screen');
    await screenshot('visualizer-after-crash-desktop');
  }));

async function vectors() {
  const dir = process.env.GROUPLAB_VECTORS || path.resolve(repoRoot, '..', 'shared', 'vectors');
  return JSON.parse(await readFile(path.join(dir, 'partition.json'), 'utf8'));
}

test('keyed records land where the conformance vectors predict', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    const { cases } = await vectors();
    const pick = (client, partitioner) =>
      cases
        .filter(
          (c) =>
            c.client === client &&
            c.partitioner === partitioner &&
            c.partitions === 4 &&
            c.key &&
            c.key.length < 40 &&
            !c.key.includes('"'),
        );
    const rdk = pick('librdkafka', 'consistent_random').slice(0, 4);
    // Different keys for the Java producer, so each key's records come from one partitioner.
    const java = pick('java', 'default')
      .filter((c) => !rdk.some((r) => r.key === c.key))
      .slice(0, 4);
    assert.ok(java.length >= 3 && rdk.length >= 3, 'found vector cases');
    await run(page, { type: 'add_producer', name: 'java-producer', profile: 'java', config: {} });
    for (const [producer, list] of [
      ['producer1', rdk],
      ['java-producer', java],
    ]) {
      for (const c of list) {
        await run(page, { type: 'produce', producer, topic: TOPIC, key: c.key });
        await advance(page, 300);
        const where = await page.evaluate(
          (key) =>
            [...document.querySelectorAll('[data-partition] [data-key]')]
              .filter((e) => e.dataset.key === key)
              .map((e) => e.closest('[data-partition]').dataset.partition),
          c.key,
        );
        assert.ok(where.length >= 1, `record with key ${c.key} is drawn`);
        assert.deepEqual([...new Set(where)], [`${TOPIC}/${c.expected}`], `${producer} key ${JSON.stringify(c.key)}`);
      }
    }
  }));

test('the committed bookmark trails the log-end offset while the group lags', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await advance(page, 10_000);
    for (const c of ['consumer1', 'consumer2']) {
      await run(page, { type: 'set_processing_rate', consumer: c, records_per_sec: 1 });
    }
    await run(page, {
      type: 'set_produce_rate',
      producer: 'producer1',
      topic: TOPIC,
      records_per_sec: 40,
      keys: { kind: 'random', prefix: 'order-', cardinality: 20 },
    });
    await advance(page, 20_000);
    const r1 = await rows(page);
    const lagging = r1.filter((r) => r.committed !== null && r.committed < r.leo);
    assert.ok(lagging.length >= 2, `partitions lag: ${JSON.stringify(r1)}`);
    for (const r of r1) if (r.committed !== null) assert.ok(r.committed <= r.leo);
    // The bookmark is drawn with the same offset, and the lag number is on screen.
    const marks = await page.evaluate(() =>
      [...document.querySelectorAll('[data-committed-group]')].map((b) => ({
        tp: b.closest('[data-partition]').dataset.partition,
        committed: Number(b.dataset.committed),
        lag: Number(b.closest('[data-partition]').querySelector('[data-lag]')?.dataset.lag),
      })),
    );
    assert.ok(marks.some((m) => m.lag > 0), JSON.stringify(marks));
    await advance(page, 10_000);
    const r2 = await rows(page);
    const total = (rs) => rs.reduce((s, r) => s + (r.leo - (r.committed ?? 0)), 0);
    assert.ok(total(r2) > total(r1), `the lag grows: ${total(r1)} -> ${total(r2)}`);
    await screenshot('visualizer-lag-desktop');
  }));

test('window.grouplab: errors are objects, events reach listeners, seek and fork', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    const bad = await page.evaluate(() => [
      window.grouplab.run('not json'),
      window.grouplab.run({ type: 'close_consumer', consumer: 'nobody' }),
      window.grouplab.run(undefined),
      window.grouplab.advance(-5),
      window.grouplab.load({ version: 99 }),
    ]);
    assert.equal(bad[0].error, 'invalid_command');
    assert.equal(bad[1].error, 'unknown_consumer');
    assert.match(bad[1].message, /nobody/);
    assert.equal(bad[2].error, 'invalid_command');
    assert.equal(bad[3].error, 'invalid_time');
    assert.equal(bad[4].error, 'invalid_scenario');
    const seen = await page.evaluate(() => {
      const got = [];
      const off = window.grouplab.on('generation_started', (e) => got.push(e));
      window.grouplab.advance(10_000);
      off();
      window.grouplab.advance(1_000);
      return got;
    });
    assert.ok(seen.length >= 1, 'generation_started reached the listener');
    assert.equal(seen[0].group_id, GROUP);
    const state = await page.evaluate(() => window.grouplab.state());
    assert.equal(state.time_ms, 11_000);
    assert.equal(state.groups[0].members.length, 2);
    assert.equal(Object.keys(state.groups[0].committed).length > 0, true);
    // Seek back, act: the history forks at that point.
    const fork = await page.evaluate(() => {
      window.grouplab.seek(2_000);
      const r = window.grouplab.run({
        type: 'add_consumer',
        name: 'late',
        config: { 'group.id': 'order-consumer-group' },
        topics: ['test-topic'],
      });
      return { r, s: window.grouplab.scenario() };
    });
    assert.ok(fork.r.ok);
    assert.equal(fork.s.time_ms, 2_000);
    assert.equal(fork.s.commands.at(-1).at_ms, 2_000);
    // A scenario loads and replaces the world.
    const loaded = await page.evaluate((s) => window.grouplab.load(s), fork.s);
    assert.ok(loaded.ok, JSON.stringify(loaded));
    await page.waitForSelector('[data-consumer="late"]');
  }));

test('model errors from the UI appear as a message, keyboard shortcuts work', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    // The forms are in the actions drawer.
    await openDrawer(page, 'act');
    await page.fill('.actions input[type="number"]', '5000000');
    await page.click('[data-action="set-rate"]');
    const notice = page.locator('[data-notice="error"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /records_per_sec/);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#stage').dataset.playing === 'true');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#stage').dataset.playing === 'false');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('dialog').count(), 0);
  }));

test('clicking a group explains the coordinator and the other assignors', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    await advance(page, 10_000);
    // Its popover, at the group, explains it.
    await page.click(`[data-group="${GROUP}"] .group__header`);
    const steps = page.locator(`.popover[data-popover="group ${GROUP}"] [data-steps="coordinator"]`);
    await steps.first().waitFor();
    const offsetsPartition = await steps.first().getAttribute('data-offsets-partition');
    const state = await page.evaluate(() => window.grouplab.state());
    assert.equal(Number(offsetsPartition), state.groups[0].coordinator.offsets_partition);
    assert.match(await page.locator('.popover .inspector').textContent(), /other assignors/);
    // A record explains its key's partition, in a popover at the record.
    await page.locator(`[data-partition="${TOPIC}/0"] [data-offset]`).first().click();
    const partitioner = page.locator(`.popover[data-popover^="record ${TOPIC}/0@"] [data-steps="partitioner"]`);
    await partitioner.waitFor();
    assert.equal(await partitioner.getAttribute('data-partition-result'), '0');
  }));

for (const viewport of ['phone', 'desktop']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots after the first rebalance (${viewport}, ${colorScheme})`, () =>
      h.withPage({ viewport, colorScheme, path: '/?paused' }, async ({ page, screenshot }) => {
        await advance(page, 12_000);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
        await screenshot(`visualizer-${viewport}-${colorScheme}`, { fullPage: viewport === 'phone' });
      }));
  }
}
