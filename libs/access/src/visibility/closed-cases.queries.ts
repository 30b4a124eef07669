import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';

export interface ClosedCase {
  readonly caseId: string;
  readonly unit: string;
  readonly closedAt: string;
}

/** Cases closed with a reason (CaseClosed) by `closedBy` and not reopened or erased; oldest first, for retention. */
export class ClosedCasesQuery extends Query<ClosedCase[]> {
  constructor(
    readonly closedBy: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(ClosedCasesQuery)
export class ClosedCasesHandler implements IQueryHandler<ClosedCasesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ closedBy, limit }: ClosedCasesQuery): Promise<ClosedCase[]> {
    return Promise.resolve(
      this.db
        .all<{ case_id: string; unit: string; closed_at: string }>(
          `SELECT case_id, unit, closed_at FROM ac_cases
           WHERE closed_at IS NOT NULL AND erased = 0 AND closed_at <= :closedBy
           ORDER BY closed_at, case_id LIMIT :limit`,
          { closedBy, limit },
        )
        .map((row) => ({ caseId: row.case_id, unit: row.unit, closedAt: row.closed_at })),
    );
  }
}
