import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { scopeOf, CaseAccess, CaseViewingsQuery, UserViewingsQuery } from '@app/access';
import { CLOCK, type Clock } from '@app/common';
import { IdParamPipe, IsTimestamp } from '../http/ids';
import { PageDto, pageOf } from '../http/paging.dto';
import { Allow, CurrentActor, SUPERVISORS, type Actor } from '../identity/actor';
import { Discloses } from './discloses';
import { Answers } from '../http/response-schemas';

export class PeriodDto extends PageDto {
  /** From this instant (default: 30 days before `to`). */
  @IsOptional()
  @IsTimestamp()
  from?: string;

  /** Up to and including this instant (default: now). */
  @IsOptional()
  @IsTimestamp()
  to?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The access log for supervisors; reading it is itself logged. */
@ApiTags('access log')
@ApiBearerAuth()
@Controller('api/access-log')
export class AccessLogController {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: CaseAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('cases/:caseId')
  @Answers('CaseViewingPage')
  @Allow(...SUPERVISORS)
  @Discloses('access-log')
  @ApiOperation({ summary: 'Who looked at this case, when, in which view; newest first' })
  async byCase(
    @Param('caseId', IdParamPipe) caseId: string,
    @Query() page: PageDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.access.visibleCase(actor, caseId);
    return { caseId, ...(await this.queries.execute(new CaseViewingsQuery(caseId, pageOf(page)))) };
  }

  @Get('users/:userId')
  @Answers('ViewingPage')
  @Allow(...SUPERVISORS)
  @Discloses('access-log')
  @ApiOperation({
    summary: 'Which cases a person looked at in a period (only cases I may see); newest first',
  })
  byUser(
    @Param('userId', IdParamPipe) userId: string,
    @Query() query: PeriodDto,
    @CurrentActor() actor: Actor,
  ) {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    return this.queries.execute(
      new UserViewingsQuery(userId, from.toISOString(), to.toISOString(), pageOf(query), scopeOf(actor)),
    );
  }
}
