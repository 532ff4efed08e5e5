// "Import a real group" (src/ui/import_group.rs): paste kafka-consumer-groups --describe output, see
// the group drawn with its owners, committed offsets, log-end offsets and lag; a malformed paste shows the line at
// fault and leaves the current scenario alone; pasted text is never turned into HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, repoRoot, tabsUntilFocusLeaves, shareAction } from './harness.mjs';

// The dialog opens from "Import a group" (data-action="import-group") in the header's Share menu.
const SKIP = false;

// The dialog's sample is the model's import::SAMPLE; the other samples are the model's test fixtures.
const fixture = (name) =>
  readFile(
    name === 'course-notes-3.6.txt'
      ? path.join(repoRoot, 'crates/model/src/scenario/import/sample-3.6.txt')
      : path.join(repoRoot, 'crates/model/tests/fixtures/consumer-groups', name),
    'utf8',
  );

let h;
before(async () => {
  if (!SKIP) h = await setup();
});
after(() => h?.teardown());

async function openDialog(page) {
  await shareAction(page, 'import-group');
  await page.waitForSelector('[data-import-dialog] [data-import-text]');
}

async function draw(page, text) {
  await page.fill('[data-import-text]', text);
  await page.click('[data-action="import-draw"]');
}

test('a malformed paste names its line and keeps the current scenario', { skip: SKIP }, () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    const before = await page.evaluate(() => JSON.stringify(window.grouplab.scenario()));
    await openDialog(page);
    await draw(page, await fixture('malformed-partition.txt'));
    const error = page.locator('[data-import-error]');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-line'), '4');
    assert.match(await error.textContent(), /^line 4: PARTITION must be a number, found 'x'/);
    assert.equal(await page.evaluate(() => JSON.stringify(window.grouplab.scenario())), before);
    await screenshot('import-error');
  }));

test('pasted text is shown as text, never as HTML', { skip: SKIP }, () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page }) => {
    await openDialog(page);
    const header = 'GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID';
    await draw(page, `${header}\ng t <img/src=x/onerror=window.__pwned=1> 1 2 1 - - -\n`);
    await page.locator('[data-import-error]').waitFor();
    assert.equal(await page.locator('[data-import-dialog] img').count(), 0);
    assert.match(await page.locator('[data-import-error]').textContent(), /<img\/src=x/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  }));

test('the course-notes group is drawn as described', { skip: SKIP }, () =>
  h.withPage({ viewport: 'desktop', path: '/?paused' }, async ({ page, screenshot }) => {
    await openDialog(page);
    await page.click('[data-action="import-sample"]');
    assert.equal(await page.inputValue('[data-import-text]'), await fixture('course-notes-3.6.txt'));
    await page.click('[data-action="import-draw"]');
    await page.waitForSelector('[data-import-done="order-consumer-group"]');
    await screenshot('import-done');
    await page.click('[data-action="import-close"]');
    await page.waitForSelector('[data-partition="test-topic/2"][data-log-end-offset="1201890"]');
    const row = (tp) =>
      page.evaluate((tp) => {
        const e = document.querySelector(`[data-partition="${tp}"]`);
        return { leo: e.dataset.logEndOffset, committed: e.dataset.committed, owner: e.dataset.assignedTo };
      }, tp);
    const a = 'rdkafka-0b6e7d52-9c1f-4f3e-8a3d-2b5c7e9f1a40';
    const b = 'rdkafka-7f2c9e31-5a8b-4d6c-b1e0-93d4a6f8c2e7';
    assert.deepEqual(await row('test-topic/0'), { leo: '1204391', committed: '1204387', owner: a });
    assert.deepEqual(await row('test-topic/2'), { leo: '1201890', committed: '1201554', owner: b });
    const g = await page.evaluate(() => window.grouplab.state().groups[0]);
    assert.equal(g.group_id, 'order-consumer-group');
    assert.equal(g.lag['test-topic/2'], 336);
    assert.deepEqual(g.members.map((m) => m.client_host), ['/10.0.3.17', '/10.0.3.18']);
    await screenshot('import-drawn');
  }));

test('the dialog is modal: the paste box has focus, Tab stays inside, Escape closes it and focus returns', { skip: SKIP }, () =>
  h.withPage({ viewport: 'phone', path: '/?paused' }, async ({ page, screenshot }) => {
    await openDialog(page);
    assert.equal(await page.evaluate(() => document.activeElement.matches('[data-import-text]')), true);
    assert.equal(await tabsUntilFocusLeaves(page, 'dialog[open] [data-import-dialog]', 12), 0, 'a Tab left the dialog');
    await screenshot('import-modal-phone');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-import-dialog]'));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'import-group');
  }));
