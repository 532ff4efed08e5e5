// The lesson "Classic vs consumer protocol, side by side" (id `protocols`): three groups on one topic, eager
// (range), cooperative-sticky and the consumer protocol (KIP-848). At both sizes and in both languages, the
// caption's facts (`[data-fact][data-value][data-revoked]`) say what each step cost each group, and those numbers
// agree with window.grouplab.state() and with what the stage draws for each member.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const GROUPS = { eager: 'eager-group', coop: 'coop-group', consumer: 'kip848-group' };
const group = (s, id) => s.groups.find((g) => g.group_id === id);
const partitions = (s) => s.topics.find((t) => t.name === 'test-topic').partitions.length;

/** The step's facts: per group, partition-ms without a reader and partitions revoked. */
async function facts(page) {
  const out = {};
  for (const key of Object.keys(GROUPS)) {
    const dd = page.locator(`[data-fact="cost-${key}"]`);
    out[key] = {
      unreadMs: Number(await dd.getAttribute('data-value')),
      revoked: Number(await dd.getAttribute('data-revoked')),
      text: (await dd.textContent()).trim(),
    };
  }
  return out;
}

/** Every member the stage draws shows the partitions state() says it owns. */
async function stageMatchesState(page, s) {
  for (const id of Object.values(GROUPS)) {
    for (const m of group(s, id).members) {
      const el = page.locator(`.stage-svg [data-member="${m.member_id}"]`);
      assert.equal(await el.count(), 1, `${m.consumer} is drawn`);
      const drawn = (await el.getAttribute('data-assigned')).split(' ').filter(Boolean).sort();
      assert.deepEqual(drawn, [...m.assigned].sort(), `${m.consumer} draws what it owns`);
    }
  }
}

async function open(page, k, lang) {
  await page.evaluate(([k, lang]) => {
    location.hash = `lesson=protocols&step=${k}&lang=${lang}`;
  }, [k, lang]);
  await page.waitForSelector(`[data-lesson="protocols"][data-lesson-step="${k}"][data-lesson-state="paused"]`);
  await page.waitForTimeout(150);
  return page.evaluate(() => window.grouplab.state());
}

for (const viewport of ['laptop', 'small']) {
  for (const lang of ['en', 'hi']) {
    test(`${viewport} ${lang}: the side by side shows what the join and the crash cost each protocol`, () =>
      h.withPage({ viewport, path: `/?paused#lang=${lang}` }, async ({ page, screenshot }) => {
        // Step 1: two members per group; each splits the 6 partitions 3 and 3, no cost shown yet.
        let s = await open(page, 0, lang);
        for (const id of Object.values(GROUPS)) {
          assert.deepEqual(group(s, id).members.map((m) => m.assigned.length).sort(), [3, 3], id);
        }
        assert.equal(group(s, GROUPS.consumer).protocol, 'consumer');
        assert.equal(await page.locator('[data-fact^="cost-"]').count(), 0);
        await stageMatchesState(page, s);

        // Step 2: a third member joins each group.
        s = await open(page, 1, lang);
        await screenshot(`protocols-join-${viewport}-${lang}`);
        let f = await facts(page);
        const n = partitions(s);
        const owns = (name) => s.consumers.find((c) => c.name === name).assigned.length;
        // Eager revoked every partition; cooperative and the consumer protocol only what the newcomer now owns.
        assert.equal(f.eager.revoked, n, JSON.stringify(f));
        assert.equal(f.coop.revoked, owns('coop3'), JSON.stringify(f));
        assert.equal(f.consumer.revoked, owns('kip3'), JSON.stringify(f));
        assert.ok(f.consumer.revoked < f.eager.revoked);
        // The newcomer joined while each group's second member was busy with a 10 s batch: eager's members all
        // waited for it with nothing read, cooperative's moved partitions waited for its second rebalance, and the
        // consumer protocol, with no barrier, handed them over soonest.
        assert.ok(f.consumer.unreadMs < f.coop.unreadMs, JSON.stringify(f));
        assert.ok(f.coop.unreadMs < f.eager.unreadMs, JSON.stringify(f));
        for (const id of Object.values(GROUPS)) {
          assert.deepEqual(group(s, id).members.map((m) => m.assigned.length).sort(), [2, 2, 2], id);
        }
        const c = group(s, GROUPS.consumer);
        for (const m of c.members) assert.equal(m.member_epoch, c.group_epoch, `${m.consumer} reconciled`);
        await stageMatchesState(page, s);
        // The facts' text carries the same numbers as their attributes.
        for (const v of Object.values(f)) assert.ok(v.text.startsWith(String(v.revoked)), v.text);

        // Step 3: one member of each group crashes; after the session timeout the survivors share everything.
        const before = s;
        s = await open(page, 2, lang);
        await screenshot(`protocols-crash-${viewport}-${lang}`);
        f = await facts(page);
        for (const name of ['eager1', 'coop1', 'kip1']) {
          assert.match(JSON.stringify(s.consumers.find((c) => c.name === name).status), /crashed/i, name);
        }
        for (const id of Object.values(GROUPS)) {
          assert.deepEqual(group(s, id).members.map((m) => m.assigned.length).sort(), [3, 3], id);
        }
        // Eager's survivors revoked what they owned (everything but the crashed member's share); the others nothing.
        const crashed = before.consumers.find((c) => c.name === 'eager1').assigned.length;
        assert.equal(f.eager.revoked, n - crashed, JSON.stringify(f));
        assert.equal(f.coop.revoked, 0);
        assert.equal(f.consumer.revoked, 0);
        // Every protocol waits for its session timeout (45 s from the last heartbeat, at most one heartbeat interval
        // before the crash) with the crashed member's 2 partitions unread.
        for (const v of Object.values(f)) {
          assert.ok(v.unreadMs >= 2 * (45_000 - 5_000) && v.unreadMs <= 2 * 51_000, JSON.stringify(f));
        }
        await stageMatchesState(page, s);
      }));
  }
}
