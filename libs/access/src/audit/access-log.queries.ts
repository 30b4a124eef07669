import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { visibilityParams, visibleCases, type ReadScope } from '../visibility/visible-cases';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';

export interface CaseViewing {
  readonly caseId: string;
  readonly at: string;
  readonly userId: string;
  /** `<unit>:<role>` the person held when they looked. */
  readonly roles: string[];
  readonly view: string;
  readonly correlationId: string;
}

/** Who looked at the case, newest first. */
export class CaseViewingsQuery extends Query<PageOf<CaseViewing>> {
  constructor(
    readonly caseId: string,
    readonly page: Page,
  ) {
    super();
  }
}

/** What a person looked at in a period, newest first: only the cases the asker may see. */
export class UserViewingsQuery extends Query<PageOf<CaseViewing>> {
  constructor(
    readonly userId: string,
    readonly from: string,
    readonly to: string,
    readonly page: Page,
    readonly scope: ReadScope,
  ) {
    super();
  }
}

interface Row {
  case_id: string;
  at: string;
  user_id: string;
  roles: string;
  view: string;
  correlation_id: string;
}

const toViewing = (row: Row): CaseViewing => ({
  caseId: row.case_id,
  at: row.at,
  userId: row.user_id,
  roles: JSON.parse(row.roles) as string[],
  view: row.view,
  correlationId: row.correlation_id,
});

const COLUMNS = 'c.case_id, c.at, v.user_id, v.roles, v.view, v.correlation_id';

@QueryHandler(CaseViewingsQuery)
export class CaseViewingsHandler implements IQueryHandler<CaseViewingsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ caseId, page }: CaseViewingsQuery): Promise<PageOf<CaseViewing>> {
    return Promise.resolve(
      selectPage(
        this.db,
        {
          columns: COLUMNS,
          from: 'FROM al_view_cases c JOIN al_views v ON v.position = c.position WHERE c.case_id = :caseId',
          orderBy: 'c.at DESC, c.position DESC',
        },
        { caseId },
        page,
        toViewing,
      ),
    );
  }
}

@QueryHandler(UserViewingsQuery)
export class UserViewingsHandler implements IQueryHandler<UserViewingsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ userId, from, to, page, scope }: UserViewingsQuery): Promise<PageOf<CaseViewing>> {
    return Promise.resolve(
      selectPage(
        this.db,
        {
          columns: COLUMNS,
          from: `FROM al_view_cases c JOIN al_views v ON v.position = c.position
            WHERE v.user_id = :userId AND c.at >= :from AND c.at <= :to AND ${visibleCases('c.case_id')}`,
          orderBy: 'c.at DESC, c.position DESC',
        },
        { userId, from, to, ...visibilityParams(scope) },
        page,
        toViewing,
      ),
    );
  }
}
