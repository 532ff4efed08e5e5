// What the stage and its panels say is true and legible: the generated client code has a poll loop; a
// record's explanation names each partitioner with its client and hash; Hinglish spells each word one way (the
// glossary, src/i18n/glossary.rs); a consumer's processing rate is neutral and only trouble (lag growing) takes
// the warning colour, in both themes; and record offsets of up to 10 digits stay inside their cells, their
// labels apart, at 12 px on a desktop and 11 px on a phone. Screenshots go to e2e/screenshots/legible-*.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, repoRoot, openDrawer, advance, run } from './harness.mjs';
import { tables as readTables, fill } from './tables.mjs';

let h;
let tables;
before(async () => {
  h = await setup();
  tables = await readTables();
});
after(() => h?.teardown());

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

test('the generated code consumes: a poll loop that prints each record and closes in finally', () =>
  h.withPage({ viewport: DESKTOP, path: '/?paused' }, async ({ page, screenshot }) => {
    await advance(page, 5_000);
    await openDrawer(page, 'code');
    const code = async () => (await page.locator('.code-panel pre').textContent()).replace(/\u00a0/g, ' ');
    const py = await code();
    for (const line of [
      'msg = consumer.poll(1.0)',
      'if msg is None:',
      'if msg.error():',
      'partition={msg.partition()} offset={msg.offset()}',
      'finally:\n        consumer.close()',
      'start(consumer1)',
      'start(consumer2)',
    ]) {
      assert.ok(py.includes(line), `Python has ${JSON.stringify(line)}:\n${py}`);
    }
    await page.locator('.code-panel pre').scrollIntoViewIfNeeded();
    await screenshot('legible-code-python');
    await page.click('[data-code-tab="java"]');
    await page.waitForSelector('.code-panel pre[data-code="java"]');
    const java = await code();
    for (const line of [
      'import java.time.Duration;',
      'var records = consumer.poll(Duration.ofMillis(100));',
      'for (var r : records) {',
      'StringDeserializer.class.getName()',
      'Thread consumer1Thread = start(consumer1);',
    ]) {
      assert.ok(java.includes(line), `Java has ${JSON.stringify(line)}:\n${java}`);
    }
    // The course notes' consumers commit automatically: no manual commit in the loop.
    assert.ok(!java.includes('commitSync'), java);
    // A consumer with enable.auto.commit=false: the loop commits after each batch.
    await run(page, {
      type: 'add_consumer', name: 'manual', profile: 'java', topics: ['test-topic'],
      config: { 'group.id': 'order-consumer-group', 'enable.auto.commit': false },
    });
    await page.waitForFunction(() => document.querySelector('.code-panel pre').textContent.includes('start(manual, true)'));
    assert.ok((await code()).includes('consumer.commitSync();'));
    await page.click('[data-code-tab="python"]');
    await page.waitForFunction(() => document.querySelector('.code-panel pre').textContent.includes('consumer.commit(message=msg, asynchronous=False)'));
    assert.ok((await code()).includes('start(manual, commit_manually=True)'));
  }));

for (const lang of ['en', 'hi']) {
  test(`a record's explanation names both partitioners with client and hash (${lang})`, () =>
    h.withPage({ viewport: DESKTOP, path: `/?paused&lang=${lang}` }, async ({ page, screenshot }) => {
      await advance(page, 10_000);
      const cell = page.locator('g.partition[data-partition="test-topic/0"] g.cell').last();
      const offset = await cell.getAttribute('data-offset');
      await cell.click();
      await page.waitForSelector(`[data-inspecting="record test-topic/0@${offset}"] [data-partitioner-compare]`);
      const said = (await page.locator('[data-partitioner-compare]').textContent()).trim();
      const t = (key) => tables[lang].get(key);
      const mine = fill(t('insp.partitioner_by'), { client: 'librdkafka', partitioner: 'consistent_random', hash: 'crc32' });
      const other = fill(t('insp.partitioner_by'), { client: 'Java', partitioner: 'default', hash: 'murmur2' });
      // consistent_random placed the key by crc32 % 4, so it picks the partition the record is in.
      const expected = [0, 1, 2, 3].map((b) => fill(t('insp.other_would'), { n: 4, mine, a: 0, other, b }));
      assert.ok(expected.includes(said), `${said}\nis one of\n${expected.join('\n')}`);
      assert.ok(said.includes(lang === 'en' ? "Java's default partitioner (murmur2)" : 'Java ka default partitioner (murmur2)'), said);
      await page.locator('[data-partitioner-compare]').scrollIntoViewIfNeeded();
      await screenshot(`legible-record-${lang}`);
    }));
}

