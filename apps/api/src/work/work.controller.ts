import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationsQuery, WorkQueueQuery } from '@app/projections';
import { CLOCK, type Clock } from '../clock';
import { IdParamPipe } from '../http/ids';
import { PageDto, pageOf } from '../http/paging.dto';
import { CurrentActor, type Actor } from '../identity/actor';
import { RoleQueueDto } from './work.dto';

/** The caller's work: queues ordered overdue first, and notifications. */
@ApiTags('work')
@Controller('api')
export class WorkController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('queues/mine')
  @ApiOperation({ summary: 'Tasks assigned to me' })
  mine(@CurrentActor() actor: Actor, @Query() page: PageDto) {
    return this.queries.execute(
      new WorkQueueQuery({ kind: 'person', personId: actor.id }, this.now(), pageOf(page)),
    );
  }

  @Get('queues/role')
  @ApiOperation({ summary: "My role's unassigned tasks" })
  role(@CurrentActor() actor: Actor, @Query() query: RoleQueueDto) {
    return this.queries.execute(
      new WorkQueueQuery(
        { kind: 'role', role: actor.role, ...(query.unit ? { unit: query.unit } : {}) },
        this.now(),
        pageOf(query),
      ),
    );
  }

  @Get('queues/team/:unit')
  @ApiOperation({ summary: "A unit's tasks, for its biträdande enhetschef" })
  team(@Param('unit', IdParamPipe) unit: string, @Query() page: PageDto) {
    return this.queries.execute(new WorkQueueQuery({ kind: 'team', unit }, this.now(), pageOf(page)));
  }

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, and those to my role; newest first' })
  notifications(@CurrentActor() actor: Actor, @Query() page: PageDto) {
    return this.queries.execute(new NotificationsQuery(actor.id, actor.role, pageOf(page)));
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
