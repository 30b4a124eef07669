import type { ReadModelDb, ProjectionFactory } from '@app/read-model';
import { TOOLBOX_EFFECTS } from '@app/engine';
import { createProcessRegistry } from '@app/processes';
import { ListCasesHandler, ListCasesQuery } from '@app/projections/case-list/case-list.queries';
import { WorkQueueHandler, WorkQueueQuery } from '@app/projections/work-queue/work-queue.queries';
import { StepCountsHandler, StepCountsQuery } from '@app/projections/statistics/statistics.queries';
import { median } from '../realistic-case';

export const OWN_UNIT = 'jarva-1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const NOW = '2026-12-01T10:00:00.000Z';
const scope = {
  wholeUnits: [OWN_UNIT],
  caseManagerUnits: [],
  socialWorkerUnits: [],
  mentees: [],
  covered: [],
  userId: 'jarva-1-bec',
};

/** The tables of these read models, as their projections create them, in an empty database. */
export function createTablesOf(db: ReadModelDb, projections: readonly ProjectionFactory[]): void {
  const registry = createProcessRegistry();
  for (const projection of projections)
    for (const table of projection({ registry, effects: TOOLBOX_EFFECTS }).tables)
      for (const ddl of table.ddl) db.sqlite.exec(ddl);
}

/** The median of BENCH_ROUNDS timed runs after three to warm up, in ms. */
export async function p50(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/**
 * p50 in ms of the three hot list queries, as a biträdande enhetschef of
 * OWN_UNIT asks them: the case list filtered by unit and process, the
 * Rehabansvarig role queue, and the statistics of cases per step.
 */
export async function timeHotQueries(db: ReadModelDb, process: string) {
  const page = { limit: 50, offset: 0 };
  const list = new ListCasesHandler(db);
  const queue = new WorkQueueHandler(db);
  const steps = new StepCountsHandler(db);
  return {
    list: await p50(() => list.execute(new ListCasesQuery({ unit: OWN_UNIT, process }, NOW, page, scope))),
    queue: await p50(() =>
      queue.execute(
        new WorkQueueQuery({ kind: 'role', unitRoles: [`${OWN_UNIT}:rehabansvarig`] }, NOW, page, scope),
      ),
    ),
    steps: await p50(() => steps.execute(new StepCountsQuery(scope, OWN_UNIT))),
  };
}
