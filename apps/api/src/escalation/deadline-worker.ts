import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, CLOCK, type Clock } from '@app/common';
import { ConcurrencyError } from '@app/event-store';
import { addIsoDuration } from '@app/workflow';
import { ClosedCasesQuery, EVERY_CASE } from '@app/access';
import {
  OpenDeadlinesQuery,
  PlanRemindersDueQuery,
  type DeadlineKey,
  type OpenDeadline,
} from '@app/projections';
import { calendarDayOf } from '@app/workflow';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SystemCaseCommand } from '../engine/case-command';
import { Metrics } from '../metrics/metrics';

export interface WorkerReport {
  readonly at: string;
  readonly fired: {
    readonly caseId: string;
    readonly deadlineId: string;
    readonly events: readonly string[];
  }[];
  /** Deadlines left for the next run: another node fired them, or the case moved since the read model saw it. */
  readonly skipped: { readonly caseId: string; readonly deadlineId: string; readonly reason: string }[];
  /** Failed this run; each is left alone, with a growing pause, so it cannot crowd out the others. */
  readonly failed: {
    readonly caseId: string;
    readonly deadlineId: string;
    readonly code: string;
    readonly retryAfter?: string;
  }[];
  /** Cases erased because their unit's retention time after closing had passed. */
  readonly erased: { readonly caseId: string; readonly closedAt: string; readonly rule: string }[];
  /** Rows of progressionsplans their social worker was reminded of: due soon, or late. */
  readonly reminded: { readonly caseId: string; readonly row: number; readonly late: boolean }[];
}

/** Deadline ids are unique within their case only. */
const keyOf = (deadline: DeadlineKey) => `${deadline.caseId}/${deadline.deadlineId}`;

/** The error's stable code for the report; anything else is a bug, reported as INTERNAL. */
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : 'INTERNAL');

/** A failing deadline waits 1, 2, 4 … minutes before it is tried again, at most an hour. */
const FIRST_PAUSE_SECONDS = 60;
const LONGEST_PAUSE_SECONDS = 3600;
export const DEADLINE_WORKER_ACTOR = 'system:fristbevakning';
export const RETENTION_ACTOR = 'system:gallring';
export const PLAN_REMINDER_ACTOR = 'system:planbevakning';
/** How many days before a plan row's day its social worker is reminded; again once it has passed. */
const PLAN_REMINDER_DAYS = 3;

