import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsBoolean, IsInt, Min } from 'class-validator';
import { CASE_COMMAND_ROLES, CaseClosing, CaseReopening, ReferenceChange, StepCorrection } from '@app/engine';
import { IdParamPipe } from '../http/ids';
import { InvalidRequestError } from '../http/request-errors';
import { Answers } from '../http/response-schemas';
import { Write, WriteHeadersDoc, type WriteHeaders } from '../http/write-headers';
import { Allow, CASEWORK_ROLES, CurrentActor, type Actor } from '../identity/actor';
import { CaseWrites } from './case-writes';

/** The step to correct, as the case view showed it, and why. */
export class CorrectStepDto extends StepCorrection {
  /** `lastStep.revision` of the instance in the case view: a step recorded since is never corrected by mistake. */
  @IsInt({ message: 'stepRevision must be a whole number: the lastStep.revision the case view showed' })
  @Min(0, { message: 'stepRevision must be 0 or more' })
  stepRevision!: number;
}

export class CheckPlanItemDto {
  /** True when the row is done ("Har det gjorts?"), false to take the tick back. */
  @IsBoolean({ message: 'done must be true or false' })
  done!: boolean;
}

/**
 * The case's own life beside its processes (issue 18): closing it and
 * opening it again, correcting its reference, undoing a step recorded by
 * mistake, and ticking the plan's rows. Each appends an event; nothing is
 * ever edited, so the history shows both the mistake and its correction.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CaseLifecycleController {
  constructor(private readonly writes: CaseWrites) {}

  @Post(':caseId/close')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.CloseCase)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close the case (avsluta), with a reason',
    description:
      'Refused while a process runs. A closed case takes no new process, plan or responsible social worker until it is reopened; its plan rows are no one’s tasks.',
  })
  @WriteHeadersDoc()
  close(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: CaseClosing,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run({ type: 'CloseCase', caseId, closing: { ...body } }, actor, write, response);
  }

  @Post(':caseId/reopen')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.ReopenCase)
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a closed case again, saying why' })
  @WriteHeadersDoc()
  reopen(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: CaseReopening,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run({ type: 'ReopenCase', caseId, reopening: { ...body } }, actor, write, response);
  }

  @Post(':caseId/reference')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.ChangeReference)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct the case’s reference or its id in the journal system',
    description:
      'The same rules as at opening; both sealed. Search finds the case by the new one within seconds.',
  })
  @WriteHeadersDoc()
  changeReference(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: ReferenceChange,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run({ type: 'ChangeReference', caseId, change: { ...body } }, actor, write, response);
  }

  @Post(':caseId/processes/:instanceId/correct')
  @Answers('WriteResult')
  @Allow(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct the latest step of a process, recorded by mistake',
    description:
      'A correcting event: the process stands where it stood before the step, the deadlines the step set are lifted and those it lifted set again. Only by the person who recorded it or the biträdande enhetschef, only while nothing else has happened in the process, and not a step that ended it, started another or recorded the plan.',
  })
  @WriteHeadersDoc()
  correct(
    @Param('caseId', IdParamPipe) caseId: string,
    @Param('instanceId', IdParamPipe) instanceId: string,
    @Body() body: CorrectStepDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      {
        type: 'CorrectStep',
        caseId,
        instanceId,
        stepRevision: body.stepRevision,
        correction: { reason: body.reason },
      },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/progressionsplan/items/:row')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.CheckPlanItem)
  @HttpCode(200)
  @ApiOperation({ summary: 'Tick a row of the progressionsplan as done ("Gjort"), or take the tick back' })
  @WriteHeadersDoc()
  checkPlanItem(
    @Param('caseId', IdParamPipe) caseId: string,
    @Param(
      'row',
      new ParseIntPipe({
        exceptionFactory: () =>
          new InvalidRequestError([
            { field: 'row', rule: 'planRow', message: 'row must be the row’s number in the plan, from 1' },
          ]),
      }),
    )
    row: number,
    @Body() body: CheckPlanItemDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run({ type: 'CheckPlanItem', caseId, row, done: body.done }, actor, write, response);
  }
}
