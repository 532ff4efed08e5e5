// Starts GroupLab on its own page (index.html): loads the wasm-bindgen module and the wasm beside this file.
// A file rather than Trunk's inline <script>, so the page runs under `script-src 'self'` (no inline script).
import init from './grouplab.js';

const here = new URL('.', import.meta.url);

// The panic panel's "Copy scenario link" button works without the (then stopped) wasm.
document.addEventListener('click', (event) => {
  const button = event.composedPath().find((el) => el instanceof Element && el.matches('[data-panic-copy]'));
  if (!button) return;
  const field = button.closest('.panic-panel')?.querySelector('input');
  const done = () => (button.textContent = button.dataset.copied || 'Copied');
  navigator.clipboard?.writeText(field?.value ?? '').then(done, () => field?.select());
});

try {
  await init({ module_or_path: new URL('grouplab_bg.wasm', here) });
} catch (err) {
  // The wasm did not load (or the browser lacks WebAssembly): say so instead of leaving a blank page.
  const panel = document.getElementById('grouplab-panic');
  const message = document.getElementById('grouplab-panic-message');
  if (message) message.textContent = `GroupLab could not start: ${err?.message ?? err}`;
  panel?.removeAttribute('hidden');
  throw err;
}
