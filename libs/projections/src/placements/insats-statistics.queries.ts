import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';
import { TRAPPSTEG } from '@app/insatser/domain/catalogue-terms';
import { CLOSURE_OUTCOMES, UNMET_NEED_CATEGORIES } from '@app/insatser/domain/placement-terms';
import { placesTaken } from './occupancy';
import { participantsByGroup, targetGroups } from './client-fact-reports';
import { shownCells, suppressed, withheldCells, type ReportColumn, type ReportRow } from './report-cells';

/** The reports of insatser.md's table, by the name the API gives each. */
export const INSATS_REPORTS = {
  participants: 'Deltagare under perioden',
  'participants-by-group': 'Deltagare efter kön och åldersgrupp',
  outcomes: 'Utfall av avslutade insatser',
  'lead-times': 'Ledtider: beslut → anvisning → start, och från aktuell på bistånd',
  waiting: 'Kö till insatserna',
  occupancy: 'Beläggning mot antal platser',
  'follow-ups': 'Uppföljningar i tid',
  'unmet-needs': 'Behov som ingen insats mötte',
  'target-groups': 'Ärenden efter målgrupp och orsak till bistånd',
  cost: 'Kostnad för placeringar',
} as const;
export type InsatsReportName = keyof typeof INSATS_REPORTS;

export interface InsatsReport {
  readonly report: InsatsReportName;
  readonly title: string;
  /** `city`: every unit, aggregates only, cells under 5 withheld; `unit`: the caller's own units, exact. */
  readonly scope: 'unit' | 'city';
  readonly from: string;
  readonly to: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /** How many cells were withheld because they stand for fewer than five people. */
  readonly suppressedCells: number;
}

