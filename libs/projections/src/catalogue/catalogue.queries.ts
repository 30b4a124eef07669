import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { CatalogueFacts } from '@app/engine';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';
import { placesQueued, placesTaken } from '../placements/occupancy';

/** An entry's columns with its occupancy and queue, never typed. */
const WITH_OCCUPANCY = `i.*, ${placesTaken('i.insats_id')} AS taken, ${placesQueued('i.insats_id')} AS queued`;

export interface CatalogueItem {
  readonly insatsId: string;
  readonly providingUnit: string;
  readonly version: number;
  readonly status: string;
  readonly statusReason: string | null;
  readonly name: string;
  readonly kind: string;
  readonly trappsteg: string;
  readonly bipType: string;
  readonly places: number;
  /** Occupancy (beläggning): placements assigned or running, never typed. */
  readonly taken: number;
  readonly queued: number;
  readonly placesFree: number;
  /** The whole entry as its newest version has it. */
  readonly entry: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

interface Row {
  insats_id: string;
  providing_unit: string;
  version: number;
  status: string;
  status_reason: string | null;
  name: string;
  kind: string;
  trappsteg: string;
  bip_type: string;
  places: number;
  taken: number | null;
  queued: number | null;
  entry: string;
  updated_at: string;
  price_sek: number;
  price_period: string;
  price_other_units_sek: number | null;
  open_to: string;
}

const toItem = (row: Row): CatalogueItem => ({
  insatsId: row.insats_id,
  providingUnit: row.providing_unit,
  version: row.version,
  status: row.status,
  statusReason: row.status_reason,
  name: row.name,
  kind: row.kind,
  trappsteg: row.trappsteg,
  bipType: row.bip_type,
  places: row.places,
  taken: row.taken ?? 0,
  queued: row.queued ?? 0,
  placesFree: Math.max(0, row.places - (row.taken ?? 0)),
  entry: JSON.parse(row.entry) as Record<string, unknown>,
  updatedAt: row.updated_at,
});

export interface CatalogueFilter {
  readonly kind?: string;
  readonly trappsteg?: string;
  readonly unit?: string;
  /** Every adaptation listed must be offered. */
  readonly adaptations?: readonly string[];
  /** Only entries with a free place now. */
  readonly freePlaces?: boolean;
  readonly status?: string;
  /** Free text in the name or målgrupp. */
  readonly text?: string;
}

export class CatalogueQuery extends Query<PageOf<CatalogueItem>> {
  constructor(
    readonly filter: CatalogueFilter,
    readonly page: Page,
  ) {
    super();
  }
}

const FILTERED = `FROM ic_insatser i
  WHERE (:kind IS NULL OR i.kind = :kind) AND (:trappsteg IS NULL OR i.trappsteg = :trappsteg)
    AND (:unit IS NULL OR i.providing_unit = :unit) AND (:status IS NULL OR i.status = :status)
    AND (:freePlaces IS NULL OR (i.places - ${placesTaken('i.insats_id')} > 0) = :freePlaces)
    AND (:text IS NULL OR instr(lower(i.name), lower(:text)) > 0
      OR instr(lower(json_extract(i.entry, '$.malgrupp')), lower(:text)) > 0)
    AND (SELECT count(*) FROM json_each(:adaptations) wanted
         WHERE wanted.value NOT IN (SELECT adaptation FROM ic_adaptations a WHERE a.insats_id = i.insats_id)) = 0`;

@QueryHandler(CatalogueQuery)
export class CatalogueHandler implements IQueryHandler<CatalogueQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ filter, page }: CatalogueQuery): Promise<PageOf<CatalogueItem>> {
    const params = {
      kind: filter.kind ?? null,
      trappsteg: filter.trappsteg ?? null,
      unit: filter.unit ?? null,
      status: filter.status ?? null,
      freePlaces: filter.freePlaces === undefined ? null : Number(filter.freePlaces),
      text: filter.text ?? null,
      adaptations: JSON.stringify(filter.adaptations ?? []),
    };
    return Promise.resolve(
      selectPage(
        this.db,
        { columns: WITH_OCCUPANCY, from: FILTERED, orderBy: 'i.name, i.insats_id' },
        params,
        page,
        toItem,
      ),
    );
  }
}

export interface InsatsVersion {
  readonly version: number;
  readonly recordedAt: string;
  readonly entry: Readonly<Record<string, unknown>>;
}

/** One entry with every version it has had, newest first. */
export class InsatsQuery extends Query<(CatalogueItem & { versions: InsatsVersion[] }) | undefined> {
  constructor(readonly insatsId: string) {
    super();
  }
}

