// The stage says only what is true, legibly, wherever the learner goes: in several worlds (the default scene
// after a simulated hour; three groups on one topic with a 64-character group.id and a 40-character consumer
// name; the coordinator's broker stopped; a topic at 10-digit offsets; every step of every lesson), at
// 1280×800 and 360×740, in English and Hinglish, no two labels of an entity meet, none leaves its box, none is
// smaller than 12 px on a desktop or 11 px on a phone, and ownership is drawn as state() has it. Also the first
// seconds of the default page: the coordinator's initial delay counted down, records within half a simulated
// second, the split within 7; and added partitions marked on the timeline at the metadata refresh that shows them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, advance, run, repoRoot } from './harness.mjs';
import { labelProblems, ownershipProblems } from './stage-check.mjs';
import { tables as readTables } from './tables.mjs';

let h;
let tables;
let lessons;
before(async () => {
  h = await setup();
  tables = await readTables();
  // The lessons, in the contents' order, from the app's own list.
  const src = await readFile(path.join(repoRoot, 'src/lessons/mod.rs'), 'utf8');
  lessons = [...src.matchAll(/"(\w+)" => \w+::check/g)].map((m) => m[1]);
});
after(() => h?.teardown());

const SIZES = [
  ['laptop', 12],
  ['small', 11],
];
const LONG_GROUP = 'payments-settlement-reconciliation-consumer-group-eu-west-1-prod';
const LONG_NAME = 'settlement-reconciliation-worker-pod-042';

/** The worlds, each a function that builds it on a page opened at `/?paused` (the default scene at t = 0). */
const WORLDS = {
  'default after an hour': async (page) => {
    await advance(page, 3_600_000);
  },
  'three groups on one topic': async (page) => {
    assert.equal(LONG_GROUP.length, 64);
    assert.equal(LONG_NAME.length, 40);
    await advance(page, 8_000);
    for (const [name, group] of [
      [LONG_NAME, LONG_GROUP],
      ['audit1', 'audit-group'],
    ]) {
      await run(page, {
        type: 'add_consumer', name, topics: ['test-topic'],
        config: { 'group.id': group, 'auto.offset.reset': 'earliest' }, records_per_sec: 20,
      });
    }
    await advance(page, 12_000);
  },
  "the coordinator's broker stopped": async (page) => {
    await advance(page, 8_000);
    const s = await page.evaluate(() => window.grouplab.state());
    await run(page, { type: 'stop_broker', broker: s.groups[0].coordinator.broker });
    await advance(page, 2_000);
  },
  'a topic at 10-digit offsets': async (page) => {
    await run(page, { type: 'create_topic', topic: 'imported', partitions: 2 });
    for (const partition of [0, 1]) {
      await run(page, { type: 'seed_partition', topic: 'imported', partition, log_start_offset: 9_999_999_000, log_end_offset: 9_999_999_990 });
    }
    await run(page, { type: 'produce', producer: 'producer1', topic: 'imported', key: 'order-1', count: 12 });
    await run(page, {
      type: 'add_consumer', name: 'importer', topics: ['imported'],
      config: { 'group.id': 'imported-group', 'auto.offset.reset': 'earliest' }, records_per_sec: 2,
    });
    await advance(page, 8_000);
  },
};

for (const [viewport, minPx] of SIZES) {
  for (const lang of ['en', 'hi']) {
    for (const [world, build] of Object.entries(WORLDS)) {
      test(`${world}: labels apart, inside their boxes, ≥ ${minPx} px; ownership as state() (${viewport}, ${lang})`, () =>
        h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
          await build(page);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          assert.deepEqual(await labelProblems(page, minPx), []);
          assert.deepEqual(await ownershipProblems(page), []);
          await screenshot(`truth-${world.replace(/\W+/g, '-')}-${viewport}-${lang}`, { fullPage: true });
        }));
    }

    test(`every step of every lesson: labels apart, inside, ≥ ${minPx} px; ownership and narration as state() (${viewport}, ${lang})`, () =>
      h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page }) => {
        assert.equal(lessons.length, 12);
        let steps = 0;
        for (const id of lessons) {
          const r = await page.evaluate((id) => window.grouplab.lesson(id, 0), id);
          assert.ok(r.ok, JSON.stringify(r));
          for (let k = 0; k < r.steps; k++) {
            await page.evaluate(([id, k]) => window.grouplab.lesson(id, k), [id, k]);
            await page.waitForSelector(`[data-lesson="${id}"][data-lesson-step="${k}"][data-lesson-state="paused"]`);
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            assert.deepEqual(await labelProblems(page, minPx), [], `${id} step ${k}`);
            assert.deepEqual(await ownershipProblems(page), [], `${id} step ${k}`);
            steps++;
          }
        }
        assert.ok(steps >= 40, `${steps} steps checked`);
      }));
  }
}

