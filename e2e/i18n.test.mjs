// Every part of the page speaks the reader's language: after the header switch to Hinglish, the actions
// drawer, the caption, the stage, the inspector (its popover and the details drawer), the event log and the
// notice after an action show the Hinglish strings of the i18n tables (read from the Rust sources), and
// switching back restores English in place. What the model
// says (a refused command and its reason, why a group rebalances, import errors) is Hinglish too, and so are
// the context menu's title and the panel a crash shows, also when the wasm never starts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, repoRoot, openDrawer, shareAction, advance } from './harness.mjs';
import { tables as readTables, bootWords, fill } from './tables.mjs';

let h;
let tables;
let panicWords;
before(async () => {
  h = await setup();
  tables = await readTables();
  panicWords = await bootWords('hi');
});
after(() => h?.teardown());

const GROUP = 'order-consumer-group';
const text = async (page, selector) => (await page.locator(selector).first().textContent()).trim();

/** What the panels show in `lang`, asserted string by string against the tables. */
async function assertPanels(page, lang, newConsumer) {
  const t = (key) => tables[lang].get(key);
  // Actions, in their drawer (its tab and title in the reader's language)
  await openDrawer(page, 'act');
  assert.equal(await text(page, '[data-action="drawer-act"]'), t('drawer.act'));
  assert.equal(await text(page, '#drawer .drawer__head h2'), t('drawer.act'));
  assert.equal(await page.getAttribute('[data-action="drawer-close"]', 'aria-label'), t('drawer.close'));
  assert.equal(await text(page, '[data-action="add-consumer"]'), t('act.add_consumer'));
  assert.equal(await text(page, '[data-action="produce"]'), t('act.send_one'));
  assert.equal(await text(page, '[data-action="set-rate"]'), t('act.set_rate'));
  assert.equal(await page.getAttribute('[data-action="set-rate"]', 'title'), t('act.set_rate_title'));
  const legends = await page.locator('.actions legend').allTextContents();
  assert.deepEqual(legends, [t('act.consumers'), t('act.produce'), t('act.topic_brokers')]);
  assert.equal(await text(page, '[data-action="toggle-broker-1"]'), fill(t('act.stop_broker'), { id: 1 }));
  // The caption docked on the stage (free play): its invitation and the way to the lessons
  assert.equal(await text(page, '.caption--free [data-action="lessons"]'), t('lesson.start'));
  assert.equal(await text(page, '.caption--free .caption__hint'), t('caption.free'));
  // The bar under the stage: play (the page is paused) and the event steps, their icon and words on screen and
  // the whole label as their accessible name; the drawer tabs
  for (const [action, key] of [['play-pause', 'ctl.play'], ['step-back', 'ctl.back'], ['step-forward', 'ctl.next']]) {
    assert.equal(await page.getAttribute(`[data-action="${action}"]`, 'aria-label'), t(key));
    assert.equal((await text(page, `[data-action="${action}"]`)).replace(/\s+/g, ' '), t(key));
  }
  for (const id of ['lessons', 'act', 'code', 'log', 'details', 'legend']) {
    assert.equal(await text(page, `[data-action="drawer-${id}"]`), t(`drawer.${id}`));
  }
  // The stage: what a member owns, and its accessible name
  const owns = await text(page, `[data-consumer="${newConsumer}"] .member__owns`);
  assert.match(owns, new RegExp('^' + fill(t('stage.owns'), { list: '\\d(, P\\d)*' }) + '$'));
  // The event log, in its drawer: its filter and a sentence about the new member
  await openDrawer(page, 'log');
  assert.equal(await text(page, '[data-action="drawer-log"]'), t('drawer.log'));
  assert.equal(await text(page, '#event-filter option[value="notable"]'), t('log.notable'));
  const joined = fill(t('ev.joined'), { consumer: newConsumer, group: GROUP });
  const log = await page.locator('.event-log__list').textContent();
  assert.ok(log.includes(joined), `the event log says "${joined}"`);
  // Its search ignores case: the group id in capitals still finds the sentence, and only lines that name it
  await page.fill('.event-log__search', GROUP.toUpperCase());
  await page.waitForFunction((g) => [...document.querySelectorAll('.event-log__list .event span')]
    .every((s) => s.textContent.toLowerCase().includes(g)), GROUP);
  const found = await page.locator('.event-log__list .event span').allTextContents();
  assert.ok(found.includes(joined), `searching ${GROUP.toUpperCase()} finds "${joined}" (${found})`);
  await page.fill('.event-log__search', '');
  // The inspector, on the new consumer: in its popover at the member, then whole in the details drawer
  await page.click(`[data-consumer="${newConsumer}"]`);
  const popover = `.popover[data-popover="consumer ${newConsumer}"]`;
  await page.waitForSelector(`${popover} [data-inspecting="consumer ${newConsumer}"]`);
  const what = fill(t('ent.consumer'), { name: newConsumer });
  assert.equal(await text(page, `${popover} #inspector-title`), fill(t('insp.title_of'), { what }));
  const terms = await page.locator(`${popover} .inspector dl.facts dt`).allTextContents();
  for (const key of ['insp.state', 'insp.owns', 'insp.delivered', 'insp.last_poll']) {
    assert.ok(terms.includes(t(key)), `inspector shows "${t(key)}" (${terms})`);
  }
  assert.equal(await text(page, `${popover} .inspector [data-action="crash"]`), t('insp.crash'));
  assert.equal(await page.getAttribute(`${popover} .inspector [data-action="crash"]`, 'title'), t('insp.crash_title'));
  assert.equal(await text(page, `${popover} [data-action="popover-details"]`), t('popover.details'));
  assert.equal(await page.getAttribute(`${popover} [data-action="popover-close"]`, 'aria-label'), t('popover.close'));
  await page.click(`${popover} [data-action="popover-details"]`);
  await page.waitForSelector(`[data-drawer="details"] [data-inspecting="consumer ${newConsumer}"]`);
  assert.equal(await page.locator('.popover').count(), 0, 'the selection moved to the drawer: no popover');
  assert.equal(await text(page, '[data-drawer="details"] #inspector-title'), fill(t('insp.title_of'), { what }));
  assert.equal(await text(page, '[data-drawer="details"] .inspector .panel__header button'), t('insp.back'));
}

