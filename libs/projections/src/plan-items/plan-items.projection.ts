import { CASE_EVENTS } from '@app/engine';
import {
  CaseClosed,
  CaseErased,
  CaseReferenceChanged,
  CaseReopened,
  CaseworkerChanged,
  PlanItemChecked,
  PlanItemReminded,
  ProgressionsplanRecorded,
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  type StoredEventMessage,
} from '@app/read-model';
import { caseFacts, replaceReference } from '../case-directory';

/**
 * The progressionsplan's rows as the responsible social worker's tasks
 * (issue 18): each row's day and whether it is done, beside the plan's
 * sealed rows, which only an answer to someone allowed to see the case
 * opens. A new plan replaces the rows; a closed case has no tasks.
 */
class PlanItemsProjection implements Projection {
  readonly handles = [
    ProgressionsplanRecorded,
    PlanItemChecked,
    PlanItemReminded,
    CaseworkerChanged,
    CaseClosed,
    CaseReopened,
    CaseReferenceChanged,
    CaseErased,
  ];
  readonly name = 'planItems';
  readonly tables = [
    {
      name: 'pl_plans',
      ddl: [
        `CREATE TABLE pl_plans (
           case_id TEXT PRIMARY KEY, unit TEXT NOT NULL, reference TEXT NOT NULL, social_worker_id TEXT NOT NULL,
           items TEXT NOT NULL, plan_revision INTEGER NOT NULL, closed INTEGER NOT NULL DEFAULT 0)`,
        'CREATE INDEX pl_plans_worker ON pl_plans (social_worker_id)',
      ],
    },
    {
      name: 'pl_rows',
      ddl: [
        `CREATE TABLE pl_rows (
           case_id TEXT NOT NULL, row INTEGER NOT NULL, due_on TEXT NOT NULL, done INTEGER NOT NULL,
           reminded_soon INTEGER NOT NULL DEFAULT 0, reminded_late INTEGER NOT NULL DEFAULT 0,
           closed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (case_id, row))`,
        // The reminder run reads, by their day, only the rows that may still be reminded of.
        `CREATE INDEX pl_rows_to_remind ON pl_rows (due_on)
           WHERE done = 0 AND reminded_late = 0 AND closed = 0`,
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    switch (message.event.type) {
      case CASE_EVENTS.progressionsplanRecorded:
        this.planRecorded(db, message);
        return;
      case CASE_EVENTS.planItemChecked:
        db.run('UPDATE pl_rows SET done = :done WHERE case_id = :caseId AND row = :row', {
          caseId,
          row: data.row,
          done: data.done ? 1 : 0,
        });
        return;
      case CASE_EVENTS.planItemReminded:
        db.run(
          `UPDATE pl_rows SET ${data.late ? 'reminded_late' : 'reminded_soon'} = 1
           WHERE case_id = :caseId AND row = :row`,
          { caseId, row: data.row },
        );
        return;
      case CASE_EVENTS.caseworkerChanged:
        db.run('UPDATE pl_plans SET social_worker_id = :to WHERE case_id = :caseId', { caseId, to: data.to });
        return;
      case CASE_EVENTS.closed:
      case CASE_EVENTS.reopened:
        for (const table of ['pl_plans', 'pl_rows'])
          db.run(`UPDATE ${table} SET closed = :closed WHERE case_id = :caseId`, {
            caseId,
            closed: message.event.type === CASE_EVENTS.closed ? 1 : 0,
          });
        return;
      case CASE_EVENTS.referenceChanged:
        replaceReference(db, 'pl_plans', message);
        return;
      case CASE_EVENTS.erased:
        db.run('DELETE FROM pl_rows WHERE case_id = :caseId', { caseId });
        db.run('DELETE FROM pl_plans WHERE case_id = :caseId', { caseId });
        return;
    }
  }

  private planRecorded(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    db.run('DELETE FROM pl_rows WHERE case_id = :caseId', { caseId });
    const due = data.due as string[] | undefined;
    const done = data.done as boolean[] | undefined;
    // A plan recorded before the rows kept their days outside the seal has no tasks.
    if (!due || !done) {
      db.run('DELETE FROM pl_plans WHERE case_id = :caseId', { caseId });
      return;
    }
    const theCase = caseFacts(db, caseId);
    db.run(
      `INSERT INTO pl_plans (case_id, unit, reference, social_worker_id, items, plan_revision)
       VALUES (:caseId, :unit, :reference, :socialWorkerId, :items, :revision)
       ON CONFLICT (case_id) DO UPDATE SET items = excluded.items, plan_revision = excluded.plan_revision`,
      {
        caseId,
        unit: theCase.unit,
        reference: theCase.reference,
        socialWorkerId: theCase.social_worker_id,
        items: String(data.items),
        revision: message.event.revision,
      },
    );
    const closed = db.get<{ closed: number }>('SELECT closed FROM pl_plans WHERE case_id = :caseId', {
      caseId,
    });
    due.forEach((day, index) =>
      db.run(
        'INSERT INTO pl_rows (case_id, row, due_on, done, closed) VALUES (:caseId, :row, :day, :done, :closed)',
        { caseId, row: index + 1, day, done: done[index] ? 1 : 0, closed: closed?.closed ?? 0 },
      ),
    );
  }
}

export const planItemsProjection: ProjectionFactory = () => new PlanItemsProjection();
