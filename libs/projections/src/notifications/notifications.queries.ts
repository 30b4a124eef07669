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
  /** Whether this reader has marked it read; each person reads a role's notification for themselves. */
  readonly read: boolean;
  /** Where in the app it leads: the case, or a partner's own list. */
  readonly path: string | null;
}

/** A page of a person's notifications, and how many of all of them they have not read. */
export type NotificationPage = PageOf<Notification> & { readonly unread: number };

/** A person's notifications: those addressed to them and those addressed to their role. Newest first. */
export class NotificationsQuery extends Query<NotificationPage> {
  constructor(
    readonly personId: string,
    /** `<unit>:<role>` for every role the person holds: role notifications reach them only in that unit. */
    readonly unitRoles: readonly string[],
    readonly page: Page,
    readonly scope: ReadScope,
    /** Only those not read yet; or only these ids (to check that a person may mark them). */
    readonly only: { readonly unread?: boolean; readonly ids?: readonly string[] } = {},
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
  path: string | null;
  read: number;
}

const READ = `(EXISTS (SELECT 1 FROM nt_reads r WHERE r.person_id = :personId AND r.notification_id = n.id)
    OR n.created_at <= coalesce((SELECT read_until FROM nt_read_until WHERE person_id = :personId), ''))`;

const MINE = `FROM nt_notifications n WHERE (n.recipient_person = :personId
    OR (n.unit || ':' || n.recipient_role) IN (SELECT value FROM json_each(:unitRoles)))
  AND ${visibleCases('n.case_id')}`;

const ONLY = `AND (:unread = 0 OR NOT ${READ}) AND (:ids IS NULL OR n.id IN (SELECT value FROM json_each(:ids)))`;

@QueryHandler(NotificationsQuery)
export class NotificationsHandler implements IQueryHandler<NotificationsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ personId, unitRoles, page, scope, only }: NotificationsQuery): Promise<NotificationPage> {
    const params = {
      personId,
      unitRoles: JSON.stringify(unitRoles),
      unread: only.unread ? 1 : 0,
      ids: only.ids ? JSON.stringify(only.ids) : null,
      ...visibilityParams(scope),
    };
    const unread = this.db.get<{ n: number }>(`SELECT count(*) AS n ${MINE} AND NOT ${READ}`, params)?.n ?? 0;
    const found = selectPage(
      this.db,
      { columns: `n.*, ${READ} AS read`, from: `${MINE} ${ONLY}`, orderBy: 'n.created_at DESC, n.id' },
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
        read: row.read === 1,
        path: row.path,
      }),
    );
    return Promise.resolve({ ...found, unread });
  }
}
