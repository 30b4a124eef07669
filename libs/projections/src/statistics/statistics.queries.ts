import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  CHANGE_REASONS,
  PersonalValue,
  WAIT_REASONS,
  waitKindOf,
  type ChangeReason,
  type WaitKind,
  type WaitReason,
} from '@app/engine';
import { visibilityParams, visibleCases, type ReadScope } from '@app/access';
import { ReadModelDb } from '@app/read-model';

export interface BipPhaseMonth {
  readonly month: string;
  readonly unit: string;
  /** Cases by their latest recorded BIP phase at the month's end; `ingen` when none was recorded yet. */
  readonly phases: Record<string, number>;
}

/** BIP phase distribution per unit and calendar month (UTC), from `from` to `to` inclusive (YYYY-MM). */
export class BipPhaseDistributionQuery extends Query<BipPhaseMonth[]> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly scope: ReadScope,
    readonly unit?: string,
  ) {
    super();
  }
}

export interface StepCount {
  readonly unit: string;
  readonly definitionId: string;
  readonly process: string;
  readonly step: string;
  readonly title: string;
  readonly cases: number;
}

/** Running instances per process step (top-level state) and unit. */
export class StepCountsQuery extends Query<StepCount[]> {
  constructor(
    readonly scope: ReadScope,
    readonly unit?: string,
  ) {
    super();
  }
}

export interface StepWait {
  readonly unit: string;
  readonly definitionId: string;
  readonly process: string;
  readonly step: string;
  readonly title: string;
  /** Instances standing at the step now, and the longest of their waits so far, in days. */
  readonly waitingNow: number;
  readonly longestWaitingDays: number | null;
  /** Instances that have left the step, and the median and longest time they stood there, in days. */
  readonly passed: number;
  readonly medianDays: number | null;
  readonly longestDays: number | null;
  /** Of those, the waits recorded as caused by something other than the need (seed 002), by reason. */
  readonly reasons: readonly {
    readonly reason: WaitReason;
    readonly label: string;
    readonly kind: WaitKind;
    readonly waitingNow: number;
    readonly passed: number;
  }[];
}

/**
 * Time spent in each process step (top-level state), per process and unit:
 * waits not caused by need show up as a step where instances stand long
 * (seed 002). Measured from when each step was recorded, not from business dates.
 */
export class StepWaitsQuery extends Query<StepWait[]> {
  constructor(
    readonly now: string,
    readonly scope: ReadScope,
    readonly unit?: string,
  ) {
    super();
  }
}

export interface CaseworkerChangeCount {
  readonly caseId: string;
  /** The pseudonym, sealed until the disclosure step opens it for a reader cleared to see the case. */
  readonly reference: PersonalValue;
  readonly unit: string;
  readonly lastTwelveMonths: number;
  readonly total: number;
  /** Two or more changes within twelve months: a signal the supervisor should look at. */
  readonly flagged: boolean;
  /** Why the latest change happened (CHANGE_REASONS); null for changes recorded before reasons were asked. */
  readonly lastReason: string | null;
  readonly lastReasonLabel: string | null;
  /** A change still without its hand-over summary. */
  readonly handoverMissing: boolean;
  /** A change the client has not yet been told of. */
  readonly clientUninformed: boolean;
}

export class CaseworkerChangesQuery extends Query<CaseworkerChangeCount[]> {
  constructor(
    readonly now: string,
    readonly scope: ReadScope,
    readonly unit?: string,
  ) {
    super();
  }
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** First instant after the month, as an ISO string, for "as at the month's end" comparisons. */
function endOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 1)).toISOString();
}

