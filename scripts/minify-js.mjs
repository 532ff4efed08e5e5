#!/usr/bin/env node
// Minifies the release's JavaScript with terser: wasm-bindgen's glue (grouplab.js), web/boot.js, web/sw.js and
// web/first-frame.js.
// scripts/post-build.mjs runs it first on Trunk's staging folder, release builds only, so dist/ only ever holds
// the minified files; Trunk's own `minify` does the HTML and CSS, and leaves these alone (copied files, and the glue).
// embed.js stays as written: 400 bytes whose comment tells a course author how to use it.
//
//   node scripts/minify-js.mjs DIR
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';

// The glue and boot.js are ES modules; the service worker is a classic script.
const FILES = [
  ['grouplab.js', true],
  ['boot.js', true],
  ['sw.js', false],
  ['first-frame.js', false],
];

export async function minifyDir(dir) {
  for (const [name, module] of FILES) {
    const file = path.join(dir, name);
    const code = await readFile(file, 'utf8');
    const out = await minify(code, { module, ecma: 2020, compress: { passes: 2 } });
    await writeFile(file, out.code);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('minify-js: give the folder');
  await minifyDir(dir);
}
