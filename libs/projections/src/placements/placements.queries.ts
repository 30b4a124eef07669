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
  /** What the anvisning carries out: the case directly, a progressionsplan row (numbered from 1), or the CM plan. */
  readonly origin: { readonly kind: string; readonly planRow: number | null } | null;
  /** The placement this one continues after it closed to "annan insats", with the follow-ups held before. */
  readonly continuesFrom: {
    readonly instanceId: string;
    readonly insatsName: string | null;
    readonly followUpsHeld: number;
  } | null;
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
  origin: string | null;
  plan_row: number | null;
  continues_from: string | null;
  earlier_insats_name: string | null;
  earlier_follow_ups: number;
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
    origin: row.origin === null ? null : { kind: row.origin, planRow: row.plan_row },
    continuesFrom:
      row.continues_from === null
        ? null
        : {
            instanceId: row.continues_from,
            insatsName: row.earlier_insats_name,
            followUpsHeld: row.earlier_follow_ups,
          },
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

/**
 * One fixed condition per filter given, so SQLite sees `p.unit = :unit`
 * and takes the unit's index, which `(:unit IS NULL OR ...)` would hide
 * from it. No caller input ever becomes SQL text.
 */
const CONDITIONS: Readonly<Record<keyof PlacementFilter, string>> = {
  unit: 'p.unit = :unit',
  caseId: 'p.case_id = :caseId',
  socialWorkerId: `EXISTS (SELECT 1 FROM ${CASES_TABLE} c WHERE c.case_id = p.case_id AND c.social_worker_id = :socialWorkerId)`,
  phase: 'p.phase = :phase',
  dueBy: "p.phase = 'pagar' AND p.follow_up_due_at <= :dueBy",
  overdue: "(p.phase = 'pagar' AND p.follow_up_due_at <= :now) = :overdue",
  flagged: "(p.follow_up IS 'flaggad') = :flagged",
};

/** Overdue ones only, as the due index can find them. */
const OVERDUE = "p.phase = 'pagar' AND p.follow_up_due_at <= :now";

const filtered = (filter: PlacementFilter) =>
  `FROM pl_placements p WHERE ${[
    ...(Object.keys(CONDITIONS) as (keyof PlacementFilter)[])
      .filter((name) => filter[name] !== undefined)
      .map((name) => (name === 'overdue' && filter.overdue ? OVERDUE : CONDITIONS[name])),
    visibleCases('p.case_id'),
  ].join(' AND ')}`;

/** Only running placements, each with a due date: the unit's due index then gives the order, and a page stops early. */
const onlyRunning = (filter: PlacementFilter) =>
  filter.unit !== undefined && (filter.dueBy !== undefined || filter.overdue === true);

@QueryHandler(PlacementsQuery)
export class PlacementsHandler implements IQueryHandler<PlacementsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ filter, page, scope, now }: PlacementsQuery): Promise<PageOf<Placement>> {
    const params = {
      ...filter,
      ...(filter.overdue === undefined ? {} : { overdue: Number(filter.overdue) }),
      ...(filter.flagged === undefined ? {} : { flagged: Number(filter.flagged) }),
      now,
      ...visibilityParams(scope),
    };
    // Due soonest first; those not running (no due date) after, newest first.
    return Promise.resolve(
      selectPage(
        this.db,
        {
          // Looked up for the page's rows only, not for every row the count reads.
          columns: `p.*, (SELECT reference FROM ${CASES_TABLE} c WHERE c.case_id = p.case_id) AS reference,
            (SELECT social_worker_id FROM ${CASES_TABLE} c WHERE c.case_id = p.case_id) AS social_worker_id`,
          from: filtered(filter),
          orderBy: onlyRunning(filter)
            ? 'p.follow_up_due_at, p.case_id, p.instance_id'
            : 'p.follow_up_due_at IS NULL, p.follow_up_due_at, p.started_at DESC, p.case_id, p.instance_id',
        },
        params,
        page,
        toPlacement(now),
      ),
    );
  }
}
