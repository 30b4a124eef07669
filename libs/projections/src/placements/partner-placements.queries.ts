import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PersonalValue } from '@app/engine';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';

/**
 * A placement as the providing unit sees it (insatser.md, One unit using
 * another unit's insats): a placement reference, the insats, the placing
 * unit, dates and scope; never the case, its reference or its social worker.
 */
export interface PartnerPlacement {
  readonly placementId: string;
  readonly placingUnit: string;
  readonly providingUnit: string;
  readonly insatsId: string;
  readonly insatsName: string;
  /** godkannande, ko, forberedelse, pagar, avslutad or avbruten. */
  readonly phase: string;
  readonly assignedOn: string | null;
  readonly acceptedOn: string | null;
  readonly startedOn: string | null;
  readonly endedOn: string | null;
  readonly scope: { readonly hours: number; readonly per: string } | null;
  readonly price: { readonly amountSek: number; readonly period: string };
  readonly attendanceReportedTo: string | null;
  readonly lastObservationOn: string | null;
}

interface Row {
  case_id: string;
  placement_id: string;
  unit: string;
  providing_unit: string;
  insats_id: string;
  insats_name: string;
  phase: string;
  assigned_on: string | null;
  accepted_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  scope_hours: number | null;
  scope_per: string | null;
  price_sek: number;
  price_period: string;
  attendance_to: string | null;
  last_observation_on: string | null;
  plan: string | null;
}

const toPartnerPlacement = (row: Row): PartnerPlacement => ({
  placementId: row.placement_id,
  placingUnit: row.unit,
  providingUnit: row.providing_unit,
  insatsId: row.insats_id,
  insatsName: row.insats_name,
  phase: row.phase,
  assignedOn: row.assigned_on,
  acceptedOn: row.accepted_on,
  startedOn: row.started_on,
  endedOn: row.ended_on,
  scope: row.scope_hours === null ? null : { hours: row.scope_hours, per: String(row.scope_per) },
  price: { amountSek: row.price_sek, period: row.price_period },
  attendanceReportedTo: row.attendance_to,
  lastObservationOn: row.last_observation_on,
});

/** The parts of the arbetsplan the insats needs to do its work. */
const PLAN_PARTS = ['mal', 'delmal', 'arbetsuppgifter'] as const;
const planParts = (opened: unknown) =>
  Object.fromEntries(
    PLAN_PARTS.map((part) => [part, (opened as Record<string, unknown> | null)?.[part] ?? null]),
  );

export interface PartnerPlacementFilter {
  /** The units whose insatser the reader works at. */
  readonly units: readonly string[];
  /** Only those waiting for the providing unit's answer. */
  readonly awaitingAnswer?: boolean;
}

export class PartnerPlacementsQuery extends Query<PageOf<PartnerPlacement>> {
  constructor(
    readonly filter: PartnerPlacementFilter,
    readonly page: Page,
  ) {
    super();
  }
}

@QueryHandler(PartnerPlacementsQuery)
export class PartnerPlacementsHandler implements IQueryHandler<PartnerPlacementsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ filter, page }: PartnerPlacementsQuery): Promise<PageOf<PartnerPlacement>> {
    const awaiting = filter.awaitingAnswer === undefined ? '' : ` AND (p.phase = 'godkannande') = :awaiting`;
    return Promise.resolve(
      selectPage(
        this.db,
        {
          columns: 'p.*',
          from: `FROM pl_placements p WHERE p.providing_unit IN (SELECT value FROM json_each(:units))${awaiting}`,
          orderBy: "p.phase <> 'godkannande', p.assigned_on DESC, p.placement_id",
        },
        { units: JSON.stringify(filter.units), awaiting: Number(filter.awaitingAnswer ?? 0) },
        page,
        toPartnerPlacement,
      ),
    );
  }
}

/** Where a placement lives, for the providing unit's commands: found only among the reader's units. */
export interface PartnerPlacementRef {
  readonly caseId: string;
  readonly instanceId: string;
  readonly placement: PartnerPlacement;
  /** The arbetsplan's mål, delmål and arbetsuppgifter, and nothing else of it; sealed until disclosed. */
  readonly plan: PersonalValue | null;
}

export class PartnerPlacementQuery extends Query<PartnerPlacementRef | undefined> {
  constructor(
    readonly placementId: string,
    readonly units: readonly string[],
  ) {
    super();
  }
}

@QueryHandler(PartnerPlacementQuery)
export class PartnerPlacementHandler implements IQueryHandler<PartnerPlacementQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ placementId, units }: PartnerPlacementQuery): Promise<PartnerPlacementRef | undefined> {
    const row = this.db.get<Row & { instance_id: string }>(
      `SELECT * FROM pl_placements WHERE placement_id = :placementId
         AND providing_unit IN (SELECT value FROM json_each(:units))`,
      { placementId, units: JSON.stringify(units) },
    );
    if (!row) return Promise.resolve(undefined);
    return Promise.resolve({
      caseId: row.case_id,
      instanceId: row.instance_id,
      placement: toPartnerPlacement(row),
      plan: row.plan === null ? null : new PersonalValue(row.case_id, row.plan, planParts),
    });
  }
}