test('Hinglish on screen spells every word of the glossary one way', async () => {
  const src = await readFile(path.join(repoRoot, 'src/i18n/glossary.rs'), 'utf8');
  const variants = new Map();
  for (const m of src.matchAll(/\("(\w+)", &\[([^\]]*)\]\)/g)) {
    for (const v of m[2].matchAll(/"(\w+)"/g)) variants.set(v[1], m[1]);
  }
  assert.ok(variants.size > 60, `read ${variants.size} variants`);
  await h.withPage({ viewport: DESKTOP, path: '/?paused&lang=hi' }, async ({ page }) => {
    await advance(page, 12_000);
    // What is on screen: the page, with its Share menu open, then with each drawer in turn, then a consumer's
    // popover.
    const read = () =>
      page.evaluate(() => {
        const parts = [document.body.innerText];
        for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
          parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '');
        }
        for (const t of document.querySelectorAll('svg title')) parts.push(t.textContent);
        return parts.join('\n');
      });
    const seen = [];
    await page.click('[data-action="share-menu"]');
    await page.waitForSelector('details.share[open]');
    seen.push(await read());
    await page.click('[data-action="share-menu"]');
    for (const drawer of ['lessons', 'act', 'code', 'log', 'details', 'legend']) {
      await openDrawer(page, drawer);
      seen.push(await read());
    }
    await page.click('[data-action="drawer-close"]');
    await page.click('[data-consumer="consumer1"]');
    await page.waitForSelector('.popover [data-inspecting="consumer consumer1"]');
    seen.push(await read());
    const shown = seen.join('\n');
    const wrong = [...new Set(shown.match(/[A-Za-z]+/g).map((w) => w.toLowerCase()))]
      .filter((w) => variants.has(w))
      .map((w) => `${w} (write ${variants.get(w)})`);
    assert.deepEqual(wrong, []);
    assert.ok(shown.includes(tables.hi.get('share.copy')), 'the Hinglish page was read');
  });
});

for (const [colorScheme, lang] of [['light', 'en'], ['dark', 'hi']]) {
  test(`a consumer's rate is neutral; only a growing lag takes the warning colour (${colorScheme}, ${lang})`, () =>
    h.withPage({ viewport: DESKTOP, colorScheme, path: `/?paused&lang=${lang}` }, async ({ page, screenshot }) => {
      await advance(page, 12_000);
      const rate = page.locator('[data-consumer="consumer1"] .member__rate');
      assert.equal((await rate.textContent()).trim(), '50/s');
      const look = () =>
        page.evaluate(() => {
          const css = getComputedStyle(document.documentElement);
          const probe = document.createElement('span');
          document.body.append(probe);
          const colour = (v) => {
            probe.style.color = css.getPropertyValue(v);
            return getComputedStyle(probe).color;
          };
          const r = document.querySelector('[data-consumer="consumer1"] .member__rate');
          const out = {
            fill: getComputedStyle(r).fill,
            size: parseFloat(getComputedStyle(r).fontSize),
            trouble: r.dataset.trouble ?? null,
            muted: colour('--color-text-muted'),
            danger: colour('--color-danger'),
            warn: colour('--color-warn-text'),
          };
          probe.remove();
          return out;
        });
      const calm = await look();
      assert.equal(calm.trouble, null);
      assert.equal(calm.fill, calm.muted, 'a rate is drawn in the neutral muted colour');
      assert.notEqual(calm.fill, calm.danger);
      assert.ok(calm.size >= 12, `${calm.size}px`);
      await screenshot(`legible-member-calm-${colorScheme}-${lang}`);
      // 1 record/s while about 2/s arrive on its two partitions: its lag grows.
      await run(page, { type: 'set_processing_rate', consumer: 'consumer1', records_per_sec: 1 });
      await advance(page, 20_000);
      await page.waitForSelector('[data-consumer="consumer1"][data-trouble="lag"]');
      const troubled = await look();
      assert.equal(troubled.trouble, 'lag');
      assert.equal(troubled.fill, troubled.warn, 'a growing lag is drawn in the warning colour');
      assert.equal((await rate.textContent()).trim(), fill(tables[lang].get('stage.rate_lag_grows'), { rate: 1 }));
      // What a member owns and its rate share the last line without touching.
      const clashes = await page.$$eval('g.member', (members) =>
        members.flatMap((g) => {
          const owns = g.querySelector('.member__owns').getBoundingClientRect();
          const rate = g.querySelector('.member__rate')?.getBoundingClientRect();
          return rate && owns.right > rate.left - 4 ? [`${g.dataset.consumer}: ${owns.right} > ${rate.left}`] : [];
        }),
      );
      assert.deepEqual(clashes, []);
      await screenshot(`legible-member-lagging-${colorScheme}-${lang}`);
    }));
}

