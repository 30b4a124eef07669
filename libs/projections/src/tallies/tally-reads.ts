import type { ReadModelDb } from '@app/read-model';
import { named } from './calendar-tallies';

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

/**
 * Rows that reach into the days `from` through `to`, per key, from a tally
 * of their first days and one of their last: started by `to`, less those
 * that ended before `from`. Keys that net to no rows are left out.
 */
export function tallyRunning(
  db: ReadModelDb,
  table: string,
  tallies: { readonly started: string; readonly ended: string },
  from: string,
  to: string,
  units: TallyUnits,
): Map<string, Tallied> {
  const endedBefore = tallyThrough(db, table, tallies.ended, dayBefore(from), units);
  const running = new Map<string, Tallied>();
  for (const [key, s] of tallyThrough(db, table, tallies.started, to, units)) {
    const n = s.n - (endedBefore.get(key)?.n ?? 0);
    if (n !== 0) running.set(key, { ...s, n });
  }
  return running;
}
