import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { visibilityParams, visibleCases, type ReadScope } from '@app/access';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';

export interface OpenDeadline {
  readonly deadlineId: string;
  readonly caseId: string;
  readonly unit: string;
  readonly instanceId: string;
  readonly definitionId: string;
  readonly name: string;
  readonly title: string;
  readonly dueAt: string;
  readonly overdue: boolean;
  /** The case revision the read model has seen: the escalation worker's expected revision. */
  readonly caseRevision: number;
}

/** Deadline ids are unique within their case (they derive from the command's key), not across cases. */
export interface DeadlineKey {
  readonly caseId: string;
  readonly deadlineId: string;
}

/** Open deadlines by due time, optionally only those due by `dueBy`, in one unit, or not among `excluding`. */
export class OpenDeadlinesQuery extends Query<PageOf<OpenDeadline>> {
  constructor(
    readonly now: string,
    readonly filter: {
      readonly dueBy?: string;
      readonly unit?: string;
      readonly excluding?: readonly DeadlineKey[];
    },
    readonly page: Page,
    readonly scope: ReadScope,
  ) {
    super();
  }
}

interface Row {
  deadline_id: string;
  case_id: string;
  unit: string;
  instance_id: string;
  definition_id: string;
  name: string;
  title: string;
  due_at: string;
  revision: number;
}

const FILTERED = `FROM dl_deadlines d JOIN rm_cases c ON c.case_id = d.case_id
  WHERE d.status = 'open' AND (:dueBy IS NULL OR d.due_at <= :dueBy) AND (:unit IS NULL OR d.unit = :unit)
  AND NOT EXISTS (SELECT 1 FROM json_each(:excluding) x
    WHERE x.value ->> '$.caseId' = d.case_id AND x.value ->> '$.deadlineId' = d.deadline_id)
  AND ${visibleCases('d.case_id')}`;

@QueryHandler(OpenDeadlinesQuery)
export class OpenDeadlinesHandler implements IQueryHandler<OpenDeadlinesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ now, filter, page, scope }: OpenDeadlinesQuery): Promise<PageOf<OpenDeadline>> {
    const params = {
      dueBy: filter.dueBy ?? null,
      unit: filter.unit ?? null,
      excluding: JSON.stringify(filter.excluding ?? []),
      ...visibilityParams(scope),
    };
    return Promise.resolve(
      selectPage(
        this.db,
        { columns: `d.*, c.revision`, from: FILTERED, orderBy: 'd.due_at, d.deadline_id' },
        params,
        page,
        (row: Row) => ({
          deadlineId: row.deadline_id,
          caseId: row.case_id,
          unit: row.unit,
          instanceId: row.instance_id,
          definitionId: row.definition_id,
          name: row.name,
          title: row.title,
          dueAt: row.due_at,
          overdue: row.due_at < now,
          caseRevision: row.revision,
        }),
      ),
    );
  }
}
