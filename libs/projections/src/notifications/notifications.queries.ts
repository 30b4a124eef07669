import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PersonalValue } from '@app/engine';
import { visibilityParams, visibleCases, type ReadScope } from '@app/access';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';

export interface Notification {
  readonly id: string;
  readonly caseId: string;
  /** The pseudonym, sealed until the disclosure step opens it for a reader cleared to see the case. */
  readonly reference: PersonalValue;
  readonly unit: string;
  readonly recipient: { readonly person: string | null; readonly role: string | null };
  readonly kind: string;
  /** Swedish. */
  readonly message: string;
  readonly createdAt: string;
}

/** A person's notifications: those addressed to them and those addressed to their role. Newest first. */
export class NotificationsQuery extends Query<PageOf<Notification>> {
  constructor(
    readonly personId: string,
    /** `<unit>:<role>` for every role the person holds: role notifications reach them only in that unit. */
    readonly unitRoles: readonly string[],
    readonly page: Page,
    readonly scope: ReadScope,
  ) {
    super();
  }
}

interface Row {
  id: string;
  case_id: string;
  reference: string;
  unit: string;
  recipient_person: string | null;
  recipient_role: string | null;
  kind: string;
  message: string;
  created_at: string;
}

const FILTERED = `FROM nt_notifications WHERE (recipient_person = :personId
    OR (unit || ':' || recipient_role) IN (SELECT value FROM json_each(:unitRoles)))
  AND ${visibleCases('case_id')}`;

@QueryHandler(NotificationsQuery)
export class NotificationsHandler implements IQueryHandler<NotificationsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ personId, unitRoles, page, scope }: NotificationsQuery): Promise<PageOf<Notification>> {
    const params = { personId, unitRoles: JSON.stringify(unitRoles), ...visibilityParams(scope) };
    return Promise.resolve(
      selectPage(
        this.db,
        { columns: `*`, from: FILTERED, orderBy: 'created_at DESC, id' },
        params,
        page,
        (row: Row) => ({
          id: row.id,
          caseId: row.case_id,
          reference: new PersonalValue(row.case_id, row.reference),
          unit: row.unit,
          recipient: { person: row.recipient_person, role: row.recipient_role },
          kind: row.kind,
          message: row.message,
          createdAt: row.created_at,
        }),
      ),
    );
  }
}
