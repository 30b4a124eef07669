import {
  CASE_EVENTS,
  STAFF_EVENTS,
  isPartnerRole,
  type LaneRole,
  type ProcessRegistry,
  type Role,
} from '@app/engine';
import { deadlineOwner } from '@app/workflow';
import { mentorIn } from '@app/access';
import { caseFacts, replaceReference } from '../case-directory';
import {
  type Projection,
  type ProjectionFactory,
  CaseReferenceChanged,
  DeadlineReached,
  FollowUpOwnerChanged,
  PlanItemReminded,
  NotificationsRead,
  ProcessStepRecorded,
  RehabansvarigAssigned,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

const SWEDISH_DAY = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Stockholm',
});

type Recipient =
  | { readonly person: string; readonly role: null }
  | { readonly person: null; readonly role: Role }
  /** A partner's people, told in their own unit and sent to their own list, never to the case. */
  | { readonly person: null; readonly role: LaneRole; readonly unit: string; readonly path: string };

/**
 * In-app notifications: who must hear that a deadline passed, that
 * follow-up was escalated or handed back, or of a step the process says someone must hear
 * of (`inform`). Social workers are told in person (the case's responsible
 * one); other roles as a role of the case's unit. Delivery by e-mail will
 * read the same rows. A mentor is told in person too: the mentor of the
 * case's social worker, when they are in the introduktionsprogram.
 */
