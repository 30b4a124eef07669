import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PersonalValue } from '@app/engine';
import { ReadModelDb } from '@app/read-model';
import { CASES_TABLE } from './case-directory';

/** The pseudonyms of these cases, sealed, for an answer that names cases it lists by id (the access log). */
export class CaseReferencesQuery extends Query<ReadonlyMap<string, PersonalValue>> {
  constructor(readonly caseIds: readonly string[]) {
    super();
  }
}

@QueryHandler(CaseReferencesQuery)
export class CaseReferencesHandler implements IQueryHandler<CaseReferencesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ caseIds }: CaseReferencesQuery): Promise<ReadonlyMap<string, PersonalValue>> {
    const rows = this.db.all<{ case_id: string; reference: string }>(
      `SELECT case_id, reference FROM ${CASES_TABLE} WHERE case_id IN (SELECT value FROM json_each(:ids))`,
      { ids: JSON.stringify([...new Set(caseIds)]) },
    );
    return Promise.resolve(
      new Map(rows.map((row) => [row.case_id, new PersonalValue(row.case_id, row.reference)])),
    );
  }
}