/**
 * Finds deadlines whose due time has passed and fires each through the
 * engine. The command id is derived from the deadline and the case's
 * expected revision comes from the read model, so two nodes running this
 * worker cannot fire one deadline twice: the second either replays the
 * first's result or meets a conflict and leaves it.
 */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlineWorker');
  private timer?: NodeJS.Timeout;
  private running?: Promise<WorkerReport>;
  /** Deadlines that failed, until they succeed or leave the read model: without this, as many failing ones as a run takes would starve every other deadline. */
  private readonly failing = new Map<string, { key: DeadlineKey; attempts: number; retryAfter: string }>();

  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.deadlineWorkerIntervalMs;
    if (interval === 0) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) =>
        this.logger.error(`deadline run failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, interval);
    this.timer.unref();
  }

  /** Before any module lets go of the store or the key store: a run in progress finishes on both. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run now; a call while a run is in progress gets that run's report. */
  runOnce(): Promise<WorkerReport> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<WorkerReport> {
    const now = this.clock.now().toISOString();
    const pausing = [...this.failing.values()].filter((f) => f.retryAfter > now).map((f) => f.key);
    const due = await this.queries.execute(
      new OpenDeadlinesQuery(
        now,
        { dueBy: now, excluding: pausing },
        { limit: this.config.deadlineWorkerBatch, offset: 0 },
        EVERY_CASE,
      ),
    );
    // One that could have been tried and was not listed has left (fired elsewhere, cancelled): forget it.
    const listed = new Set(due.items.map(keyOf));
    for (const [key, failure] of this.failing) {
      if (failure.retryAfter <= now && !listed.has(key)) this.failing.delete(key);
    }
    const report: WorkerReport = { at: now, fired: [], skipped: [], failed: [], erased: [], reminded: [] };
    const byCase = new Map<string, OpenDeadline[]>();
    for (const deadline of due.items)
      byCase.set(deadline.caseId, [...(byCase.get(deadline.caseId) ?? []), deadline]);
    for (const [caseId, deadlines] of byCase) {
      let revision = deadlines[0].caseRevision;
      for (const deadline of deadlines) {
        const outcome = await this.fire(deadline, revision, now);
        if (outcome.kind === 'failed') {
          const retryAfter = this.pause(deadline, now);
          report.failed.push({ caseId, deadlineId: deadline.deadlineId, code: outcome.code, retryAfter });
          continue;
        }
        this.failing.delete(keyOf(deadline));
        if (outcome.kind === 'fired') {
          revision = outcome.revision;
          report.fired.push({ caseId, deadlineId: deadline.deadlineId, events: outcome.events });
        } else {
          report.skipped.push({ caseId, deadlineId: deadline.deadlineId, reason: outcome.reason });
          break;
        }
      }
    }
    await this.applyRetention(now, report);
    await this.remindOfPlanRows(now, report);
    this.metrics.deadlineRuns.inc();
    this.metrics.deadlines.inc({ outcome: 'fired' }, report.fired.length);
    this.metrics.deadlines.inc({ outcome: 'skipped' }, report.skipped.length);
    this.metrics.deadlines.inc({ outcome: 'failed' }, report.failed.length);
    if (report.fired.length + report.failed.length + report.erased.length + report.reminded.length > 0) {
      this.logger.log(
        `fired ${report.fired.length} deadlines, skipped ${report.skipped.length}, failed ${report.failed.length}; erased ${report.erased.length} cases by retention rule; reminded of ${report.reminded.length} plan rows`,
      );
    }
    return report;
  }

  /** When a deadline that just failed is tried again: later each time it fails. */
  private pause(deadline: OpenDeadline, now: string): string {
    const key = { caseId: deadline.caseId, deadlineId: deadline.deadlineId };
    const attempts = (this.failing.get(keyOf(key))?.attempts ?? 0) + 1;
    const seconds = Math.min(FIRST_PAUSE_SECONDS * 2 ** (attempts - 1), LONGEST_PAUSE_SECONDS);
    const retryAfter = addIsoDuration(now, `PT${seconds}S`);
    this.failing.set(keyOf(key), { key, attempts, retryAfter });
    return retryAfter;
  }

  /** Erases closed cases whose unit's retention time (RETENTION_RULES) has run out since closing. */
  private async applyRetention(now: string, report: WorkerReport): Promise<void> {
    const rules = this.config.retention;
    if (Object.keys(rules).length === 0) return;
    const closed = await this.queries.execute(new ClosedCasesQuery(now, this.config.deadlineWorkerBatch));
    for (const candidate of closed) {
      const rule = rules[candidate.unit] ?? rules.default;
      if (rule === undefined || addIsoDuration(candidate.closedAt, rule) > now) continue;
      try {
        await this.commands.execute(
          new SystemCaseCommand(
            {
              type: 'EraseCase',
              caseId: candidate.caseId,
              reason: 'retention-expired',
              decision: `gallringsregel ${rule}`,
              closedAt: candidate.closedAt,
            },
            {
              actorId: RETENTION_ACTOR,
              now,
              correlationId: randomUUID(),
              commandId: `erase:retention:${candidate.caseId}`,
            },
          ),
        );
        report.erased.push({ caseId: candidate.caseId, closedAt: candidate.closedAt, rule });
      } catch (error) {
        report.failed.push({ caseId: candidate.caseId, deadlineId: 'retention', code: codeOf(error) });
      }
    }
  }

  /**
   * Reminds each plan row's social worker once before its day and once
   * after: the command id names the plan's revision, the row and which
   * reminder, so a second node's run replays the first's instead of
   * reminding twice.
   */
  private async remindOfPlanRows(now: string, report: WorkerReport): Promise<void> {
    const today = calendarDayOf(now);
    const soonUntil = calendarDayOf(addIsoDuration(now, `P${PLAN_REMINDER_DAYS}D`));
    const due = await this.queries.execute(
      new PlanRemindersDueQuery(today, soonUntil, this.config.deadlineWorkerBatch),
    );
    for (const reminder of due) {
      const which = reminder.late ? 'late' : 'soon';
      try {
        const result = await this.commands.execute(
          new SystemCaseCommand(
            { type: 'RemindPlanItem', caseId: reminder.caseId, row: reminder.row, dueOn: reminder.dueOn },
            {
              actorId: PLAN_REMINDER_ACTOR,
              now,
              correlationId: randomUUID(),
              commandId: `plan-reminder:${reminder.caseId}:${reminder.planRevision}:${reminder.row}:${which}`,
            },
          ),
        );
        if (!result.replayed)
          report.reminded.push({ caseId: reminder.caseId, row: reminder.row, late: reminder.late });
      } catch (error) {
        report.failed.push({
          caseId: reminder.caseId,
          deadlineId: `plan-row-${reminder.row}`,
          code: codeOf(error),
        });
      }
    }
  }

  private async fire(deadline: OpenDeadline, expectedRevision: number, now: string) {
    try {
      const result = await this.commands.execute(
        new SystemCaseCommand(
          { type: 'FireDeadline', caseId: deadline.caseId, deadlineId: deadline.deadlineId },
          {
            actorId: DEADLINE_WORKER_ACTOR,
            now,
            correlationId: randomUUID(),
            commandId: `deadline:${deadline.deadlineId}`,
            expectedRevision,
          },
        ),
      );
      if (result.replayed) return { kind: 'skipped' as const, reason: 'alreadyFired' };
      return { kind: 'fired' as const, revision: result.revision, events: result.events };
    } catch (error) {
      if (error instanceof ConcurrencyError) return { kind: 'skipped' as const, reason: 'caseMoved' };
      if (error instanceof AppError && error.code === 'DEADLINE.NOT_FOUND')
        return { kind: 'skipped' as const, reason: 'alreadyFired' };
      this.logger.error(
        `deadline ${deadline.deadlineId} of case ${deadline.caseId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { kind: 'failed' as const, code: codeOf(error) };
    }
  }
}
