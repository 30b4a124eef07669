import { CASE_EVENTS, type ProcessRegistry } from '@app/engine';
import { addIsoDuration } from '@app/workflow';
import { caseFacts, replaceReference } from '../case-directory';
import {
  type Projection,
  type ProjectionFactory,
  CaseErased,
  CaseReferenceChanged,
  StepCorrected,
  FollowUpOwnerChanged,
  ProcessCompleted,
  ProcessEnded,
  ProcessStepRecorded,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/**
 * How long a follow-up owner may go without recording one before the
 * biträdande enhetschef sees it flagged: BIP is measured every third month
 * (toolbox.md, Deadlines, a default not in the seed).
 */
export const FOLLOW_UP_INTERVAL = 'P3M';

/**
 * Who follows up each process instance now, since when, and whether it came
 * by escalation: one row per instance with a follow-up, gone when the
 * instance ends, so a later process never overwrites an earlier one's owner.
 * A step the owner takes in the instance is a follow-up recorded; the next
 * is due three months after it.
 */
class FollowUpProjection implements Projection {
  constructor(private readonly registry: ProcessRegistry) {}
  readonly handles = [
    FollowUpOwnerChanged,
    ProcessStepRecorded,
    ProcessCompleted,
    ProcessEnded,
    CaseErased,
    CaseReferenceChanged,
    StepCorrected,
  ];
  readonly name = 'followUp';
  readonly tables = [
    {
      name: 'fu_follow_ups',
      ddl: [
        `CREATE TABLE fu_follow_ups (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, unit TEXT NOT NULL, reference TEXT NOT NULL,
           process_title TEXT NOT NULL, owner TEXT NOT NULL, since TEXT NOT NULL, reason TEXT,
           escalated INTEGER NOT NULL, last_follow_up_at TEXT NOT NULL, follow_up_due_at TEXT NOT NULL,
           last_follow_up_revision INTEGER, previous_follow_up_at TEXT, previous_follow_up_due_at TEXT,
           PRIMARY KEY (case_id, instance_id))`,
        'CREATE INDEX fu_follow_ups_owner ON fu_follow_ups (unit, owner)',
        'CREATE INDEX fu_follow_ups_due ON fu_follow_ups (unit, follow_up_due_at)',
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
      case CASE_EVENTS.followUpOwnerChanged:
        this.ownerChanged(db, message);
        return;
      case CASE_EVENTS.referenceChanged:
        replaceReference(db, 'fu_follow_ups', message);
        return;
      case CASE_EVENTS.stepCorrected:
        // The owner's step taken back: the three months run from their follow-up before it again.
        db.run(
          `UPDATE fu_follow_ups SET last_follow_up_at = previous_follow_up_at,
             follow_up_due_at = previous_follow_up_due_at, last_follow_up_revision = NULL
           WHERE case_id = :caseId AND instance_id = :instanceId AND last_follow_up_revision = :revision
             AND previous_follow_up_at IS NOT NULL`,
          { caseId, instanceId: data.instanceId, revision: data.correctedRevision },
        );
        return;
      default:
        this.stepRecorded(db, message);
    }
  }

  private stepRecorded(db: ReadModelDb, message: StoredEventMessage): void {
    const instanceId = message.instance?.instanceId;
    const role = message.event.metadata.role;
    if (instanceId === undefined || typeof role !== 'string') return;
    const key = { caseId: message.caseId, instanceId };
    // Most steps are taken by someone who does not own the follow-up: the calendar sum is only worked out for the owner's.
    const row = db.get<{ owner: string }>(
      'SELECT owner FROM fu_follow_ups WHERE case_id = :caseId AND instance_id = :instanceId',
      key,
    );
    if (row?.owner !== role) return;
    db.run(
      `UPDATE fu_follow_ups SET previous_follow_up_at = last_follow_up_at,
         previous_follow_up_due_at = follow_up_due_at, last_follow_up_revision = :revision,
         last_follow_up_at = :at, follow_up_due_at = :due
       WHERE case_id = :caseId AND instance_id = :instanceId`,
      {
        ...key,
        at: message.occurredAt,
        due: addIsoDuration(message.occurredAt, FOLLOW_UP_INTERVAL),
        revision: message.event.revision,
      },
    );
  }

  private ownerChanged(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    const instance = message.instance;
    const definition = instance && this.registry.get(instance.definitionId, instance.version);
    const theCase = caseFacts(db, caseId);
    // A new owner's three months run from when they took the follow-up over.
    db.run(
      `INSERT INTO fu_follow_ups (case_id, instance_id, unit, reference, process_title, owner, since, reason,
         escalated, last_follow_up_at, follow_up_due_at)
       VALUES (:caseId, :instanceId, :unit, :reference, :processTitle, :owner, :since, :reason, :escalated,
         :since, :due)
       ON CONFLICT (case_id, instance_id) DO UPDATE SET owner = excluded.owner, since = excluded.since,
         reason = excluded.reason, escalated = excluded.escalated,
         last_follow_up_at = excluded.last_follow_up_at, follow_up_due_at = excluded.follow_up_due_at`,
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
        due: addIsoDuration(message.occurredAt, FOLLOW_UP_INTERVAL),
      },
    );
  }
}

export const followUpProjection: ProjectionFactory = ({ registry }) => new FollowUpProjection(registry);
