import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PersonalValue } from '@app/engine';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';

/** One row of a progressionsplan not yet done, as a task of the case's social worker. */
export interface PlanTask {
  readonly caseId: string;
  readonly reference: PersonalValue;
  readonly unit: string;
  /** From 1, as the plan numbers its rows. */
  readonly row: number;
  readonly dueOn: string;
  /** Its day has passed. */
  readonly late: boolean;
  /** The row itself (vad, vem, när, varför), opened only for a reader allowed to see the case. */
  readonly item: PersonalValue;
}

/** The rows not done of the plans in the cases the person is responsible for, the earliest day first. */
export class PlanTasksQuery extends Query<PageOf<PlanTask>> {
  constructor(
    readonly personId: string,
    /** Today, `YYYY-MM-DD` on the Swedish calendar. */
    readonly today: string,
    readonly page: Page,
  ) {
    super();
  }
}

interface Row {
  case_id: string;
  reference: string;
  unit: string;
  items: string;
  row: number;
  due_on: string;
}

@QueryHandler(PlanTasksQuery)
export class PlanTasksHandler implements IQueryHandler<PlanTasksQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ personId, today, page }: PlanTasksQuery): Promise<PageOf<PlanTask>> {
    return Promise.resolve(
      selectPage(
        this.db,
        {
          columns: 'p.case_id, p.reference, p.unit, p.items, r.row, r.due_on',
          from: `FROM pl_plans p JOIN pl_rows r ON r.case_id = p.case_id
                 WHERE p.social_worker_id = :personId AND p.closed = 0 AND r.done = 0`,
          orderBy: 'r.due_on, p.case_id, r.row',
        },
        { personId },
        page,
        (row: Row) => ({
          caseId: row.case_id,
          reference: new PersonalValue(row.case_id, row.reference),
          unit: row.unit,
          row: row.row,
          dueOn: row.due_on,
          late: row.due_on < today,
          // The plan is sealed whole; the answer shows this row of it.
          item: new PersonalValue(row.case_id, row.items, (opened) =>
            Array.isArray(opened) ? opened[row.row - 1] : opened,
          ),
        }),
      ),
    );
  }
}

/** A row to remind its social worker of: soon (on or before `soonUntil`) or late (before `today`), once each. */
export interface PlanReminder {
  readonly caseId: string;
  readonly row: number;
  readonly dueOn: string;
  readonly late: boolean;
  readonly planRevision: number;
}

/** The rows due a reminder now, at most `limit`: the day has passed, or is near, and no reminder of that kind went yet. */
export class PlanRemindersDueQuery extends Query<PlanReminder[]> {
  constructor(
    readonly today: string,
    readonly soonUntil: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(PlanRemindersDueQuery)
export class PlanRemindersDueHandler implements IQueryHandler<PlanRemindersDueQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ today, soonUntil, limit }: PlanRemindersDueQuery): Promise<PlanReminder[]> {
    return Promise.resolve(planRemindersDue(this.db, today, soonUntil, limit));
  }
}

function planRemindersDue(db: ReadModelDb, today: string, soonUntil: string, limit: number): PlanReminder[] {
  return db
    .all<{ case_id: string; row: number; due_on: string; late: number; plan_revision: number }>(
      `SELECT r.case_id, r.row, r.due_on, r.due_on < :today AS late, p.plan_revision
       FROM pl_rows r INDEXED BY pl_rows_to_remind JOIN pl_plans p ON p.case_id = r.case_id
       WHERE r.done = 0 AND r.reminded_late = 0 AND r.closed = 0 AND r.due_on <= :soonUntil
         AND (r.due_on < :today OR r.reminded_soon = 0)
       ORDER BY r.due_on LIMIT :limit`,
      { today, soonUntil, limit },
    )
    .map((row) => ({
      caseId: row.case_id,
      row: row.row,
      dueOn: row.due_on,
      late: row.late === 1,
      planRevision: row.plan_revision,
    }));
}
