#!/usr/bin/env node
// Draws the page's first frame into a build (src/ui/first_frame.rs): runs the app's crate natively, which writes
// the default page at t = 0 inside index.html's mount point and the frame's sizes at the end of app.css, then
// renews app.css's Subresource Integrity hash in index.html (Trunk computed it before the sizes were added).
// scripts/post-build.mjs runs it on Trunk's staging folder, after minify-js.mjs and before precompress.mjs.
//
//   node scripts/first-frame.mjs DIR
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function drawFirstFrame(dir) {
  const html = path.join(dir, 'index.html');
  const css = path.join(dir, 'app.css');
  // A native build: none of the release's wasm settings (make dist rebuilds std for wasm32 through these).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) =>
    !k.startsWith('CARGO_UNSTABLE_') && !k.startsWith('CARGO_TARGET_WASM32') && k !== 'RUSTC_BOOTSTRAP'
    && k !== 'CARGO_BUILD_TARGET' && !k.startsWith('CARGO_PROFILE_')));
  const run = spawnSync('cargo', ['run', '--quiet', '-p', 'grouplab', '--', html, css],
    { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`first-frame: the native build step failed (${run.error ?? `exit ${run.status}`})`);
  const digest = createHash('sha384').update(await readFile(css)).digest('base64');
  const page = await readFile(html, 'utf8');
  const link = /(<link\b[^>]*\bhref="?\.\/app\.css"?[^>]*\bintegrity="?)sha384-[A-Za-z0-9+/=]+/;
  const linkBefore = /(<link\b[^>]*\bintegrity="?)sha384-[A-Za-z0-9+/=]+("?[^>]*\bhref="?\.\/app\.css)/;
  let renewed = page.replace(link, `$1sha384-${digest}`);
  if (renewed === page) renewed = page.replace(linkBefore, `$1sha384-${digest}$2`);
  if (renewed === page && /integrity=/.test(page.match(/<link\b[^>]*app\.css[^>]*>/)?.[0] ?? '')) {
    throw new Error('first-frame: could not renew the integrity hash of app.css in index.html');
  }
  await writeFile(html, renewed);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('first-frame: give the folder');
  await drawFirstFrame(dir);
}
