// A seeded monkey: hundreds of random clicks, choices, odd form values, key presses and jumps in time, as a
// curious learner might make them, at phone and desktop sizes. Whatever it does, the app must never panic or
// log an error (the harness fails the test on any), and must end with its stage drawn and its API answering.
// MONKEY_SEED=<n> replays a run (MONKEY_STEPS=<n> makes it longer); a failure names its seed and its last actions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(() => h?.teardown());

const STEPS = Number(process.env.MONKEY_STEPS ?? 150);
const SEED = Number(process.env.MONKEY_SEED ?? 20261206);

/** mulberry32: a small seeded generator, so a run can be replayed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Things the monkey leaves alone: the browser's own dialogs (file pickers, downloads) and leaving the page.
const TARGETS =
  'button:not([disabled]):not([data-action="export"]):not([data-action="import"]), ' +
  'select:not([disabled]), input[type="number"], input[type="text"], input[type="search"], ' +
  'input[type="checkbox"], textarea, [role="button"][tabindex], a[href^="#"]';
const ODD_NUMBERS = ['', '0', '-1', '1', '3', '17', '99999999999', '1e9', '1.5'];
const ODD_TEXTS = [...ODD_NUMBERS, 'abc', ' ', 'test-topic', 'ü🙂', '"quoted"', 'x'.repeat(300)];
const KEYS = [' ', 'ArrowRight', 'ArrowLeft', '+', '-', '?', 'Escape', 'Tab', 'Enter'];

async function monkey(page, seed) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const done = [];
  for (let step = 0; step < STEPS; step++) {
    const roll = random();
    try {
      if (roll < 0.1) {
        const ms = Math.floor(random() * 20_000);
        done.push(`advance ${ms}`);
        await page.evaluate((ms) => window.grouplab.advance(ms), ms);
      } else if (roll < 0.18) {
        const key = pick(KEYS);
        done.push(`key ${JSON.stringify(key)}`);
        await page.keyboard.press(key);
      } else {
        // What a user could act on now: inside an open dialog only, else anything shown. The one picked is
        // marked, so the action reaches it even if the page redraws around it.
        const picked = await page.evaluate(
          ({ selector, r }) => {
            for (const old of document.querySelectorAll('[data-monkey]')) old.removeAttribute('data-monkey');
            const dialog = document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]');
            const shown = [...document.querySelectorAll(selector)].filter(
              (el) => (!dialog || dialog.contains(el)) && el.getClientRects().length && el.checkVisibility(),
            );
            if (!shown.length) return null;
            const el = shown[Math.floor(r * shown.length)];
            el.setAttribute('data-monkey', '');
            const kind =
              el.tagName === 'SELECT' ? 'select' : el.matches('input[type=number]') ? 'number' : el.matches('input:not([type=checkbox]), textarea') ? 'fill' : 'click';
            const name = el.dataset.action ?? el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30);
            const options = kind === 'select' ? [...el.options].map((o) => o.value) : [];
            return { kind, options, what: `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ''} ${name}` };
          },
          { selector: TARGETS, r: random() },
        );
        if (!picked) continue;
        const { kind, options, what } = picked;
        const target = page.locator('[data-monkey]');
        if (kind === 'select') {
          const value = pick(options);
          done.push(`select ${what} = ${value}`);
          await target.selectOption(value, { timeout: 1_000 });
        } else if (kind === 'fill' || kind === 'number') {
          const value = pick(kind === 'number' ? ODD_NUMBERS : ODD_TEXTS);
          done.push(`fill ${what} = ${JSON.stringify(value)}`);
          await target.fill(value, { timeout: 1_000 });
        } else {
          done.push(`click ${what}`);
          await target.click({ timeout: 1_000 });
        }
      }
    } catch (err) {
      // An element that moved or went away between finding and acting is not the app's fault: go on.
      if (!/Timeout|detached|not attached|not visible|outside of the viewport|intercepts pointer events/.test(String(err))) {
        throw new Error(`monkey seed ${seed}, step ${step} (${done.at(-1)}): ${err}\nlast actions:\n${done.slice(-12).join('\n')}`);
      }
    }
  }
  return done;
}

for (const [viewport, offset] of [
  ['desktop', 0],
  ['phone', 1],
]) {
  test(`a seeded monkey (${STEPS} random actions, ${viewport}) never breaks the app`, () =>
    h.withPage({ viewport, path: '/?paused' }, async ({ page, errors, screenshot }) => {
      const seed = SEED + offset;
      const done = await monkey(page, seed);
      await screenshot(`monkey-${viewport}`);
      assert.deepEqual(errors, [], `monkey seed ${seed}: errors after\n${done.slice(-12).join('\n')}`);
      assert.equal(await page.locator('#grouplab-panic').isHidden(), true, `monkey seed ${seed}: the panic panel`);
      // Still working: the stage is drawn and the API answers with a state and runs a command.
      await page.keyboard.press('Escape');
      const state = await page.evaluate(() => window.grouplab.state());
      assert.ok(Array.isArray(state.topics), `monkey seed ${seed}: state() answers`);
      assert.ok((await page.locator('svg [data-broker]').count()) > 0, `monkey seed ${seed}: brokers drawn`);
      const before = state.consumers.length;
      const r = await page.evaluate(() =>
        window.grouplab.run({ type: 'add_consumer', config: { 'group.id': 'after-the-monkey' }, topics: ['after-the-monkey'] }),
      );
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(await page.evaluate(() => window.grouplab.state().consumers.length), before + 1);
    }));
}
