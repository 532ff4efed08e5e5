// What a partition row tells a learner, at 1280×800 and 360×740, in English and Hinglish: each committed
// offset and position is drawn at its own offset (on the left edge of its cell, or inside the gap that stands
// for the records between the cells either side, in proportion) however far behind the log-end offset it is,
// even behind the records the app keeps; the gap says how many records it stands for; on a row read by three
// groups each bookmark, position and lag carries its group's letter (as on the group's box), the lags in the
// group boxes' order; and no label runs into another or out of its row. Screenshots: e2e/screenshots/rows-*.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, advance, run, VIEWPORTS } from './harness.mjs';
import { tables as readTables, fill } from './tables.mjs';

let h;
let tables;
before(async () => {
  h = await setup();
  tables = await readTables();
});
after(() => h?.teardown());


/** What the row of `tp` draws, in screen pixels: cells, gaps, marks, labels. */
function readRow(page, tp) {
  return page.evaluate((tp) => {
    const row = document.querySelector(`[data-partition="${tp}"]`);
    const box = (el) => {
      const b = el.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, cx: (b.left + b.right) / 2 };
    };
    const all = (sel) => [...row.querySelectorAll(sel)];
    return {
      tp,
      leo: Number(row.dataset.logEndOffset),
      bg: box(row.querySelector('.partition__bg')),
      leoLine: box(row.querySelector('.leo line')),
      cells: all('.cell[data-offset]').map((c) => ({ offset: Number(c.dataset.offset), ...box(c.querySelector('rect')) })),
      unkept: all('[data-unkept-offset]').map((c) => ({
        offset: Number(c.dataset.unkeptOffset),
        text: c.querySelector('text').textContent,
        ...box(c.querySelector('rect')),
      })),
      gaps: all('.gap').map((g) => ({
        from: Number(g.dataset.gapFrom),
        to: Number(g.dataset.gapTo),
        text: g.querySelector('text').textContent,
        title: g.querySelector('title').textContent,
        ...box(g.querySelector('rect')),
      })),
      bookmarks: all('[data-committed-group]').map((b) => ({
        group: b.dataset.committedGroup,
        offset: Number(b.dataset.committed),
        ...box(b),
      })),
      positions: all('[data-position-of]').map((p) => ({
        consumer: p.dataset.positionOf,
        offset: Number(p.dataset.position),
        ...box(p),
      })),
      lags: all('[data-lag-group]').map((l) => ({ group: l.dataset.lagGroup, text: l.querySelector('text').textContent, ...box(l.querySelector('text')) })),
      bookmarkTags: all('.bookmark__tag').map((t) => ({ text: t.textContent, ...box(t) })),
      positionLabels: all('.position__label').map((t) => ({ text: t.textContent, ...box(t) })),
      // Every label but the offsets inside the cells.
      labels: [
        ...all('text').filter((t) => !t.closest('.cell, [data-unkept-offset], .gap')).map((t) => ({ what: t.textContent, lag: !!t.closest('.lag'), ...box(t) })),
        ...all('.gap text').map((t) => ({ what: t.textContent, ...box(t) })),
      ],
      lagBars: all('.lag__track').map((t) => ({ what: 'lag bar', ...box(t) })),
    };
  }, tp);
}

/** The rows of `topic`, read. */
async function readRows(page, topic) {
  const tps = await page.$$eval(`[data-partition^="${topic}/"]`, (rows) => rows.map((r) => r.dataset.partition));
  const rows = [];
  for (const tp of tps) rows.push(await readRow(page, tp));
  return rows;
}

const TOL = 2;

/** Where offset `o` is drawn in `row`: the left edge of its cell, a point inside a gap in proportion, or the LEO line. */
function placeOf(row, o) {
  const cell = row.cells.find((c) => c.offset === o) ?? row.unkept.find((c) => c.offset === o);
  if (cell) return { x: cell.left, where: `cell ${o}` };
  const gap = row.gaps.find((g) => o >= g.from && o < g.to);
  if (gap) {
    // The gap's rect ends 2 px (one cell spacing) short of the next cell.
    const next = row.cells.find((c) => c.offset === gap.to);
    const end = next ? next.left : gap.right;
    return { x: gap.left + ((o - gap.from) / (gap.to - gap.from)) * (end - gap.left), where: `gap ${gap.from}…${gap.to}` };
  }
  if (o === row.leo) return { x: row.leoLine.cx - 1, where: 'LEO' };
  return null;
}

