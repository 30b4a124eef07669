// The registry these machines reach does not carry every platform build of packages like
// rollup and @swc/core. `npm install` silently leaves those optional packages out of
// package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds a stub
// entry, marked optional, for every optional dependency missing from the lock, so `npm ci`
// accepts it and skips them as optional, exactly as it would on a platform they don't fit.
// Run after every `npm install` that changes the lock (see docs/adr/0006-lockfile.md).
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

/** Where Node would resolve `name` from the package at `path`: nearest node_modules up the tree. */
function resolves(path, name) {
  let dir = path;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('node_modules/');
    dir = cut <= 0 ? '' : dir.slice(0, cut - 1);
  }
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue;
    packages[`node_modules/${name}`] = { version, dev: pkg.dev || undefined, optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
