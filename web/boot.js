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
    'panic.title': 'GroupLab ek error se ruk gaya',
    'panic.text': 'Aapka scenario safe hai: uska link copy karo, ya use fir se kholo. Dobara ho to neeche wala message report kar dena.',
    'panic.link': 'Scenario ka link',
    'panic.copy': 'Scenario link copy karo',
    'panic.reopen': 'Mera scenario fir se kholo',
    'panic.restart': 'Shuru se chalao',
    'panic.copied': 'Copy ho gaya',
    'panic.no_start': 'GroupLab start nahi ho paya: {error}',
  },
};
const words = (el) => WORDS[(el.closest('[lang]')?.lang ?? '').startsWith('hi') ? 'hi' : 'en'];
const say = (panel) => panel.querySelectorAll('[data-t]').forEach((el) => (el.textContent = words(panel)[el.dataset.t]));
window.grouplabPanicWords = say; // called by crates/app/src/panic_panel.rs on a panel it shows
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
  const wasm = await init({ module_or_path: wasmSource() });
  // The event Trunk's own loader fires (scripts/browser-bench.mjs reads the wasm memory from it).
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  if (document.querySelector('[data-grouplab]')) embed(here.href);
  if (document.getElementById('app') && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
    // Offline after the first visit (web/sw.js); failure to register only loses that.
    navigator.serviceWorker.register(new URL('sw.js', here)).catch(() => {});
  }
} catch (err) {
  // The wasm did not load (or the browser lacks WebAssembly): say so instead of leaving a blank page.
  // (A panic while starting has already filled the panel: keep its message.)
  const panel = document.getElementById('grouplab-panic');
  const message = document.getElementById('grouplab-panic-message');
  if (panel?.hidden && message) message.textContent = words(panel)['panic.no_start'].replace('{error}', () => err?.message ?? err);
  panel?.removeAttribute('hidden');
  throw err;
}