/** Every committed offset and position of `row` at its own place. */
function assertMarksInPlace(row, label) {
  for (const m of [...row.bookmarks.map((b) => ({ ...b, kind: `${b.group}'s bookmark` })), ...row.positions.map((p) => ({ ...p, kind: `${p.consumer}'s position` }))]) {
    const place = placeOf(row, m.offset);
    assert.ok(place, `${label} ${row.tp}: ${m.kind} at ${m.offset} is drawn at no cell, gap or LEO (cells ${row.cells.map((c) => c.offset)}, gaps ${JSON.stringify(row.gaps.map((g) => [g.from, g.to]))})`);
    // Bookmarks at one offset share a flag in stripes: the flag's middle is the place.
    const same = m.kind.endsWith('bookmark') ? row.bookmarks.filter((b) => b.offset === m.offset) : [m];
    const cx = (Math.min(...same.map((b) => b.left)) + Math.max(...same.map((b) => b.right))) / 2;
    assert.ok(Math.abs(cx - place.x) <= TOL, `${label} ${row.tp}: ${m.kind} at ${m.offset} is at x ${cx.toFixed(1)}, its place (${place.where}) is ${place.x.toFixed(1)}`);
  }
}

/** No label meets another or leaves its row, nor a lag bar but the lags' own (each text's box is a whole em,
 * reaching past its glyphs, and the lag column spaces its lines by their glyphs). */
function assertLabelsApart(row, label) {
  const inside = (a) => a.left >= row.bg.left - 0.5 && a.right <= row.bg.right + 0.5 && a.top >= row.bg.top - 0.5 && a.bottom <= row.bg.bottom + 0.5;
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  for (const [i, a] of row.labels.entries()) {
    assert.ok(inside(a), `${label} ${row.tp}: "${a.what}" ${JSON.stringify(a)} leaves the row ${JSON.stringify(row.bg)}`);
    for (const b of row.labels.slice(i + 1)) {
      assert.ok(!meet(a, b), `${label} ${row.tp}: "${a.what}" meets "${b.what}"`);
    }
    if (a.lag) continue;
    for (const b of row.lagBars) assert.ok(!meet(a, b), `${label} ${row.tp}: "${a.what}" meets a lag bar`);
  }
}

/** Each gap says how many records it stands for, the cells either side and `state()` agreeing. */
function assertGapsCount(row, state, t, label) {
  const [topic, p] = row.tp.split('/');
  const part = state.topics.find((x) => x.name === topic).partitions[Number(p)];
  assert.equal(row.leo, part.log_end_offset, `${label} ${row.tp}: LEO`);
  assert.equal(Math.max(...row.cells.map((c) => c.offset)), part.log_end_offset - 1, `${label} ${row.tp}: the newest cell`);
  for (const g of row.gaps) {
    const n = g.to - g.from;
    assert.ok(n > 0);
    const before = [...row.cells, ...row.unkept].filter((c) => c.right <= g.left + TOL).map((c) => c.offset);
    const after = row.cells.filter((c) => c.left >= g.right - TOL).map((c) => c.offset);
    assert.equal(Math.max(...before), g.from - 1, `${label} ${row.tp}: the cell left of the gap`);
    assert.equal(Math.min(...after), g.to, `${label} ${row.tp}: the cell right of the gap`);
    const texts = [fill(t.get('stage.gap'), { n }), fill(t.get('stage.gap_short'), { n })];
    assert.ok(texts.includes(g.text), `${label} ${row.tp}: the gap says ${JSON.stringify(g.text)}, not one of ${JSON.stringify(texts)}`);
    assert.equal(g.title, fill(t.get('stage.gap_title'), { n, from: g.from, to: g.to - 1 }));
  }
}

/** test-topic's rows as drawn now, each with its marks in place, its gaps counted and its labels apart. */
async function checkedRows(page, lang, label) {
  const state = await page.evaluate(() => window.grouplab.state());
  const rows = await readRows(page, 'test-topic');
  for (const row of rows) {
    assertMarksInPlace(row, label);
    assertGapsCount(row, state, tables[lang], label);
    assertLabelsApart(row, label);
  }
  return { state, rows };
}

