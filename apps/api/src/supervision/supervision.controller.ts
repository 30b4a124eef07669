import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { scopeOf } from '@app/access';
import {
  BipPhaseDistributionQuery,
  CaseworkerChangesQuery,
  FollowUpQuery,
  OpenDeadlinesQuery,
  StepCountsQuery,
  StepWaitsQuery,
} from '@app/projections';
import { CLOCK, type Clock } from '@app/common';
import { pageOf } from '../http/paging.dto';
import { Discloses } from '../access/discloses';
import { InvalidRequestError } from '../http/request-errors';
import { Allow, CurrentActor, SUPERVISORS, type Actor } from '../identity/actor';
import { DeadlinesDto, FollowUpDto, MonthRangeDto, UnitDto } from './supervision.dto';
import { Answers } from '../http/response-schemas';

const MAX_MONTHS = 120;
/** Rehabansvarig follows up the toolbox cases of the unit, with its supervisors. */
const FOLLOWS_UP = [...SUPERVISORS, 'rehabansvarig'] as const;

/** What biträdande enhetschefer follow: deadlines, follow-up responsibility, statistics. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api')
export class SupervisionController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('deadlines')
  @Allow(...FOLLOWS_UP)
  @Discloses('deadlines')
  @ApiOperation({ summary: 'Open deadlines by due time' })
  deadlines(@Query() query: DeadlinesDto, @CurrentActor() actor: Actor) {
    const filter = {
      ...(query.dueBy ? { dueBy: new Date(query.dueBy).toISOString() } : {}),
      ...(query.unit ? { unit: query.unit } : {}),
    };
    return this.queries.execute(
      new OpenDeadlinesQuery(this.clock.now().toISOString(), filter, pageOf(query), scopeOf(actor)),
    );
  }

  @Get('follow-up')
  @Answers('FollowUpPage')
  @Allow(...FOLLOWS_UP)
  @Discloses('follow-up')
  @ApiOperation({
    summary: 'Who owns follow-up of each case, since when, and whether by escalation',
    description:
      "Each with the owner's last follow-up (their last step in the process, or when they took it over) and whether three months have passed since, which flags it to the biträdande enhetschef.",
  })
  followUp(@Query() query: FollowUpDto, @CurrentActor() actor: Actor) {
    const { limit: _limit, offset: _offset, ...filter } = query;
    return this.queries.execute(
      new FollowUpQuery(filter, pageOf(query), scopeOf(actor), this.clock.now().toISOString()),
    );
  }

  @Get('statistics/bip-phases')
  @Answers('PhaseMonth', { list: true })
  @Allow(...SUPERVISORS)
  @ApiOperation({ summary: 'BIP phase distribution per unit and month' })
  bipPhases(@Query() query: MonthRangeDto, @CurrentActor() actor: Actor) {
    const months = (y: string) => Number(y.slice(0, 4)) * 12 + Number(y.slice(5, 7));
    const span = months(query.to) - months(query.from);
    if (span < 0 || span >= MAX_MONTHS) {
      throw new InvalidRequestError([
        {
          field: 'to',
          rule: 'range',
          message: `must be from ${query.from} to at most ${MAX_MONTHS} months later`,
        },
      ]);
    }
    return this.queries.execute(
      new BipPhaseDistributionQuery(query.from, query.to, scopeOf(actor), query.unit),
    );
  }

  @Get('statistics/process-steps')
  @Answers('StepCount', { list: true })
  @Allow(...SUPERVISORS)
  @ApiOperation({ summary: 'Running process instances per step' })
  processSteps(@Query() query: UnitDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new StepCountsQuery(scopeOf(actor), query.unit));
  }

  @Get('statistics/step-waits')
  @Answers('StepWait', { list: true })
  @Allow(...SUPERVISORS)
  @ApiOperation({
    summary: 'Time spent in each process step, per process and unit',
    description:
      'Instances standing at each step now and their longest wait so far; instances that left it, with the median and longest time they stood there. Days, from when the steps were recorded.',
  })
  stepWaits(@Query() query: UnitDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(
      new StepWaitsQuery(this.clock.now().toISOString(), scopeOf(actor), query.unit),
    );
  }

  @Get('statistics/caseworker-changes')
  @Answers('CaseworkerChangeCount', { list: true })
  @Allow(...SUPERVISORS)
  @Discloses('statistics')
  @ApiOperation({ summary: 'Caseworker changes per case; flagged at two or more in twelve months' })
  caseworkerChanges(@Query() query: UnitDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(
      new CaseworkerChangesQuery(this.clock.now().toISOString(), scopeOf(actor), query.unit),
    );
  }
}
