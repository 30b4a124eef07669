import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReadModelDb } from '@app/read-model';
import { tallyTable, tallyTriggers, type TallySpec } from './calendar-tallies';
import {
  bucketsThrough,
  dayNumber,
  tallyBetween,
  tallyNow,
  tallyReadSql,
  tallyThroughBoth,
} from './tally-reads';

describe('bucketsThrough', () => {
  it('takes whole years, then whole months, then days', () => {
    expect(bucketsThrough('2026-12-31', 2024)).toEqual(['2024', '2025', '2026']);
    expect(bucketsThrough('2026-03-31', 2026)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(bucketsThrough('2026-02-28', 2026)).toEqual(['2026-01', '2026-02']);
    expect(bucketsThrough('2024-02-03', 2023)).toEqual([
      '2023',
      '2024-01',
      '2024-02-01',
      '2024-02-02',
      '2024-02-03',
    ]);
    expect(bucketsThrough('2022-06-01', 2023)).toEqual([]);
  });

  it('covers every day from the first year through the day, each once', () => {
    const daysIn = (bucket: string) => {
      const [y, m] = bucket.split('-').map(Number);
      if (bucket.length === 10) return 1;
      if (bucket.length === 7) return new Date(Date.UTC(y, m, 0)).getUTCDate();
      return (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
    };
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 2015, max: 2020 }),
        (date, firstYear) => {
          const day = date.toISOString().slice(0, 10);
          const buckets = bucketsThrough(day, firstYear);
          expect(buckets.reduce((sum, b) => sum + daysIn(b), 0)).toBe(
            dayNumber(day) - dayNumber(`${firstYear}-01-01`) + 1,
          );
          expect([...buckets].sort()).toEqual(buckets);
        },
      ),
    );
  });
});

const SPECS: TallySpec[] = [
  {
    tally: 'dated',
    on: 'rows',
    day: '$.day',
    keys: ['$.unit', '$.kind'],
    when: "$.kind != 'x'",
    w: '$.price',
    wd: `$.price * 2`,
  },
  { tally: 'now', on: 'rows', day: null, keys: ['$.unit'], when: "$.phase = 'open'" },
];

function tableWithTallies(): ReadModelDb {
  const db = new ReadModelDb(':memory:');
  for (const ddl of tallyTable('tallies').ddl) db.sqlite.exec(ddl);
  db.sqlite.exec(
    'CREATE TABLE rows (id INTEGER PRIMARY KEY, unit TEXT, kind TEXT, day TEXT, price REAL, phase TEXT)',
  );
  for (const ddl of tallyTriggers('tallies', 'rows', SPECS)) db.sqlite.exec(ddl);
  return db;
}

const unit = fc.constantFrom('a', 'b', 'c');
const kind = fc.constantFrom('k', 'l', 'x', null);
const dayOf = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 900 }).map(dayOf);
const maybeDay = fc.option(day, { nil: null });
const phase = fc.constantFrom('open', 'closed');
const price = fc.integer({ min: 0, max: 1000 });
const op = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    id: fc.integer({ min: 1, max: 30 }),
    unit,
    kind,
    day: maybeDay,
    price,
    phase,
  }),
  fc.record({
    op: fc.constant('update' as const),
    id: fc.integer({ min: 1, max: 30 }),
    kind,
    day: maybeDay,
    phase,
  }),
  fc.record({ op: fc.constant('delete' as const), id: fc.integer({ min: 1, max: 30 }) }),
);
const period = fc.tuple(day, day).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
const byKeys = (rows: { keys: readonly unknown[]; n: number; w: number; wd?: number }[]) =>
  Object.fromEntries(rows.map((r) => [JSON.stringify(r.keys), [r.n, r.w, r.wd ?? 0]]));

