// Import cycles between the app's source files: which files import each other, directly or
// round a loop (`a` uses `b`, `b` uses `c`, `c` uses `a`). A layer that imports a layer above it
// makes such a loop. Prints every loop (strongly connected group of files) and exits 1 when
// there is one; `--report` prints them and exits 0.
//
//   node scripts/lib/layers.mjs [--report] [src]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, basename } from 'node:path';

const args = process.argv.slice(2);
const report = args.includes('--report');
const root = args.find((a) => !a.startsWith('--')) ?? 'src';

/** Every .rs file below `dir`. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.rs') ? [path] : [];
  });
}

/** The module path of a file: src/domain/vendors/confluent/mod.rs → domain::vendors::confluent. */
function moduleOf(file) {
  const parts = relative(root, file).replace(/\.rs$/, '').split('/');
  const last = parts.at(-1);
  if (last === 'mod' || last === 'lib' || last === 'main') parts.pop();
  return parts.join('::');
}

const all = files(root).filter((f) => !/_tests\.rs$/.test(f) && basename(f) !== 'main.rs');
const byModule = new Map(all.map((f) => [moduleOf(f), f]));

/** Items a module re-exports from another (`pub use api::VendorApi;`): name → module. */
const reexports = new Map();

/**
 * The file a `crate::…`/`super::…`/`self::…` path (or a path through a child module) names:
 * the longest module prefix that exists, followed through a re-export when the next segment
 * is an item that module re-exports.
 */
function resolveUse(fromModule, path, depth = 0) {
  let segments = path.split('::').filter(Boolean);
  let base = fromModule.split('::').filter(Boolean);
  if (segments[0] === 'crate') { base = []; segments = segments.slice(1); }
  else if (segments[0] === 'self') { segments = segments.slice(1); }
  else if (segments[0] === 'super') {
    while (segments[0] === 'super') { base = base.slice(0, -1); segments = segments.slice(1); }
  } else if (!byModule.has([...base, segments[0]].join('::'))) return null;
  for (let n = segments.length; n >= 0; n -= 1) {
    const candidate = [...base, ...segments.slice(0, n)].join('::');
    if (!byModule.has(candidate)) continue;
    const through = n < segments.length ? reexports.get(candidate)?.get(segments[n]) : null;
    return through && depth < 8 ? resolveUse(candidate, through, depth + 1) ?? candidate : candidate;
  }
  return null;
}

/** `use` paths of a file, with braces expanded one level (`a::{b, c::d}`). */
function usesOf(text) {
  const paths = [];
  const code = text.split('#[cfg(test)]')[0];
  for (const match of code.matchAll(/\buse\s+([^;]+);/g)) {
    const statement = match[1].replace(/\s+/g, '');
    const brace = statement.indexOf('{');
    if (brace < 0) { paths.push(statement); continue; }
    const head = statement.slice(0, brace);
    for (const tail of statement.slice(brace + 1, -1).split(',')) paths.push(head + tail.replace(/[{}]/g, ''));
  }
  for (const match of code.matchAll(/\b((?:crate|super)(?:::\w+)+)/g)) paths.push(match[1]);
  // Paths through a child module in code (`confluent::AUTH`); resolveUse keeps only real ones.
  for (const match of code.matchAll(/(?<![\w:])(\w+(?:::\w+)+)/g)) paths.push(match[1]);
  return paths;
}

for (const [module, file] of byModule) {
  const items = new Map();
  const code = readFileSync(file, 'utf8').split('#[cfg(test)]')[0];
  for (const match of code.matchAll(/\bpub(?:\([^)]*\))?\s+use\s+([^;]+);/g)) {
    const statement = match[1].replace(/\s+/g, '');
    const brace = statement.indexOf('{');
    const heads = brace < 0
      ? [statement]
      : statement.slice(brace + 1, -1).split(',').map((tail) => statement.slice(0, brace) + tail);
    for (const full of heads) {
      const name = full.split('::').at(-1).split(/\bas\b/).at(-1);
      if (name && name !== '*' && name !== 'self') items.set(name, full);
    }
  }
  reexports.set(module, items);
}

const edges = new Map();
for (const [module, file] of byModule) {
  const targets = new Set();
  for (const path of usesOf(readFileSync(file, 'utf8'))) {
    const target = resolveUse(module, path);
    // A module's own children (declared with `mod`) are below it; `use self::x` stays inside.
    if (target && target !== module) targets.add(target);
  }
  edges.set(module, targets);
}

// Tarjan's strongly connected components.
let index = 0;
const stack = [];
const info = new Map();
const groups = [];
function connect(v) {
  info.set(v, { index, low: index, on: true });
  index += 1;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!info.has(w)) { connect(w); info.get(v).low = Math.min(info.get(v).low, info.get(w).low); }
    else if (info.get(w).on) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const group = [];
    let w;
    do { w = stack.pop(); info.get(w).on = false; group.push(w); } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  }
}
for (const v of edges.keys()) if (!info.has(v)) connect(v);

if (groups.length === 0) {
  console.log(`no import cycles among ${byModule.size} files in ${root}/`);
  process.exit(0);
}
for (const group of groups) {
  console.log(`import cycle of ${group.length} files: ${group.map((m) => relative('.', byModule.get(m))).join(', ')}`);
}
process.exit(report ? 0 : 1);
void dirname;
