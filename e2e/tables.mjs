// The i18n tables the app is built from (src/i18n/<lang>*.rs, and the model's English words), read in
// Node so the tests assert exactly the text a reader sees, and `fill` for strings with `{name}` placeholders (as
// i18n::tf does).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const dir = path.join(repoRoot, 'src/i18n');
// What the model says (errors, reasons, notes): its English is written where it says it,
// `msg!("key" => "template", …)` in these sources (as grouplab_model::words::SOURCES), its Hinglish is
// src/i18n/hi_model.rs.
const modelSources = ['error.rs', 'event.rs', 'scenario/mod.rs', 'scenario/link.rs', 'scenario/import/error.rs'];

/** Every string of `lang` ('en' | 'hi') as a Map (key → text). */
export async function table(lang) {
  const files = (await readdir(dir)).filter((f) => f === `${lang}.rs` || f.startsWith(`${lang}_`));
  const map = new Map();
  for (const file of files) {
    const src = await readFile(path.join(dir, file), 'utf8');
    for (const m of src.matchAll(/\("([^"]+)",\s*"((?:[^"\\]|\\.)*)"\)/g)) {
      map.set(m[1], JSON.parse(`"${m[2]}"`));
    }
  }
  for (const file of lang === 'en' ? modelSources : []) {
    const src = await readFile(path.join(repoRoot, 'crates/model/src', file), 'utf8');
    for (const m of src.matchAll(/msg!\(\s*"([^"]+)"\s*=>\s*"((?:[^"\\]|\\.)*)"/g)) {
      map.set(m[1], JSON.parse(`"${m[2]}"`));
    }
  }
  if (map.size < 200) throw new Error(`parsed only ${map.size} ${lang} strings from ${files}`);
  return map;
}

/** Both tables: { en, hi }. */
export async function tables() {
  return { en: await table('en'), hi: await table('hi') };
}

/** `template` with each `{name}` replaced by `args[name]`. */
export const fill = (template, args) => template.replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));

/** The panic panel's words of `lang` in web/boot.js (they must work without the wasm, so they live there). */
export async function bootWords(lang) {
  const src = await readFile(path.join(repoRoot, 'web/boot.js'), 'utf8');
  const block = src.split(`  ${lang}: {\n`)[1]?.split('\n  },')[0] ?? '';
  return new Map([...block.matchAll(/'([^']+)': '([^']*)',/g)].map((m) => [m[1], m[2]]));
}