describe('tallies kept by triggers', () => {
  it('sum to what counting the rows directly gives, for any period, after any inserts, updates and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        fc.array(period, { minLength: 1, maxLength: 5 }),
        fc.option(fc.subarray(['a', 'b', 'c']), { nil: undefined }),
        (ops, periods, units) => {
          const db = tableWithTallies();
          for (const o of ops) {
            if (o.op === 'insert')
              db.run(
                `INSERT INTO rows VALUES (:id, :unit, :kind, :day, :price, :phase) ON CONFLICT (id) DO UPDATE SET
                 unit = excluded.unit, kind = excluded.kind, day = excluded.day, price = excluded.price,
                 phase = excluded.phase`,
                o,
              );
            else if (o.op === 'update')
              db.run('UPDATE rows SET kind = :kind, day = :day, phase = :phase WHERE id = :id', o);
            else db.run('DELETE FROM rows WHERE id = :id', o);
          }
          const inUnits = units === undefined ? '1 = 1' : 'unit IN (SELECT value FROM json_each(:units))';
          for (const [from, to] of periods) {
            const direct = db.all<{ unit: string; kind: string | null; n: number; w: number }>(
              `SELECT unit, kind, count(*) AS n, sum(price) AS w FROM rows
             WHERE kind != 'x' AND day BETWEEN :from AND :to AND ${inUnits} GROUP BY unit, kind`,
              { from, to, units: JSON.stringify(units ?? []) },
            );
            expect(byKeys(tallyBetween(db, 'tallies', 'dated', from, to, units))).toEqual(
              byKeys(direct.map((r) => ({ keys: [r.unit, r.kind ?? '', ''], n: r.n, w: r.w, wd: r.w * 2 }))),
            );
          }
          const open = db.all<{ unit: string; n: number }>(
            `SELECT unit, count(*) AS n FROM rows WHERE phase = 'open' AND ${inUnits} GROUP BY unit`,
            { units: JSON.stringify(units ?? []) },
          );
          expect(byKeys(tallyNow(db, 'tallies', 'now', units))).toEqual(
            byKeys(open.map((r) => ({ keys: [r.unit, '', ''], n: r.n, w: 0 }))),
          );
          db.close();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('do not change when an update leaves every column a tally reads as it was', () => {
    const db = tableWithTallies();
    db.run("INSERT INTO rows VALUES (1, 'a', 'k', '2026-03-04', 10, 'open')");
    db.sqlite.exec('CREATE TABLE writes (n INTEGER)');
    db.sqlite.exec(
      'CREATE TRIGGER count_writes AFTER UPDATE ON tallies BEGIN INSERT INTO writes VALUES (1); END',
    );
    db.run("UPDATE rows SET kind = 'k', phase = 'open' WHERE id = 1");
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM writes')?.n).toBe(0);
    db.run("UPDATE rows SET phase = 'closed' WHERE id = 1");
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM writes')?.n).toBeGreaterThan(0);
    db.close();
  });

  it('are emptied with their tables at the start of a rebuild, and kept again by the same triggers after it', () => {
    const db = new ReadModelDb(':memory:');
    const tables = [
      tallyTable('tallies'),
      {
        name: 'rows',
        ddl: [
          'CREATE TABLE rows (id INTEGER PRIMARY KEY, unit TEXT, kind TEXT, day TEXT, price REAL, phase TEXT)',
          ...tallyTriggers('tallies', 'rows', SPECS),
        ],
      },
    ];
    db.ensureSchema(tables, 'v1');
    const insert = () => db.run("INSERT INTO rows VALUES (1, 'a', 'k', '2026-03-04', 10, 'open')");
    insert();
    db.clear(tables);
    expect(db.all('SELECT * FROM tallies')).toEqual([]);
    insert();
    expect(tallyNow(db, 'tallies', 'now', undefined).map((t) => [t.keys[0], t.n])).toEqual([['a', 1]]);
    db.close();
  });

  it('of two days count the rows on or before one day and on or before another, whatever was changed', () => {
    const spec: TallySpec = {
      tally: 'spans',
      on: 'spans',
      day: '$.a',
      until: '$.b',
      keys: ['$.unit'],
      when: 'true',
    };
    const span = fc
      .tuple(
        fc.integer({ min: 1, max: 20 }),
        unit,
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 400 }),
      )
      .map(([id, u, a, length]) => ({ id, unit: u, a: dayOf(a), b: dayOf(a + length) }));
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 30 }),
        fc.array(fc.tuple(day, day), { minLength: 1, maxLength: 5 }),
        (spans, asked) => {
          const db = new ReadModelDb(':memory:');
          for (const ddl of tallyTable('tallies').ddl) db.sqlite.exec(ddl);
          db.sqlite.exec('CREATE TABLE spans (id INTEGER PRIMARY KEY, unit TEXT, a TEXT, b TEXT)');
          for (const ddl of tallyTriggers('tallies', 'spans', [spec])) db.sqlite.exec(ddl);
          for (const s of spans)
            db.run(
              `INSERT INTO spans VALUES (:id, :unit, :a, :b)
             ON CONFLICT (id) DO UPDATE SET unit = excluded.unit, a = excluded.a, b = excluded.b`,
              s,
            );
          for (const [x, y] of asked) {
            const direct = db.all<{ unit: string; n: number }>(
              'SELECT unit, count(*) AS n FROM spans WHERE a <= :x AND b <= :y GROUP BY unit',
              { x, y },
            );
            expect(
              byKeys(
                [...tallyThroughBoth(db, 'tallies', 'spans', x, y, undefined).values()].filter(
                  (t) => t.n !== 0,
                ),
              ),
            ).toEqual(byKeys(direct.map((r) => ({ keys: [r.unit, '', ''], n: r.n, w: 0 }))));
          }
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    ['the city', false, 'SEARCH tallies USING PRIMARY KEY (tally=? AND bucket=?)'],
    ['some units', true, 'SEARCH tallies USING PRIMARY KEY (tally=? AND bucket=? AND k1=?)'],
  ])(
    'are read for %s by a search of their key per bucket, never a scan of the tally',
    (_who, byUnit, search) => {
      const db = tableWithTallies();
      const plan = db
        .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${tallyReadSql('tallies', byUnit)}`, {
          tally: 'dated',
          buckets: '["2026"]',
          units: '["a"]',
        })
        .map((row) => row.detail);
      expect(plan).toContain(search);
      db.close();
    },
  );
});
