import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { scopeOf } from '@app/access';
import { CaseViewingsQuery, UserViewingsQuery } from '@app/projections';
import { CaseAccess } from '../access/case-access';
import { CLOCK, type Clock } from '../clock';
import { IdParamPipe } from '../http/ids';
import { PageDto, pageOf } from '../http/paging.dto';
import { Allow, CurrentActor, SUPERVISORS, type Actor } from '../identity/actor';
import { LogsAccess } from './logs-access';

export class PeriodDto extends PageDto {
  /** From this instant (default: 30 days before `to`). */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 instant such as 2026-03-01T00:00:00Z' })
  from?: string;

  /** Up to and including this instant (default: now). */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 instant such as 2026-04-01T00:00:00Z' })
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
  @Allow(...SUPERVISORS)
  @LogsAccess('access-log')
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
  @Allow(...SUPERVISORS)
  @LogsAccess('access-log')
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