export class InsatsReportQuery extends Query<InsatsReport> {
  constructor(
    readonly report: InsatsReportName,
    /** The units reported on; undefined for the whole city. */
    readonly units: readonly string[] | undefined,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}
const label = (terms: Readonly<Record<string, string>>, key: string | null) =>
  key ? (terms[key] ?? key) : '–';
/** What a month of a place costs, whichever period the entry priced it by. */
const monthly = (amount: number, period: string) => (period === 'year' ? amount / 12 : amount);
const AVERAGE_MONTH_DAYS = 365.25 / 12;

type Row = Record<string, unknown>;
type Built = { columns: ReportColumn[]; rows: ReportRow[] };

/**
 * The statistics no unit has today (seed 004), over the placements read
 * model: never a case or a person, only counts, shares, durations and
 * sums. For the whole city every cell standing for one to four people is
 * withheld before the answer leaves the server.
 */
@QueryHandler(InsatsReportQuery)
export class InsatsReportHandler implements IQueryHandler<InsatsReportQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ report, units, from, to }: InsatsReportQuery): Promise<InsatsReport> {
    const params = { from, to, units: JSON.stringify(units ?? []) };
    const city = units === undefined;
    const built = this.build(report, params, city);
    const rows = city ? built.rows.map((row) => suppressed(row, built.columns)) : built.rows;
    return Promise.resolve({
      report,
      title: INSATS_REPORTS[report],
      scope: city ? 'city' : 'unit',
      from,
      to,
      columns: built.columns.map(({ basis: _counted, ...column }) => column),
      rows: rows.map(shownCells),
      suppressedCells: withheldCells(built.rows, rows, built.columns),
    });
  }

  private build(report: InsatsReportName, params: Record<string, unknown>, city: boolean): Built {
    // Two fixed texts rather than `:all = 1 OR ...`, which would keep SQLite from the unit index.
    const inUnits = (column: string) =>
      city ? '1 = 1' : `${column} IN (SELECT value FROM json_each(:units))`;
    switch (report) {
      case 'participants':
        return {
          columns: [
            { key: 'unit', label: 'Placerande enhet', kind: 'text' },
            { key: 'insats', label: 'Insats', kind: 'text' },
            { key: 'providingUnit', label: 'Anordnare', kind: 'text' },
            { key: 'trappsteg', label: 'Trappsteg', kind: 'text' },
            { key: 'participants', label: 'Deltagare', kind: 'count' },
          ],
          rows: this.db
            .all<Row>(
              `SELECT unit, insats_name, providing_unit, trappsteg, count(*) AS n FROM pl_placements
             WHERE started_on IS NOT NULL AND started_on <= :to AND (ended_on IS NULL OR ended_on >= :from)
               AND ${inUnits('unit')}
             GROUP BY unit, insats_id ORDER BY unit, insats_name`,
              params,
            )
            .map((r) => ({
              unit: r.unit as string,
              insats: r.insats_name as string,
              providingUnit: r.providing_unit as string,
              trappsteg: label(TRAPPSTEG, r.trappsteg as string),
              participants: r.n as number,
            })),
        };
      case 'participants-by-group':
        return participantsByGroup(this.db, params, inUnits('p.unit'));
      case 'target-groups':
        return targetGroups(this.db, params, inUnits('unit'));
      case 'outcomes': {
        const rows = this.db.all<Row>(
          `SELECT unit, outcome, count(*) AS n FROM pl_placements
           WHERE outcome IS NOT NULL AND ended_on BETWEEN :from AND :to AND ${inUnits('unit')}
           GROUP BY unit, outcome ORDER BY unit, n DESC`,
          params,
        );
        const totals = new Map<string, number>();
        for (const r of rows)
          totals.set(r.unit as string, (totals.get(r.unit as string) ?? 0) + (r.n as number));
        return {
          columns: [
            { key: 'unit', label: 'Enhet', kind: 'text' },
            { key: 'outcome', label: 'Utfall', kind: 'text' },
            { key: 'closures', label: 'Avslutade', kind: 'count' },
            { key: 'share', label: 'Andel av enhetens avslut', kind: 'share' },
          ],
          rows: rows.map((r) => ({
            unit: r.unit as string,
            outcome: label(CLOSURE_OUTCOMES, r.outcome as string),
            closures: r.n as number,
            share: (r.n as number) / (totals.get(r.unit as string) as number),
            // A share of a unit with fewer than five closures tells of too few people.
            _n: Math.min(r.n as number, totals.get(r.unit as string) as number),
          })),
        };
      }
      case 'lead-times': {
        const byUnit = new Map<string, { toAssigned: number[]; toStart: number[]; fromAktuell: number[] }>();
        for (const r of this.db.all<Row>(
          `SELECT p.unit, p.decided_on, p.assigned_on, p.started_on, f.aktuell_sedan
           FROM pl_placements p LEFT JOIN pl_client_facts f ON f.case_id = p.case_id
           WHERE p.started_on BETWEEN :from AND :to AND ${inUnits('p.unit')} ORDER BY p.unit`,
          params,
        )) {
          const times = byUnit.get(r.unit as string) ?? { toAssigned: [], toStart: [], fromAktuell: [] };
          // The latest facts recorded can postdate an earlier placement's start: that one has no such lead time.
          if (r.aktuell_sedan && (r.aktuell_sedan as string) <= (r.started_on as string))
            times.fromAktuell.push(daysBetween(r.aktuell_sedan as string, r.started_on as string));
          if (r.decided_on && r.assigned_on)
            times.toAssigned.push(daysBetween(r.decided_on as string, r.assigned_on as string));
          if (r.assigned_on) times.toStart.push(daysBetween(r.assigned_on as string, r.started_on as string));
          byUnit.set(r.unit as string, times);
        }
        return {
          columns: [
            { key: 'unit', label: 'Enhet', kind: 'text' },
            { key: 'started', label: 'Startade', kind: 'count' },
            { key: 'decisionToAssignmentMedian', label: 'Beslut → anvisning, median', kind: 'days' },
            { key: 'decisionToAssignmentP80', label: 'Beslut → anvisning, 80:e percentilen', kind: 'days' },
            { key: 'assignmentToStartMedian', label: 'Anvisning → start, median', kind: 'days' },
            { key: 'assignmentToStartP80', label: 'Anvisning → start, 80:e percentilen', kind: 'days' },
            {
              key: 'aktuellToStartMedian',
              label: 'Aktuell på bistånd → start, median',
              kind: 'days',
              basis: '_aktuell',
            },
            {
              key: 'aktuellToStartP80',
              label: 'Aktuell på bistånd → start, 80:e percentilen',
              kind: 'days',
              basis: '_aktuell',
            },
          ],
          rows: [...byUnit].map(([unit, t]) => ({
            unit,
            started: t.toStart.length,
            decisionToAssignmentMedian: percentile(t.toAssigned, 0.5),
            decisionToAssignmentP80: percentile(t.toAssigned, 0.8),
            assignmentToStartMedian: percentile(t.toStart, 0.5),
            assignmentToStartP80: percentile(t.toStart, 0.8),
            aktuellToStartMedian: percentile(t.fromAktuell, 0.5),
            aktuellToStartP80: percentile(t.fromAktuell, 0.8),
            // Fewer people have the date recorded than started: city-wide, their own count decides.
            _aktuell: t.fromAktuell.length,
            _n: t.toStart.length,
          })),
        };
      }
      case 'waiting': {
        const rows = this.db.all<Row>(
          `SELECT insats_id, insats_name, providing_unit, sum(phase = 'ko') AS queued,
             json_group_array(CASE WHEN offered_on BETWEEN :from AND :to
               THEN julianday(offered_on) - julianday(substr(queued_at, 1, 10)) END) AS waits
           FROM pl_placements WHERE queued_at IS NOT NULL AND ${inUnits('unit')}
           GROUP BY insats_id ORDER BY insats_name`,
          params,
        );
        return {
          columns: [
            { key: 'insats', label: 'Insats', kind: 'text' },
            { key: 'providingUnit', label: 'Anordnare', kind: 'text' },
            { key: 'queued', label: 'I kö nu', kind: 'count' },
            { key: 'offered', label: 'Erbjudna plats under perioden', kind: 'count' },
            { key: 'waitMedian', label: 'Tid i kö, median', kind: 'days' },
          ],
          rows: rows.map((r) => {
            const waits = (JSON.parse(r.waits as string) as (number | null)[]).filter(
              (w): w is number => w !== null,
            );
            return {
              insats: r.insats_name as string,
              providingUnit: r.providing_unit as string,
              queued: r.queued as number,
              offered: waits.length,
              waitMedian: percentile(waits.map(Math.round), 0.5),
              _n: waits.length,
            };
          }),
        };
      }
      case 'occupancy':
        // The catalogue's own figures, public to every unit: nothing here counts people of a case.
        return {
          columns: [
            { key: 'insats', label: 'Insats', kind: 'text' },
            { key: 'providingUnit', label: 'Anordnare', kind: 'text' },
            { key: 'trappsteg', label: 'Trappsteg', kind: 'text' },
            { key: 'places', label: 'Platser', kind: 'public' },
            { key: 'taken', label: 'Belagda', kind: 'public' },
            { key: 'occupancy', label: 'Beläggning', kind: 'publicShare' },
          ],
          rows: this.db
            .all<Row>(
              `SELECT i.name, i.providing_unit, i.trappsteg, i.places,
               ${placesTaken('i.insats_id')} AS taken
             FROM ic_insatser i WHERE i.status != 'closed' AND ${inUnits('i.providing_unit')}
             ORDER BY i.trappsteg, i.name`,
              params,
            )
            .map((r) => ({
              insats: r.name as string,
              providingUnit: r.providing_unit as string,
              trappsteg: label(TRAPPSTEG, r.trappsteg as string),
              places: r.places as number,
              taken: r.taken as number,
              occupancy: (r.taken as number) / (r.places as number),
            })),
        };
      case 'follow-ups':
        return {
          columns: [
            { key: 'unit', label: 'Enhet', kind: 'text' },
            { key: 'held', label: 'Hållna uppföljningar', kind: 'count' },
            { key: 'onTime', label: 'I tid', kind: 'count' },
            { key: 'shareOnTime', label: 'Andel i tid', kind: 'share' },
          ],
          rows: this.db
            .all<Row>(
              `SELECT unit, count(*) AS held, sum(on_time) AS on_time FROM pl_follow_ups
             WHERE held_on BETWEEN :from AND :to AND ${inUnits('unit')} GROUP BY unit ORDER BY unit`,
              params,
            )
            .map((r) => ({
              unit: r.unit as string,
              held: r.held as number,
              onTime: r.on_time as number,
              shareOnTime: (r.on_time as number) / (r.held as number),
              _n: r.held as number,
            })),
        };
      case 'unmet-needs':
        return {
          columns: [
            { key: 'unit', label: 'Enhet', kind: 'text' },
            { key: 'category', label: 'Behov', kind: 'text' },
            { key: 'needs', label: 'Antal', kind: 'count' },
          ],
          rows: this.db
            .all<Row>(
              `SELECT unit, category, count(*) AS n FROM pl_unmet_needs
             WHERE recorded_on BETWEEN :from AND :to AND ${inUnits('unit')}
             GROUP BY unit, category ORDER BY unit, n DESC`,
              params,
            )
            .map((r) => ({
              unit: r.unit as string,
              category: label(UNMET_NEED_CATEGORIES, r.category as string),
              needs: r.n as number,
            })),
        };
      case 'cost':
        return this.cost(params, inUnits('unit'));
    }
  }

  /** Each placement's days within the period at its snapshotted price, summed per placing and providing unit. */
  private cost(params: Record<string, unknown>, inUnits: string): Built {
    const sums = new Map<string, { unit: string; providingUnit: string; placements: number; sek: number }>();
    for (const r of this.db.all<Row>(
      `SELECT unit, providing_unit, price_sek, price_period, started_on, ended_on FROM pl_placements
       WHERE started_on IS NOT NULL AND started_on <= :to AND (ended_on IS NULL OR ended_on >= :from)
         AND ${inUnits}`,
      params,
    )) {
      const first =
        (r.started_on as string) > (params.from as string) ? (r.started_on as string) : params.from;
      const last = r.ended_on && (r.ended_on as string) < (params.to as string) ? r.ended_on : params.to;
      const days = daysBetween(first as string, last as string) + 1;
      const key = `${r.unit}/${r.providing_unit}`;
      const sum = sums.get(key) ?? {
        unit: r.unit as string,
        providingUnit: r.providing_unit as string,
        placements: 0,
        sek: 0,
      };
      sum.placements += 1;
      sum.sek += (days / AVERAGE_MONTH_DAYS) * monthly(r.price_sek as number, r.price_period as string);
      sums.set(key, sum);
    }
    return {
      columns: [
        { key: 'unit', label: 'Placerande enhet', kind: 'text' },
        { key: 'providingUnit', label: 'Anordnare', kind: 'text' },
        { key: 'billed', label: 'Internfaktureras', kind: 'text' },
        { key: 'placements', label: 'Placeringar', kind: 'count' },
        { key: 'costSek', label: 'Kostnad (kr)', kind: 'sek' },
      ],
      rows: [...sums.values()]
        .sort((a, b) => a.unit.localeCompare(b.unit) || a.providingUnit.localeCompare(b.providingUnit))
        .map((s) => ({
          unit: s.unit,
          providingUnit: s.providingUnit,
          // Another unit's insats is paid for by the placing unit [004]: the billing basis lists each month.
          billed: s.unit === s.providingUnit ? 'Nej' : 'Ja',
          placements: s.placements,
          costSek: Math.round(s.sek),
          _n: s.placements,
        })),
    };
  }
}
