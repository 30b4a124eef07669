import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ValidateIf } from 'class-validator';
import { CaseAccess, rolesIn, StaffDirectory, type AccessRole } from '@app/access';
import {
  BusinessRuleError,
  CASE_COMMAND_ROLES,
  ProcessRegistry,
  Shaped,
  staffRefusal,
  stepLanes,
  type ActorRole,
} from '@app/engine';
import { activeTasks } from '@app/workflow';
import type { StateValue } from 'xstate';
import { IdParamPipe, IsId, IsStatePath } from '../http/ids';
import { Answers } from '../http/response-schemas';
import { Write, WriteHeadersDoc, type WriteHeaders } from '../http/write-headers';
import { Allow, CASEWORK_ROLES, CurrentActor, type Actor } from '../identity/actor';
import { CaseWrites } from './case-writes';

/** Who is to have the task: a person of its role in the case's unit, or null for the role's queue. */
export class AssignTaskDto {
  /** The task's step as the queue names it (`statePath`). */
  @IsStatePath('statePath')
  statePath!: string;

  /** Yourself to take it, a colleague to hand it over, null to put it back in the role's queue; required. */
  @ValidateIf((_, value) => value !== null)
  @IsId()
  @Shaped({ type: 'string', nullable: true, description: 'A user id, or null for the role’s queue' })
  to!: string | null;
}

/**
 * Tasks of a role's queue (issue 18): one Rehabansvarig takes a task so
 * the others see it is taken, hands it to a colleague, or puts it back.
 * Each change is an event in the case, so the history says who had it.
 */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api/cases')
export class TasksController {
  constructor(
    private readonly writes: CaseWrites,
    private readonly access: CaseAccess,
    private readonly registry: ProcessRegistry,
    private readonly staff: StaffDirectory,
  ) {}

  @Post(':caseId/processes/:instanceId/tasks/assign')
  @Answers('WriteResult')
  @Allow(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: "Take a task of my role's queue, hand it to a colleague of the role, or put it back",
    description:
      "Only an open task of a role's queue: the social worker's tasks follow the case's responsible social worker. The new holder must hold the task's role in the case's unit.",
  })
  @WriteHeadersDoc()
  async assign(
    @Param('caseId', IdParamPipe) caseId: string,
    @Param('instanceId', IdParamPipe) instanceId: string,
    @Body() body: AssignTaskDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    const to = body.to;
    if (to !== null) await this.requireHolderOfTheRole(caseId, instanceId, body.statePath, to, actor);
    return this.writes.run(
      { type: 'AssignTask', caseId, instanceId, statePath: body.statePath, to },
      actor,
      write,
      response,
    );
  }

  /** The new holder works in the case's unit in a role the task's queue is for; the engine judges the rest. */
  private async requireHolderOfTheRole(
    caseId: string,
    instanceId: string,
    statePath: string,
    to: string,
    actor: Actor,
  ): Promise<void> {
    const state = await this.access.visibleCase(actor, caseId);
    const instance = state.instances.get(instanceId);
    if (!instance || !state.unit) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const task = activeTasks(definition, instance.snapshot.value as StateValue).find(
      (t) => t.statePath === statePath,
    );
    if (!task) return;
    const lanes = stepLanes(state, instanceId, [task.lane as ActorRole]);
    // Someone who may not hand the task out at all is refused by the engine, as a 403 that names no colleague.
    const mayAct: readonly string[] = [...lanes, ...CASE_COMMAND_ROLES.AssignTask];
    if (!rolesIn(actor, state.unit).some((role) => mayAct.includes(role))) return;
    const person = to === actor.id ? actor : await this.staff.member(to);
    const refusals = lanes.map((lane) =>
      staffRefusal(person, to, state.unit as string, {
        role: lane as AccessRole,
        field: 'to',
        notInRole: 'not-in-the-tasks-role',
        becomes: 'ansvarig för uppgiften',
      }),
    );
    const refusal = refusals.every((r) => r !== undefined) ? refusals[0] : undefined;
    if (refusal) throw new BusinessRuleError([refusal]);
  }
}