test("a newcomer's laptop, the legend open beside the stage: the stage keeps 12 px text, labels apart", () =>
  h.withPage({ viewport: 'laptop', path: '/?paused', newcomer: true }, async ({ page, screenshot }) => {
    await page.waitForSelector('[data-drawer="legend"]');
    await advance(page, 20_000);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await labelProblems(page, 12), []);
    await screenshot('truth-newcomer-legend-laptop');
  }));

/** The header's countdown, as drawn. */
const countdown = (page) =>
  page.evaluate(() => {
    const w = document.querySelector('.group__wait');
    return w && {
      text: w.textContent, left: Number(w.dataset.waitLeftMs), delay: w.dataset.initialDelayMs,
      extensions: w.dataset.extensions, rejoined: w.dataset.rejoined, members: w.dataset.members,
    };
  });

for (const [viewport, lang] of [['laptop', 'en'], ['small', 'hi']]) {
  test(`the group's first rebalance counts down group.initial.rebalance.delay.ms, extended once; rows read "unassigned" beside the cells (${viewport}, ${lang})`, () =>
    h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
      const t = tables[lang];
      const fillLeft = (key, left) => t.get(key).replace('{left}', left).replace('{d}', '3');
      await advance(page, 1_500);
      let s = await page.evaluate(() => window.grouplab.state());
      let wait = s.groups[0].join_wait;
      assert.deepEqual([wait.initial_delay_ms, wait.extensions], [3000, 0]);
      let c = await countdown(page);
      const left = Math.ceil((wait.deadline_ms - s.time_ms) / 100) * 100;
      assert.equal(c.left, left);
      assert.equal(c.delay, '3000');
      const secs = (ms) => `${Math.floor(ms / 1000)}.${(ms % 1000) / 100}`;
      assert.ok(
        ['stage.wait_initial', 'stage.wait_initial_short', 'stage.wait_left'].some((k) => c.text === fillLeft(k, secs(left))),
        `"${c.text}" counts down ${secs(left)} s of the initial delay`,
      );
      assert.ok(await page.$('.group__wait-bar'), 'a bar shrinks with the time left');
      // Rows nobody owns yet say so, beside the cells, never over them.
      assert.deepEqual(await labelProblems(page, viewport === 'small' ? 11 : 12), []);
      await advance(page, 3_000);
      s = await page.evaluate(() => window.grouplab.state());
      wait = s.groups[0].join_wait;
      assert.deepEqual([wait.initial_delay_ms, wait.extensions], [3000, 1], 'consumer2 joined during the delay');
      c = await countdown(page);
      assert.equal(c.extensions, '1');
      const secsLeft = secs(Math.ceil((wait.deadline_ms - s.time_ms) / 100) * 100);
      assert.ok(
        ['stage.wait_extended', 'stage.wait_extended_short', 'stage.wait_left'].some((k) => c.text === fillLeft(k, secsLeft)),
        `"${c.text}" says the delay was extended`,
      );
      const title = await page.textContent('g.group__header > title');
      assert.ok(title.includes('group.initial.rebalance.delay.ms (3 s)'), title);
      assert.deepEqual(await labelProblems(page, viewport === 'small' ? 11 : 12), []);
      await screenshot(`truth-initial-delay-${viewport}-${lang}`);
      await advance(page, wait.deadline_ms - s.time_ms + 200);
      assert.equal(await page.$('.group__wait'), null, 'the countdown ends with the join');
      s = await page.evaluate(() => window.grouplab.state());
      assert.equal(s.groups[0].join_wait, undefined);
      assert.equal(s.groups[0].generation_id, 1);
    }));
}

