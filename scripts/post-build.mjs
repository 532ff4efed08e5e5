#!/usr/bin/env node
// Trunk's one post_build hook (Trunk.toml): the three steps that finish a build, in order, on Trunk's staging
// folder. Trunk starts the hooks of a stage all at once (concurrent tasks), so each step being a hook of its own
// let precompress.mjs compress files that the other two were still rewriting: stale `.gz`/`.br` copies of
// index.html, app.css and the JavaScript. One hook runs them one after the other:
//   1. scripts/minify-js.mjs      terser on the JavaScript (release builds only);
//   2. scripts/first-frame.mjs    the page's first frame drawn into index.html and app.css (every build);
//   3. scripts/precompress.mjs    `.gz` and `.br` beside every file, of the files as they finally are
//                                 (release builds only).
//
//   node scripts/post-build.mjs [DIR]      (DIR: default $TRUNK_STAGING_DIR)
import { minifyDir } from './minify-js.mjs';
import { drawFirstFrame } from './first-frame.mjs';
import { precompress, report } from './precompress.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: give the folder, or run as a Trunk hook (TRUNK_STAGING_DIR)');
const release = !process.env.TRUNK_PROFILE || process.env.TRUNK_PROFILE === 'release';

if (release) await minifyDir(dir);
await drawFirstFrame(dir);
if (release) console.log(report(await precompress(dir)));
