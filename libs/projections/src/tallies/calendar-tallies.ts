import type { ReadModelDb, TableSpec } from '@app/read-model';

/**
 * One tally kept by triggers on a projection's table (ADR 0036). Every
 * expression is SQL over the row, written `$.column`: the triggers read it
 * as `NEW.column` to add a row's contribution and `OLD.column` to take it
 * back, so whatever writes the table keeps the tally right.
 */
export interface TallySpec {
  readonly tally: string;
  /** The table whose rows are counted. */
  readonly on: string;
  /** The day (`YYYY-MM-DD`) the row is counted on; null for a tally of the rows as they stand now. */
  readonly day: string | null;
  /** One to three keys the tally is grouped by; the first is the unit where reports filter by unit. */
  readonly keys: readonly string[];
  /** Which rows count. */
  readonly when: string;
  /** A weight summed beside the count (a price per day, a flag); 0 when absent. */
  readonly w?: string;
  /** A second weight, for sums that need the weight times a day number (see `cost`). */
  readonly wd?: string;
}

const NAME = /^[a-z][a-z0-9_]*$/i;
const named = (name: string) => {
  if (!NAME.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return name;
};

/** The table of tallies a projection owns: measures per tally, keys and calendar bucket. */
export function tallyTable(name: string): TableSpec {
  return {
    name: named(name),
    ddl: [
      // Untyped keys keep each value as written (a unit, an outcome, a number of days).
      `CREATE TABLE ${name} (
         tally TEXT NOT NULL, k1 NOT NULL DEFAULT '', k2 NOT NULL DEFAULT '', k3 NOT NULL DEFAULT '',
         bucket TEXT NOT NULL, n INTEGER NOT NULL, w REAL NOT NULL, wd REAL NOT NULL,
         UNIQUE (tally, k1, bucket, k2, k3))`,
      // The city-wide read: every key of a tally in the buckets asked for.
      `CREATE INDEX ${name}_bucket ON ${name} (tally, bucket)`,
    ],
  };
}

const BUCKET_LENGTHS = '(SELECT 4 AS len UNION ALL SELECT 7 UNION ALL SELECT 10)';

function contribution(table: string, spec: TallySpec, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const over = (sql: string) => sql.replace(/\$\./g, `${row}.`);
  const keys = [0, 1, 2].map((i) =>
    spec.keys[i] === undefined ? "''" : `coalesce(${over(spec.keys[i])}, '')`,
  );
  const day = spec.day === null ? 'NULL' : over(spec.day);
  const facts = `(SELECT ${keys.map((k, i) => `${k} AS k${i + 1}`).join(', ')}, ${day} AS d,
      coalesce(${over(spec.w ?? '0')}, 0) AS w, coalesce(${over(spec.wd ?? '0')}, 0) AS wd
    WHERE (${over(spec.when)})${spec.day === null ? '' : ' AND d IS NOT NULL'})`;
  const [from, bucket] =
    spec.day === null ? [facts, "''"] : [`${facts} JOIN ${BUCKET_LENGTHS}`, 'substr(d, 1, len)'];
  // `WHERE true` keeps the upsert's ON CONFLICT from being read as the join's ON.
  return `INSERT INTO ${table} (tally, k1, k2, k3, bucket, n, w, wd)
    SELECT '${named(spec.tally)}', k1, k2, k3, ${bucket}, ${sign}, ${sign} * w, ${sign} * wd FROM ${from} WHERE true
    ON CONFLICT (tally, k1, bucket, k2, k3) DO UPDATE SET
      n = n + excluded.n, w = w + excluded.w, wd = wd + excluded.wd;`;
}

const columnsRead = (spec: TallySpec) =>
  [spec.day, spec.when, spec.w, spec.wd, ...spec.keys]
    .flatMap((sql) => [...(sql ?? '').matchAll(/\$\.(\w+)/g)].map((m) => m[1]))
    .filter((column, i, all) => all.indexOf(column) === i);

/**
 * The triggers that keep `table`'s tallies from the rows of `on`: add on
 * insert, take back on delete, both on an update of a column any tally reads.
 */
export function tallyTriggers(table: string, on: string, specs: readonly TallySpec[]): string[] {
  const mine = specs.filter((spec) => spec.on === on);
  if (mine.length === 0) return [];
  const columns = mine.flatMap(columnsRead).filter((column, i, all) => all.indexOf(column) === i);
  const body = (parts: [TallySpec, 'NEW' | 'OLD', 1 | -1][]) =>
    `BEGIN ${parts.map(([spec, row, sign]) => contribution(table, spec, row, sign)).join('\n')} END`;
  const prefix = `${named(table)}_${named(on)}`;
  return [
    `CREATE TRIGGER ${prefix}_insert AFTER INSERT ON ${on} ${body(mine.map((s) => [s, 'NEW', 1]))}`,
    `CREATE TRIGGER ${prefix}_delete AFTER DELETE ON ${on} ${body(mine.map((s) => [s, 'OLD', -1]))}`,
    `CREATE TRIGGER ${prefix}_update AFTER UPDATE OF ${columns.join(', ')} ON ${on}
       WHEN ${columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
       ${body([...mine.map((s): [TallySpec, 'OLD', -1] => [s, 'OLD', -1]), ...mine.map((s): [TallySpec, 'NEW', 1] => [s, 'NEW', 1])])}`,
  ];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The buckets that together hold every day from the start of `firstYear`
 * through `day`: whole years, then whole months of the day's year, then
 * the days of its month, each as coarse as the day allows.
 */
export function bucketsThrough(day: string, firstYear: number): string[] {
  const [y, m, d] = day.split('-').map(Number);
  const buckets: string[] = [];
  for (let year = firstYear; year < y; year++) buckets.push(String(year));
  if (y < firstYear) return buckets;
  if (m === 12 && d === 31) return [...buckets, String(y)];
  for (let month = 1; month < m; month++) buckets.push(`${y}-${pad(month)}`);
  if (d === new Date(Date.UTC(y, m, 0)).getUTCDate()) return [...buckets, `${y}-${pad(m)}`];
  for (let dd = 1; dd <= d; dd++) buckets.push(`${y}-${pad(m)}-${pad(dd)}`);
  return buckets;
}

const DAY_MS = 86_400_000;
export const dayBefore = (day: string) => new Date(Date.parse(day) - DAY_MS).toISOString().slice(0, 10);
/** Days since 1970-01-01: the day number the `wd` weights are multiplied by. */
export const dayNumber = (day: string) => Date.parse(day) / DAY_MS;
/** The same day number in SQL, over a `YYYY-MM-DD` expression. */
export const sqlDayNumber = (day: string) => `(julianday(${day}) - 2440587.5)`;

export interface Tallied {
  readonly keys: readonly [unknown, unknown, unknown];
  readonly n: number;
  readonly w: number;
  readonly wd: number;
}

/** Where a read looks: every unit (`undefined`) or the first key among these. */
export type TallyUnits = readonly string[] | undefined;

/**
 * A tally summed per key through `day` (every row counted on or before
 * it), or as it stands now when `day` is null. Reads at most a bucket per
 * earlier year, month of the year and day of the month for each key.
 */
export function tallyThrough(
  db: ReadModelDb,
  table: string,
  tally: string,
  day: string | null,
  units: TallyUnits,
): Map<string, Tallied> {
  let buckets = [''];
  if (day !== null) {
    const first = db.get<{ bucket: string | null }>(
      `SELECT min(bucket) AS bucket FROM ${named(table)} WHERE tally = :tally AND bucket > ''`,
      { tally },
    )?.bucket;
    if (!first) return new Map();
    buckets = bucketsThrough(day, Number(first.slice(0, 4)));
  }
  const rows = db.all<{ k1: unknown; k2: unknown; k3: unknown; n: number; w: number; wd: number }>(
    `SELECT k1, k2, k3, sum(n) AS n, sum(w) AS w, sum(wd) AS wd FROM ${named(table)}
     WHERE tally = :tally AND bucket IN (SELECT value FROM json_each(:buckets))
       ${units === undefined ? '' : 'AND k1 IN (SELECT value FROM json_each(:units))'}
     GROUP BY k1, k2, k3`,
    { tally, buckets: JSON.stringify(buckets), units: JSON.stringify(units ?? []) },
  );
  return new Map(rows.map((r) => [JSON.stringify([r.k1, r.k2, r.k3]), { ...r, keys: [r.k1, r.k2, r.k3] }]));
}

/** A tally summed per key over the days `from` through `to`; keys that net to no rows are left out. */
export function tallyBetween(
  db: ReadModelDb,
  table: string,
  tally: string,
  from: string,
  to: string,
  units: TallyUnits,
): Tallied[] {
  const before = tallyThrough(db, table, tally, dayBefore(from), units);
  return [...tallyThrough(db, table, tally, to, units)]
    .map(([key, t]) => {
      const b = before.get(key);
      return b ? { keys: t.keys, n: t.n - b.n, w: t.w - b.w, wd: t.wd - b.wd } : t;
    })
    .filter((t) => t.n !== 0);
}

/** A tally as it stands now, per key, leaving out keys with no rows. */
export const tallyNow = (db: ReadModelDb, table: string, tally: string, units: TallyUnits): Tallied[] =>
  [...tallyThrough(db, table, tally, null, units).values()].filter((t) => t.n !== 0);