@QueryHandler(BipPhaseDistributionQuery)
export class BipPhaseDistributionHandler implements IQueryHandler<BipPhaseDistributionQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ from, to, unit, scope }: BipPhaseDistributionQuery): Promise<BipPhaseMonth[]> {
    const params = { unit: unit ?? null, ...visibilityParams(scope) };
    const sql = bipPhaseSql(unit);
    const opened = this.db.all<{ case_id: string; unit: string; opened_at: string }>(sql.opened, params);
    const phases = this.db.all<{ case_id: string; phase: number; recorded_at: string }>(sql.phases, params);
    const byCase = new Map<string, { phase: number; recorded_at: string }[]>();
    for (const row of phases) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row]);
    const result: BipPhaseMonth[] = [];
    for (const month of monthsBetween(from, to)) {
      const end = endOf(month);
      const perUnit = new Map<string, Record<string, number>>();
      for (const c of opened.filter((row) => row.opened_at < end)) {
        const latest = (byCase.get(c.case_id) ?? []).filter((r) => r.recorded_at < end).at(-1);
        const bucket = latest ? String(latest.phase) : 'ingen';
        const counts = perUnit.get(c.unit) ?? {};
        counts[bucket] = (counts[bucket] ?? 0) + 1;
        perUnit.set(c.unit, counts);
      }
      for (const [u, counts] of [...perUnit].sort(([a], [b]) => a.localeCompare(b))) {
        result.push({ month, unit: u, phases: counts });
      }
    }
    return Promise.resolve(result);
  }
}

/** ` AND <column> = :unit` when a unit is asked for, else nothing: `(:unit IS NULL OR …)` keeps SQLite off the unit's index. */
const unitFilter = (unit: string | undefined, column = 'unit') =>
  unit === undefined ? '' : ` AND ${column} = :unit`;

/** The cases open by each month's end and their BIP phases, for the phase distribution. */
export const bipPhaseSql = (unit: string | undefined) => ({
  opened: `SELECT case_id, unit, opened_at FROM st_opened
    WHERE ${visibleCases('case_id')}${unitFilter(unit)}`,
  phases: `SELECT case_id, phase, recorded_at FROM st_bip_phases
    WHERE ${visibleCases('case_id')}${unitFilter(unit)} ORDER BY recorded_at, revision`,
});

/** Handläggarbyten per case, the last twelve months and in all. */
export const caseworkerChangesSql = (unit: string | undefined) =>
  `SELECT ch.case_id, c.reference, ch.unit, sum(ch.changed_at > :since) AS recent, count(*) AS total,
     (SELECT l.reason FROM st_caseworker_changes l WHERE l.case_id = ch.case_id ORDER BY l.revision DESC LIMIT 1)
       AS last_reason,
     max(ch.handover_missing) AS handover_missing, max(ch.client_uninformed) AS client_uninformed
   FROM st_caseworker_changes ch JOIN rm_cases c ON c.case_id = ch.case_id
   WHERE ${visibleCases('ch.case_id')}${unitFilter(unit, 'ch.unit')}
   GROUP BY ch.case_id, c.reference, ch.unit ORDER BY recent DESC, total DESC, ch.case_id`;

export const stepCountsSql = (unit: string | undefined) =>
  `SELECT unit, definition_id, process_title, step, step_title, count(*) AS n FROM st_instance_steps
   WHERE active = 1${unitFilter(unit)} AND ${visibleCases('case_id')}
   GROUP BY unit, definition_id, process_title, step, step_title ORDER BY unit, definition_id, n DESC, step`;

export const stepWaitsSql = (unit: string | undefined) => ({
  waiting: `SELECT unit, definition_id, process_title, step, step_title, entered_at AS since, NULL AS until,
    wait_reason FROM st_instance_steps WHERE active = 1${unitFilter(unit)} AND ${visibleCases('case_id')}`,
  passed: `SELECT unit, definition_id, process_title, step, step_title, entered_at AS since, left_at AS until,
    wait_reason FROM st_step_waits WHERE ${visibleCases('case_id')}${unitFilter(unit)}`,
});

const DAY_MS = 86_400_000;
const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface WaitRow {
  unit: string;
  definition_id: string;
  process_title: string;
  step: string;
  step_title: string;
  since: string;
  until: string | null;
  wait_reason: WaitReason | null;
}

/** How many of a step's waits, now and passed, were recorded as waiting for each reason other than the need. */
function byReason(rows: readonly WaitRow[]) {
  const counts = new Map<WaitReason, { waitingNow: number; passed: number }>();
  for (const row of rows) {
    if (row.wait_reason === null) continue;
    const count = counts.get(row.wait_reason) ?? { waitingNow: 0, passed: 0 };
    if (row.until === null) count.waitingNow += 1;
    else count.passed += 1;
    counts.set(row.wait_reason, count);
  }
  return [...counts].map(([reason, count]) => ({
    reason,
    label: WAIT_REASONS[reason],
    kind: waitKindOf(reason),
    ...count,
  }));
}

