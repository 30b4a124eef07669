import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';

/** Every case of these units, oldest first: what a supervisor's hash-chain check covers. */
export class CasesOfUnitsQuery extends Query<string[]> {
  constructor(readonly units: readonly string[]) {
    super();
  }
}

@QueryHandler(CasesOfUnitsQuery)
export class CasesOfUnitsHandler implements IQueryHandler<CasesOfUnitsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ units }: CasesOfUnitsQuery): Promise<string[]> {
    const rows = this.db.all<{ case_id: string }>(
      `SELECT case_id FROM ac_cases WHERE unit IN (SELECT value FROM json_each(:units)) ORDER BY rowid`,
      { units: JSON.stringify(units) },
    );
    return Promise.resolve(rows.map((row) => row.case_id));
  }
}