@QueryHandler(InsatsQuery)
export class InsatsHandler implements IQueryHandler<InsatsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ insatsId }: InsatsQuery) {
    const row = this.db.get<Row>(
      `SELECT ${WITH_OCCUPANCY} FROM ic_insatser i WHERE i.insats_id = :insatsId`,
      { insatsId },
    );
    if (!row) return Promise.resolve(undefined);
    const versions = this.db
      .all<{ version: number; recorded_at: string; entry: string }>(
        'SELECT version, recorded_at, entry FROM ic_versions WHERE insats_id = :insatsId ORDER BY version DESC',
        { insatsId },
      )
      .map((v) => ({
        version: v.version,
        recordedAt: v.recorded_at,
        entry: JSON.parse(v.entry) as Record<string, unknown>,
      }));
    return Promise.resolve({ ...toItem(row), versions });
  }
}

/** Places taken and waiting per insats. */
export class OccupancyQuery extends Query<ReadonlyMap<string, { taken: number; queued: number }>> {
  constructor(readonly insatsIds: readonly string[]) {
    super();
  }
}

@QueryHandler(OccupancyQuery)
export class OccupancyHandler implements IQueryHandler<OccupancyQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ insatsIds }: OccupancyQuery) {
    const rows = this.db.all<{ insats_id: string; taken: number; queued: number }>(
      `SELECT i.insats_id, ${placesTaken('i.insats_id')} AS taken, ${placesQueued('i.insats_id')} AS queued
       FROM ic_insatser i WHERE i.insats_id IN (SELECT value FROM json_each(:ids))`,
      { ids: JSON.stringify(insatsIds) },
    );
    return Promise.resolve(new Map(rows.map((r) => [r.insats_id, { taken: r.taken, queued: r.queued }])));
  }
}

/** What the engine needs of an entry to place one instance of one case on it. */
export class CatalogueFactsQuery extends Query<CatalogueFacts | undefined> {
  constructor(
    readonly insatsId: string,
    readonly asking: { readonly caseId: string; readonly instanceId: string; readonly unit: string },
  ) {
    super();
  }
}

@QueryHandler(CatalogueFactsQuery)
export class CatalogueFactsHandler implements IQueryHandler<CatalogueFactsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ insatsId, asking }: CatalogueFactsQuery): Promise<CatalogueFacts | undefined> {
    const { caseId, instanceId, unit } = asking;
    const row = this.db.get<Row>(
      `SELECT ${WITH_OCCUPANCY} FROM ic_insatser i WHERE i.insats_id = :insatsId`,
      { insatsId },
    );
    if (!row) return Promise.resolve(undefined);
    const mine = this.db.get<{ queued_at: string | null }>(
      `SELECT queued_at FROM pl_placements WHERE case_id = :caseId AND instance_id = :instanceId AND phase = 'ko'`,
      { caseId, instanceId },
    );
    // First come, first served: those who joined the queue earlier, and at the same instant by id.
    const ahead = mine?.queued_at
      ? (this.db.get<{ n: number }>(
          `SELECT count(*) AS n FROM pl_placements WHERE insats_id = :insatsId AND phase = 'ko'
             AND (queued_at < :at OR (queued_at = :at AND (case_id || instance_id) < (:caseId || :instanceId)))`,
          { insatsId, at: mine.queued_at, caseId, instanceId },
        )?.n ?? 0)
      : (row.queued ?? 0);
    const item = toItem(row);
    const own = item.providingUnit === unit;
    return Promise.resolve({
      insatsId,
      version: item.version,
      name: item.name,
      providingUnit: item.providingUnit,
      status: item.status as CatalogueFacts['status'],
      kind: item.kind,
      trappsteg: item.trappsteg,
      bipType: item.bipType,
      places: item.places,
      placesFree: item.placesFree,
      queuedAhead: ahead,
      // Another unit pays the price for other units; an entry that names none charges them its own cost.
      price: {
        amountSek: own ? row.price_sek : (row.price_other_units_sek ?? row.price_sek),
        period: row.price_period,
      },
      openToAsker: own || this.openTo(row, unit),
    });
  }

  private openTo(row: Row, unit: string): boolean {
    if (row.open_to === 'alla_enheter') return true;
    if (row.open_to !== 'utvalda_enheter') return false;
    return (
      this.db.get('SELECT 1 AS listed FROM ic_open_units WHERE insats_id = :insatsId AND unit = :unit', {
        insatsId: row.insats_id,
        unit,
      }) !== undefined
    );
  }
}
