/**
 * Insatser as the store grows (issue 16): the due-follow-up list and each
 * report, for a biträdande enhetschef whose unit holds 1,000 placements
 * while 99 other units hold the rest. Rows go straight into the read
 * models' own tables (the projections' DDL), so the figures are the
 * queries' alone; the baseline is the same query at 1,000 placements in
 * the same run. Goal: at 100,000 within 1.5x of 1,000 for the unit's own
 * view. The city-wide reports add up every unit, so they grow with the
 * city by nature; they are printed for what they cost.
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
import { p50 } from './hot-queries';

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

function seeded(placements: number): ReadModelDb {
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
  const unitOf = (n: number) => (n < OWN ? OWN_UNIT : `unit-${n % 99}`);
  // The unit's own two insatser take its own placements, so their occupancy is the same at every size;
  // every tenth of its placements is on another unit's insats, the unit's billing basis.
  const OWN_INSATSER = 2;
  const providerOf = (i: number) => (i < OWN_INSATSER ? OWN_UNIT : `unit-${i % 99}`);
  const insatsOf = (n: number) =>
    n < OWN
      ? n % 10 === 9
        ? OWN_INSATSER + 5
        : n % OWN_INSATSER
      : OWN_INSATSER + (n % (INSATSER - OWN_INSATSER));
  db.sqlite.transaction(() => {
    const insats = db.sqlite.prepare(
      `INSERT INTO ic_insatser (insats_id, providing_unit, version, status, name, kind, trappsteg, bip_type, places,
         open_to, price_sek, price_period, entry, registered_at, updated_at)
       VALUES (?, ?, 1, 'active', ?, 'arbetstraning', 'arbetsinriktad_rehabilitering', 'jobbfokuserande', 50,
         'egen_enhet', 4500, 'month', '{}', ?, ?)`,
    );
    for (let i = 0; i < INSATSER; i++) insats.run(`insats-${i}`, providerOf(i), `Insats ${i}`, NOW, NOW);
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
         placement_id)
       VALUES (?, 'p1', ?, ?, ?, ?, 1, ?, ?, 'arbetsinriktad_rehabilitering', 'jobbfokuserande', 4500, 'month',
         ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    );
    const followUp = db.sqlite.prepare(
      'INSERT INTO pl_follow_ups (case_id, instance_id, unit, held_on, on_time) VALUES (?, ?, ?, ?, ?)',
    );
    const unmet = db.sqlite.prepare(
      "INSERT INTO pl_unmet_needs VALUES (?, 'u1', ?, 'kommunikativ_svenska', '2026-05-01')",
    );
    const facts = db.sqlite.prepare('INSERT INTO pl_client_facts VALUES (?, ?, ?, ?, ?, ?, ?)');
    const [kon, bands, reasons, groups] = [KON, AGE_BANDS, REASON_CODES, TARGET_GROUPS].map(Object.keys);
    for (let n = 0; n < placements; n++) {
      const caseId = `case-${n}`;
      const unit = unitOf(n);
      const day = (offset: number) =>
        new Date(Date.UTC(2026, 0, 1 + ((n + offset) % 300))).toISOString().slice(0, 10);
      const closed = n % 3 === 0;
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
      );
      if (!queued) followUp.run(caseId, 'p1', unit, day(40), n % 4 === 0 ? 0 : 1);
      if (n % 50 === 0) unmet.run(caseId, unit);
      // Four in five with the facts recorded for the statistics.
      if (n % 5 !== 4)
        facts.run(
          caseId,
          unit,
          kon[n % 2],
          bands[n % bands.length],
          new Date(Date.UTC(2025, 6, 1 + (n % 150))).toISOString().slice(0, 10),
          reasons[n % reasons.length],
          groups[n % groups.length],
        );
    }
  })();
  return db;
}

const REPORTS = Object.keys(INSATS_REPORTS) as InsatsReportName[];

async function timed(db: ReadModelDb) {
  const due = new PlacementsHandler(db);
  const reports = new InsatsReportHandler(db);
  const dueList = await p50(() =>
    due.execute(
      new PlacementsQuery(
        { unit: OWN_UNIT, dueBy: '2026-12-31T00:00:00.000Z' },
        { limit: 50, offset: 0 },
        scope,
        NOW,
      ),
    ),
  );
  const unit: Record<string, number> = {};
  const city: Record<string, number> = {};
  for (const report of REPORTS) {
    unit[report] = await p50(() =>
      reports.execute(new InsatsReportQuery(report, [OWN_UNIT], '2026-01-01', '2026-12-31')),
    );
    city[report] = await p50(() =>
      reports.execute(new InsatsReportQuery(report, undefined, '2026-01-01', '2026-12-31')),
    );
  }
  const billing = new BillingBasisHandler(db);
  const billingBasis = await p50(() =>
    billing.execute(new BillingBasisQuery('2026-06', [OWN_UNIT], '2026-12-01')),
  );
  return { dueList, billingBasis, unit, city };
}

async function main(): Promise<void> {
  console.log(
    `insatser bench: ${OWN} placements in the caller's unit, the rest in 99 others; p50 of ${ROUNDS} rounds, ms`,
  );
  const rows: { placements: number; figures: Awaited<ReturnType<typeof timed>> }[] = [];
  for (const placements of SIZES) {
    const db = seeded(placements);
    rows.push({ placements, figures: await timed(db) });
    db.close();
  }
  const [base] = rows;
  const ratio = (now: number, then: number) => `${(now / then).toFixed(2)}x`;
  console.log(
    `| query | ${rows.map((r) => `${r.placements.toLocaleString('en-US')}`).join(' | ')} | largest vs smallest |`,
  );
  console.log(`|---|${rows.map(() => '---|').join('')}---|`);
  const last = rows[rows.length - 1];
  const line = (name: string, pick: (f: (typeof rows)[number]['figures']) => number) =>
    console.log(
      `| ${name} | ${rows.map((r) => `${pick(r.figures).toFixed(2)}`).join(' | ')} | ${ratio(pick(last.figures), pick(base.figures))} |`,
    );
  line('due follow-ups, own unit', (f) => f.dueList);
  line('billing basis, own unit', (f) => f.billingBasis);
  for (const report of REPORTS) line(`${report}, own unit`, (f) => f.unit[report]);
  for (const report of REPORTS) line(`${report}, city-wide`, (f) => f.city[report]);
}

void main();
