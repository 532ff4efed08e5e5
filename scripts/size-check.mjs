#!/usr/bin/env node
// Prints raw and gzip (level 9) sizes of every file in dist/ and fails when the gzip total exceeds the
// budget in .size-budget (bytes; lines starting with # are comments). The precompressed copies a release carries
// (`*.gz`, `*.br`: scripts/precompress.mjs) are alternatives of the files counted, not counted again; the brotli
// total is printed beside. Each copy must decompress to its file as it is: a stale one (compressed before a later
// build step rewrote the file) is what a host serving precompressed files would send instead, so it fails too.
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzipSync, gunzipSync, brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, process.argv[2] || 'dist');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else yield p;
  }
}

const budgetText = await readFile(path.join(root, '.size-budget'), 'utf8');
const budget = Number(budgetText.split('\n').find((l) => l.trim() && !l.trim().startsWith('#')));
if (!Number.isInteger(budget) || budget <= 0) throw new Error('.size-budget must hold a positive byte count');

try {
  await stat(dist);
} catch {
  console.error(`size-check: ${dist} does not exist: build it first (make dist)`);
  process.exit(1);
}

const rows = [];
const stale = [];
for await (const file of walk(dist)) {
  if (/\.(gz|br)$/.test(file)) continue;
  const buf = await readFile(file);
  for (const [ext, decompress] of [['gz', gunzipSync], ['br', brotliDecompressSync]]) {
    const copy = await readFile(`${file}.${ext}`).catch(() => null);
    if (copy && !decompress(copy).equals(buf)) stale.push(`${path.relative(dist, file)}.${ext}`);
  }
  const brotli = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;
  rows.push({ name: path.relative(dist, file), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli });
}
rows.sort((a, b) => b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const width = Math.max(5, ...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(11)}  ${'gzip'.padStart(11)}  ${'brotli'.padStart(11)}`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
const raw = rows.reduce((s, r) => s + r.raw, 0);
const gz = rows.reduce((s, r) => s + r.gzip, 0);
const br = rows.reduce((s, r) => s + r.brotli, 0);
console.log(`${'total'.padEnd(width)}  ${kb(raw)}  ${kb(gz)}  ${kb(br)}`);
const verdict = gz <= budget ? 'within' : 'OVER';
console.log(`size budget: gzip total ${gz} B ${verdict} the budget of ${budget} B (${kb(budget).trim()}, .size-budget)`);
if (stale.length) {
  console.error(`size-check: precompressed copies that are not their file: ${stale.join(', ')} (scripts/post-build.mjs)`);
}
if (gz > budget || stale.length) process.exit(1);
