import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError } from '@app/common';
import { ConcurrencyError } from '@app/event-store';
import { addIsoDuration } from '@app/engine';
import { ClosedCasesQuery, EVERY_CASE, OpenDeadlinesQuery, type OpenDeadline } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SystemCaseCommand } from '../engine/case-command';

export interface WorkerReport {
  readonly at: string;
  readonly fired: {
    readonly caseId: string;
    readonly deadlineId: string;
    readonly events: readonly string[];
  }[];
  /** Deadlines left for the next run: another node fired them, or the case moved since the read model saw it. */
  readonly skipped: { readonly caseId: string; readonly deadlineId: string; readonly reason: string }[];
  readonly failed: { readonly caseId: string; readonly deadlineId: string; readonly code: string }[];
  /** Cases erased because their unit's retention time after closing had passed. */
  readonly erased: { readonly caseId: string; readonly closedAt: string; readonly rule: string }[];
}

/** The error's stable code for the report; anything else is a bug, reported as INTERNAL. */
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : 'INTERNAL');

/** Per run; the rest wait for the next run, so one run never holds the store for long. */
const BATCH = 500;
export const DEADLINE_WORKER_ACTOR = 'system:fristbevakning';
export const RETENTION_ACTOR = 'system:gallring';

/**
 * Finds deadlines whose due time has passed and fires each through the
 * engine. The command id is derived from the deadline and the case's
 * expected revision comes from the read model, so two nodes running this
 * worker cannot fire one deadline twice: the second either replays the
 * first's result or meets a conflict and leaves it.
 */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineWorker');
  private timer?: NodeJS.Timeout;
  private running?: Promise<WorkerReport>;

  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  async onApplicationShutdown(): Promise<void> {
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
    const due = await this.queries.execute(
      new OpenDeadlinesQuery(now, { dueBy: now }, { limit: BATCH, offset: 0 }, EVERY_CASE),
    );
    const report: WorkerReport = { at: now, fired: [], skipped: [], failed: [], erased: [] };
    const byCase = new Map<string, OpenDeadline[]>();
    for (const deadline of due.items)
      byCase.set(deadline.caseId, [...(byCase.get(deadline.caseId) ?? []), deadline]);
    for (const [caseId, deadlines] of byCase) {
      let revision = deadlines[0].caseRevision;
      for (const deadline of deadlines) {
        const outcome = await this.fire(deadline, revision, now);
        if (outcome.kind === 'fired') {
          revision = outcome.revision;
          report.fired.push({ caseId, deadlineId: deadline.deadlineId, events: outcome.events });
        } else if (outcome.kind === 'skipped') {
          report.skipped.push({ caseId, deadlineId: deadline.deadlineId, reason: outcome.reason });
          break;
        } else {
          report.failed.push({ caseId, deadlineId: deadline.deadlineId, code: outcome.code });
        }
      }
    }
    await this.applyRetention(now, report);
    if (report.fired.length + report.failed.length + report.erased.length > 0) {
      this.logger.log(
        `fired ${report.fired.length} deadlines, skipped ${report.skipped.length}, failed ${report.failed.length}; erased ${report.erased.length} cases by retention rule`,
      );
    }
    return report;
  }

  /** Erases closed cases whose unit's retention time (RETENTION_RULES) has run out since closing. */
  private async applyRetention(now: string, report: WorkerReport): Promise<void> {
    const rules = this.config.retention;
    if (Object.keys(rules).length === 0) return;
    const closed = await this.queries.execute(new ClosedCasesQuery(now, BATCH));
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
