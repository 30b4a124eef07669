import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Temporal } from 'temporal-polyfill';
import { ReadModelDb } from '@app/read-model';

/** One placement's line in a month's basis for internal billing (underlag för internfakturering). */
export interface BillingLine {
  readonly placementId: string;
  readonly placingUnit: string;
  readonly providingUnit: string;
  readonly insatsName: string;
  /** The first and last day billed in the month. */
  readonly from: string;
  readonly to: string;
  readonly days: number;
  /** The price snapshotted when the placement was accepted, and its period. */
  readonly priceSek: number;
  readonly pricePeriod: string;
  readonly amountSek: number;
}

export interface BillingTotal {
  readonly placingUnit: string;
  readonly providingUnit: string;
  readonly placements: number;
  readonly amountSek: number;
}

export interface BillingBasis {
  readonly month: string;
  readonly lines: readonly BillingLine[];
  readonly totals: readonly BillingTotal[];
}

export class BillingBasisQuery extends Query<BillingBasis> {
  constructor(
    /** `YYYY-MM`. */
    readonly month: string,
    /** The reader's units: each sees what it pays and what it is paid. */
    readonly units: readonly string[],
    /** Today: a month still running is billed up to it. */
    readonly today: string,
  ) {
    super();
  }
}

interface Row {
  placement_id: string;
  unit: string;
  providing_unit: string;
  insats_name: string;
  started_on: string;
  ended_on: string | null;
  price_sek: number;
  price_period: string;
}

/** Days from `from` through `to`, both counted. */
const daysThrough = (from: string, to: string) =>
  Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days + 1;

/**
 * Days placed in the month times the price (insatser.md): a month's price
 * by the share of the month placed, a year's by a twelfth of it, so a
 * whole month is billed exactly the price per month.
 */
function amountFor(row: Row, days: number, daysInMonth: number): number {
  const perMonth = row.price_period === 'year' ? row.price_sek / 12 : row.price_sek;
  return Math.round((perMonth * days) / daysInMonth);
}

@QueryHandler(BillingBasisQuery)
export class BillingBasisHandler implements IQueryHandler<BillingBasisQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ month, units, today }: BillingBasisQuery): Promise<BillingBasis> {
    const yearMonth = Temporal.PlainYearMonth.from(month);
    const first = yearMonth.toPlainDate({ day: 1 }).toString();
    const last = yearMonth.toPlainDate({ day: yearMonth.daysInMonth }).toString();
    const rows = this.db.all<Row>(
      `SELECT placement_id, unit, providing_unit, insats_name, started_on, ended_on, price_sek, price_period
       FROM pl_placements
       WHERE providing_unit IS NOT NULL AND unit <> providing_unit AND started_on IS NOT NULL
         AND started_on <= :last AND (ended_on IS NULL OR ended_on >= :first)
         AND (unit IN (SELECT value FROM json_each(:units)) OR providing_unit IN (SELECT value FROM json_each(:units)))
       ORDER BY unit, providing_unit, started_on, placement_id`,
      { first, last, units: JSON.stringify(units) },
    );
    const { daysInMonth } = yearMonth;
    const lines = rows.flatMap((row): BillingLine[] => {
      const from = row.started_on > first ? row.started_on : first;
      const end = [last, today, ...(row.ended_on ? [row.ended_on] : [])].sort()[0];
      if (end < from) return [];
      const days = daysThrough(from, end);
      return [
        {
          placementId: row.placement_id,
          placingUnit: row.unit,
          providingUnit: row.providing_unit,
          insatsName: row.insats_name,
          from,
          to: end,
          days,
          priceSek: row.price_sek,
          pricePeriod: row.price_period,
          amountSek: amountFor(row, days, daysInMonth),
        },
      ];
    });
    const totals = new Map<string, BillingTotal>();
    for (const line of lines) {
      const key = `${line.placingUnit}\u0000${line.providingUnit}`;
      const sum = totals.get(key);
      totals.set(key, {
        placingUnit: line.placingUnit,
        providingUnit: line.providingUnit,
        placements: (sum?.placements ?? 0) + 1,
        amountSek: (sum?.amountSek ?? 0) + line.amountSek,
      });
    }
    return Promise.resolve({ month, lines, totals: [...totals.values()] });
  }
}
