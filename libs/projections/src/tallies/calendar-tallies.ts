import type { TableSpec } from '@app/read-model';

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
/** A table or tally name, refused unless it is a plain SQL name (they are written into SQL). */
export const named = (name: string) => {
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

/** The same day number in SQL, over a `YYYY-MM-DD` expression. */
export const sqlDayNumber = (day: string) => `(julianday(${day}) - 2440587.5)`;
