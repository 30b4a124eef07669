/**
 * Insatser as the store grows (issue 16), in two cities:
 * - `own`: a biträdande enhetschef whose unit holds 1,000 placements while
 *   99 other units hold the rest: the due-follow-up list, the billing basis
 *   and each report for the unit.
 * - `city`: the same ten units and twenty insatser at every size, the
 *   placements spread evenly: each report city-wide, over the year and over
 *   a period that starts and ends mid-month (ADR 0036 reads days there).
 * Rows go straight into the read models' own tables (the projections' DDL
 * and triggers, so the tallies are kept as in production), so the figures
 * are the queries' alone; the baseline is the same query at 1,000
 * placements in the same run. Goal: at 100,000 within 1.5x of 1,000.
 */
import { ReadModelDb } from '@app/read-model';
import { AGE_BANDS, KON, REASON_CODES, TARGET_GROUPS, TOOLBOX_EFFECTS } from '@app/engine';
import { caseAccessProjection } from '@app/access';
import { createProcessRegistry } from '@app/processes';
import { caseDirectoryProjection } from '@app/projections/case-directory';
import { catalogueProjection } from '@app/projections/catalogue/catalogue.projection';
import { placementsProjection } from '@app/projections/placements/placements.projection';
import { clientFactsProjection } from '@app/projections/placements/client-facts.projection';
import { PlacementsHandler, PlacementsQuery } from '@app/projections/placements/placements.queries';
import {
  INSATS_REPORTS,
  InsatsReportHandler,
  InsatsReportQuery,
  type InsatsReportName,
} from '@app/projections/placements/insats-statistics.queries';
import { BillingBasisHandler, BillingBasisQuery } from '@app/projections/placements/billing.queries';
import { recordParticipation } from '@app/projections/placements/participation';
import { median } from '../realistic-case';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const OWN_UNIT = 'jarva-1';
const OWN = 1000;
const NOW = '2026-12-01T10:00:00.000Z';
const INSATSER = 200;
const OUTCOMES = ['arbete', 'studier', 'jobbtorg', 'forsakringskassan', 'annan_insats', 'okant'];
const scope = {
  wholeUnits: [OWN_UNIT],
  caseManagerUnits: [],
  socialWorkerUnits: [],
  mentees: [],
  covered: [],
  userId: 'bec',
};

type City = 'own' | 'city';
const CITY_UNITS = 10;
const CITY_INSATSER = 20;
const WRITES = 20_000;

