import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { grantsOf, scopeOf, unitsWhere } from '@app/access';
import { NotificationsQuery, WorkQueueQuery } from '@app/projections';
import { CLOCK, type Clock } from '@app/common';
import { IdParamPipe } from '../http/ids';
import { PageDto, pageOf } from '../http/paging.dto';
import { Discloses } from '../access/discloses';
import { AccessDeniedError } from '../http/request-errors';
import { Allow, CASEWORK_ROLES, CurrentActor, SUPERVISORS, type Actor } from '../identity/actor';
import { RoleQueueDto } from './work.dto';
import { Answers } from '../http/response-schemas';

/** The caller's work: queues ordered overdue first, and notifications. */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api')
export class WorkController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('queues/mine')
  @Answers('QueueTaskPage')
  @Allow(...CASEWORK_ROLES)
  @Discloses('queue')
  @ApiOperation({ summary: 'Tasks assigned to me' })
  mine(@CurrentActor() actor: Actor, @Query() page: PageDto) {
    return this.queries.execute(
      new WorkQueueQuery({ kind: 'person', personId: actor.id }, this.now(), pageOf(page), scopeOf(actor)),
    );
  }

  @Get('queues/role')
  @Answers('QueueTaskPage')
  @Allow(...CASEWORK_ROLES)
  @Discloses('queue')
  @ApiOperation({ summary: "My roles' unassigned tasks, in the units where I hold them" })
  role(@CurrentActor() actor: Actor, @Query() query: RoleQueueDto) {
    return this.queries.execute(
      new WorkQueueQuery(
        { kind: 'role', unitRoles: grantsOf(actor), ...(query.unit ? { unit: query.unit } : {}) },
        this.now(),
        pageOf(query),
        scopeOf(actor),
      ),
    );
  }

  @Get('queues/team/:unit')
  @Answers('QueueTaskPage')
  @Allow(...SUPERVISORS)
  @Discloses('queue')
  @ApiOperation({ summary: "A unit's tasks, for its biträdande enhetschef" })
  team(@Param('unit', IdParamPipe) unit: string, @Query() page: PageDto, @CurrentActor() actor: Actor) {
    if (!unitsWhere(actor, SUPERVISORS).includes(unit)) {
      throw new AccessDeniedError(`You supervise no team in unit ${unit}`, { unit });
    }
    return this.queries.execute(
      new WorkQueueQuery({ kind: 'team', unit }, this.now(), pageOf(page), scopeOf(actor)),
    );
  }

  @Get('notifications')
  @Allow(...CASEWORK_ROLES)
  @Discloses('notifications')
  @ApiOperation({ summary: 'My notifications, and those to my role; newest first' })
  notifications(@CurrentActor() actor: Actor, @Query() page: PageDto) {
    return this.queries.execute(
      new NotificationsQuery(actor.id, grantsOf(actor), pageOf(page), scopeOf(actor)),
    );
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
