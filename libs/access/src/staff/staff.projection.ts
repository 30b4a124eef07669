import {
  type Projection,
  type ProjectionFactory,
  StaffMemberSeen,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/** Who works in which unit in which roles, as their last sign-in showed it. */
class StaffProjection implements Projection {
  readonly handles = [StaffMemberSeen];
  readonly name = 'staff';
  readonly tables = [
    {
      name: 'sf_members',
      ddl: [
        `CREATE TABLE sf_members (
           user_id TEXT NOT NULL, unit TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, seen_at TEXT NOT NULL,
           PRIMARY KEY (user_id, unit, role))`,
        'CREATE INDEX sf_members_unit ON sf_members (unit, role)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data } = message;
    // A membership the provider no longer sends is gone: the newest sign-in is the whole truth.
    db.run('DELETE FROM sf_members WHERE user_id = :userId', { userId: data.userId });
    for (const membership of data.memberships as { unit: string; roles: string[] }[]) {
      for (const role of membership.roles) {
        db.run(
          `INSERT INTO sf_members (user_id, unit, role, name, seen_at)
           VALUES (:userId, :unit, :role, :name, :at)`,
          { userId: data.userId, unit: membership.unit, role, name: data.name, at: message.occurredAt },
        );
      }
    }
  }
}

export const staffProjection: ProjectionFactory = () => new StaffProjection();
