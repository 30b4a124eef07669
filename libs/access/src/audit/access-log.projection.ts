import {
  type Projection,
  type ProjectionFactory,
  CaseDataViewed,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/** The access log, queryable by case and by person; the chained entries in the event store are the record. */
class AccessLogProjection implements Projection {
  readonly handles = [CaseDataViewed];
  readonly name = 'accessLog';
  readonly tables = [
    {
      name: 'al_views',
      ddl: [
        `CREATE TABLE al_views (
           position TEXT PRIMARY KEY, user_id TEXT NOT NULL, roles TEXT NOT NULL, view TEXT NOT NULL,
           subject TEXT, at TEXT NOT NULL, correlation_id TEXT NOT NULL)`,
        'CREATE INDEX al_views_user ON al_views (user_id, at)',
      ],
    },
    {
      name: 'al_view_cases',
      ddl: [
        `CREATE TABLE al_view_cases (
           case_id TEXT NOT NULL, position TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (case_id, position))`,
        'CREATE INDEX al_view_cases_at ON al_view_cases (case_id, at)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data } = message;
    const position = String(message.event.position).padStart(20, '0');
    db.run(
      `INSERT INTO al_views (position, user_id, roles, view, subject, at, correlation_id)
       VALUES (:position, :userId, :roles, :view, :subject, :at, :correlationId)`,
      {
        position,
        userId: data.userId,
        roles: JSON.stringify(data.roles ?? []),
        view: data.view,
        subject: data.subject ? JSON.stringify(data.subject) : null,
        at: message.occurredAt,
        correlationId: String(message.event.metadata.correlationId ?? ''),
      },
    );
    for (const caseId of (data.caseIds ?? []) as string[]) {
      db.run('INSERT INTO al_view_cases (case_id, position, at) VALUES (:caseId, :position, :at)', {
        caseId,
        position,
        at: message.occurredAt,
      });
    }
  }
}

export const accessLogProjection: ProjectionFactory = () => new AccessLogProjection();
