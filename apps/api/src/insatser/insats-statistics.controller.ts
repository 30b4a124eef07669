import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import { CLOCK, type Clock } from '@app/common';
import { holdsAny, unitsWhere } from '@app/access';
import {
  INSATS_REPORTS,
  InsatsReportQuery,
  type InsatsReport,
  type InsatsReportName,
} from '@app/projections';
import { calendarDayOf } from '@app/workflow';
import { AccessDeniedError, InvalidRequestError } from '../http/request-errors';
import { Answers } from '../http/response-schemas';
import { Allow, CurrentActor, type Actor } from '../identity/actor';
import { InsatsReportDto } from './insatser.dto';

/** Those who read a unit's own statistics exactly; `statistik` reads the city's, aggregates only. */
const UNIT_READERS = ['bitradande_enhetschef', 'auditor'] as const;
const REPORT_NAMES = Object.keys(INSATS_REPORTS);

/** A share as a percentage with a decimal comma, the way Swedish spreadsheets read it. */
const csvCell = (value: unknown, kind: string) =>
  typeof value === 'number' && (kind === 'share' || kind === 'publicShare')
    ? (value * 100).toFixed(1).replace('.', ',')
    : value;

/**
 * The statistics of insatser (insatser.md, Statistics): per unit for its
 * biträdande enhetschef, and city-wide for everyone allowed, where every
 * cell standing for fewer than five people is withheld. Never a case.
 */
@ApiTags('insatser')
@ApiBearerAuth()
@Controller('api/statistics/insatser')
export class InsatsStatisticsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':report')
  @Answers('InsatsReport')
  @Allow(...UNIT_READERS, 'statistik')
  @ApiOperation({
    summary:
      'One report on insatser: participants, outcomes, lead times, waiting, occupancy, follow-ups, unmet needs, cost',
    description: `Reports: ${REPORT_NAMES.join(', ')}. \`scope=city\` gives every unit with cells under 5 withheld (shown as "<5"); the default, \`unit\`, the caller's own units exactly (biträdande enhetschef, auditor).`,
  })
  report(@Param('report') report: string, @Query() query: InsatsReportDto, @CurrentActor() actor: Actor) {
    return this.run(report, query, actor);
  }

  @Get(':report/csv')
  @Allow(...UNIT_READERS, 'statistik')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary: 'The same report as CSV, for a spreadsheet',
    description:
      'Semicolon separated with a byte-order mark and the Swedish column names, so Excel opens it as it is.',
  })
  async csv(@Param('report') report: string, @Query() query: InsatsReportDto, @CurrentActor() actor: Actor) {
    const answer = await this.run(report, query, actor);
    return stringify(
      answer.rows.map((row) => answer.columns.map(({ key, kind }) => csvCell(row[key], kind))),
      { bom: true, delimiter: ';', header: true, columns: answer.columns.map(({ label }) => label) },
    );
  }

  private run(report: string, query: InsatsReportDto, actor: Actor): Promise<InsatsReport> {
    if (!REPORT_NAMES.includes(report))
      throw new InvalidRequestError([
        { field: 'report', rule: 'isIn', message: `report must be one of: ${REPORT_NAMES.join(', ')}` },
      ]);
    const today = calendarDayOf(this.clock.now().toISOString());
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to)
      throw new InvalidRequestError([
        { field: 'to', rule: 'notBeforeFrom', message: `to must not be before from (${from})` },
      ]);
    const scope = query.scope ?? (holdsAny(actor, UNIT_READERS) ? 'unit' : 'city');
    return this.queries.execute(
      new InsatsReportQuery(
        report as InsatsReportName,
        scope === 'city' ? undefined : this.unitsOf(actor, query.unit),
        from,
        to,
      ),
    );
  }

  private unitsOf(actor: Actor, unit: string | undefined): string[] {
    const own = unitsWhere(actor, UNIT_READERS);
    if (own.length === 0)
      throw new AccessDeniedError('Only the city-wide statistics (scope=city) are for you');
    if (unit === undefined) return own;
    if (!own.includes(unit)) throw new AccessDeniedError(`You read no statistics of ${unit}`, { unit });
    return [unit];
  }
}