/** Every partition row's labels: overlaps between neighbours, labels out of their cells, and font sizes. */
const measure = (page) =>
  page.evaluate(() => {
    const problems = [];
    const sizes = [];
    const box = (el) => el.getBoundingClientRect();
    const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    let cells = 0;
    for (const row of document.querySelectorAll('g.partition')) {
      const name = row.dataset.partition;
      const labels = [];
      for (const cell of row.querySelectorAll('g.cell')) {
        const r = box(cell.querySelector('rect'));
        const t = cell.querySelector('text');
        const b = box(t);
        cells++;
        sizes.push(parseFloat(getComputedStyle(t).fontSize));
        if (b.left < r.left - 0.5 || b.right > r.right + 0.5) {
          problems.push(`${name}@${cell.dataset.offset}: "${t.textContent}" leaves its cell (${b.left}-${b.right} in ${r.left}-${r.right})`);
        }
        if (!cell.querySelector('title').textContent.includes(`offset ${cell.dataset.offset} `)) {
          problems.push(`${name}@${cell.dataset.offset}: the title lacks the full offset`);
        }
        labels.push([`cell ${cell.dataset.offset} "${t.textContent}"`, b]);
      }
      const leo = row.querySelector('.leo text');
      sizes.push(parseFloat(getComputedStyle(leo).fontSize));
      labels.push([`LEO "${leo.textContent}"`, box(leo)]);
      for (const p of row.querySelectorAll('.position__label')) {
        sizes.push(parseFloat(getComputedStyle(p).fontSize));
        labels.push([`position "${p.textContent}"`, box(p)]);
      }
      for (const l of row.querySelectorAll('.lag text')) labels.push([`lag "${l.textContent}"`, box(l)]);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          if (overlap(labels[i][1], labels[j][1])) problems.push(`${name}: ${labels[i][0]} overlaps ${labels[j][0]}`);
        }
      }
      const bg = box(row.querySelector('.partition__bg'));
      for (const [what, b] of labels) {
        if (b.right > bg.right + 0.5) problems.push(`${name}: ${what} leaves the row`);
      }
    }
    return { problems, sizes, cells };
  });

for (const [name, viewport, minPx] of [
  ['desktop', DESKTOP, 12],
  ['phone', PHONE, 11],
]) {
  test(`offsets of 4 to 10 digits stay in their cells, apart, at ${minPx}px or more (${name})`, () =>
    h.withPage({ viewport, path: '/?paused' }, async ({ page, screenshot }) => {
      // The default scene after a simulated hour: offsets around 3600.
      await advance(page, 3_600_000);
      let m = await measure(page);
      assert.ok(m.cells >= 12, `${m.cells} cells drawn`);
      assert.deepEqual(m.problems, []);
      assert.ok(Math.min(...m.sizes) >= minPx, `text sizes ${[...new Set(m.sizes)]}`);
      const leo = Number(await page.getAttribute('g.partition[data-partition="test-topic/0"]', 'data-log-end-offset'));
      assert.ok(leo >= 1000, `log-end offset ${leo}`);
      await page.locator('g.partition[data-partition="test-topic/0"]').scrollIntoViewIfNeeded();
      await screenshot(`legible-offsets-hour-${name}`);
      // An imported partition at offset 9,999,999,990, with a group reading it.
      await run(page, { type: 'create_topic', topic: 'imported', partitions: 1 });
      await run(page, { type: 'seed_partition', topic: 'imported', partition: 0, log_start_offset: 9_999_999_990, log_end_offset: 9_999_999_990 });
      await run(page, { type: 'produce', producer: 'producer1', topic: 'imported', key: 'order-1', count: 12 });
      await run(page, {
        type: 'add_consumer', name: 'importer', topics: ['imported'],
        config: { 'group.id': 'imported-group', 'auto.offset.reset': 'earliest' }, records_per_sec: 2,
      });
      await advance(page, 6_000);
      await page.waitForSelector('g.partition[data-partition="imported/0"] g.cell[data-offset="10000000001"]');
      m = await measure(page);
      assert.deepEqual(m.problems, []);
      assert.ok(Math.min(...m.sizes) >= minPx, `text sizes ${[...new Set(m.sizes)]}`);
      const shown = await page.locator('g.partition[data-partition="imported/0"] g.cell text').allTextContents();
      assert.ok(shown.includes('…001'), `cells show the last digits: ${shown}`);
      await page.locator('g.partition[data-partition="imported/0"]').scrollIntoViewIfNeeded();
      await screenshot(`legible-offsets-imported-${name}`);
    }));
}
