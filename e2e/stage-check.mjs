// What any stage must satisfy, read from the drawn page (screen pixels): every label at least `minPx` on screen,
// inside its entity's box and clear of the entity's other labels; entity boxes apart; a group's generation never
// cut to a bare "generation…"; the veil's "unassigned" / "paused" label clear of the cells; and what the stage says of ownership as the model says it (`state()`).

/** Problems with the stage's labels and boxes, as sentences (empty when all is well). */
export function labelProblems(page, minPx) {
  return page.evaluate((minPx) => {
    const problems = [];
    const box = (el) => el.getBoundingClientRect();
    const apart = (a, b) => a.left >= b.right - 0.5 || b.left >= a.right - 0.5 || a.top >= b.bottom - 0.5 || b.top >= a.bottom - 0.5;
    const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    const shown = (el) => {
      for (let e = el; e && e.nodeName !== 'svg'; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
      }
      return true;
    };
    const texts = (root) => [...root.querySelectorAll('text')].filter((t) => t.textContent.trim() && shown(t));
    const svg = document.querySelector('svg.stage-svg');
    if (!svg) return ['no stage drawn'];
    // Sizes on screen: the font size times the stage's scale.
    for (const t of texts(svg)) {
      const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
      if (px < minPx - 0.05) problems.push(`"${t.textContent}" is ${px.toFixed(1)} px on screen`);
    }
    const entities = [
      ['g.member', '.member__box', (g) => `member ${g.dataset.consumer}`],
      ['g.broker', '.broker__box', (g) => `broker ${g.dataset.broker}`],
      ['g.producer', '.producer__box', (g) => `producer ${g.dataset.producer}`],
      ['g.group__header', '.group__hit', (g) => `group ${g.parentElement.dataset.group}`],
      ['g.partition', '.partition__bg', (g) => `row ${g.dataset.partition}`],
    ];
    const boxes = [];
    for (const [sel, boxSel, name] of entities) {
      for (const g of svg.querySelectorAll(sel)) {
        const frame = g.querySelector(boxSel);
        if (!frame) continue;
        const b = box(frame);
        boxes.push([name(g), b]);
        // A row's cells carry their own labels (legible.test.mjs checks them); the rest of its labels, and every
        // label of the other entities, are checked here.
        const own = texts(g).map((t) => [t, box(t)]);
        for (const [t, r] of own) {
          if (!inside(r, b)) {
            problems.push(`${name(g)}: "${t.textContent}" leaves its box (${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(b.left)}–${Math.round(b.right)} × ${Math.round(b.top)}–${Math.round(b.bottom)})`);
          }
        }
        for (let i = 0; i < own.length; i++) {
          for (let j = i + 1; j < own.length; j++) {
            const [a, b2] = [own[i], own[j]];
            // Each cell's text is checked against its neighbours' texts by being apart like any other label.
            if (!apart(a[1], b2[1])) problems.push(`${name(g)}: "${a[0].textContent}" runs into "${b2[0].textContent}"`);
          }
        }
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (!apart(boxes[i][1], boxes[j][1])) problems.push(`${boxes[i][0]} and ${boxes[j][0]} overlap`);
      }
    }
    // A group's generation (or KIP-848 epoch), where its header has room to show it, keeps its number.
    for (const gen of svg.querySelectorAll('.group__gen')) {
      const text = gen.textContent.trim();
      if (text && !/\d/.test(text)) problems.push(`group ${gen.closest('g.group').dataset.group}: "${text}" lost its number`);
    }
    // The veil's label never covers a cell.
    for (const row of svg.querySelectorAll('g.partition')) {
      const label = row.querySelector('.paused__label');
      if (!label || !label.textContent.trim()) continue;
      const l = box(label);
      for (const cell of row.querySelectorAll('.cell rect, .cell-unkept rect, .gap rect')) {
        if (!apart(l, box(cell))) problems.push(`row ${row.dataset.partition}: "${label.textContent}" covers a cell`);
      }
    }
    return problems;
  }, minPx);
}

/**
 * Ownership as drawn against `state()`: a member the coordinator assigns partitions is drawn with them (not
 * "owns nothing", not idle); a member drawn idle owns nothing; a consumer the narration calls idle owns nothing.
 */
export function ownershipProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const s = window.grouplab.state();
    const drawn = new Map([...document.querySelectorAll('svg.stage-svg g.member[data-consumer]')].map((g) => [g.dataset.consumer, g]));
    const owned = new Map();
    for (const g of s.groups) {
      for (const m of g.members) {
        owned.set(m.consumer, m.assigned);
        const box = drawn.get(m.consumer);
        if (!box) continue;
        const shown = (box.dataset.assigned || '').split(' ').filter(Boolean).sort();
        if (m.assigned.length > 0 && box.dataset.idle === 'true') problems.push(`${m.consumer} owns ${m.assigned} but is drawn idle`);
        if (shown.join(' ') !== [...m.assigned].sort().join(' ')) {
          problems.push(`${m.consumer}: the coordinator assigns [${m.assigned}], the stage draws [${shown}]`);
        }
      }
    }
    for (const [name, box] of drawn) {
      if (box.dataset.idle === 'true' && (owned.get(name) ?? []).length > 0) problems.push(`${name} is drawn idle but owns ${owned.get(name)}`);
    }
    const said = document.querySelector('[data-narration]')?.textContent ?? '';
    for (const m of said.matchAll(/(\S+) (?:is idle|idle baitha)/g)) {
      const name = m[1].replace(/[^\w.-]/g, '');
      if ((owned.get(name) ?? []).length > 0) problems.push(`the narration calls ${name} idle, but it owns ${owned.get(name)}`);
    }
    return problems;
  });
}
