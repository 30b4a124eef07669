import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Progressionsplan, type CaseCommand } from '@app/engine';
import { CaseHistoryQuery, ListCasesQuery } from '@app/projections';
import { CLOCK, type Clock } from '../clock';
import { ExecuteCaseCommand } from '../engine/case-command';
import { CaseAsOfQuery, GetCaseQuery, NextStepsQuery } from '../engine/case.queries';
import { idFromKey, IdParamPipe } from '../http/ids';
import { pageOf } from '../http/paging.dto';
import { ResourceNotFoundError } from '../http/request-errors';
import { Write, type WriteHeaders } from '../http/write-headers';
import { CurrentActor, type Actor } from '../identity/actor';
import {
  AsOfDto,
  ChangeCaseworkerDto,
  ListCasesDto,
  OpenCaseDto,
  SendEventDto,
  StartProcessDto,
} from './cases.dto';
import { writeResponse } from './write-response';

const WRITE_HEADERS = [
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key, same response; nothing twice.',
  }),
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The case revision you saw (ETag); 409 if stale.',
  }),
];
const WriteHeadersDoc = (): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of WRITE_HEADERS) decorate(target, key, descriptor);
};

@ApiTags('cases')
@ApiHeader({ name: 'X-User', description: 'Development identity: your user id' })
@ApiHeader({ name: 'X-Role', description: 'Development identity: your role' })
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async run(command: CaseCommand, actor: Actor, write: WriteHeaders, response: Response) {
    const result = await this.commands.execute(
      new ExecuteCaseCommand(command, {
        actorId: actor.id,
        role: actor.role,
        now: this.clock.now().toISOString(),
        correlationId: write.correlationId,
        commandId: write.commandId,
        ...(write.expectedRevision !== undefined ? { expectedRevision: write.expectedRevision } : {}),
      }),
    );
    return writeResponse(response, result);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a case (impuls arrives at the unit)' })
  @WriteHeadersDoc()
  open(
    @Body() body: OpenCaseDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    const caseId = body.caseId ?? idFromKey(actor.id, write.commandId, 'case');
    response.setHeader('Location', `/api/cases/${caseId}`);
    return this.run(
      {
        type: 'OpenCase',
        caseId,
        reference: body.reference,
        unit: body.unit,
        socialWorkerId: body.socialWorkerId,
        ...(body.journalRef !== undefined ? { journalRef: body.journalRef } : {}),
      },
      actor,
      write,
      response,
    );
  }

  @Get()
  @ApiOperation({ summary: 'List and search cases (by unit, social worker, process, state, overdue)' })
  list(@Query() query: ListCasesDto) {
    const { limit: _limit, offset: _offset, ...filter } = query;
    return this.queries.execute(new ListCasesQuery(filter, this.clock.now().toISOString(), pageOf(query)));
  }

  @Get(':caseId')
  @ApiOperation({
    summary: 'The case now: every process instance, plan, social worker, BIP phase, deadlines',
  })
  async get(@Param('caseId', IdParamPipe) caseId: string, @Res({ passthrough: true }) response: Response) {
    const view = await this.queries.execute(new GetCaseQuery(caseId, this.clock.now().toISOString()));
    response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  @Get(':caseId/history')
  @ApiOperation({ summary: 'Every event of the case in order: who, when, what, state before and after' })
  async history(@Param('caseId', IdParamPipe) caseId: string) {
    const entries = await this.queries.execute(new CaseHistoryQuery(caseId));
    if (!entries) throw new ResourceNotFoundError('Case history', { caseId });
    return { caseId, entries };
  }

  @Get(':caseId/as-of')
  @ApiOperation({ summary: 'The case as it was at a point in time' })
  asOf(@Param('caseId', IdParamPipe) caseId: string, @Query() query: AsOfDto) {
    return this.queries.execute(new CaseAsOfQuery(caseId, new Date(query.at).toISOString()));
  }

  @Get(':caseId/next-steps')
  @ApiOperation({ summary: 'What the calling role may do now, with JSON Schemas and Swedish labels' })
  nextSteps(@Param('caseId', IdParamPipe) caseId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new NextStepsQuery(caseId, actor.role));
  }

  @Post(':caseId/processes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Start a toolbox process in the case' })
  @WriteHeadersDoc()
  start(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: StartProcessDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    const instanceId = body.instanceId ?? idFromKey(actor.id, write.commandId, `instance/${caseId}`);
    return this.run(
      { type: 'StartProcess', caseId, instanceId, definitionId: body.definitionId },
      actor,
      write,
      response,
    ).then((result) => ({ ...result, instanceId }));
  }

  @Post(':caseId/processes/:instanceId/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Do a step: send an event to a process instance' })
  @WriteHeadersDoc()
  send(
    @Param('caseId', IdParamPipe) caseId: string,
    @Param('instanceId', IdParamPipe) instanceId: string,
    @Body() body: SendEventDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      { type: 'SendProcessEvent', caseId, instanceId, event: body.event, payload: body.payload ?? {} },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the responsible social worker (handläggarbyte)' })
  @WriteHeadersDoc()
  changeCaseworker(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: ChangeCaseworkerDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      { type: 'ChangeCaseworker', caseId, socialWorkerId: body.socialWorkerId },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/progressionsplan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record or adjust the progressionsplan (Rehabansvarig)' })
  @WriteHeadersDoc()
  recordPlan(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: Progressionsplan,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run({ type: 'RecordProgressionsplan', caseId, plan: { ...body } }, actor, write, response);
  }
}