for (const [vp, viewport] of ['laptop', 'small'].map((v) => [v, VIEWPORTS[v]])) {
  for (const lang of ['en', 'hi']) {
    const label = `${vp} ${lang}`;

    test(`the offsets lesson shows the position falling behind, marks at their own offsets (${label})`, () =>
      h.withPage({ viewport, path: `/?paused&lesson=offsets&step=1&lang=${lang}` }, async ({ page, screenshot }) => {
        await page.waitForSelector('[data-lesson="offsets"][data-lesson-step="1"][data-lesson-state="paused"]');
        await advance(page, 60_000);
        const { state, rows } = await checkedRows(page, lang, label);
        const gaps = rows.reduce((n, row) => n + row.gaps.length, 0);
        // The consumer is further behind than a row has cells for: the rows need their gaps.
        const g = state.groups.find((g) => g.group_id === 'order-consumer-group');
        const cellsShown = Math.max(...rows.map((r) => r.cells.length));
        assert.ok(Object.values(g.lag).some((l) => l > cellsShown), `lags ${JSON.stringify(g.lag)} vs ${cellsShown} cells`);
        assert.ok(gaps > 0, `${label}: no gap drawn`);
        await page.locator('[data-partition="test-topic/0"]').scrollIntoViewIfNeeded();
        await screenshot(`rows-offsets-${vp}-${lang}`);
      }));

    test(`a committed offset behind the records kept is drawn at its own offset (${label})`, () =>
      h.withPage({ viewport, path: `/?paused&lang=${lang}` }, async ({ page, screenshot }) => {
        await advance(page, 10_000);
        for (const consumer of ['consumer1', 'consumer2']) {
          await run(page, { type: 'set_processing_rate', consumer, records_per_sec: 1 });
        }
        await advance(page, 150_000);
        const { state, rows } = await checkedRows(page, lang, label);
        let behindKept = 0;
        for (const row of rows) {
          const part = state.topics[0].partitions[Number(row.tp.split('/')[1])];
          const oldestKept = part.records[0].offset;
          for (const b of row.bookmarks.filter((b) => b.offset < oldestKept)) {
            behindKept += 1;
            const cell = row.unkept.find((c) => c.offset === b.offset);
            assert.ok(cell, `${label} ${row.tp}: the bookmark at ${b.offset} (records kept from ${oldestKept}) has its offset's outline`);
            assert.equal(cell.text, String(b.offset));
          }
        }
        const lags = state.groups[0].lag;
        assert.ok(Object.values(lags).some((l) => l > 40), `lags ${JSON.stringify(lags)}`);
        assert.ok(behindKept > 0, `${label}: no committed offset behind the records kept (lags ${JSON.stringify(lags)})`);
        await page.locator('[data-partition="test-topic/0"]').scrollIntoViewIfNeeded();
        await screenshot(`rows-behind-${vp}-${lang}`);
      }));

    test(`three groups on one topic: each bookmark, position and lag carries its group's letter, in the boxes' order (${label})`, () =>
      h.withPage({ viewport, path: `/?paused&lang=${lang}` }, async ({ page, screenshot }) => {
        await advance(page, 5_000);
        for (const [name, group, reset] of [['reader-earliest', 'audit-earliest', 'earliest'], ['reader-latest', 'audit-latest', 'latest']]) {
          await run(page, {
            type: 'add_consumer', name, profile: 'java', topics: ['test-topic'],
            config: { 'group.id': group, 'auto.offset.reset': reset },
          });
        }
        await advance(page, 15_000);
        // One group falls behind the others: its marks apart from theirs, across a gap on the phone.
        await run(page, { type: 'set_processing_rate', consumer: 'reader-earliest', records_per_sec: 1 });
        await advance(page, 20_000);
        const boxes = await page.$$eval('[data-group]', (gs) => gs.map((g) => ({ group: g.dataset.group, tag: g.querySelector('.group__tag')?.textContent ?? '' })));
        assert.equal(boxes.length, 3, JSON.stringify(boxes));
        const letter = Object.fromEntries(boxes.map((b) => [b.group, b.tag]));
        assert.equal(new Set(boxes.map((b) => b.tag).filter((x) => /^[A-Z]$/.test(x))).size, 3, `each box has its own letter: ${JSON.stringify(boxes)}`);
        const state = await page.evaluate(() => window.grouplab.state());
        const groupOf = Object.fromEntries(state.consumers.map((c) => [c.name, c.group_id]));
        const rows = await readRows(page, 'test-topic');
        for (const row of rows) {
          // The lags: one per group, in the boxes' order top to bottom, each starting with its group's letter.
          assert.deepEqual(row.lags.map((l) => l.group), boxes.map((b) => b.group), `${label} ${row.tp}: lags' order`);
          assert.ok(row.lags.every((l, i) => i === 0 || l.top > row.lags[i - 1].top), `${label} ${row.tp}: lags top to bottom`);
          for (const l of row.lags) {
            assert.ok(l.text.startsWith(`${letter[l.group]} `), `${label} ${row.tp}: lag "${l.text}" of ${l.group} starts with ${letter[l.group]}`);
          }
          // Each bookmark's letter right beside its flag.
          for (const b of row.bookmarks) {
            const tag = row.bookmarkTags.find((t) => t.left >= b.cx && t.left <= b.cx + 12);
            assert.ok(tag?.text.includes(letter[b.group]), `${label} ${row.tp}: ${b.group}'s bookmark at ${b.offset} has ${letter[b.group]} beside it (${JSON.stringify(row.bookmarkTags)})`);
          }
          // Each position's letter right beside its triangle (right of it, or left when it meets the lags).
          for (const p of row.positions) {
            const want = letter[groupOf[p.consumer]];
            const near = row.positionLabels.filter((t) => (t.left >= p.cx && t.left <= p.cx + 10) || (t.right <= p.cx && t.right >= p.cx - 10));
            assert.ok(near.some((t) => t.text.split(',').includes(want)), `${label} ${row.tp}: ${p.consumer}'s position has ${want} beside it (${JSON.stringify(row.positionLabels)})`);
          }
          assertMarksInPlace(row, label);
          assertLabelsApart(row, label);
        }
        await page.locator('[data-partition="test-topic/0"]').scrollIntoViewIfNeeded();
        await screenshot(`rows-groups-${vp}-${lang}`);
      }));
  }
}
