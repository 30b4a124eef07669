import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import { CLOCK, type Clock } from '@app/common';
import { unitsWhere } from '@app/access';
import { BillingBasisQuery, type BillingBasis } from '@app/projections';
import { calendarDayOf } from '@app/workflow';
import { Answers } from '../http/response-schemas';
import { Allow, CurrentActor, type Actor } from '../identity/actor';
import { BillingQueryDto } from './partner-placements.dto';

/** Those who settle what one unit owes another: the insats's keeper, the unit's chef, statistics. */
const BILLING_READERS = ['insatsansvarig', 'bitradande_enhetschef', 'statistik'] as const;

const CSV_COLUMNS = [
  ['placementId', 'Placering'],
  ['placingUnit', 'Placerande enhet'],
  ['providingUnit', 'Anordnande enhet'],
  ['insatsName', 'Insats'],
  ['from', 'Från och med'],
  ['to', 'Till och med'],
  ['days', 'Dagar'],
  ['priceSek', 'Pris (kr)'],
  ['pricePeriod', 'Prisperiod'],
  ['amountSek', 'Belopp (kr)'],
] as const;

/**
 * The monthly basis for internal billing between units (insatser.md): each
 * placement on another unit's insats, days placed times the price it was
 * accepted at. Both units see it; it names placements, never cases.
 */
@ApiTags('insatser')
@ApiBearerAuth()
@Controller('api/billing')
export class BillingController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Answers('BillingBasis')
  @Allow(...BILLING_READERS)
  @ApiOperation({ summary: "A month's basis for internal billing, what my units pay and are paid" })
  basis(@Query() query: BillingQueryDto, @CurrentActor() actor: Actor): Promise<BillingBasis> {
    const today = calendarDayOf(this.clock.now().toISOString());
    return this.queries.execute(
      new BillingBasisQuery(query.month, unitsWhere(actor, BILLING_READERS), today),
    );
  }

  @Get('csv')
  @Allow(...BILLING_READERS)
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary: 'The same basis as CSV, semicolon separated, for the finance system or a spreadsheet',
  })
  async csv(@Query() query: BillingQueryDto, @CurrentActor() actor: Actor) {
    const basis = await this.basis(query, actor);
    return stringify(
      basis.lines.map((line) => CSV_COLUMNS.map(([key]) => line[key])),
      { bom: true, delimiter: ';', header: true, columns: CSV_COLUMNS.map(([, label]) => label) },
    );
  }
}
