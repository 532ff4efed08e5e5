// GroupLab for course pages: one script, any number of instances.
//   <script type="module" src="https://your.site/grouplab/embed.js"></script>
//   <div data-grouplab="lesson=keys&lang=hi"></div>
// Each element gets an independent simulator in its own shadow root (page styles and ids never mix), and its
// JavaScript API as `element.grouplab` (all of them in `window.grouplab.instances`).
//
// Until the simulator has loaded, each element holds its final size and a quiet placeholder, so the course page
// around it never moves: the app mounts into the same shadow root (src/main.rs).
const base = new URL('.', import.meta.url);
const WORDS = { en: 'Starting the simulator…', hi: 'Simulator start ho rha hai…' };
const reserved = [];
for (const el of document.querySelectorAll('[data-grouplab]:not([data-grouplab-mounted])')) {
  if (el.shadowRoot) continue;
  const shadow = el.attachShadow({ mode: 'open' });
  const lang = /(^|&)lang=hi\b/.test(el.dataset.grouplab) || el.closest('[lang]')?.lang.startsWith('hi') ? 'hi' : 'en';
  shadow.innerHTML = `<link rel="stylesheet" href="${new URL('app.css', base)}">
<div class="grouplab grouplab--embed" data-grouplab-placeholder><section class="app app--compact embed-placeholder" aria-busy="true">
<div class="stage-area"><div class="stage-wrap"></div><p class="first-frame__starting" role="status"></p></div>
</section></div>`;
  shadow.querySelector('[role=status]').textContent = WORDS[lang];
  // The height styles/app.css gives a compact embed (`.grouplab--embed .app--compact`: 600 px, 660 px in a column
  // under 600 px, never over the screen's height less 24 px, never under 360 px) and its 1 px borders: held by
  // the element itself until the stylesheet has arrived in the shadow root.
  const most = el.clientWidth < 600 ? 660 : 600;
  el.style.minHeight = `${Math.min(most, Math.max(360, document.documentElement.clientHeight - 24)) + 2}px`;
  reserved.push(el);
}
import('./boot.js').finally(() => reserved.forEach((el) => (el.style.minHeight = '')));
