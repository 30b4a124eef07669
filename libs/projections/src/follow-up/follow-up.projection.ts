import { CASE_EVENTS } from '@app/engine';
import {
  type Projection,
  type ProjectionFactory,
  CaseOpened,
  FollowUpOwnerChanged,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/** Who owns follow-up of each case now, since when, and whether it came by escalation. */
class FollowUpProjection implements Projection {
  readonly handles = [CaseOpened, FollowUpOwnerChanged];
  readonly name = 'followUp';
  readonly tables = [
    {
      name: 'fu_cases',
      ddl: [
        `CREATE TABLE fu_cases (
           case_id TEXT PRIMARY KEY, unit TEXT NOT NULL, reference TEXT NOT NULL, owner TEXT, since TEXT,
           reason TEXT, escalated INTEGER NOT NULL DEFAULT 0, instance_id TEXT)`,
        'CREATE INDEX fu_cases_owner ON fu_cases (unit, owner)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    if (message.event.type === CASE_EVENTS.opened) {
      db.run('INSERT INTO fu_cases (case_id, unit, reference) VALUES (:caseId, :unit, :reference)', {
        caseId,
        unit: data.unit,
        reference: data.reference,
      });
      return;
    }
    db.run(
      `UPDATE fu_cases SET owner = :owner, since = :since, reason = :reason, escalated = :escalated,
         instance_id = :instanceId WHERE case_id = :caseId`,
      {
        caseId,
        owner: data.owner,
        since: message.occurredAt,
        reason: data.reason ?? null,
        escalated: data.escalated ? 1 : 0,
        instanceId: data.instanceId ?? null,
      },
    );
  }
}

export const followUpProjection: ProjectionFactory = () => new FollowUpProjection();
