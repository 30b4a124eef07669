import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = resolve(__dirname, '../../apps/web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each file's relative imports, resolved to files (type-only imports too: they tie modules as much). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const resolveImport = (from: string, spec: string) =>
    ['.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ending) => resolve(dirname(from), spec) + ending)
      .find((candidate) => known.has(candidate));
  return new Map(
    files.map((file) => [
      file,
      [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)]
        .map((match) => resolveImport(file, match[1]))
        .filter((target): target is string => target !== undefined),
    ]),
  );
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const walk = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      found.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    state.set(file, 'visiting');
    for (const next of graph.get(file) ?? []) walk(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) walk(file, []);
  return found;
}

describe('the web app’s modules', () => {
  it('given every import between its files, then none comes back round to where it started', () => {
    const graph = importGraph(sources(WEB));
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles(graph).map((cycle) => cycle.map((file) => relative(WEB, file)).join(' → '))).toEqual([]);
  });

  it('given a circle made on purpose, then the walk finds it', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });
});
