import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';
import type { AccessRole, Principal } from '../rules/principal';

export interface StaffMember {
  readonly id: string;
  readonly name: string;
}

/** The people who hold `role` in `unit`, by name. */
export class UnitStaffQuery extends Query<StaffMember[]> {
  constructor(
    readonly unit: string,
    readonly role: AccessRole,
  ) {
    super();
  }
}

/** What the directory knows of one person: their memberships, empty when they have never signed in. */
export class StaffMemberQuery extends Query<Principal | undefined> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(UnitStaffQuery)
export class UnitStaffHandler implements IQueryHandler<UnitStaffQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ unit, role }: UnitStaffQuery): Promise<StaffMember[]> {
    return Promise.resolve(
      this.db
        .all<{ user_id: string; name: string }>(
          'SELECT user_id, name FROM sf_members WHERE unit = :unit AND role = :role ORDER BY name, user_id',
          { unit, role },
        )
        .map((row) => ({ id: row.user_id, name: row.name })),
    );
  }
}

@QueryHandler(StaffMemberQuery)
export class StaffMemberHandler implements IQueryHandler<StaffMemberQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ userId }: StaffMemberQuery): Promise<Principal | undefined> {
    const rows = this.db.all<{ unit: string; role: AccessRole; name: string; email: string | null }>(
      'SELECT unit, role, name, email FROM sf_members WHERE user_id = :userId ORDER BY unit, role',
      { userId },
    );
    if (rows.length === 0) return Promise.resolve(undefined);
    const byUnit = new Map<string, AccessRole[]>();
    for (const row of rows) byUnit.set(row.unit, [...(byUnit.get(row.unit) ?? []), row.role]);
    return Promise.resolve({
      id: userId,
      name: rows[0].name,
      memberships: [...byUnit].map(([unit, roles]) => ({ unit, roles })),
      ...(rows[0].email ? { email: rows[0].email } : {}),
    });
  }
}

/** The social workers a mentor mentors, with the unit of each mentorship. */
export class MenteesQuery extends Query<{ menteeId: string; unit: string }[]> {
  constructor(readonly mentorId: string) {
    super();
  }
}

/** The mentor of a social worker in a unit, if they are in the introduktionsprogram. */
export class MentorOfQuery extends Query<string | undefined> {
  constructor(
    readonly menteeId: string,
    readonly unit: string,
  ) {
    super();
  }
}

@QueryHandler(MenteesQuery)
export class MenteesHandler implements IQueryHandler<MenteesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ mentorId }: MenteesQuery): Promise<{ menteeId: string; unit: string }[]> {
    return Promise.resolve(
      this.db
        .all<{ mentee_id: string; unit: string }>(
          'SELECT mentee_id, unit FROM sf_mentors WHERE mentor_id = :mentorId ORDER BY unit, mentee_id',
          { mentorId },
        )
        .map((row) => ({ menteeId: row.mentee_id, unit: row.unit })),
    );
  }
}

@QueryHandler(MentorOfQuery)
export class MentorOfHandler implements IQueryHandler<MentorOfQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ menteeId, unit }: MentorOfQuery): Promise<string | undefined> {
    return Promise.resolve(mentorIn(this.db, menteeId, unit));
  }
}

/** The mentor of a social worker in a unit, read in the caller's transaction (a projection's, or a query's). */
export function mentorIn(db: ReadModelDb, menteeId: string, unit: string): string | undefined {
  return db.get<{ mentor_id: string }>(
    'SELECT mentor_id FROM sf_mentors WHERE mentee_id = :menteeId AND unit = :unit',
    { menteeId, unit },
  )?.mentor_id;
}

/** One saved filter of the case list: a name the person gave it and the list's filters, never a search text. */
export interface SavedCaseFilter {
  readonly name: string;
  readonly filter: Readonly<Record<string, string | number | boolean>>;
}

/** A person's saved case-list filters, in the order they saved them; none when they saved none. */
export class SavedCaseFiltersQuery extends Query<SavedCaseFilter[]> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(SavedCaseFiltersQuery)
export class SavedCaseFiltersHandler implements IQueryHandler<SavedCaseFiltersQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ userId }: SavedCaseFiltersQuery): Promise<SavedCaseFilter[]> {
    const row = this.db.get<{ filters: string }>(
      'SELECT filters FROM sf_case_filters WHERE user_id = :userId',
      {
        userId,
      },
    );
    return Promise.resolve(row ? (JSON.parse(row.filters) as SavedCaseFilter[]) : []);
  }
}

/** One social worker covering for an absent colleague in a unit, from one day to another (both included). */
export interface Cover {
  readonly absentId: string;
  readonly coverId: string;
  readonly unit: string;
  readonly from: string;
  readonly until: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
}

interface CoverRow {
  absent_id: string;
  cover_id: string;
  unit: string;
  from_day: string;
  until_day: string;
  granted_by: string;
  granted_at: string;
}

const toCover = (row: CoverRow): Cover => ({
  absentId: row.absent_id,
  coverId: row.cover_id,
  unit: row.unit,
  from: row.from_day,
  until: row.until_day,
  grantedBy: row.granted_by,
  grantedAt: row.granted_at,
});

/** The covers a person holds on `day`: whose tasks and cases they see in their stead. */
export class CoversHeldQuery extends Query<Cover[]> {
  constructor(
    readonly coverId: string,
    readonly day: string,
  ) {
    super();
  }
}

/** A unit's covers that have not ended by `day`, for its biträdande enhetschef. */
export class UnitCoversQuery extends Query<Cover[]> {
  constructor(
    readonly unit: string,
    readonly day: string,
  ) {
    super();
  }
}

@QueryHandler(CoversHeldQuery)
export class CoversHeldHandler implements IQueryHandler<CoversHeldQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ coverId, day }: CoversHeldQuery): Promise<Cover[]> {
    return Promise.resolve(
      this.db
        .all<CoverRow>(
          'SELECT * FROM sf_covers WHERE cover_id = :coverId AND from_day <= :day AND until_day >= :day',
          { coverId, day },
        )
        .map(toCover),
    );
  }
}

@QueryHandler(UnitCoversQuery)
export class UnitCoversHandler implements IQueryHandler<UnitCoversQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ unit, day }: UnitCoversQuery): Promise<Cover[]> {
    return Promise.resolve(
      this.db
        .all<CoverRow>(
          'SELECT * FROM sf_covers WHERE unit = :unit AND until_day >= :day ORDER BY from_day, absent_id',
          {
            unit,
            day,
          },
        )
        .map(toCover),
    );
  }
}