test('a rebalance later waits for the members to rejoin, and the paused label stays beside the cells', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused' }, async ({ page }) => {
    await advance(page, 600_000);
    await run(page, { type: 'add_consumer', name: 'consumer3', topics: ['test-topic'], config: { 'group.id': 'order-consumer-group' } });
    for (let i = 0; i < 40 && !(await page.$('.group__wait')); i++) await advance(page, 50);
    const c = await countdown(page);
    assert.ok(c, 'the rebalance shows its wait');
    assert.equal(c.delay, undefined, 'not the initial delay');
    // It counts the members whose JoinGroup the coordinator holds, as state() does.
    const wait = (await page.evaluate(() => window.grouplab.state())).groups[0].join_wait;
    assert.deepEqual([c.rejoined, c.members], [String(wait.rejoined), String(wait.members)]);
    assert.equal(wait.members, 3);
    assert.ok(c.text.startsWith(`${wait.rejoined}/3`), c.text);
    // Eager: once the members revoked, every row is paused until the new assignment arrives.
    for (let i = 0; i < 200 && !(await page.$('.paused__label')); i++) await advance(page, 50);
    assert.ok(await page.$('.paused__label'), 'the rows are paused');
    assert.deepEqual(await labelProblems(page, 12), []);
  }));

// In simulated time, stepped: a wall-clock assertion would measure the machine (how soon the app starts is the
// browser benchmark's, scripts/browser-bench.mjs). At the page's 1x speed, simulated seconds are seconds.
test('the default page draws records within 0.5 simulated s and splits 2/2 within 7 s, at 1x speed', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused' }, async ({ page }) => {
    assert.equal(await page.textContent('.speed__value'), '1.0x');
    const split = () =>
      page.evaluate(() => {
        const g = window.grouplab.state().groups[0];
        return !!g && g.members.length === 2 && g.members.every((m) => m.assigned.length === 2);
      });
    let t = 0;
    let first;
    while (t < 20_000 && !(await split())) {
      t = (await advance(page, 50)).time_ms;
      if (first === undefined && (await page.$('svg.stage-svg g.cell'))) first = t;
    }
    assert.ok(first !== undefined && first <= 500, `first record drawn at ${first} ms`);
    assert.ok(await split(), 'split 2/2');
    assert.ok(t <= 7_000, `split 2/2 at ${t} ms`);
  }));

for (const [viewport, lang] of [['laptop', 'en'], ['small', 'hi']]) {
  test(`added partitions: the timeline marks the metadata refresh that shows them, and a click runs there (${viewport}, ${lang})`, () =>
    h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
      await advance(page, 10_000);
      assert.equal(await page.$('.marker--upcoming'), null, 'nothing pending before');
      await run(page, { type: 'add_partitions', topic: 'test-topic', partitions: 6 });
      const mark = await page.waitForSelector('.marker--upcoming');
      const at = Number(await mark.getAttribute('data-upcoming-ms'));
      assert.ok(at >= 300_000 && at <= 310_000, `the refresh at ${at} ms (metadata.max.age.ms = 300 s)`);
      const label = await mark.getAttribute('aria-label');
      assert.ok(label.includes('test-topic') && label.includes('6'), label);
      // The mark stands at its time on the scale that now reaches it: the right end.
      const [m, bar] = [await mark.boundingBox(), await page.locator('.timeline__range').boundingBox()];
      assert.ok(m.x + m.width / 2 > bar.x + bar.width - 20, 'at the right end');
      const gen = (await page.evaluate(() => window.grouplab.state())).groups[0].generation_id;
      await screenshot(`truth-upcoming-${viewport}-${lang}`);
      await mark.click();
      await page.waitForFunction((t) => Number(document.querySelector('#stage').dataset.timeMs) >= t, at);
      assert.equal(await page.$('.marker--upcoming'), null, 'seen: no longer ahead');
      await advance(page, 5_000);
      const s = await page.evaluate(() => window.grouplab.state());
      assert.ok(s.groups[0].generation_id > gen, 'the group rebalanced over six partitions');
      assert.equal(s.groups[0].members.reduce((n, m) => n + m.assigned.length, 0), 6);
    }));
}
