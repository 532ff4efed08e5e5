#!/usr/bin/env node
// Writes `<file>.gz` (gzip -9) and `<file>.br` (brotli, quality 11) beside every file of a release build, for
// static hosts that serve precompressed files (nginx `gzip_static on; brotli_static on;`, Caddy
// `file_server { precompressed br gzip }`): they then send the smallest form without compressing on the fly.
// Node's own zlib does both. scripts/post-build.mjs runs it last, once the other steps have written the files,
// release builds only; it prints the totals (scripts/size-check.mjs counts the files themselves, not these copies).
//
//   node scripts/precompress.mjs DIR
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const PRECOMPRESSED = /\.(gz|br)$/;

export async function precompress(dir) {
  const totals = { raw: 0, gzip: 0, brotli: 0 };
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || PRECOMPRESSED.test(entry.name)) continue;
    const file = path.join(dir, entry.name);
    const body = await readFile(file);
    const gz = gzipSync(body, { level: 9 });
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    await writeFile(`${file}.gz`, gz);
    await writeFile(`${file}.br`, br);
    totals.raw += body.length;
    totals.gzip += gz.length;
    totals.brotli += br.length;
  }
  return totals;
}

export function report(t) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return `precompressed: ${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('precompress: give the folder');
  console.log(report(await precompress(dir)));
}
