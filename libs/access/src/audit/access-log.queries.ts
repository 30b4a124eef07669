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
  /** How many reads this row stands for, from `firstAt` to `at`: one, or a grouped hour of the same view. */
  readonly count: number;
  readonly firstAt: string;
}

/**
 * Every read stays in the log; a reader of the log sees the reads of one
 * person, of one case, in one view within the same hour as one row (a task
 * list polled every minute is one line an hour, not sixty).
 */
export type Grouping = 'each' | 'hourly';

/** Who looked at the case, newest first. */
export class CaseViewingsQuery extends Query<PageOf<CaseViewing>> {
  constructor(
    readonly caseId: string,
    readonly page: Page,
    readonly grouping: Grouping = 'each',
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
    readonly grouping: Grouping = 'each',
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
  count: number;
  first_at: string;
}

const toViewing = (row: Row): CaseViewing => ({
  caseId: row.case_id,
  at: row.at,
  userId: row.user_id,
  roles: JSON.parse(row.roles) as string[],
  view: row.view,
  correlationId: row.correlation_id,
  count: row.count,
  firstAt: row.first_at,
});

const COLUMNS = 'c.case_id, c.at, v.user_id, v.roles, v.view, v.correlation_id, 1 AS count, c.at AS first_at';

/** The rows `from` selects, one per read or one per person, case, view and hour; newest first either way. */
function viewings(from: string, grouping: Grouping) {
  if (grouping === 'each') return { columns: COLUMNS, from, orderBy: 'c.at DESC, c.position DESC' };
  return {
    columns: 'g.*',
    from: `FROM (SELECT c.case_id, max(c.at) AS at, v.user_id, max(v.roles) AS roles, v.view,
        max(v.correlation_id) AS correlation_id, count(*) AS count, min(c.at) AS first_at
      ${from} GROUP BY c.case_id, v.user_id, v.view, substr(c.at, 1, 13)) g`,
    orderBy: 'g.at DESC, g.case_id, g.user_id, g.view',
  };
}

@QueryHandler(CaseViewingsQuery)
export class CaseViewingsHandler implements IQueryHandler<CaseViewingsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ caseId, page, grouping }: CaseViewingsQuery): Promise<PageOf<CaseViewing>> {
    return Promise.resolve(
      selectPage(
        this.db,
        viewings(
          'FROM al_view_cases c JOIN al_views v ON v.position = c.position WHERE c.case_id = :caseId',
          grouping,
        ),
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

  execute({ userId, from, to, page, scope, grouping }: UserViewingsQuery): Promise<PageOf<CaseViewing>> {
    return Promise.resolve(
      selectPage(
        this.db,
        viewings(
          `FROM al_view_cases c JOIN al_views v ON v.position = c.position
            WHERE v.user_id = :userId AND c.at >= :from AND c.at <= :to AND ${visibleCases('c.case_id')}`,
          grouping,
        ),
        { userId, from, to, ...visibilityParams(scope) },
        page,
        toViewing,
      ),
    );
  }
}
