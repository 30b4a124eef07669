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
  /**
   * A second day, never before the first, for rows read by both (how many
   * lie on or before one day and on or before another): each row is
   * counted in every pair of the two days' buckets.
   */
  readonly until?: string;
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
      // Untyped keys keep each value as written (a unit, an outcome, a number of days). The key is
      // the table (no rowid) and leads with the bucket, so the city's read and a unit's are both
      // searches of it, one per bucket (and unit), that fetch nothing else.
      `CREATE TABLE ${name} (
         tally TEXT NOT NULL, bucket TEXT NOT NULL, k1 NOT NULL DEFAULT '', k2 NOT NULL DEFAULT '',
         k3 NOT NULL DEFAULT '', n INTEGER NOT NULL, w REAL NOT NULL, wd REAL NOT NULL,
         PRIMARY KEY (tally, bucket, k1, k2, k3)) WITHOUT ROWID`,
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
  const until = spec.until === undefined ? 'NULL' : over(spec.until);
  const dated = [
    spec.day === null ? '' : ' AND d IS NOT NULL',
    spec.until === undefined ? '' : ' AND u IS NOT NULL',
  ];
  const facts = `(SELECT ${keys.map((k, i) => `${k} AS k${i + 1}`).join(', ')}, ${day} AS d, ${until} AS u,
      coalesce(${over(spec.w ?? '0')}, 0) AS w, coalesce(${over(spec.wd ?? '0')}, 0) AS wd
    WHERE (${over(spec.when)})${dated.join('')})`;
  const [from, bucket] =
    spec.day === null
      ? [facts, "''"]
      : spec.until === undefined
        ? [`${facts} JOIN ${BUCKET_LENGTHS}`, 'substr(d, 1, len)']
        : [
            `${facts} JOIN ${BUCKET_LENGTHS} JOIN ${BUCKET_LENGTHS.replace('len', 'ulen')}`,
            "substr(d, 1, len) || '|' || substr(u, 1, ulen)",
          ];
  // `WHERE true` keeps the upsert's ON CONFLICT from being read as the join's ON.
  return `INSERT INTO ${table} (tally, k1, k2, k3, bucket, n, w, wd)
    SELECT '${named(spec.tally)}', k1, k2, k3, ${bucket}, ${sign}, ${sign} * w, ${sign} * wd FROM ${from} WHERE true
    ON CONFLICT (tally, bucket, k1, k2, k3) DO UPDATE SET
      n = n + excluded.n, w = w + excluded.w, wd = wd + excluded.wd;`;
}

const columnsRead = (spec: TallySpec) =>
  [spec.day, spec.until, spec.when, spec.w, spec.wd, ...spec.keys]
    .flatMap((sql) => [...(sql ?? '').matchAll(/\$\.(\w+)/g)].map((m) => m[1]))
    .filter((column, i, all) => all.indexOf(column) === i);

/**
 * The triggers that keep `table`'s tallies from the rows of `on`: add on
 * insert, take back on delete, both on an update of a column any tally reads.
 */
export function tallyTriggers(table: string, on: string, specs: readonly TallySpec[]): string[] {
  const mine = specs.filter((spec) => spec.on === on);
  if (mine.length === 0) return [];
  const body = (parts: [TallySpec, 'NEW' | 'OLD', 1 | -1][]) =>
    `BEGIN ${parts.map(([spec, row, sign]) => contribution(table, spec, row, sign)).join('\n')} END`;
  const prefix = `${named(table)}_${named(on)}`;
  // One update trigger per tally, so a change of one column moves only the tallies that read it.
  const updates = mine.map((spec) => {
    const columns = columnsRead(spec);
    return `CREATE TRIGGER ${prefix}_update_${named(spec.tally)} AFTER UPDATE OF ${columns.join(', ')} ON ${on}
       WHEN ${columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
       ${body([
         [spec, 'OLD', -1],
         [spec, 'NEW', 1],
       ])}`;
  });
  return [
    `CREATE TRIGGER ${prefix}_insert AFTER INSERT ON ${on} ${body(mine.map((s) => [s, 'NEW', 1]))}`,
    `CREATE TRIGGER ${prefix}_delete AFTER DELETE ON ${on} ${body(mine.map((s) => [s, 'OLD', -1]))}`,
    ...updates,
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

/** The first year a tally holds a dated row in; undefined while it holds none. */
function firstYear(db: ReadModelDb, table: string, tally: string): number | undefined {
  const first = db.get<{ bucket: string | null }>(
    `SELECT min(bucket) AS bucket FROM ${named(table)} WHERE tally = :tally AND bucket > ''`,
    { tally },
  )?.bucket;
  return first ? Number(first.slice(0, 4)) : undefined;
}

/** The read of a tally's buckets: `:tally`, `:buckets` and, for some units only, `:units` (JSON arrays). */
export const tallyReadSql = (table: string, byUnit: boolean) =>
  `SELECT k1, k2, k3, sum(n) AS n, sum(w) AS w, sum(wd) AS wd FROM ${named(table)}
   WHERE tally = :tally AND bucket IN (SELECT value FROM json_each(:buckets))
     ${byUnit ? 'AND k1 IN (SELECT value FROM json_each(:units))' : ''}
   GROUP BY k1, k2, k3`;

function summed(
  db: ReadModelDb,
  table: string,
  tally: string,
  buckets: readonly string[],
  units: TallyUnits,
) {
  const rows = db.all<{ k1: unknown; k2: unknown; k3: unknown; n: number; w: number; wd: number }>(
    tallyReadSql(table, units !== undefined),
    { tally, buckets: JSON.stringify(buckets), units: JSON.stringify(units ?? []) },
  );
  return new Map(
    rows.map((r): [string, Tallied] => [
      JSON.stringify([r.k1, r.k2, r.k3]),
      { ...r, keys: [r.k1, r.k2, r.k3] },
    ]),
  );
}

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
  if (day === null) return summed(db, table, tally, [''], units);
  const first = firstYear(db, table, tally);
  return first === undefined ? new Map() : summed(db, table, tally, bucketsThrough(day, first), units);
}

/**
 * A tally of two days (see `TallySpec.until`) summed per key over the rows
 * whose first day is on or before `day` and whose second is on or before
 * `until`: every pair of the two days' buckets.
 */
export function tallyThroughBoth(
  db: ReadModelDb,
  table: string,
  tally: string,
  day: string,
  until: string,
  units: TallyUnits,
): Map<string, Tallied> {
  const first = firstYear(db, table, tally);
  if (first === undefined) return new Map();
  const seconds = bucketsThrough(until, first);
  return summed(
    db,
    table,
    tally,
    bucketsThrough(day, first).flatMap((a) => seconds.map((b) => `${a}|${b}`)),
    units,
  );
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