class NotificationsProjection implements Projection {
  constructor(private readonly registry: ProcessRegistry) {}
  readonly handles = [
    DeadlineReached,
    FollowUpOwnerChanged,
    ProcessStepRecorded,
    RehabansvarigAssigned,
    NotificationsRead,
    CaseReferenceChanged,
    PlanItemReminded,
  ];
  readonly name = 'notifications';
  readonly tables = [
    {
      name: 'nt_notifications',
      ddl: [
        `CREATE TABLE nt_notifications (
           id TEXT PRIMARY KEY, case_id TEXT NOT NULL, unit TEXT NOT NULL, reference TEXT NOT NULL,
           recipient_person TEXT, recipient_role TEXT, kind TEXT NOT NULL, message TEXT NOT NULL,
           created_at TEXT NOT NULL, event_id TEXT NOT NULL, path TEXT)`,
        'CREATE INDEX nt_person ON nt_notifications (recipient_person, created_at)',
        'CREATE INDEX nt_role ON nt_notifications (recipient_role, created_at)',
        // The mail outbox reads the week's notifications by it.
        'CREATE INDEX nt_created ON nt_notifications (created_at)',
      ],
    },
    {
      // Read marks are each person's own: a role's notification read by one of them stays unread for the rest.
      name: 'nt_reads',
      ddl: [
        `CREATE TABLE nt_reads (person_id TEXT NOT NULL, notification_id TEXT NOT NULL,
           PRIMARY KEY (person_id, notification_id)) WITHOUT ROWID`,
      ],
    },
    {
      name: 'nt_read_until',
      ddl: ['CREATE TABLE nt_read_until (person_id TEXT PRIMARY KEY, read_until TEXT NOT NULL)'],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    if (message.event.type === STAFF_EVENTS.notificationsRead) this.read(db, message);
    else if (message.event.type === CASE_EVENTS.referenceChanged)
      replaceReference(db, 'nt_notifications', message);
    else if (message.event.type === CASE_EVENTS.planItemReminded) this.planItemReminded(db, message);
    else if (message.event.type === CASE_EVENTS.deadlineReached) this.deadlinePassed(db, message);
    else if (message.event.type === CASE_EVENTS.rehabansvarigAssigned)
      this.rehabansvarigAssigned(db, message);
    else if (message.event.type === CASE_EVENTS.followUpOwnerChanged) {
      if (message.data.escalated) this.escalated(db, message);
      else if (message.data.handedBack) this.handedBack(db, message);
    } else this.stepRecorded(db, message);
  }

  /** A row of the plan due soon or late: the case's social worker hears of it in person. */
  private planItemReminded(db: ReadModelDb, message: StoredEventMessage): void {
    const { row, dueOn, late } = message.data as { row: number; dueOn: string; late: boolean };
    const day = SWEDISH_DAY.format(new Date(`${dueOn}T12:00:00Z`));
    const text = late
      ? `Progressionsplanen: punkt ${row} skulle ha varit gjord ${day}.`
      : `Progressionsplanen: punkt ${row} ska vara gjord senast ${day}.`;
    this.notify(db, message, 'plan-item-due', text, [], [caseFacts(db, message.caseId).social_worker_id]);
  }

  private read(db: ReadModelDb, message: StoredEventMessage): void {
    const { userId, ids, allUntil } = message.data as { userId: string; ids: string[]; allUntil?: string };
    for (const id of ids) {
      db.run('INSERT OR IGNORE INTO nt_reads (person_id, notification_id) VALUES (:userId, :id)', {
        userId,
        id,
      });
    }
    if (allUntil) {
      db.run(
        `INSERT INTO nt_read_until (person_id, read_until) VALUES (:userId, :allUntil)
           ON CONFLICT (person_id) DO UPDATE SET read_until = max(read_until, excluded.read_until)`,
        { userId, allUntil },
      );
    }
  }

  private stepRecorded(db: ReadModelDb, message: StoredEventMessage): void {
    const instance = message.instance;
    if (!instance) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const inform = definition.events[message.event.type]?.inform;
    if (!inform) return;
    const text = `${definition.title}: ${inform.message}`;
    const payload = (message.data.payload ?? {}) as Record<string, unknown>;
    const person = inform.person === undefined ? undefined : payload[inform.person];
    this.notify(
      db,
      message,
      inform.kind ?? 'step',
      text,
      inform.lanes,
      typeof person === 'string' ? [person] : [],
    );
  }

  private deadlinePassed(db: ReadModelDb, message: StoredEventMessage): void {
    const instance = message.instance;
    if (!instance) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const deadline = definition.deadlines[String(message.data.name)];
    const owner = deadlineOwner(definition, String(message.data.machineEvent));
    const roles = deadline?.notify ?? (owner.lane ? [owner.lane] : []);
    const title = deadline?.title ?? String(message.data.name);
    this.notify(
      db,
      message,
      'deadline',
      `${definition.title}: tidsgränsen har passerats – ${title} (senast ${String(message.data.dueAt).slice(0, 10)})`,
      roles,
    );
  }

  /** The new Rehabansvarig hears it in person; on a change, the social worker too, so the client can be told. */
  private rehabansvarigAssigned(db: ReadModelDb, message: StoredEventMessage): void {
    const changed = message.data.from !== undefined;
    this.notify(
      db,
      message,
      'step',
      changed
        ? 'Ärendet har fått en ny Rehabansvarig; läs överlämningen i ärendet.'
        : 'Du är Rehabansvarig för ärendet.',
      changed ? ['socialsekreterare'] : [],
      [String(message.data.to)],
    );
  }

  private escalated(db: ReadModelDb, message: StoredEventMessage): void {
    this.notify(
      db,
      message,
      'escalation',
      `Uppföljningsansvaret har gått över till biträdande enhetschef: ${String(message.data.reason)}`,
      // Rehabansvarig informs both the biträdande enhetschef and the social worker (toolbox.md, process 2).
      ['bitradande_enhetschef', 'socialsekreterare', 'rehabansvarig'],
    );
  }

  private handedBack(db: ReadModelDb, message: StoredEventMessage): void {
    this.notify(
      db,
      message,
      'hand-back',
      `Biträdande enhetschef har lämnat tillbaka uppföljningsansvaret till Rehabansvarig: ${String(message.data.reason)}`,
      ['rehabansvarig', 'socialsekreterare'],
    );
  }

  private partner(message: StoredEventMessage, role: LaneRole): Recipient[] {
    const instance = message.instance;
    if (!instance?.partnerUnit) return [];
    const page = this.registry.get(instance.definitionId, instance.version).partnerPage;
    if (!page) return [];
    return [
      { person: null, role, unit: instance.partnerUnit, path: page(message.caseId, instance.instanceId) },
    ];
  }

  private notify(
    db: ReadModelDb,
    message: StoredEventMessage,
    kind: string,
    text: string,
    roles: readonly LaneRole[],
    people: readonly string[] = [],
  ): void {
    const theCase = caseFacts(db, message.caseId);
    const inPerson = people.map((person): Recipient => ({ person, role: null }));
    const recipients: Recipient[] = [
      ...inPerson,
      ...roles.flatMap((role): Recipient[] => {
        // A partner works in another unit and sees no case: told in its own unit, pointed to its own list.
        if (isPartnerRole(role)) return this.partner(message, role);
        if (role === 'socialsekreterare') return [{ person: theCase.social_worker_id, role: null }];
        // The mentor of a social worker in the introduktionsprogram, in person; no one when they have none.
        if (role === 'mentor') {
          const mentor = mentorIn(db, theCase.social_worker_id, theCase.unit);
          return mentor === undefined ? [] : [{ person: mentor, role: null }];
        }
        return [{ person: null, role }];
      }),
    ];
    recipients.forEach((recipient, index) =>
      db.run(
        `INSERT INTO nt_notifications (id, case_id, unit, reference, recipient_person, recipient_role, kind, message,
           created_at, event_id, path)
         VALUES (:id, :caseId, :unit, :reference, :person, :role, :kind, :message, :at, :eventId, :path)`,
        {
          id: `${message.event.id}.${index}`,
          eventId: message.event.id,
          path: 'path' in recipient ? recipient.path : null,
          caseId: message.caseId,
          unit: 'unit' in recipient ? recipient.unit : theCase.unit,
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

export const notificationsProjection: ProjectionFactory = ({ registry }) =>
  new NotificationsProjection(registry);
