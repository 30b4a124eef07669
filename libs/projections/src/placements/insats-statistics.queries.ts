import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';
import { TRAPPSTEG } from '@app/insatser/domain/catalogue-terms';
import { placesTaken } from './occupancy';
import { participantsByGroup, targetGroups } from './client-fact-reports';
import { shownCells, suppressed, withheldCells, type ReportColumn, type ReportRow } from './report-cells';
import {
  cost,
  followUps,
  label,
  leadTimes,
  outcomes,
  participants,
  unmetNeeds,
  waiting,
  type Built,
  type ReportPeriod,
} from './tallied-reports';

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

type Row = Record<string, unknown>;

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
    const city = units === undefined;
    const built = this.build(report, { units, from, to });
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

  private build(report: InsatsReportName, period: ReportPeriod): Built {
    switch (report) {
      case 'participants':
        return participants(this.db, period);
      case 'participants-by-group':
        return participantsByGroup(this.db, period);
      case 'target-groups':
        return targetGroups(this.db, period);
      case 'outcomes':
        return outcomes(this.db, period);
      case 'lead-times':
        return leadTimes(this.db, period);
      case 'waiting':
        return waiting(this.db, period);
      case 'occupancy':
        return this.occupancy(period.units);
      case 'follow-ups':
        return followUps(this.db, period);
      case 'unmet-needs':
        return unmetNeeds(this.db, period);
      case 'cost':
        return cost(this.db, period);
    }
  }

  /** The catalogue's own figures, public to every unit: nothing here counts people of a case. */
  private occupancy(units: readonly string[] | undefined): Built {
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
          `SELECT i.name, i.providing_unit, i.trappsteg, i.places, ${placesTaken('i.insats_id')} AS taken
           FROM ic_insatser i WHERE i.status != 'closed'
             AND ${units === undefined ? '1 = 1' : 'i.providing_unit IN (SELECT value FROM json_each(:units))'}
           ORDER BY i.trappsteg, i.name`,
          { units: JSON.stringify(units ?? []) },
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
  }
}
