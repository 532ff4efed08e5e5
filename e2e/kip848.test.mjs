// Lesson 11, the consumer group protocol (KIP-848), at the laptop and phone sizes in both languages: the
// narration's numbers and names against window.grouplab.state(), the group box's and each member's epochs
// against the state's, the target owner's ghost line while consumer4 waits for its partition and gone once it
// owns it, and the member's state label (waiting, then stable).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const GROUP = 'order-consumer-group';
const P = (tps) => tps.map((tp) => `P${tp.split('/')[1]}`).join(', ');

async function goto(page, step, lang) {
  await page.evaluate(([step, lang]) => {
    location.hash = `lesson=kip848&step=${step}&lang=${lang}`;
  }, [step, lang]);
  await page.waitForSelector(`[data-lesson="kip848"][data-lesson-step="${step}"]`);
  await page.waitForTimeout(150);
  const state = await page.evaluate(() => window.grouplab.state());
  const g = state.groups.find((x) => x.group_id === GROUP);
  const narration = await page.textContent('[data-narration]');
  return { state, g, narration };
}

/** The group box and every member box show the state's epochs. */
async function epochsMatch(page, g, at) {
  const box = page.locator(`.stage-svg [data-group="${GROUP}"]`);
  assert.equal(await box.getAttribute('data-group-epoch'), String(g.group_epoch), `${at}: group epoch`);
  assert.equal(await box.getAttribute('data-assignment-epoch'), String(g.assignment_epoch), `${at}: assignment epoch`);
  assert.equal(await box.getAttribute('data-protocol'), 'consumer', at);
  for (const m of g.members) {
    const el = page.locator(`.stage-svg .member[data-consumer="${m.consumer}"]`);
    assert.equal(await el.getAttribute('data-member-epoch'), String(m.member_epoch), `${at}: ${m.consumer}'s epoch`);
    assert.equal(await el.getAttribute('data-membership-state'), m.member_state, `${at}: ${m.consumer}'s state`);
    const shown = await el.locator('.member__state').textContent();
    const whole = await el.locator('title').first().textContent();
    assert.ok(whole.includes(`epoch ${m.member_epoch}`), `${at}: ${m.consumer}'s title says its epoch: ${whole}`);
    // A laptop's box shows the member's epoch and state; a phone's half-width box may show the state alone (its
    // title keeps the epoch) so the name stays whole.
    if (at.includes('laptop')) assert.ok(shown.startsWith(`epoch ${m.member_epoch} ·`), `${at}: ${m.consumer} shows ${shown}`);
    else if (!shown.includes('…')) assert.ok(whole.includes(shown), `${at}: ${m.consumer} shows ${shown}, part of ${whole}`);
  }
}

for (const viewport of ['laptop', 'small']) {
  for (const lang of ['en', 'hi']) {
    test(`${viewport} ${lang}: the KIP-848 lesson reads true against the model`, () =>
      h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
        // 1. Three members settle at one epoch, 2/1/1, with no classic traffic.
        let { g, narration } = await goto(page, 0, lang);
        assert.equal(g.protocol, 'consumer');
        assert.equal(g.state, 'Stable');
        assert.deepEqual(g.members.map((m) => m.assigned.length).sort(), [1, 1, 2]);
        assert.ok(narration.includes(`epoch ${g.group_epoch}`) || narration.includes(`Epoch ${g.group_epoch}`), narration);
        for (const m of g.members) assert.ok(narration.includes(`${m.consumer} ${P(m.assigned)}`), `${m.consumer}: ${narration}`);
        await epochsMatch(page, g, `step 1 ${viewport} ${lang}`);
        assert.equal(await page.locator('[data-target-of]').count(), 0, 'settled: no ghost line');

        // 2. consumer4 joins: a new epoch and target; it waits for a partition another member still owns.
        let state;
        ({ state, g, narration } = await goto(page, 1, lang));
        const c4 = g.members.find((m) => m.consumer === 'consumer4');
        assert.equal(c4.member_state, 'UNRELEASED_PARTITIONS');
        const waiting = g.target_assignment[c4.member_id].filter((tp) => !c4.assigned.includes(tp));
        assert.equal(waiting.length, 1);
        const owner = state.consumers.find((c) => c.name !== 'consumer4' && c.assigned.includes(waiting[0]));
        assert.ok(owner, 'the partition is still owned');
        const ownerEpoch = g.members.find((m) => m.consumer === owner.name).member_epoch;
        assert.equal(ownerEpoch, g.group_epoch - 1, 'the owner has not heard of the new epoch');
        for (const s of [`${g.group_epoch}`, P(waiting), owner.name, `epoch ${ownerEpoch}`]) {
          assert.ok(narration.includes(s), `step 2 names ${s}: ${narration}`);
        }
        await epochsMatch(page, g, `step 2 ${viewport} ${lang}`);
        const ghost = page.locator(`[data-target-of="consumer4"]`);
        assert.equal(await ghost.count(), 1, 'a ghost line to the partition consumer4 waits for');
        assert.equal(await ghost.getAttribute('data-target'), waiting[0]);
        assert.equal(await page.locator('.stage-svg .member[data-consumer="consumer4"]').getAttribute('data-state'), 'waiting');
        await screenshot(`kip848-waiting-${viewport}-${lang}`);

        // 3. Reconciled: consumer4 owns it, all STABLE at the new epoch, the ghost is gone.
        ({ state, g, narration } = await goto(page, 2, lang));
        assert.equal(g.state, 'Stable');
        assert.deepEqual(state.consumers.find((c) => c.name === 'consumer4').assigned, waiting);
        for (const m of g.members) assert.equal(m.member_epoch, g.group_epoch);
        for (const s of [owner.name, P(waiting), `epoch ${g.group_epoch}`]) assert.ok(narration.includes(s), `step 3 names ${s}: ${narration}`);
        await epochsMatch(page, g, `step 3 ${viewport} ${lang}`);
        assert.equal(await page.locator('[data-target-of]').count(), 0, 'reconciled: no ghost line');
        assert.equal(await page.locator('.stage-svg .member[data-consumer="consumer4"]').getAttribute('data-state'), 'stable');

        // 5. After the session timeout consumer1 is fenced; its partition goes to the member the narration names.
        ({ state, g, narration } = await goto(page, 4, lang));
        assert.ok(!g.members.some((m) => m.consumer === 'consumer1'));
        const taker = g.members.find((m) => m.assigned.length === 2);
        assert.ok(narration.includes(taker.consumer) && narration.includes(`${g.group_epoch}`), narration);
        await epochsMatch(page, g, `step 5 ${viewport} ${lang}`);
      }));
  }
}

test('the add-consumer form offers group.protocol and, for consumer, group.remote.assignor', () =>
  h.withPage({ viewport: 'laptop', path: '/?paused#lesson=kip848&step=0' }, async ({ page }) => {
    await page.waitForSelector('[data-lesson="kip848"]');
    const { openDrawer } = await import('./harness.mjs');
    await openDrawer(page, 'act');
    assert.equal(await page.locator('[data-field="group.remote.assignor"]').count(), 0);
    await page.selectOption('[data-field="group.protocol"]', 'consumer');
    await page.selectOption('[data-field="group.remote.assignor"]', 'range');
    const before = (await page.evaluate(() => window.grouplab.state())).consumers.length;
    await page.click('[data-action="add-consumer"]');
    const s = await page.evaluate(() => window.grouplab.state());
    assert.equal(s.consumers.length, before + 1);
    const added = s.consumers[s.consumers.length - 1];
    assert.equal(added.group_protocol, 'consumer');
    assert.equal(added.remote_assignor, 'range');
  }));
