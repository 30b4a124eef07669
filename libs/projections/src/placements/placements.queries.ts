import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PersonalValue } from '@app/engine';
import { visibilityParams, visibleCases, type ReadScope } from '@app/access';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';
import { CASES_TABLE } from '../case-directory';

export interface Placement {
  readonly caseId: string;
  /** The pseudonym, sealed until the disclosure step opens it for a reader cleared to see the case. */
  readonly reference: PersonalValue;
  readonly unit: string;
  readonly socialWorkerId: string;
  readonly instanceId: string;
  /** anvisning, ko, forberedelse, pagar, avslutad, behovUtanInsats or avbruten. */
  readonly phase: string;
  /** Inside `pagar`: forstaUppfoljning, nastaUppfoljning, bestamdUppfoljning, forsenad or flaggad. */
  readonly followUp: string | null;
  readonly insats: {
    readonly insatsId: string;
    readonly version: number;
    readonly name: string;
    readonly providingUnit: string;
    readonly trappsteg: string;
    readonly bipType: string;
    readonly price: { readonly amountSek: number; readonly period: string };
  } | null;
  readonly assignedOn: string | null;
  readonly queuedAt: string | null;
  readonly startedOn: string | null;
  readonly endedOn: string | null;
  readonly outcome: string | null;
  readonly followUpsHeld: number;
  readonly lastFollowUpOn: string | null;
  readonly followUpDueAt: string | null;
  readonly followUpOverdue: boolean;
  /** Flagged to the biträdande enhetschef: 14 days past due. */
  readonly flagged: boolean;
  /** Every readiness criterion was ja at the last follow-up: closure to Jobbtorg Resurs is suggested. */
  readonly readyForJobbtorgResurs: boolean;
}

interface Row {
  case_id: string;
  reference: string;
  unit: string;
  social_worker_id: string;
  instance_id: string;
  phase: string;
  follow_up: string | null;
  insats_id: string | null;
  insats_version: number | null;
  insats_name: string | null;
  providing_unit: string | null;
  trappsteg: string | null;
  bip_type: string | null;
  price_sek: number | null;
  price_period: string | null;
  assigned_on: string | null;
  queued_at: string | null;
  started_on: string | null;
  ended_on: string | null;
  outcome: string | null;
  follow_ups_held: number;
  last_follow_up_on: string | null;
  follow_up_due_at: string | null;
  ready_for_jobbtorg_resurs: number;
}

const toPlacement =
  (now: string) =>
  (row: Row): Placement => ({
    caseId: row.case_id,
    reference: new PersonalValue(row.case_id, row.reference),
    unit: row.unit,
    socialWorkerId: row.social_worker_id,
    instanceId: row.instance_id,
    phase: row.phase,
    followUp: row.follow_up,
    insats:
      row.insats_id === null
        ? null
        : {
            insatsId: row.insats_id,
            version: Number(row.insats_version),
            name: String(row.insats_name),
            providingUnit: String(row.providing_unit),
            trappsteg: String(row.trappsteg),
            bipType: String(row.bip_type),
            price: { amountSek: Number(row.price_sek), period: String(row.price_period) },
          },
    assignedOn: row.assigned_on,
    queuedAt: row.queued_at,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    outcome: row.outcome,
    followUpsHeld: row.follow_ups_held,
    lastFollowUpOn: row.last_follow_up_on,
    followUpDueAt: row.follow_up_due_at,
    followUpOverdue: row.phase === 'pagar' && row.follow_up_due_at !== null && row.follow_up_due_at <= now,
    flagged: row.follow_up === 'flaggad',
    readyForJobbtorgResurs: row.ready_for_jobbtorg_resurs === 1,
  });

export interface PlacementFilter {
  readonly unit?: string;
  readonly caseId?: string;
  /** The responsible social worker's placements only. */
  readonly socialWorkerId?: string;
  readonly phase?: string;
  /** Running placements whose follow-up falls due by `dueBy` (overdue ones included). */
  readonly dueBy?: string;
  readonly overdue?: boolean;
  readonly flagged?: boolean;
}

export class PlacementsQuery extends Query<PageOf<Placement>> {
  constructor(
    readonly filter: PlacementFilter,
    readonly page: Page,
    readonly scope: ReadScope,
    /** What "overdue" is judged against: the server's clock. */
    readonly now: string,
  ) {
    super();
  }
}

const FILTERED = `FROM pl_placements p JOIN ${CASES_TABLE} c ON c.case_id = p.case_id
  WHERE (:unit IS NULL OR p.unit = :unit) AND (:caseId IS NULL OR p.case_id = :caseId)
    AND (:socialWorkerId IS NULL OR c.social_worker_id = :socialWorkerId)
    AND (:phase IS NULL OR p.phase = :phase)
    AND (:dueBy IS NULL OR (p.phase = 'pagar' AND p.follow_up_due_at <= :dueBy))
    AND (:overdue IS NULL OR (p.phase = 'pagar' AND p.follow_up_due_at <= :now) = :overdue)
    AND (:flagged IS NULL OR (p.follow_up IS 'flaggad') = :flagged)
    AND ${visibleCases('p.case_id')}`;

@QueryHandler(PlacementsQuery)
export class PlacementsHandler implements IQueryHandler<PlacementsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ filter, page, scope, now }: PlacementsQuery): Promise<PageOf<Placement>> {
    const params = {
      unit: filter.unit ?? null,
      caseId: filter.caseId ?? null,
      socialWorkerId: filter.socialWorkerId ?? null,
      phase: filter.phase ?? null,
      dueBy: filter.dueBy ?? null,
      overdue: filter.overdue === undefined ? null : Number(filter.overdue),
      flagged: filter.flagged === undefined ? null : Number(filter.flagged),
      now,
      ...visibilityParams(scope),
    };
    // Due soonest first; those not running (no due date) after, newest first.
    return Promise.resolve(
      selectPage(
        this.db,
        {
          columns: 'p.*, c.reference, c.social_worker_id',
          from: FILTERED,
          orderBy:
            'p.follow_up_due_at IS NULL, p.follow_up_due_at, p.started_at DESC, p.case_id, p.instance_id',
        },
        params,
        page,
        toPlacement(now),
      ),
    );
  }
}
