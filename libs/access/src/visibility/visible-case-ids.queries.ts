import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';
import { visibilityParams, visibleCases, type ReadScope } from './visible-cases';

/** Which of these cases the reader may see: live updates announce only those. */
export class VisibleCaseIdsQuery extends Query<string[]> {
  constructor(
    readonly caseIds: readonly string[],
    readonly scope: ReadScope,
  ) {
    super();
  }
}

@QueryHandler(VisibleCaseIdsQuery)
export class VisibleCaseIdsHandler implements IQueryHandler<VisibleCaseIdsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ caseIds, scope }: VisibleCaseIdsQuery): Promise<string[]> {
    const rows = this.db.all<{ case_id: string }>(
      `SELECT a.case_id FROM ac_cases a
       WHERE a.case_id IN (SELECT value FROM json_each(:ids)) AND ${visibleCases('a.case_id')}`,
      { ids: JSON.stringify(caseIds), ...visibilityParams(scope) },
    );
    return Promise.resolve(rows.map((row) => row.case_id));
  }
}
