// Starts GroupLab: loads the wasm-bindgen module and the wasm beside this file, then mounts the app on the
// page's #app (index.html) and on every <div data-grouplab="…"> of the page (course pages, via embed.js).
// A file rather than Trunk's inline <script>, so the page runs under `script-src 'self'` (no inline script).
import init, { embed } from './grouplab.js';

const here = new URL('.', import.meta.url);

// The panic panel's words (they must work without the wasm), in the panel's language.
const WORDS = {
  en: {
    'panic.title': 'GroupLab stopped with an error',
    'panic.text': 'Your scenario is safe: copy its link, or open it again. If it happens again, please report the message below.',
    'panic.link': 'Scenario link',
    'panic.copy': 'Copy scenario link',
    'panic.reopen': 'Open my scenario again',
    'panic.restart': 'Start again',
    'panic.copied': 'Copied',
    'panic.no_start': 'GroupLab could not start: {error}',
  },
  hi: {
    'panic.title': 'GroupLab ek error se ruk gya',
    'panic.text': 'Aapka scenario safe hai: uska link copy kro, ya use fir se kholo. Dobara ho to neeche vala message report kr dena.',
    'panic.link': 'Scenario ka link',
    'panic.copy': 'Scenario link copy kro',
    'panic.reopen': 'Mera scenario fir se kholo',
    'panic.restart': 'Shuru se chalao',
    'panic.copied': 'Copy ho gya',
    'panic.no_start': 'GroupLab start nhi ho paya: {error}',
  },
};
const words = (el) => WORDS[(el.closest('[lang]')?.lang ?? '').startsWith('hi') ? 'hi' : 'en'];
const say = (panel) => panel.querySelectorAll('[data-t]').forEach((el) => (el.textContent = words(panel)[el.dataset.t]));
// The page's panel in the app's first language: `lang=` in the address (the fragment's), else the saved one.
let lang = [...location.href.matchAll(/[?#&]lang=(en|hi)\b/g)].pop()?.[1];
try {
  lang ??= localStorage.getItem('grouplab.lang');
} catch {}
const page = document.getElementById('grouplab-panic');
if (page && lang === 'hi') {
  page.lang = 'hi-Latn';
  say(page);
}
// scripts/single-file.mjs replaces this line with the wasm bytes themselves.
const wasmSource = () => new URL('grouplab_bg.wasm', here);
const source = wasmSource();
// Where our wasm's frames say they are: its URL, or (the single file, compiled from bytes) V8's `wasm://wasm/…`.
const ours = source instanceof URL ? source.href : 'wasm://wasm/';

// A panic aborts, which traps the wasm (docs/build.md), so its caller (`init`, an event listener, a
// frame, a promise) gets a WebAssembly.RuntimeError. Only a trap in our module counts (a course page may run
// other wasm): the stack's first wasm frame is where it trapped, and a frame without a URL (not every browser
// names one) is taken as ours. Then every instance goes inert and its panel shows the error and the links the app keeps on its root as the user
// works (data-saved-link, data-restart-link: src/panic_panel.rs).
const PANEL = `<h2 class="panic-panel__title" data-t="panic.title"></h2>
<p data-t="panic.text"></p>
<pre class="panic-panel__message" data-panic-message></pre>
<div class="panic-panel__link" data-panic-link hidden>
<label><span data-t="panic.link"></span> <input readonly data-panic-link-field></label>
<button type="button" class="btn" data-panic-copy data-t="panic.copy"></button>
<a class="btn" data-panic-reopen data-t="panic.reopen"></a>
<a class="btn" data-panic-restart data-t="panic.restart"></a>
</div>`;

function stop(err) {
  if (!(err instanceof WebAssembly.RuntimeError)) return false;
  // The error and the wasm functions of its stack, for a report.
  const frames = String(err.stack ?? '').split('\n').filter((l) => l.includes('wasm-function')).slice(0, 6);
  if (frames.length && frames[0].includes('://') && !frames[0].includes(ours)) return false;
  const message = [String(err), ...frames.map((l) => l.slice(l.lastIndexOf('/') + 1).replace(')', ''))].join('\n');
  const embeds = [...document.querySelectorAll('[data-grouplab-mounted]')].map((el) => el.shadowRoot?.querySelector('.grouplab'));
  const roots = [document.getElementById('app'), ...embeds].filter(Boolean);
  for (const root of roots) show(root.id === 'app' ? page : embedPanel(root), root, message);
  if (!roots.length && page) show(page, null, message);
  return true;
}

// An embed's panel, after its root in the shadow root (made once).
function embedPanel(root) {
  if (root.nextElementSibling?.matches('.panic-panel')) return root.nextElementSibling;
  const panel = document.createElement('section');
  panel.className = 'panic-panel';
  panel.setAttribute('role', 'alert');
  panel.hidden = true;
  panel.innerHTML = PANEL;
  say(panel);
  root.after(panel);
  return panel;
}

// Reveals `panel` (once) for `root`, in the instance's language and with its links once the app registered them.
function show(panel, root, message) {
  if (!panel?.hidden) return;
  const find = (selector) => panel.querySelector(selector);
  find('[data-panic-message]').textContent = message;
  const link = root?.dataset.savedLink;
  if (link !== undefined) {
    const lang = root.closest('[lang]')?.lang;
    if (lang) panel.lang = lang;
    say(panel);
    find('[data-panic-link-field]').value = link;
    find('[data-panic-reopen]').href = link;
    find('[data-panic-restart]').href = root.dataset.restartLink ?? '';
    find('[data-panic-link]').hidden = false;
  }
  root?.setAttribute('aria-hidden', 'true');
  root?.setAttribute('inert', '');
  panel.hidden = false;
}
addEventListener('error', (event) => stop(event.error));
addEventListener('unhandledrejection', (event) => stop(event.reason));

// The panic panel's buttons work without the (then stopped) wasm.
document.addEventListener('click', (event) => {
  const target = event.composedPath().find((el) => el instanceof Element && el.matches('[data-panic-copy], [data-panic-reopen], [data-panic-restart]'));
  if (!target) return;
  if (target.matches('[data-panic-copy]')) {
    const field = target.closest('.panic-panel')?.querySelector('input');
    const done = () => (target.textContent = words(target)['panic.copied']);
    navigator.clipboard?.writeText(field?.value ?? '').then(done, () => field?.select());
    return;
  }
  // A link that differs only in its #fragment would not reload the stopped app: load it afresh.
  const url = new URL(target.href, location.href);
  if (!target.getRootNode().host && url.pathname + url.search === location.pathname + location.search) {
    event.preventDefault();
    location.href = url.href;
    location.reload();
  }
});

try {
  const wasm = await init({ module_or_path: source });
  // The event Trunk's own loader fires (scripts/browser-bench.mjs reads the wasm memory from it).
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  if (document.querySelector('[data-grouplab]')) embed(here.href);
  if (document.getElementById('app') && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
    // Offline after the first visit (web/sw.js); failure to register only loses that.
    navigator.serviceWorker.register(new URL('sw.js', here)).catch(() => {});
  }
} catch (err) {
  if (stop(err)) throw err;
  // The wasm did not load (or the browser lacks WebAssembly): say so instead of leaving a blank page.
  const message = document.getElementById('grouplab-panic-message');
  if (page && message) message.textContent = words(page)['panic.no_start'].replace('{error}', () => err?.message ?? err);
  page?.removeAttribute('hidden');
  throw err;
}
