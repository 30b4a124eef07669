import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { grantsOf, scopeOf, StaffDirectory, unitsWhere } from '@app/access';
import { MAX_LIMIT } from '@app/read-model';
import { NotificationsQuery, PlanTasksQuery, WorkQueueQuery } from '@app/projections';
import { calendarDayOf } from '@app/workflow';
import { CLOCK, type Clock } from '@app/common';
import { IdParamPipe } from '../http/ids';
import { PageDto, pageOf } from '../http/paging.dto';
import { Discloses } from '../access/discloses';
import { AccessDeniedError, InvalidRequestError } from '../http/request-errors';
import { Allow, CASEWORK_ROLES, CurrentActor, SUPERVISORS, type Actor } from '../identity/actor';
import { MarkNotificationsReadDto, NotificationsDto, RoleQueueDto } from './work.dto';
import { Answers } from '../http/response-schemas';

/** How long marking notifications read waits for the read model to show the marks. */
const READ_YOUR_WRITES_MS = 3000;

/** The caller's work: queues ordered overdue first, and notifications. */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api')
export class WorkController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly staff: StaffDirectory,
  ) {}

  @Get('queues/mine')
  @Answers('QueueTaskPage')
  @Allow(...CASEWORK_ROLES)
  @Discloses('queue')
  @ApiOperation({ summary: 'Tasks assigned to me, and to the absent colleagues I cover for today' })
  mine(@CurrentActor() actor: Actor, @Query() page: PageDto) {
    return this.queries.execute(
      new WorkQueueQuery(
        { kind: 'person', personId: actor.id, coveringFor: scopeOf(actor).covered.map((c) => c.absentId) },
        this.now(),
        pageOf(page),
        scopeOf(actor),
      ),
    );
  }

  @Get('queues/plan')
  @Answers('PlanTaskPage')
  @Allow(...CASEWORK_ROLES)
  @Discloses('queue')
  @ApiOperation({
    summary: 'The rows of the progressionsplans in my cases that are not done yet, the earliest day first',
    description:
      'Each row is a task with its day (När); tick it done with POST /api/cases/:caseId/progressionsplan/items/:row.',
  })
  plan(@CurrentActor() actor: Actor, @Query() page: PageDto) {
    return this.queries.execute(new PlanTasksQuery(actor.id, calendarDayOf(this.now()), pageOf(page)));
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
  @Answers('NotificationPage')
  @Allow(...CASEWORK_ROLES)
  @Discloses('notifications')
  @ApiOperation({
    summary:
      'My notifications, and those to my role; newest first, each read or not, and how many are unread',
  })
  notifications(@CurrentActor() actor: Actor, @Query() query: NotificationsDto) {
    return this.queries.execute(
      new NotificationsQuery(actor.id, grantsOf(actor), pageOf(query), scopeOf(actor), {
        unread: query.unread === true,
      }),
    );
  }

  @Get('notifications/unread')
  @Answers('UnreadCount')
  @Allow(...CASEWORK_ROLES)
  @ApiOperation({
    summary: 'How many of my notifications I have not read: no case data, so not an access-log entry',
  })
  async unread(@CurrentActor() actor: Actor) {
    const page = await this.queries.execute(
      new NotificationsQuery(actor.id, grantsOf(actor), { limit: 1, offset: 0 }, scopeOf(actor)),
    );
    return { unread: page.unread };
  }

  @Post('notifications/read')
  @HttpCode(200)
  @Answers('UnreadCount')
  @Allow(...CASEWORK_ROLES)
  @ApiOperation({
    summary: 'Mark my notifications read: some by id, or all of them; an id that is not mine is refused',
  })
  async markRead(@CurrentActor() actor: Actor, @Body() body: MarkNotificationsReadDto) {
    const ids = [...new Set(body.ids ?? [])];
    if (ids.length === 0 && body.all !== true) {
      throw new InvalidRequestError([
        { field: 'ids', rule: 'idsOrAll', message: 'give the ids to mark read, or all: true' },
      ]);
    }
    const mine = (only: { ids?: string[]; unread?: boolean }) =>
      this.queries.execute(
        new NotificationsQuery(
          actor.id,
          grantsOf(actor),
          { limit: MAX_LIMIT, offset: 0 },
          scopeOf(actor),
          only,
        ),
      );
    if (ids.length > 0) {
      const found = new Set((await mine({ ids })).items.map((n) => n.id));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length > 0) {
        throw new InvalidRequestError([
          {
            field: 'ids',
            rule: 'ownNotification',
            message: `ids are not notifications of yours: ${unknown.join(', ')}`,
          },
        ]);
      }
    }
    const allUntil = body.all ? this.now() : undefined;
    await this.staff.markNotificationsRead(actor.id, { ids, ...(allUntil ? { allUntil } : {}) });
    // Read your own marks: the answer waits (briefly) until the read model has them.
    const marked = async () => {
      const idsUnread = ids.length > 0 && (await mine({ ids, unread: true })).total > 0;
      const unread = await mine({ unread: true });
      const olderUnread = allUntil !== undefined && unread.items.some((n) => n.createdAt <= allUntil);
      return idsUnread || olderUnread ? undefined : unread.total;
    };
    const until = Date.now() + READ_YOUR_WRITES_MS;
    for (;;) {
      const unread = await marked();
      if (unread !== undefined || Date.now() > until)
        return { unread: unread ?? (await mine({ unread: true })).total };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
