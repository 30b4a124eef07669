import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';

/** One person's share of a unit's work: counts only, no case. */
export interface Workload {
  readonly userId: string;
  readonly cases: number;
  /** Cases with a deadline that has passed and not fired yet. */
  readonly overdueCases: number;
  readonly openTasks: number;
  readonly overdueTasks: number;
}

/** The unit's work per person who holds cases or tasks in it, for its biträdande enhetschef. */
export class UnitWorkloadQuery extends Query<Workload[]> {
  constructor(
    readonly unit: string,
    readonly now: string,
  ) {
    super();
  }
}

@QueryHandler(UnitWorkloadQuery)
export class UnitWorkloadHandler implements IQueryHandler<UnitWorkloadQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ unit, now }: UnitWorkloadQuery): Promise<Workload[]> {
    const cases = this.db.all<{ user_id: string; cases: number; overdue: number }>(
      `SELECT c.social_worker_id AS user_id, count(*) AS cases,
         sum(EXISTS (SELECT 1 FROM cl_deadlines d WHERE d.case_id = c.case_id AND d.due_at < :now)) AS overdue
       FROM cl_cases c WHERE c.unit = :unit AND c.erased_at IS NULL GROUP BY c.social_worker_id`,
      { unit, now },
    );
    const tasks = this.db.all<{ user_id: string; open: number; overdue: number }>(
      `SELECT assignee AS user_id, count(*) AS open, sum(due_at IS NOT NULL AND due_at < :now) AS overdue
       FROM wq_tasks WHERE unit = :unit AND assignee IS NOT NULL GROUP BY assignee`,
      { unit, now },
    );
    const byPerson = new Map<string, Workload>();
    const of = (userId: string) =>
      byPerson.get(userId) ?? { userId, cases: 0, overdueCases: 0, openTasks: 0, overdueTasks: 0 };
    for (const row of cases)
      byPerson.set(row.user_id, { ...of(row.user_id), cases: row.cases, overdueCases: row.overdue });
    for (const row of tasks)
      byPerson.set(row.user_id, { ...of(row.user_id), openTasks: row.open, overdueTasks: row.overdue });
    return Promise.resolve([...byPerson.values()]);
  }
}
