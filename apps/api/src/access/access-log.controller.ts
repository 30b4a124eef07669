import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { PageOf } from '@app/read-model';
import { CaseReferencesQuery } from '@app/projections';
import { BooleanQuery } from '../http/query-booleans';
import {
  scopeOf,
  CaseAccess,
  CaseViewingsQuery,
  StaffDirectory,
  UserViewingsQuery,
  type CaseViewing,
  type Grouping,
} from '@app/access';
import { CLOCK, type Clock } from '@app/common';
import { IdParamPipe, IsTimestamp } from '../http/ids';
import { PageDto, pageOf } from '../http/paging.dto';
import { Allow, CurrentActor, SUPERVISORS, type Actor } from '../identity/actor';
import { Discloses } from './discloses';
import { Answers } from '../http/response-schemas';

export class AccessLogPageDto extends PageDto {
  /** One row per person, case, view and hour, with how many reads it stands for (every read stays logged). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'grouped must be true or false' })
  grouped?: boolean;
}

export class PeriodDto extends AccessLogPageDto {
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

const groupingOf = (query: AccessLogPageDto): Grouping => (query.grouped ? 'hourly' : 'each');

/** The access log for supervisors; reading it is itself logged. */
@ApiTags('access log')
@ApiBearerAuth()
@Controller('api/access-log')
export class AccessLogController {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: CaseAccess,
    private readonly staff: StaffDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('cases/:caseId')
  @Answers('CaseViewingPage')
  @Allow(...SUPERVISORS)
  @Discloses('access-log')
  @ApiOperation({ summary: 'Who looked at this case, when, in which view; newest first' })
  async byCase(
    @Param('caseId', IdParamPipe) caseId: string,
    @Query() page: AccessLogPageDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.access.visibleCase(actor, caseId);
    const viewings = await this.queries.execute(
      new CaseViewingsQuery(caseId, pageOf(page), groupingOf(page)),
    );
    return { caseId, ...(await this.named(viewings)) };
  }

  @Get('users/:userId')
  @Answers('ViewingPage')
  @Allow(...SUPERVISORS)
  @Discloses('access-log')
  @ApiOperation({
    summary: 'Which cases a person looked at in a period (only cases I may see); newest first',
  })
  async byUser(
    @Param('userId', IdParamPipe) userId: string,
    @Query() query: PeriodDto,
    @CurrentActor() actor: Actor,
  ) {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    const viewings = await this.queries.execute(
      new UserViewingsQuery(
        userId,
        from.toISOString(),
        to.toISOString(),
        pageOf(query),
        scopeOf(actor),
        groupingOf(query),
      ),
    );
    return this.named(viewings);
  }

  /** Each row with the reader's name and the case's reference (opened only where the asker may see the case). */
  private async named(viewings: PageOf<CaseViewing>) {
    const references = await this.queries.execute(
      new CaseReferencesQuery(viewings.items.map((v) => v.caseId)),
    );
    const names = new Map<string, string>();
    for (const userId of new Set(viewings.items.map((v) => v.userId))) {
      const member = await this.staff.member(userId);
      if (member) names.set(userId, member.name);
    }
    return {
      ...viewings,
      items: viewings.items.map((viewing) => ({
        ...viewing,
        userName: names.get(viewing.userId) ?? null,
        reference: references.get(viewing.caseId) ?? null,
      })),
    };
  }
}
