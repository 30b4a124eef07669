import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { addIsoDuration, calendarDayOf } from '@app/workflow';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@app/common';
import { UnitWorkloadQuery, type Workload } from '@app/projections';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  rolesIn,
  StaffDirectory,
  UnitCoversQuery,
  unitsWhere,
  type AccessRole,
  type Cover,
} from '@app/access';
import { BusinessRuleError, staffRefusal } from '@app/engine';
import { IdParamPipe } from '../http/ids';
import { AccessDeniedError, InvalidRequestError, ResourceNotFoundError } from '../http/request-errors';
import { Answers } from '../http/response-schemas';
import { Allow, CASE_READERS, CurrentActor, SUPERVISORS, type Actor } from './actor';
import { CoverPairDto, GrantCoverDto, MentorDto } from './staff.dto';

/** The roles whose queue tasks a person takes and hands to a colleague; the social worker's follow the case. */
const HANDED_OVER_ROLES = ['rehabansvarig', 'case_manager', 'sip_stodjare', 'bitradande_enhetschef'] as const;

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/units')
export class StaffController {
  constructor(
    private readonly staff: StaffDirectory,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':unit/workload')
  @Answers('UnitWorkload')
  @Allow(...SUPERVISORS)
  @ApiOperation({
    summary: "The team's work per person: cases, cases with a passed deadline, open and overdue tasks",
    description:
      "Counts only, no case: for the unit's biträdande enhetschef (and auditor), every social worker of the unit and anyone else holding its cases or tasks.",
  })
  async workload(@Param('unit', IdParamPipe) unit: string, @CurrentActor() actor: Actor) {
    if (!unitsWhere(actor, SUPERVISORS).includes(unit)) {
      throw new AccessDeniedError(`You supervise no team in unit ${unit}`, { unit });
    }
    const counted: Workload[] = await this.queries.execute(
      new UnitWorkloadQuery(unit, this.clock.now().toISOString()),
    );
    const workers = await this.staff.ofUnit(unit, 'socialsekreterare');
    const none = (userId: string): Workload => ({
      userId,
      cases: 0,
      overdueCases: 0,
      openTasks: 0,
      overdueTasks: 0,
    });
    const ids = [...new Set([...workers.map((w) => w.id), ...counted.map((c) => c.userId)])];
    const people = await Promise.all(
      ids.map(async (userId) => ({
        ...(counted.find((c) => c.userId === userId) ?? none(userId)),
        name: workers.find((w) => w.id === userId)?.name ?? (await this.staff.member(userId))?.name ?? userId,
      })),
    );
    return { unit, people: people.sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
  }

  @Get(':unit/social-workers')
  @Answers('StaffList')
  @Allow(...CASE_READERS)
  @ApiOperation({
    summary: "The unit's social workers, to choose a case's responsible one from",
    description:
      'Everyone who has signed in as socialsekreterare in the unit (and, in development, the demo users), each with their mentor in the introduktionsprogram (null when none). Only for members of the unit.',
  })
  async socialWorkers(@Param('unit', IdParamPipe) unit: string, @CurrentActor() actor: Actor) {
    if (rolesIn(actor, unit).length === 0) {
      throw new AccessDeniedError(`You hold no role in ${unit}`, { unit });
    }
    const workers = await this.staff.ofUnit(unit, 'socialsekreterare');
    return {
      unit,
      socialWorkers: await Promise.all(
        workers.map(async (worker) => ({
          ...worker,
          mentorId: (await this.staff.mentorOf(worker.id, unit)) ?? null,
        })),
      ),
    };
  }

  @Get(':unit/colleagues/:role')
  @Answers('ColleagueList')
  @Allow(...CASE_READERS)
  @ApiOperation({
    summary: "The unit's people in a role whose queue tasks can be handed over, to hand one to",
    description: `Roles: ${HANDED_OVER_ROLES.join(', ')}. Only for members of the unit.`,
  })
  async colleagues(
    @Param('unit', IdParamPipe) unit: string,
    @Param('role') role: string,
    @CurrentActor() actor: Actor,
  ) {
    if (!(HANDED_OVER_ROLES as readonly string[]).includes(role)) {
      throw new InvalidRequestError([
        { field: 'role', rule: 'isIn', message: `role must be one of: ${HANDED_OVER_ROLES.join(', ')}` },
      ]);
    }
    if (rolesIn(actor, unit).length === 0) {
      throw new AccessDeniedError(`You hold no role in ${unit}`, { unit });
    }
    return { unit, role, people: await this.staff.ofUnit(unit, role as AccessRole) };
  }

  @Get(':unit/covers')
  @Answers('UnitCovers')
  @Allow(...SUPERVISORS)
  @ApiOperation({ summary: "The unit's covers for absent social workers that have not ended" })
  async covers(@Param('unit', IdParamPipe) unit: string, @CurrentActor() actor: Actor) {
    this.requireSupervisor(actor, unit);
    return this.coversOf(unit);
  }

  @Post(':unit/covers')
  @HttpCode(200)
  @Answers('UnitCovers')
  @Allow('bitradande_enhetschef')
  @ApiOperation({
    summary:
      'Let one social worker cover for an absent colleague, from one day to another (at most three months)',
    description:
      "The cover sees the absent worker's tasks among their own and the absent worker's current cases, while the period runs; every read is logged as the cover's own. Granted again, the new period replaces the old.",
  })
  async grantCover(
    @Param('unit', IdParamPipe) unit: string,
    @Body() body: GrantCoverDto,
    @CurrentActor() actor: Actor,
  ) {
    this.requireSupervisor(actor, unit, ['bitradande_enhetschef']);
    const today = calendarDayOf(this.clock.now().toISOString());
    const problems = [
      body.until < body.from && {
        field: 'until',
        rule: 'notBeforeFrom',
        message: 'until must be the same day as from or later',
      },
      body.until < today && { field: 'until', rule: 'notPast', message: 'until must be today or later' },
      addIsoDuration(`${body.from}T12:00:00Z`, 'P3M').slice(0, 10) < body.until && {
        field: 'until',
        rule: 'atMostThreeMonths',
        message: 'until must be at most three months after from',
      },
    ].filter((p): p is { field: string; rule: string; message: string } => p !== false);
    if (problems.length > 0) throw new InvalidRequestError(problems);
    await this.requirePair(unit, body);
    await this.staff.grantCover(
      { unit, absentId: body.absentId, coverId: body.coverId, from: body.from, until: body.until },
      actor.id,
    );
    return this.coversOf(unit, { absentId: body.absentId, coverId: body.coverId, present: true });
  }

  @Post(':unit/covers/end')
  @HttpCode(200)
  @Answers('UnitCovers')
  @Allow('bitradande_enhetschef')
  @ApiOperation({ summary: 'End a cover before its last day' })
  async endCover(
    @Param('unit', IdParamPipe) unit: string,
    @Body() body: CoverPairDto,
    @CurrentActor() actor: Actor,
  ) {
    this.requireSupervisor(actor, unit, ['bitradande_enhetschef']);
    const today = calendarDayOf(this.clock.now().toISOString());
    const held: Cover[] = await this.queries.execute(new UnitCoversQuery(unit, today));
    if (!held.some((c) => c.absentId === body.absentId && c.coverId === body.coverId)) {
      throw new ResourceNotFoundError('Cover', { unit, absentId: body.absentId, coverId: body.coverId });
    }
    await this.staff.endCover({ unit, ...body }, actor.id);
    return this.coversOf(unit, { ...body, present: false });
  }

  private requireSupervisor(actor: Actor, unit: string, roles: readonly AccessRole[] = SUPERVISORS) {
    if (!unitsWhere(actor, roles).includes(unit)) {
      throw new AccessDeniedError(`You supervise no team in unit ${unit}`, { unit });
    }
  }

  /** Both are social workers of the unit, and not the same person. */
  private async requirePair(unit: string, pair: CoverPairDto): Promise<void> {
    if (pair.absentId === pair.coverId) {
      throw new InvalidRequestError([
        { field: 'coverId', rule: 'notTheAbsent', message: 'coverId must be another person than absentId' },
      ]);
    }
    for (const field of ['absentId', 'coverId'] as const) {
      const refusal = staffRefusal(await this.staff.member(pair[field]), pair[field], unit, {
        role: 'socialsekreterare',
        field,
        notInRole: 'not-a-social-worker-of-the-unit',
      });
      if (refusal) throw new BusinessRuleError([refusal]);
    }
  }

  /**
   * The unit's covers by name. After a write the answer waits (briefly)
   * until the read model shows it, so the caller sees their own change.
   */
  private async coversOf(unit: string, after?: { absentId: string; coverId: string; present: boolean }) {
    const today = calendarDayOf(this.clock.now().toISOString());
    const until = Date.now() + 3000;
    let covers: Cover[] = await this.queries.execute(new UnitCoversQuery(unit, today));
    const shows = () =>
      !after ||
      covers.some((c) => c.absentId === after.absentId && c.coverId === after.coverId) === after.present;
    while (!shows() && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      covers = await this.queries.execute(new UnitCoversQuery(unit, today));
    }
    const nameOf = async (id: string) => (await this.staff.member(id))?.name ?? id;
    return {
      unit,
      covers: await Promise.all(
        covers.map(async (c) => ({
          ...c,
          absentName: await nameOf(c.absentId),
          coverName: await nameOf(c.coverId),
          grantedByName: await nameOf(c.grantedBy),
        })),
      ),
    };
  }

  @Get(':unit/mentors')
  @Answers('MentorList')
  @Allow(...CASE_READERS)
  @ApiOperation({
    summary: "The unit's mentors, to choose a social worker's mentor from",
    description: 'Everyone who has signed in as mentor in the unit. Only for members of the unit.',
  })
  async mentors(@Param('unit', IdParamPipe) unit: string, @CurrentActor() actor: Actor) {
    if (rolesIn(actor, unit).length === 0) {
      throw new AccessDeniedError(`You hold no role in ${unit}`, { unit });
    }
    return { unit, mentors: await this.staff.ofUnit(unit, 'mentor') };
  }

  @Put(':unit/social-workers/:userId/mentor')
  @Answers('Mentorship')
  @Allow('bitradande_enhetschef')
  @ApiOperation({
    summary: 'Name the mentor of a social worker in the introduktionsprogram, or end the mentorship',
    description:
      "The mentor then reads the cases the social worker is responsible for, read-only and in the access log, and gets the progressionsplan's copy. Only the unit's biträdande enhetschef; `mentorId` null or absent ends it.",
  })
  async assignMentor(
    @Param('unit', IdParamPipe) unit: string,
    @Param('userId', IdParamPipe) userId: string,
    @Body() body: MentorDto,
    @CurrentActor() actor: Actor,
  ) {
    if (!rolesIn(actor, unit).includes('bitradande_enhetschef')) {
      throw new AccessDeniedError(`Only a biträdande enhetschef of ${unit} names mentors there`, { unit });
    }
    const mentorId = body.mentorId ?? null;
    await this.requireRole(unit, userId, 'socialsekreterare', 'userId');
    if (mentorId !== null) await this.requireRole(unit, mentorId, 'mentor', 'mentorId');
    await this.staff.assignMentor(unit, userId, mentorId, actor.id);
    return { unit, userId, mentorId };
  }

  private async requireRole(unit: string, userId: string, role: AccessRole, field: string) {
    const refusal = staffRefusal(await this.staff.member(userId), userId, unit, {
      role,
      field,
      notInRole: `not-a-${role}-of-the-unit`,
    });
    if (refusal) throw new BusinessRuleError([refusal]);
  }
}
