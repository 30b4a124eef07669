import { CASE_EVENTS, type ProcessRegistry } from '@app/engine';
import { caseFacts } from '../case-directory';
import {
  type Projection,
  type ProjectionFactory,
  CaseErased,
  FollowUpOwnerChanged,
  ProcessCompleted,
  ProcessEnded,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/**
 * Who follows up each process instance now, since when, and whether it came
 * by escalation: one row per instance with a follow-up, gone when the
 * instance ends, so a later process never overwrites an earlier one's owner.
 */
class FollowUpProjection implements Projection {
  constructor(private readonly registry: ProcessRegistry) {}
  readonly handles = [FollowUpOwnerChanged, ProcessCompleted, ProcessEnded, CaseErased];
  readonly name = 'followUp';
  readonly tables = [
    {
      name: 'fu_follow_ups',
      ddl: [
        `CREATE TABLE fu_follow_ups (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, unit TEXT NOT NULL, reference TEXT NOT NULL,
           process_title TEXT NOT NULL, owner TEXT NOT NULL, since TEXT NOT NULL, reason TEXT,
           escalated INTEGER NOT NULL, PRIMARY KEY (case_id, instance_id))`,
        'CREATE INDEX fu_follow_ups_owner ON fu_follow_ups (unit, owner)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    switch (message.event.type) {
      case CASE_EVENTS.erased:
        db.run('DELETE FROM fu_follow_ups WHERE case_id = :caseId', { caseId });
        return;
      case CASE_EVENTS.processCompleted:
      case CASE_EVENTS.processEnded:
        db.run('DELETE FROM fu_follow_ups WHERE case_id = :caseId AND instance_id = :instanceId', {
          caseId,
          instanceId: data.instanceId,
        });
        return;
      default: {
        const instance = message.instance;
        const definition = instance && this.registry.get(instance.definitionId, instance.version);
        const theCase = caseFacts(db, caseId);
        db.run(
          `INSERT INTO fu_follow_ups (case_id, instance_id, unit, reference, process_title, owner, since, reason,
             escalated)
           VALUES (:caseId, :instanceId, :unit, :reference, :processTitle, :owner, :since, :reason, :escalated)
           ON CONFLICT (case_id, instance_id) DO UPDATE SET owner = excluded.owner, since = excluded.since,
             reason = excluded.reason, escalated = excluded.escalated`,
          {
            caseId,
            instanceId: data.instanceId,
            unit: theCase.unit,
            reference: theCase.reference,
            processTitle: definition?.title ?? '',
            owner: data.owner,
            since: message.occurredAt,
            reason: data.reason ?? null,
            escalated: data.escalated ? 1 : 0,
          },
        );
      }
    }
  }
}

export const followUpProjection: ProjectionFactory = ({ registry }) => new FollowUpProjection(registry);
