import type { ReadModelDb } from '@app/read-model';

/**
 * Every read-model table, rows sorted, so two builds of the read models
 * compare equal whatever their insert order: how a resumed or caught-up
 * build is checked against a rebuild.
 */
export function dumpReadModels(db: ReadModelDb, except: readonly string[] = []): Record<string, string[]> {
  const tables = db
    .all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .filter(({ name }) => !except.includes(name));
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      db
        .all(`SELECT * FROM "${name}"`)
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}
