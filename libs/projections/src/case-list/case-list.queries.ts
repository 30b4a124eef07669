import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { personal, PersonalValue } from '@app/engine';
import { visibilityParams, visibleCases, type ReadScope } from '@app/access';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';

export const CASE_LIST_SORTS = ['updated', 'opened', 'due', 'socialWorker'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

/** Each order ends on the case id, so a page boundary never splits or repeats a case. */
const ORDER_BY: Readonly<Record<CaseListSort, string>> = {
  updated: 'c.updated_at DESC, c.case_id',
  opened: 'c.opened_at DESC, c.case_id',
  due: 'next_due_at IS NULL, next_due_at, c.case_id',
  socialWorker: 'social_worker_name IS NULL, social_worker_name COLLATE NOCASE, c.updated_at DESC, c.case_id',
};

export interface CaseListFilter {
  readonly unit?: string;
  readonly socialWorkerId?: string;
  /** Cases with a running instance of this process definition (with `state`: an instance in that state). */
  readonly process?: string;
  /**
   * Cases with an instance in this state, running or ended (`completed`,
   * `overlamnad`); a path such as `uppfoljning` matches its sub-steps.
   */
  readonly state?: string;
  /** Only cases with (true) or without (false) a passed, unfired deadline. */
  readonly overdue?: boolean;
  /** Only cases whose latest recorded BIP phase is this one. */
  readonly bipPhase?: number;
  /** Only closed (true) or open (false) cases; both when absent. */
  readonly closed?: boolean;
  /** The order: most recently changed (default), most recently opened, nearest deadline, or by social worker. */
  readonly sort?: CaseListSort;
  /**
   * Only the cases a search found (their reference or journal reference, by
   * the blind index) or those of the social workers whose name it matched;
   * the exact matches first.
   */
  readonly found?: {
    readonly caseIds: readonly string[];
    readonly exactCaseIds: readonly string[];
    readonly socialWorkerIds: readonly string[];
  };
}

export interface CaseListItem {
  readonly caseId: string;
  /** The pseudonym, sealed until the disclosure step opens it for a reader cleared to see the case. */
  readonly reference: PersonalValue;
  /** The journal system's reference, sealed like the reference; null when none was given. */
  readonly journalRef: PersonalValue | null;
  readonly unit: string;
  readonly socialWorkerId: string;
  /** As the staff directory knows them; null before they have signed in. */
  readonly socialWorkerName: string | null;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly revision: number;
  readonly bipPhase: number | null;
  readonly caseworkerChanges: number;
  readonly hasProgressionsplan: boolean;
  readonly nextDueAt: string | null;
  readonly overdue: boolean;
  /** When the case was closed; null while it is open. */
  readonly closedAt: string | null;
  readonly processes: {
    readonly instanceId: string;
    readonly definitionId: string;
    readonly process: string;
    readonly status: string;
    readonly state: unknown;
    readonly steps: string[];
    /** Who follows the instance up, once its process has named someone; null before and after. */
    readonly followUpOwner: string | null;
  }[];
}

export class ListCasesQuery extends Query<PageOf<CaseListItem>> {
  constructor(
    readonly filter: CaseListFilter,
    readonly now: string,
    readonly page: Page,
    readonly scope: ReadScope,
  ) {
    super();
  }
}

interface CaseRow {
  case_id: string;
  reference: string;
  journal_ref: string | null;
  social_worker_name: string | null;
  unit: string;
  social_worker_id: string;
  opened_at: string;
  updated_at: string;
  revision: number;
  bip_phase: number | null;
  caseworker_changes: number;
  has_progressionsplan: number;
  next_due_at: string | null;
  closed_at: string | null;
}

interface InstanceRow {
  case_id: string;
  instance_id: string;
  definition_id: string;
  process_title: string;
  status: string;
  state_value: string;
  steps: string;
  follow_up_owner: string | null;
}

/**
 * The filters the request names, and only those: `(:unit IS NULL OR c.unit
 * = :unit)` would keep SQLite from using the unit's index, so an absent
 * filter is left out of the SQL rather than passed as NULL.
 */
export function caseListFrom(filter: CaseListFilter): string {
  const process = filter.process !== undefined;
  const conditions = [
    filter.unit !== undefined && 'c.unit = :unit',
    filter.socialWorkerId !== undefined && 'c.social_worker_id = :socialWorkerId',
    process &&
      filter.state === undefined &&
      `EXISTS (SELECT 1 FROM cl_instances i
        WHERE i.case_id = c.case_id AND i.definition_id = :process AND i.status = 'active')`,
    filter.state !== undefined &&
      `EXISTS (SELECT 1 FROM cl_instance_paths p JOIN cl_instances i
        ON i.case_id = p.case_id AND i.instance_id = p.instance_id
        WHERE p.case_id = c.case_id AND p.state_path = :state${process ? ' AND i.definition_id = :process' : ''})`,
    filter.overdue !== undefined &&
      ':overdue = EXISTS (SELECT 1 FROM cl_deadlines d WHERE d.case_id = c.case_id AND d.due_at < :now)',
    filter.bipPhase !== undefined && 'c.bip_phase = :bipPhase',
    filter.closed !== undefined && '(c.closed_at IS NOT NULL) = :closed',
    filter.found !== undefined &&
      `c.case_id IN (SELECT value FROM json_each(:foundCases)
        UNION SELECT w.case_id FROM cl_cases w WHERE w.social_worker_id IN (SELECT value FROM json_each(:foundWorkers)))
        AND c.erased_at IS NULL`,
    visibleCases('c.case_id'),
  ].filter((condition): condition is string => typeof condition === 'string');
  return `FROM cl_cases c WHERE ${conditions.join(' AND ')}`;
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ filter, now, page, scope }: ListCasesQuery): Promise<PageOf<CaseListItem>> {
    const params = {
      unit: filter.unit ?? null,
      socialWorkerId: filter.socialWorkerId ?? null,
      process: filter.process ?? null,
      state: filter.state ?? null,
      overdue: filter.overdue === undefined ? null : Number(filter.overdue),
      bipPhase: filter.bipPhase ?? null,
      closed: filter.closed === undefined ? null : Number(filter.closed),
      foundCases: JSON.stringify(filter.found?.caseIds ?? []),
      foundWorkers: JSON.stringify(filter.found?.socialWorkerIds ?? []),
      exactCases: JSON.stringify(filter.found?.exactCaseIds ?? []),
      now,
      ...visibilityParams(scope),
    };
    const found = selectPage(
      this.db,
      {
        columns: `c.*, (SELECT min(due_at) FROM cl_deadlines d WHERE d.case_id = c.case_id) AS next_due_at,
          (SELECT max(m.name) FROM sf_members m WHERE m.user_id = c.social_worker_id) AS social_worker_name`,
        from: caseListFrom(filter),
        orderBy: filter.found
          ? `c.case_id IN (SELECT value FROM json_each(:exactCases)) DESC, ${ORDER_BY[filter.sort ?? 'updated']}`
          : ORDER_BY[filter.sort ?? 'updated'],
      },
      params,
      page,
      (row: CaseRow) => row,
    );
    const instances = this.instancesOf(found.items.map((row) => row.case_id));
    return Promise.resolve({
      ...found,
      items: found.items.map((row) => ({
        caseId: row.case_id,
        reference: new PersonalValue(row.case_id, row.reference),
        journalRef: personal(row.case_id, row.journal_ref),
        unit: row.unit,
        socialWorkerId: row.social_worker_id,
        socialWorkerName: row.social_worker_name,
        openedAt: row.opened_at,
        updatedAt: row.updated_at,
        revision: row.revision,
        bipPhase: row.bip_phase,
        caseworkerChanges: row.caseworker_changes,
        hasProgressionsplan: row.has_progressionsplan === 1,
        nextDueAt: row.next_due_at,
        overdue: row.next_due_at !== null && row.next_due_at < now,
        closedAt: row.closed_at,
        processes: (instances.get(row.case_id) ?? []).map((i) => ({
          instanceId: i.instance_id,
          definitionId: i.definition_id,
          process: i.process_title,
          status: i.status,
          state: JSON.parse(i.state_value) as unknown,
          steps: JSON.parse(i.steps) as string[],
          followUpOwner: i.follow_up_owner,
        })),
      })),
    });
  }

  private instancesOf(caseIds: string[]): Map<string, InstanceRow[]> {
    const byCase = new Map<string, InstanceRow[]>();
    if (caseIds.length === 0) return byCase;
    const rows = this.db.all<InstanceRow>(
      `SELECT * FROM cl_instances WHERE case_id IN (SELECT value FROM json_each(:ids)) ORDER BY started_at, instance_id`,
      { ids: JSON.stringify(caseIds) },
    );
    for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row]);
    return byCase;
  }
}
