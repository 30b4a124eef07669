import { STAFF_EVENTS } from '@app/engine';
import {
  type Projection,
  type ProjectionFactory,
  CaseFiltersSaved,
  CoverEnded,
  CoverGranted,
  MentorAssigned,
  StaffMemberSeen,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/** Who works in which unit in which roles, as their last sign-in showed it; who mentors whom; each person's saved case filters. */
class StaffProjection implements Projection {
  readonly handles = [StaffMemberSeen, MentorAssigned, CaseFiltersSaved, CoverGranted, CoverEnded];
  readonly name = 'staff';
  readonly tables = [
    {
      name: 'sf_members',
      ddl: [
        `CREATE TABLE sf_members (
           user_id TEXT NOT NULL, unit TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, seen_at TEXT NOT NULL,
           email TEXT, PRIMARY KEY (user_id, unit, role))`,
        'CREATE INDEX sf_members_unit ON sf_members (unit, role)',
      ],
    },
    {
      name: 'sf_mentors',
      ddl: [
        `CREATE TABLE sf_mentors (
           mentee_id TEXT NOT NULL, unit TEXT NOT NULL, mentor_id TEXT NOT NULL, since TEXT NOT NULL,
           PRIMARY KEY (mentee_id, unit))`,
        'CREATE INDEX sf_mentors_mentor ON sf_mentors (mentor_id)',
      ],
    },
    {
      name: 'sf_covers',
      ddl: [
        `CREATE TABLE sf_covers (
           absent_id TEXT NOT NULL, cover_id TEXT NOT NULL, unit TEXT NOT NULL, from_day TEXT NOT NULL,
           until_day TEXT NOT NULL, granted_by TEXT NOT NULL, granted_at TEXT NOT NULL,
           PRIMARY KEY (absent_id, cover_id, unit))`,
        'CREATE INDEX sf_covers_cover ON sf_covers (cover_id, until_day)',
      ],
    },
    {
      name: 'sf_case_filters',
      ddl: ['CREATE TABLE sf_case_filters (user_id TEXT PRIMARY KEY, filters TEXT NOT NULL)'],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data } = message;
    if (message.event.type === STAFF_EVENTS.coverGranted) {
      db.run(
        `INSERT INTO sf_covers (absent_id, cover_id, unit, from_day, until_day, granted_by, granted_at)
         VALUES (:absentId, :coverId, :unit, :from, :until, :by, :at)
         ON CONFLICT (absent_id, cover_id, unit) DO UPDATE SET
           from_day = excluded.from_day, until_day = excluded.until_day,
           granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
        { ...data, at: message.occurredAt },
      );
      return;
    }
    if (message.event.type === STAFF_EVENTS.coverEnded) {
      db.run(
        'DELETE FROM sf_covers WHERE absent_id = :absentId AND cover_id = :coverId AND unit = :unit',
        data,
      );
      return;
    }
    if (message.event.type === STAFF_EVENTS.caseFiltersSaved) {
      db.run(
        `INSERT INTO sf_case_filters (user_id, filters) VALUES (:userId, :filters)
           ON CONFLICT (user_id) DO UPDATE SET filters = excluded.filters`,
        { userId: data.userId, filters: JSON.stringify(data.filters) },
      );
      return;
    }
    if (message.event.type === STAFF_EVENTS.mentorAssigned) {
      db.run('DELETE FROM sf_mentors WHERE mentee_id = :userId AND unit = :unit', {
        userId: data.userId,
        unit: data.unit,
      });
      if (typeof data.mentorId === 'string')
        db.run(
          `INSERT INTO sf_mentors (mentee_id, unit, mentor_id, since) VALUES (:userId, :unit, :mentorId, :at)`,
          { userId: data.userId, unit: data.unit, mentorId: data.mentorId, at: message.occurredAt },
        );
      return;
    }
    // A membership the provider no longer sends is gone: the newest sign-in is the whole truth.
    db.run('DELETE FROM sf_members WHERE user_id = :userId', { userId: data.userId });
    for (const membership of data.memberships as { unit: string; roles: string[] }[]) {
      for (const role of membership.roles) {
        db.run(
          `INSERT INTO sf_members (user_id, unit, role, name, seen_at, email)
           VALUES (:userId, :unit, :role, :name, :at, :email)`,
          {
            userId: data.userId,
            unit: membership.unit,
            role,
            name: data.name,
            at: message.occurredAt,
            email: data.email ?? null,
          },
        );
      }
    }
  }
}

export const staffProjection: ProjectionFactory = () => new StaffProjection();