test('the actions, stage, inspector, event log and notices switch to Hinglish and back', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused&lang=en' }, async ({ page, screenshot }) => {
    await advance(page, 10_000);
    await page.click('[data-lang="hi"]');
    await page.waitForSelector('html[lang="hi-Latn"]');
    const hi = (key) => tables.hi.get(key);
    assert.equal(await page.title(), `GroupLab: ${hi('app.tagline')}`);
    // An action after the switch: its notice is Hinglish.
    await openDrawer(page, 'act');
    await page.click('[data-action="add-consumer"]');
    const added = await page.evaluate(() => window.grouplab.state().consumers.at(-1).name);
    const notice = page.locator('[data-notice="ok"] .notice__text');
    assert.equal((await notice.textContent()).trim(), fill(hi('notice.consumer'), { name: added, group: GROUP }));
    assert.equal(await page.getAttribute('[data-notice="ok"] button', 'aria-label'), hi('notice.dismiss'));
    await advance(page, 20_000);
    await assertPanels(page, 'hi', added);
    await screenshot('i18n-panels-desktop-hi', { fullPage: true });
    // An error from Kafka, its reason included, is a Hinglish sentence (field names stay as the API has them).
    await openDrawer(page, 'act');
    await page.fill('.actions input[type="number"]', '5000000');
    await page.click('[data-action="set-rate"]');
    const error = (await page.locator('[data-notice="error"] .notice__text').textContent()).trim();
    const reason = fill(hi('why.outside'), { value: 5000000, min: 0, max: 1000000 });
    assert.equal(error, fill(hi('notice.refused'), { error: fill(hi('err.value'), { field: 'records_per_sec', reason }) }));
    // Why the group rebalanced: the model's reason, said in Hinglish in the event log.
    await openDrawer(page, 'log');
    const joined = fill(hi('rb.joined'), { member: '\\S+' });
    const rebalancing = new RegExp(fill(hi('ev.rebalancing').replaceAll('.', '\\.'), { group: GROUP, reason: joined }));
    assert.match(await page.locator('.event-log__list').textContent(), rebalancing);
    // Back to English in place: the same panels, now in English.
    await openDrawer(page, 'details');
    await page.click('[data-drawer="details"] .inspector .panel__header button');
    await page.click('[data-lang="en"]');
    await page.waitForSelector('html[lang="en"]');
    assert.equal(await page.title(), `GroupLab: ${tables.en.get('app.tagline')}`);
    // The refusal still on screen follows the switch: the same sentence, now in English.
    const en = (key) => tables.en.get(key);
    const enReason = fill(en('why.outside'), { value: 5000000, min: 0, max: 1000000 });
    assert.equal(
      (await page.locator('[data-notice="error"] .notice__text').textContent()).trim(),
      fill(en('notice.refused'), { error: fill(en('err.value'), { field: 'records_per_sec', reason: enReason }) }),
    );
    await assertPanels(page, 'en', added);
  }));

test('the keyboard help and the timeline speak Hinglish', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused&lang=hi' }, async ({ page }) => {
    const hi = (key) => tables.hi.get(key);
    await advance(page, 12_000);
    assert.equal(await page.getAttribute('.timeline__range', 'aria-label'), hi('tl.slider'));
    const marker = await page.getAttribute('.timeline .marker', 'aria-label');
    assert.match(marker, new RegExp(fill(hi('tl.marker_label'), { time: '[\\d.]+ s', group: GROUP, gen: '\\d+' })));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: hi('help.title') });
    await dialog.waitFor();
    const said = await dialog.locator('dd').allTextContents();
    assert.equal(said[0], hi('help.space'));
    assert.equal((await dialog.locator('button').textContent()).trim(), hi('help.close'));
  }));

