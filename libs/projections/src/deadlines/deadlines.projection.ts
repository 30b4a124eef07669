import { CASE_EVENTS } from '@app/engine';
import { caseFacts } from '../case-directory';
import {
  type Projection,
  type ProjectionFactory,
  DeadlineCancelled,
  DeadlineReached,
  DeadlineScheduled,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/** Every deadline with its status; the open ones by due time feed the escalation worker and dashboards. */
class DeadlinesProjection implements Projection {
  readonly handles = [DeadlineScheduled, DeadlineCancelled, DeadlineReached];
  readonly name = 'deadlines';
  readonly tables = [
    {
      name: 'dl_deadlines',
      ddl: [
        `CREATE TABLE dl_deadlines (
           deadline_id TEXT NOT NULL, case_id TEXT NOT NULL, unit TEXT NOT NULL, instance_id TEXT NOT NULL,
           definition_id TEXT NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL, due_at TEXT NOT NULL,
           status TEXT NOT NULL, scheduled_at TEXT NOT NULL, closed_at TEXT,
           PRIMARY KEY (case_id, deadline_id))`,
        'CREATE INDEX dl_deadlines_open ON dl_deadlines (status, due_at)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data } = message;
    switch (message.event.type) {
      case CASE_EVENTS.deadlineScheduled:
        db.run(
          `INSERT INTO dl_deadlines (deadline_id, case_id, unit, instance_id, definition_id, name, title, due_at,
             status, scheduled_at)
           VALUES (:id, :caseId, :unit, :instanceId, :definitionId, :name, :title, :dueAt, 'open', :at)`,
          {
            id: data.deadlineId,
            caseId: message.caseId,
            unit: caseFacts(db, message.caseId).unit,
            instanceId: data.instanceId,
            definitionId: message.instance?.definitionId ?? '',
            name: data.name,
            title: data.title,
            dueAt: data.dueAt,
            at: message.occurredAt,
          },
        );
        return;
      case CASE_EVENTS.deadlineCancelled:
      case CASE_EVENTS.deadlineReached:
        db.run(
          'UPDATE dl_deadlines SET status = :status, closed_at = :at WHERE case_id = :caseId AND deadline_id = :id',
          {
            caseId: message.caseId,
            id: data.deadlineId,
            status: message.event.type === CASE_EVENTS.deadlineReached ? 'reached' : 'cancelled',
            at: message.occurredAt,
          },
        );
        return;
    }
  }
}

export const deadlinesProjection: ProjectionFactory = () => new DeadlinesProjection();