@QueryHandler(StepWaitsQuery)
export class StepWaitsHandler implements IQueryHandler<StepWaitsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ now, unit, scope }: StepWaitsQuery): Promise<StepWait[]> {
    const params = { unit: unit ?? null, ...visibilityParams(scope) };
    const sql = stepWaitsSql(unit);
    const groups = new Map<string, { row: WaitRow; rows: WaitRow[]; waiting: number[]; passed: number[] }>();
    const nowMs = Date.parse(now);
    for (const row of [
      ...this.db.all<WaitRow>(sql.waiting, params),
      ...this.db.all<WaitRow>(sql.passed, params),
    ]) {
      const key = JSON.stringify([row.unit, row.definition_id, row.step]);
      const group = groups.get(key) ?? { row, rows: [], waiting: [], passed: [] };
      group.rows.push(row);
      const since = Date.parse(row.since);
      if (row.until === null) group.waiting.push(Math.max(0, nowMs - since));
      else group.passed.push(Date.parse(row.until) - since);
      groups.set(key, group);
    }
    const waits = [...groups.values()].map(({ row, rows, waiting, passed }) => {
      const sorted = passed.sort((a, b) => a - b);
      const middle = median(sorted);
      return {
        unit: row.unit,
        definitionId: row.definition_id,
        process: row.process_title,
        step: row.step,
        title: row.step_title,
        waitingNow: waiting.length,
        longestWaitingDays: waiting.length > 0 ? days(waiting.reduce((a, b) => Math.max(a, b))) : null,
        passed: sorted.length,
        medianDays: middle === null ? null : days(middle),
        longestDays: sorted.length > 0 ? days(sorted[sorted.length - 1]) : null,
        reasons: byReason(rows),
      };
    });
    // The longest waits first within each process: what a supervisor looks for.
    waits.sort(
      (a, b) =>
        a.unit.localeCompare(b.unit) ||
        a.definitionId.localeCompare(b.definitionId) ||
        (b.longestWaitingDays ?? -1) - (a.longestWaitingDays ?? -1) ||
        (b.medianDays ?? -1) - (a.medianDays ?? -1) ||
        a.step.localeCompare(b.step),
    );
    return Promise.resolve(waits);
  }
}

@QueryHandler(StepCountsQuery)
export class StepCountsHandler implements IQueryHandler<StepCountsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ unit, scope }: StepCountsQuery): Promise<StepCount[]> {
    const rows = this.db.all<{
      unit: string;
      definition_id: string;
      process_title: string;
      step: string;
      step_title: string;
      n: number;
    }>(stepCountsSql(unit), { unit: unit ?? null, ...visibilityParams(scope) });
    return Promise.resolve(
      rows.map((row) => ({
        unit: row.unit,
        definitionId: row.definition_id,
        process: row.process_title,
        step: row.step,
        title: row.step_title,
        cases: row.n,
      })),
    );
  }
}

@QueryHandler(CaseworkerChangesQuery)
export class CaseworkerChangesHandler implements IQueryHandler<CaseworkerChangesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ now, unit, scope }: CaseworkerChangesQuery): Promise<CaseworkerChangeCount[]> {
    const yearAgo = new Date(now);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const rows = this.db.all<{
      case_id: string;
      reference: string;
      unit: string;
      recent: number;
      total: number;
      last_reason: string | null;
      handover_missing: number;
      client_uninformed: number;
    }>(caseworkerChangesSql(unit), {
      unit: unit ?? null,
      since: yearAgo.toISOString(),
      ...visibilityParams(scope),
    });
    return Promise.resolve(
      rows.map((row) => ({
        caseId: row.case_id,
        reference: new PersonalValue(row.case_id, row.reference),
        unit: row.unit,
        lastTwelveMonths: row.recent,
        total: row.total,
        flagged: row.recent >= 2,
        lastReason: row.last_reason,
        lastReasonLabel: row.last_reason ? (CHANGE_REASONS[row.last_reason as ChangeReason] ?? null) : null,
        handoverMissing: row.handover_missing === 1,
        clientUninformed: row.client_uninformed === 1,
      })),
    );
  }
}
