import type { TestingModule } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '@app/event-store';
import { visibilityParams } from '@app/access';
import { caseListFrom, type CaseListFilter } from './case-list/case-list.queries';
import { ReadModelDb } from '@app/read-model';
import { startReadModels } from './testing/read-models-module';
import { bipPhaseSql, caseworkerChangesSql, stepCountsSql } from './statistics/statistics.queries';
import { workQueueFrom, type QueueScope } from './work-queue/work-queue.queries';

/**
 * The hot list queries as SQLite plans them: each filter a person can set
 * must reach its rows through an index, never by scanning the table, or the
 * lists slow down with every unit's cases in the store.
 */
describe('query plans of the hot read-model queries', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  let module: TestingModule;
  let db: ReadModelDb;

  beforeAll(async () => {
    module = await startReadModels(store, { filename: ':memory:' });
    db = module.get(ReadModelDb);
    // Statistics for a store of many units, so the plans are the ones a grown store gets.
    const insert = db.sqlite.prepare(
      "INSERT INTO ac_cases (case_id, unit, social_worker_id) VALUES (?, ?, 'ss-plan')",
    );
    db.sqlite.transaction(() => {
      for (let n = 0; n < 20_000; n++) insert.run(`case-${n}`, `unit-${n % 100}`);
    })();
    db.sqlite.exec('ANALYZE');
  });
  afterAll(async () => {
    await module.close();
    await store.close();
  });

  const scope = {
    wholeUnits: ['jarva-1'],
    caseManagerUnits: [],
    socialWorkerUnits: [],
    mentees: [],
    covered: [],
    userId: 'jarva-1-bec',
  };
  const plan = (from: string, params: Record<string, unknown>) =>
    db
      .all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT * ${from}`, {
        ...params,
        now: '2026-12-01T00:00:00.000Z',
        ...visibilityParams(scope),
      })
      .map((row) => row.detail);

  it.each<[string, CaseListFilter, Record<string, unknown>, string]>([
    ['a unit', { unit: 'jarva-1' }, { unit: 'jarva-1' }, 'SEARCH c USING INDEX cl_cases_unit (unit=?)'],
    [
      'a unit and a process',
      { unit: 'jarva-1', process: 'afu' },
      { unit: 'jarva-1', process: 'afu' },
      'SEARCH i EXISTS USING COVERING INDEX cl_instances_definition (definition_id=? AND status=? AND case_id=?)',
    ],
    [
      'a social worker',
      { socialWorkerId: 'jarva-1-ss' },
      { socialWorkerId: 'jarva-1-ss' },
      'SEARCH c USING INDEX cl_cases_worker (social_worker_id=?)',
    ],
    [
      'what a search found',
      { found: { caseIds: ['case-1'], exactCaseIds: [], socialWorkerIds: ['jarva-1-ss'] } },
      { foundCases: '["case-1"]', foundWorkers: '["jarva-1-ss"]' },
      'SEARCH c USING INDEX sqlite_autoindex_cl_cases_1 (case_id=?)',
    ],
  ])('given the case list filtered by %s, then it searches an index', (_what, filter, params, expected) => {
    const steps = plan(caseListFrom(filter), params);
    expect(steps).toContain(expected);
    expect(steps.filter((step) => /^SCAN (c|i|a)\b/.test(step))).toEqual([]);
  });

  it.each<[string, QueueScope, Record<string, unknown>]>([
    [
      'a role in its units',
      { kind: 'role', unitRoles: ['jarva-1:rehabansvarig', 'rinkeby-2:rehabansvarig'] },
      {},
    ],
    [
      'a role in one unit',
      { kind: 'role', unitRoles: ['jarva-1:rehabansvarig'], unit: 'jarva-1' },
      { unit: 'jarva-1' },
    ],
  ])('given the role queue for %s, then it searches the (lane, unit) index', (_what, queue, params) => {
    const unitRoles = JSON.stringify(
      queue.kind === 'role' ? queue.unitRoles.map((pair) => pair.split(':')) : [],
    );
    const steps = plan(workQueueFrom(queue), { ...params, unitRoles });
    expect(
      steps.some((step) =>
        step.startsWith('SEARCH wq_tasks USING INDEX wq_tasks_lane (lane=? AND unit=? AND assignee=?)'),
      ),
    ).toBe(true);
    expect(steps.filter((step) => /^SCAN (wq_tasks|a)\b/.test(step))).toEqual([]);
  });

  it('given the statistics of cases per step for a unit, then it searches the unit index', () => {
    const steps = db
      .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${stepCountsSql('jarva-1')}`, {
        unit: 'jarva-1',
        ...visibilityParams(scope),
      })
      .map((row) => row.detail);
    expect(steps).toContain(
      'SEARCH st_instance_steps USING INDEX st_instance_steps_unit (unit=? AND active=?)',
    );
    expect(steps.filter((step) => /^SCAN (st_instance_steps|a)\b/.test(step))).toEqual([]);
  });

  it.each([
    ['the BIP phases: cases opened', bipPhaseSql('jarva-1').opened, 'st_opened', 'st_opened_unit (unit=?)'],
    [
      'the BIP phases: phases recorded',
      bipPhaseSql('jarva-1').phases,
      'st_bip_phases',
      'st_bip_unit (unit=?)',
    ],
    [
      'the handläggarbyten',
      caseworkerChangesSql('jarva-1'),
      'st_caseworker_changes',
      'st_caseworker_changes_unit (unit=?)',
    ],
  ])('given the statistics of %s for a unit, then it searches the unit index', (_what, sql, table, index) => {
    const steps = db
      .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, {
        unit: 'jarva-1',
        since: '2026-01-01',
        ...visibilityParams(scope),
      })
      .map((row) => row.detail);
    expect(
      steps.some(
        (step) => step.includes(`USING INDEX ${index}`) || step.includes(`USING COVERING INDEX ${index}`),
      ),
    ).toBe(true);
    expect(steps.filter((step) => new RegExp(`^SCAN (${table}|a)\\b`).test(step))).toEqual([]);
  });
});
