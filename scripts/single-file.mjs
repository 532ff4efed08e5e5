#!/usr/bin/env node
// Builds one self-contained HTML file from dist/: styles, scripts and the wasm inlined (the wasm as base64), a
// data: favicon, and its own Content-Security-Policy as a <meta> tag with the hashes of its inline script and
// style. Opened from disk (file://) it works with networking disabled: it makes no request at all.
//
//   node scripts/single-file.mjs [--dist dist] [--out dist-single/grouplab.html]
//
// The CSP it carries (documented in docs/embedding.md):
//   default-src 'none'; script-src 'sha256-…' 'sha256-…' 'wasm-unsafe-eval'; style-src 'sha256-…'; img-src data:
// (the app, and web/first-frame.js, which marks the page's first frame before it is painted).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Replaces `from` (which must occur exactly once) with `to`, or fails loudly: the inputs changed shape. */
function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`single-file: expected exactly one ${JSON.stringify(from)} in ${what}`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export async function buildSingleFile({ dist = path.join(repoRoot, 'dist'), out = path.join(repoRoot, 'dist-single', 'grouplab.html') } = {}) {
  const read = (name, enc = 'utf8') => readFile(path.join(dist, name), enc);
  const [html, css, glue, boot, wasm, icon, firstFrame] = await Promise.all([
    read('index.html'),
    read('app.css'),
    read('grouplab.js'),
    read('boot.js'),
    read('grouplab_bg.wasm', null),
    read('favicon.svg'),
    read('first-frame.js'),
  ]);

  // wasm-bindgen's module and boot.js (both minified by scripts/minify-js.mjs) as one module script: the glue's
  // exports become plain declarations, and boot.js's import of them reads those.
  const exported = /export\s*\{([^}]*)\};?/.exec(glue);
  if (!exported) throw new Error('single-file: no export list in grouplab.js');
  const names = Object.fromEntries(
    exported[1].split(',').map((pair) => {
      const [local, as = local] = pair.trim().split(/\s+as\s+/);
      return [as, local];
    }),
  );
  if (!names.default) throw new Error('single-file: grouplab.js exports no default (init)');
  let js = glue.replace(exported[0], '');
  js = replaceOnce(js, 'export function embed(', 'function embed(', 'grouplab.js');
  if (/\bexport\b\s*[{a-z]/.test(js)) throw new Error('single-file: grouplab.js has an export this script does not know');
  const imported = /import\s*(\w+)\s*,\s*\{\s*embed(?:\s+as\s+(\w+))?\s*\}\s*from\s*(["'])\.\/grouplab\.js\3;?/.exec(boot);
  if (!imported) throw new Error('single-file: boot.js does not import init and embed from ./grouplab.js');
  // Both files are minified on their own, so their top-level names may clash: boot.js runs in a block of its own,
  // reading the glue's two exports through names taken before it.
  const handoff = `const __grouplab_init=${names.default},__grouplab_embed=embed;`;
  let start = boot.replace(imported[0], () => `const ${imported[1]}=__grouplab_init${imported[2] ? `,${imported[2]}=__grouplab_embed` : ''};`);
  // The wasm's URL becomes its bytes.
  start = start.replace(/new URL\((["'])grouplab_bg\.wasm\1,\s*\w+\)/, () => `Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0))`);
  if (start.includes('grouplab_bg.wasm')) throw new Error('single-file: boot.js still loads grouplab_bg.wasm by URL');
  const script = `${js}\n${handoff}\n{\n${start}\n}`;
  if (/<\/(script|style)/i.test(script + css + firstFrame)) throw new Error('single-file: inlined text would close its tag early');

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} ${sha256(firstFrame)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    'img-src data:',
  ].join('; ');

  // dist/index.html is minified by Trunk (unquoted attributes, any order): tags are found by what they load.
  const tag = (name, attr, file) => new RegExp(`<${name}\\b[^>]*\\b${attr}="?\\./${file.replace('.', '\\.')}"?[^>]*>`);
  let page = html;
  page = page.replace(tag('link', 'href', 'app.css'), () => `<style>${css}</style>`);
  page = page.replace(new RegExp(`${tag('script', 'src', 'boot.js').source}</script>`), () => `<script type="module">${script}</script>`);
  page = page.replace(new RegExp(`${tag('script', 'src', 'first-frame.js').source}</script>`), () => `<script>${firstFrame}</script>`);
  page = page.replace(tag('link', 'href', 'grouplab.js'), '').replace(tag('link', 'href', 'grouplab_bg.wasm'), '');
  page = page.replace(
    tag('link', 'href', 'favicon.svg'),
    () => `<link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(icon).toString('base64')}" />`,
  );
  page = page.replace(/<meta charset="?utf-8"?\s*\/?>/, (charset) => `${charset}<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  if (!page.includes('Content-Security-Policy')) throw new Error('single-file: no <meta charset> to put the CSP after');
  for (const leftover of ['./app.css', './boot.js', './first-frame.js', './grouplab.js', './grouplab_bg.wasm', './favicon.svg']) {
    if (page.includes(leftover)) throw new Error(`single-file: ${leftover} is still referenced`);
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, page);
  return { out, bytes: Buffer.byteLength(page), csp };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1]) : undefined);
  const { out, bytes, csp } = await buildSingleFile({ dist: opt('--dist'), out: opt('--out') });
  console.log(`single file: ${path.relative(process.cwd(), out)} (${(bytes / 1024).toFixed(0)} KB)\nits CSP: ${csp}`);
}