function seeded(placements: number, city: City, tallies = true): ReadModelDb {
  const db = new ReadModelDb(':memory:');
  const registry = createProcessRegistry();
  for (const projection of [
    caseDirectoryProjection,
    caseAccessProjection,
    catalogueProjection,
    placementsProjection,
    clientFactsProjection,
  ])
    for (const table of projection({ registry, effects: TOOLBOX_EFFECTS }).tables)
      for (const ddl of table.ddl) db.sqlite.exec(ddl);
  const unitOf = (n: number) =>
    city === 'city' ? `unit-${n % CITY_UNITS}` : n < OWN ? OWN_UNIT : `unit-${n % 99}`;
  // The unit's own two insatser take its own placements, so their occupancy is the same at every size;
  // every tenth of its placements is on another unit's insats, the unit's billing basis.
  const OWN_INSATSER = 2;
  const providerOf = (i: number) =>
    city === 'city' ? `unit-${i % CITY_UNITS}` : i < OWN_INSATSER ? OWN_UNIT : `unit-${i % 99}`;
  const insatsOf = (n: number) =>
    city === 'city'
      ? n % CITY_INSATSER
      : n < OWN
        ? n % 10 === 9
          ? OWN_INSATSER + 5
          : n % OWN_INSATSER
        : OWN_INSATSER + (n % (INSATSER - OWN_INSATSER));
  if (!tallies)
    for (const { name } of db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
      db.sqlite.exec(`DROP TRIGGER ${name}`);
  db.sqlite.transaction(() => {
    const insats = db.sqlite.prepare(
      `INSERT INTO ic_insatser (insats_id, providing_unit, version, status, name, kind, trappsteg, bip_type, places,
         open_to, price_sek, price_period, entry, registered_at, updated_at)
       VALUES (?, ?, 1, 'active', ?, 'arbetstraning', 'arbetsinriktad_rehabilitering', 'jobbfokuserande', 50,
         'egen_enhet', 4500, 'month', '{}', ?, ?)`,
    );
    for (let i = 0; i < (city === 'city' ? CITY_INSATSER : INSATSER); i++)
      insats.run(`insats-${i}`, providerOf(i), `Insats ${i}`, NOW, NOW);
    const theCase = db.sqlite.prepare(
      `INSERT INTO rm_cases (case_id, unit, reference, social_worker_id, revision) VALUES (?, ?, 'PL 1', 'ss', 5)`,
    );
    const access = db.sqlite.prepare(
      "INSERT INTO ac_cases (case_id, unit, social_worker_id) VALUES (?, ?, 'ss')",
    );
    const placement = db.sqlite.prepare(
      `INSERT INTO pl_placements (case_id, instance_id, unit, phase, follow_up, insats_id, insats_version,
         insats_name, providing_unit, trappsteg, bip_type, price_sek, price_period, decided_on, assigned_on,
         queued_at, started_on, ended_on, outcome, offered_on, follow_ups_held, follow_up_due_at, started_at,
         placement_id, aktuell_sedan)
       VALUES (?, 'p1', ?, ?, ?, ?, 1, ?, ?, 'arbetsinriktad_rehabilitering', 'jobbfokuserande', 4500, 'month',
         ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    const followUp = db.sqlite.prepare(
      'INSERT INTO pl_follow_ups (case_id, instance_id, unit, held_on, on_time) VALUES (?, ?, ?, ?, ?)',
    );
    const unmet = db.sqlite.prepare(
      "INSERT INTO pl_unmet_needs VALUES (?, 'u1', ?, 'kommunikativ_svenska', '2026-05-01')",
    );
    const facts = db.sqlite.prepare('INSERT INTO pl_client_facts VALUES (?, ?, ?, ?, ?)');
    const caseFacts = db.sqlite.prepare('INSERT INTO pl_case_facts VALUES (?, ?, ?, ?)');
    const [kon, bands, reasons, groups] = [KON, AGE_BANDS, REASON_CODES, TARGET_GROUPS].map(Object.keys);
    for (let n = 0; n < placements; n++) {
      const caseId = `case-${n}`;
      const unit = unitOf(n);
      const day = (offset: number) =>
        new Date(Date.UTC(2026, 0, 1 + ((n + offset) % 300))).toISOString().slice(0, 10);
      const closed = n % 3 === 0;
      // Four in five with the facts recorded for the statistics.
      const aktuell =
        n % 5 !== 4 ? new Date(Date.UTC(2025, 6, 1 + (n % 150))).toISOString().slice(0, 10) : null;
      if (aktuell) caseFacts.run(caseId, aktuell, kon[n % 2], bands[n % bands.length]);
      const queued = n % 17 === 0;
      const phase = queued ? 'ko' : closed ? 'avslutad' : 'pagar';
      theCase.run(caseId, unit);
      access.run(caseId, unit);
      placement.run(
        caseId,
        unit,
        phase,
        phase === 'pagar' ? 'nastaUppfoljning' : null,
        `insats-${insatsOf(n)}`,
        `Insats ${insatsOf(n)}`,
        providerOf(insatsOf(n)),
        day(0),
        day(3),
        queued ? `${day(3)}T09:00:00.000Z` : null,
        queued ? null : day(10),
        closed ? day(60) : null,
        closed ? OUTCOMES[n % OUTCOMES.length] : null,
        n % 34 === 0 ? day(8) : null,
        phase === 'pagar' ? `${day(100)}T09:00:00.000Z` : null,
        `${day(0)}T09:00:00.000Z`,
        `placement-${n}`,
        aktuell,
      );
      recordParticipation(db, caseId);
      if (!queued) followUp.run(caseId, 'p1', unit, day(40), n % 4 === 0 ? 0 : 1);
      if (n % 50 === 0) unmet.run(caseId, unit);
      if (aktuell) facts.run(caseId, unit, aktuell, reasons[n % reasons.length], groups[n % groups.length]);
    }
  })();
  return db;
}

const REPORTS = Object.keys(INSATS_REPORTS) as InsatsReportName[];

type Measure = readonly [name: string, run: (db: ReadModelDb) => Promise<unknown>];

function ownUnit(): Measure[] {
  const measures: Measure[] = [
    [
      'due follow-ups, own unit',
      (db) =>
        new PlacementsHandler(db).execute(
          new PlacementsQuery(
            { unit: OWN_UNIT, dueBy: '2026-12-31T00:00:00.000Z' },
            { limit: 50, offset: 0 },
            scope,
            NOW,
          ),
        ),
    ],
    [
      'billing basis, own unit',
      (db) => new BillingBasisHandler(db).execute(new BillingBasisQuery('2026-06', [OWN_UNIT], '2026-12-01')),
    ],
  ];
  for (const report of REPORTS)
    measures.push([
      `${report}, own unit`,
      (db) =>
        new InsatsReportHandler(db).execute(
          new InsatsReportQuery(report, [OWN_UNIT], '2026-01-01', '2026-12-31'),
        ),
    ]);
  return measures;
}

function cityWide(): Measure[] {
  return [
    ['2026', '2026-01-01', '2026-12-31'],
    ['10 Feb-20 Oct', '2026-02-10', '2026-10-20'],
  ].flatMap(([period, from, to]) =>
    REPORTS.map((report): Measure => [
      `${report}, city-wide, ${period}`,
      (db) => new InsatsReportHandler(db).execute(new InsatsReportQuery(report, undefined, from, to)),
    ]),
  );
}

/**
 * The p50 of each size's database, taking turns round by round, so that
 * whatever the process is going through (a collection, a cold cache)
 * falls on every size alike and the ratio is the data's alone.
 */
async function inTurns(dbs: readonly ReadModelDb[], run: Measure[1]): Promise<number[]> {
  for (const db of dbs) for (let i = 0; i < 3; i++) await run(db);
  const times: number[][] = dbs.map(() => []);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, db] of dbs.entries()) {
      const started = process.hrtime.bigint();
      await run(db);
      times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  return times.map(median);
}

async function main(): Promise<void> {
  console.log(
    `insatser bench: own unit (${OWN} placements in the caller's unit, the rest in 99 others) and a city of ${CITY_UNITS} units and ${CITY_INSATSER} insatser; p50 of ${ROUNDS} rounds taken in turns, ms`,
  );
  console.log(
    `| query | ${SIZES.map((size) => size.toLocaleString('en-US')).join(' | ')} | largest vs smallest |`,
  );
  console.log(`|---|${SIZES.map(() => '---|').join('')}---|`);
  for (const [city, measures] of [
    ['own', ownUnit()],
    ['city', cityWide()],
  ] as const) {
    const dbs = SIZES.map((size) => seeded(size, city));
    for (const [name, run] of measures) {
      const p50s = await inTurns(dbs, run);
      console.log(
        `| ${name} | ${p50s.map((t) => t.toFixed(2)).join(' | ')} | ${(p50s[p50s.length - 1] / p50s[0]).toFixed(2)}x |`,
      );
    }
    for (const db of dbs) db.close();
  }
  // What keeping the tallies costs the projection's writes: the same rows with and without the triggers,
  // then a step on each placement (the phase every step writes, which three tallies read).
  const writeTimes = (tallies: boolean) => {
    const started = process.hrtime.bigint();
    const db = seeded(WRITES, 'city', tallies);
    const seededAt = process.hrtime.bigint();
    db.transaction(() => {
      for (let n = 0; n < WRITES; n++)
        db.run(
          "UPDATE pl_placements SET phase = CASE phase WHEN 'pagar' THEN 'forberedelse' ELSE phase END WHERE case_id = :caseId AND instance_id = 'p1'",
          { caseId: `case-${n}` },
        );
    });
    const steppedAt = process.hrtime.bigint();
    db.close();
    return [Number(seededAt - started) / 1e6, Number(steppedAt - seededAt) / 1e6];
  };
  const [withTallies, without] = [true, false].map((tallies) => {
    const runs = [1, 2, 3].map(() => writeTimes(tallies));
    return [median(runs.map((r) => r[0])), median(runs.map((r) => r[1]))];
  });
  const compared = (i: number) =>
    `${withTallies[i].toFixed(0)} ms with the tallies, ${without[i].toFixed(0)} ms without (${(withTallies[i] / without[i]).toFixed(2)}x)`;
  console.log(
    `writing ${WRITES.toLocaleString('en-US')} placements with their follow-ups, facts and runs: ${compared(0)}; a step on each: ${compared(1)}`,
  );
}

void main();