const hiOnly = (key) => tables.hi.get(key);

test('the context menu names what it is for in Hinglish', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused&lang=hi' }, async ({ page, screenshot }) => {
    await advance(page, 10_000);
    await page.click('[data-consumer="consumer1"]', { button: 'right' });
    const menu = page.locator('[role=menu]');
    await menu.waitFor();
    const title = fill(hiOnly('ent.consumer'), { name: 'consumer1' });
    assert.equal(await text(page, '.context-menu__title'), title);
    assert.equal(await menu.getAttribute('aria-label'), title);
    assert.equal(await menu.getAttribute('data-menu-for'), 'consumer consumer1', 'the data attribute stays stable');
    assert.equal(await text(page, '[data-menu-item="menu.crash"]'), hiOnly('menu.crash'));
    await screenshot('i18n-menu-hi');
  }));

test('import errors are said in Hinglish: a pasted group and a scenario file', () =>
  h.withPage({ viewport: 'desktop', path: '/?paused&lang=hi' }, async ({ page, screenshot }) => {
    await shareAction(page, 'import-group');
    const malformed = await readFile(path.join(repoRoot, 'crates/model/tests/fixtures/consumer-groups/malformed-partition.txt'), 'utf8');
    await page.fill('[data-import-text]', malformed);
    await page.click('[data-action="import-draw"]');
    const error = page.locator('[data-import-error]');
    await error.waitFor();
    const problem = fill(hiOnly('imp.not_number'), { column: 'PARTITION', found: 'x' });
    assert.equal((await error.textContent()).trim(), fill(hiOnly('imp.at_line'), { line: 4, problem }));
    await screenshot('i18n-import-error-hi');
    await page.click('[data-action="import-close"]');
    // A scenario file that is not JSON: the line and column, in Hinglish.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'grouplab-i18n-'));
    try {
      const broken = path.join(dir, 'broken.json');
      await writeFile(broken, '{\n  "version": 1,\n  "seed": 7,\n  "commands": [ oops ]\n}\n');
      await page.setInputFiles('[data-import-file]', broken);
      await page.waitForSelector('[data-notice=error]');
      const json = fill(hiOnly('json.at'), { line: 4, column: 17, detail: 'expected value' });
      const said = fill(hiOnly('file.not_scenario'), { name: 'broken.json', json });
      assert.equal(await text(page, '[data-notice] .notice__text'), `${hiOnly('share.import_refused')} ${said}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }));

test('a panic shows the error panel in Hinglish', () =>
  h.withPage(
    { viewport: 'phone', path: '/?debug-panic&lang=hi', waitForReady: false, expectErrors: true },
    async ({ page, screenshot }) => {
      const panel = page.locator('#grouplab-panic');
      await panel.waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal(await panel.getAttribute('lang'), 'hi-Latn');
      assert.equal(await text(page, '#grouplab-panic h2'), panicWords.get('panic.title'));
      assert.equal(await text(page, '#grouplab-panic [data-t="panic.text"]'), panicWords.get('panic.text'));
      assert.equal(await text(page, '#grouplab-panic [data-panic-copy]'), panicWords.get('panic.copy'));
      assert.equal(await text(page, '#grouplab-panic [data-panic-reopen]'), panicWords.get('panic.reopen'));
      assert.equal(await text(page, '#grouplab-panic [data-panic-restart]'), panicWords.get('panic.restart'));
      assert.match(await text(page, '#grouplab-panic-message'), /^RuntimeError: unreachable/);
      await screenshot('i18n-panic-hi-phone');
    },
  ));

test('the static panel speaks the saved language when the wasm cannot load', async () => {
  // A context of its own: the wasm is refused before the first load, and the saved choice is Hinglish.
  const context = await h.browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  try {
    await context.addInitScript(() => localStorage.setItem('grouplab.lang', 'hi'));
    await context.route('**/*.wasm', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(h.server.url('/'));
    const panel = page.locator('#grouplab-panic');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await panel.getAttribute('lang'), 'hi-Latn');
    assert.equal(await text(page, '#grouplab-panic h2'), panicWords.get('panic.title'));
    assert.equal(await text(page, '#grouplab-panic [data-t="panic.text"]'), panicWords.get('panic.text'));
    const message = await text(page, '#grouplab-panic-message');
    assert.ok(message.startsWith(panicWords.get('panic.no_start').split('{')[0]), message);
    assert.equal(await page.isHidden('#grouplab-panic [data-panic-link]'), true, 'no scenario link without the app');
    await page.screenshot({ path: path.join(repoRoot, 'e2e/screenshots/i18n-static-panic-hi.png') });
  } finally {
    await context.close();
  }
});
