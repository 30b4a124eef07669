/**
 * The hot list queries as the store grows: the case list filtered by unit
 * and process, a role queue, and the statistics of cases per step, for a biträdande enhetschef whose unit
 * holds 1,000 cases while other units hold the rest. Rows are written
 * straight into the read models' own tables (the projections' DDL), so the
 * figures are the queries' alone; the baseline is the same query at 1,000
 * cases in the same run. Goal (issue 14): at 100,000 within 1.5x of 1,000.
 * No ANALYZE, as the app never runs one: the plans are the planner's own.
 */
import { ReadModelDb } from '@app/read-model';
import { statisticsProjection } from '@app/projections/statistics/statistics.projection';
import { caseListProjection } from '@app/projections/case-list/case-list.projection';
import { workQueueProjection } from '@app/projections/work-queue/work-queue.projection';
import { caseAccessProjection, staffProjection } from '@app/access';
import { TOOLBOX_EFFECTS } from '@app/engine';
import { createProcessRegistry } from '@app/processes';
import { OWN_UNIT, timeHotQueries } from './hot-queries';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const OWN_CASES = 1000;

function seeded(cases: number): ReadModelDb {
  const db = new ReadModelDb(':memory:');
  const registry = createProcessRegistry();
  for (const projection of [
    caseListProjection,
    workQueueProjection,
    caseAccessProjection,
    statisticsProjection,
    staffProjection,
  ]) {
    for (const table of projection({ registry, effects: TOOLBOX_EFFECTS }).tables)
      for (const ddl of table.ddl) db.sqlite.exec(ddl);
  }
  const insert = db.sqlite.transaction(() => {
    const c = db.sqlite.prepare(
      `INSERT INTO cl_cases (case_id, reference, unit, social_worker_id, opened_at, updated_at, revision)
       VALUES (?, 'KL 1', ?, ?, ?, ?, 3)`,
    );
    const i = db.sqlite.prepare(
      `INSERT INTO cl_instances VALUES (?, 'i1', ?, 1, 'Process', '"x"', '[]', 'active', NULL, ?, ?)`,
    );
    const a = db.sqlite.prepare(
      "INSERT INTO ac_cases (case_id, unit, social_worker_id) VALUES (?, ?, 'ss-bench')",
    );
    const t = db.sqlite.prepare(
      `INSERT INTO wq_tasks (case_id, instance_id, state_id, definition_id, process_title, state_path, title,
         kind, lane, definition_lane, unit, reference, since) VALUES (?, 'i1', 's1', ?, 'Process', 's1', 'Steg',
         'userTask', 'rehabansvarig', 'rehabansvarig', ?, 'KL 1', ?)`,
    );
    const st = db.sqlite.prepare(
      `INSERT INTO st_instance_steps VALUES (?, 'i1', ?, ?, 'Process', 'genomgang', 'Genomgång', 1,
         '2026-01-01T00:00:00.000Z')`,
    );
    for (let n = 0; n < cases; n++) {
      const caseId = `case-${n}`;
      const unit = n < OWN_CASES ? OWN_UNIT : `unit-${n % 99}`;
      const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
      const process = n % 3 === 0 ? 'afu' : 'rehab-handledning';
      c.run(caseId, unit, `${unit}-ss`, at, at);
      i.run(caseId, process, at, at);
      a.run(caseId, unit);
      t.run(caseId, process, unit, at);
      st.run(caseId, unit, process);
    }
  });
  insert();
  return db;
}

async function main(): Promise<void> {
  console.log(
    `list queries bench: ${OWN_CASES} cases in the caller's unit, the rest elsewhere; p50 of ${process.env.BENCH_ROUNDS ?? 30} rounds`,
  );
  const rows: { cases: number; list: number; queue: number; steps: number }[] = [];
  for (const cases of SIZES) {
    const db = seeded(cases);
    rows.push({ cases, ...(await timeHotQueries(db, 'afu')) });
    db.close();
  }
  const base = rows[0];
  console.log(
    '| cases in the store | case list, unit + process | role queue | statistics: cases per step | vs the smallest store |',
  );
  console.log('|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.cases.toLocaleString('en-US')} | ${row.list.toFixed(2)} ms | ${row.queue.toFixed(2)} ms | ${row.steps.toFixed(2)} ms | ${(row.list / base.list).toFixed(2)}x / ${(row.queue / base.queue).toFixed(2)}x / ${(row.steps / base.steps).toFixed(2)}x |`,
    );
  }
}

void main();
