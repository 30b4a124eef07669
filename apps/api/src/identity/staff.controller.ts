import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@app/common';
import { UnitWorkloadQuery, type Workload } from '@app/projections';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rolesIn, StaffDirectory, unitsWhere, type AccessRole } from '@app/access';
import { BusinessRuleError, staffRefusal } from '@app/engine';
import { IdParamPipe } from '../http/ids';
import { AccessDeniedError } from '../http/request-errors';
import { Answers } from '../http/response-schemas';
import { Allow, CASE_READERS, CurrentActor, SUPERVISORS, type Actor } from './actor';
import { MentorDto } from './staff.dto';

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
