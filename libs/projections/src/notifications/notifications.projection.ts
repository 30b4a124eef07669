import { Injectable } from '@nestjs/common';
import { deadlineOwner, type Role, CASE_EVENTS } from '@app/engine';
import { CaseDirectory } from '../case-directory';
import { Projection } from '../projection';
import { DeadlineReached, FollowUpOwnerChanged, type StoredEventMessage } from '../stored-event-message';

type Recipient =
  { readonly person: string; readonly role: null } | { readonly person: null; readonly role: Role };

/**
 * In-app notifications: who must hear that a deadline passed or that
 * follow-up was escalated. Social workers are told in person (the case's
 * responsible one); other roles as a role of the case's unit. Delivery by
 * e-mail will read the same rows.
 */
@Injectable()
export class NotificationsProjection extends Projection {
  readonly handles = [DeadlineReached, FollowUpOwnerChanged];
  readonly name = 'notifications';
  private readonly cases = new CaseDirectory(this.db);
  readonly tables = [
    {
      name: 'nt_notifications',
      ddl: [
        `CREATE TABLE nt_notifications (
           id TEXT PRIMARY KEY, case_id TEXT NOT NULL, unit TEXT NOT NULL, reference TEXT NOT NULL,
           recipient_person TEXT, recipient_role TEXT, kind TEXT NOT NULL, message TEXT NOT NULL,
           created_at TEXT NOT NULL)`,
        'CREATE INDEX nt_person ON nt_notifications (recipient_person, created_at)',
        'CREATE INDEX nt_role ON nt_notifications (recipient_role, created_at)',
      ],
    },
  ];

  protected apply(message: StoredEventMessage): void {
    if (message.event.type === CASE_EVENTS.deadlineReached) this.deadlinePassed(message);
    if (message.event.type === CASE_EVENTS.followUpOwnerChanged && message.data.escalated)
      this.escalated(message);
  }

  private deadlinePassed(message: StoredEventMessage): void {
    const instance = message.instance;
    if (!instance) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const deadline = definition.deadlines[String(message.data.name)];
    const owner = deadlineOwner(definition, String(message.data.machineEvent));
    const roles = deadline?.notify ?? (owner.lane ? [owner.lane] : []);
    const title = deadline?.title ?? String(message.data.name);
    this.notify(
      message,
      'deadline',
      `${definition.title}: fristen har passerats – ${title} (senast ${String(message.data.dueAt).slice(0, 10)})`,
      roles,
    );
  }

  private escalated(message: StoredEventMessage): void {
    this.notify(
      message,
      'escalation',
      `Uppföljningsansvaret har gått över till biträdande enhetschef: ${String(message.data.reason)}`,
      ['socialsekreterare', 'rehabansvarig'],
    );
  }

  private notify(message: StoredEventMessage, kind: string, text: string, roles: readonly Role[]): void {
    const theCase = this.cases.of(message.caseId);
    const recipients: Recipient[] = roles.map((role) =>
      role === 'socialsekreterare'
        ? { person: theCase.social_worker_id, role: null }
        : { person: null, role },
    );
    recipients.forEach((recipient, index) =>
      this.db.run(
        `INSERT INTO nt_notifications (id, case_id, unit, reference, recipient_person, recipient_role, kind, message,
           created_at)
         VALUES (:id, :caseId, :unit, :reference, :person, :role, :kind, :message, :at)`,
        {
          id: `${message.event.id}.${index}`,
          caseId: message.caseId,
          unit: theCase.unit,
          reference: theCase.reference,
          person: recipient.person,
          role: recipient.role,
          kind,
          message: text,
          at: message.occurredAt,
        },
      ),
    );
  }
}
