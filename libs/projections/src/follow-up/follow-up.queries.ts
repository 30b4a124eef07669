import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PersonalValue } from '@app/engine';
import { visibilityParams, visibleCases, type ReadScope } from '@app/access';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';

export interface FollowUpResponsibility {
  readonly caseId: string;
  /** The pseudonym, sealed until the disclosure step opens it for a reader cleared to see the case. */
  readonly reference: PersonalValue;
  readonly unit: string;
  readonly instanceId: string;
  /** The process whose follow-up it is. */
  readonly process: string;
  readonly owner: string;
  readonly since: string;
  readonly reason: string | null;
  readonly escalated: boolean;
  /** The owner's last step in the instance, or when they took it over. */
  readonly lastFollowUpAt: string;
  /** Three months after it: when a follow-up not yet recorded is flagged to the biträdande enhetschef. */
  readonly followUpDueAt: string;
  readonly followUpOverdue: boolean;
}

export class FollowUpQuery extends Query<PageOf<FollowUpResponsibility>> {
  constructor(
    readonly filter: {
      readonly unit?: string;
      readonly owner?: string;
      readonly escalated?: boolean;
      readonly caseId?: string;
      /** Only those whose owner has gone three months without a follow-up (true), or not (false). */
      readonly overdue?: boolean;
    },
    readonly page: Page,
    readonly scope: ReadScope,
    /** What "overdue" is judged against: the server's clock. */
    readonly now: string,
  ) {
    super();
  }
}

interface Row {
  case_id: string;
  reference: string;
  unit: string;
  instance_id: string;
  process_title: string;
  owner: string;
  since: string;
  reason: string | null;
  escalated: number;
  last_follow_up_at: string;
  follow_up_due_at: string;
}

const FILTERED = `FROM fu_follow_ups WHERE (:unit IS NULL OR unit = :unit) AND (:owner IS NULL OR owner = :owner)
  AND (:escalated IS NULL OR escalated = :escalated) AND (:caseId IS NULL OR case_id = :caseId)
  AND (:overdue IS NULL OR (follow_up_due_at <= :now) = :overdue)
  AND ${visibleCases('case_id')}`;

@QueryHandler(FollowUpQuery)
export class FollowUpHandler implements IQueryHandler<FollowUpQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ filter, page, scope, now }: FollowUpQuery): Promise<PageOf<FollowUpResponsibility>> {
    const params = {
      unit: filter.unit ?? null,
      owner: filter.owner ?? null,
      escalated: filter.escalated === undefined ? null : Number(filter.escalated),
      caseId: filter.caseId ?? null,
      overdue: filter.overdue === undefined ? null : Number(filter.overdue),
      now,
      ...visibilityParams(scope),
    };
    return Promise.resolve(
      selectPage(
        this.db,
        { columns: `*`, from: FILTERED, orderBy: 'escalated DESC, since DESC, case_id, instance_id' },
        params,
        page,
        (row: Row) => ({
          caseId: row.case_id,
          reference: new PersonalValue(row.case_id, row.reference),
          unit: row.unit,
          instanceId: row.instance_id,
          process: row.process_title,
          owner: row.owner,
          since: row.since,
          reason: row.reason,
          escalated: row.escalated === 1,
          lastFollowUpAt: row.last_follow_up_at,
          followUpDueAt: row.follow_up_due_at,
          followUpOverdue: row.follow_up_due_at <= now,
        }),
      ),
    );
  }
}
