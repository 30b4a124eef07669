import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  BusinessRuleError,
  CASE_COMMAND_ROLES,
  EndProcessPayload,
  HandBack,
  personal,
  ProcessRegistry,
  Progressionsplan,
  SaAeApplication,
  SaAeDecision,
  staffRefusal,
  type StaffWanted,
  ClientFacts,
} from '@app/engine';
import { CaseHistoryQuery, ListCasesQuery, type HistoryCursor } from '@app/projections';
import { CLOCK, type Clock } from '@app/common';
import { CaseAsOfQuery, GetCaseQuery, NextStepsQuery } from '../engine/case.queries';
import { idFromKey, IdParamPipe } from '../http/ids';
import { pageOf } from '../http/paging.dto';
import { InvalidRequestError, ResourceNotFoundError } from '../http/request-errors';
import { Write, WriteHeadersDoc, type WriteHeaders } from '../http/write-headers';
import { rolesIn, scopeOf, CaseAccess, StaffDirectory, type AccessRole, type Principal } from '@app/access';
import { Discloses } from '../access/discloses';
import { Allow, CASEWORK_ROLES, CurrentActor, CASE_READERS, type Actor } from '../identity/actor';
import {
  AsOfDto,
  AssignRehabansvarigDto,
  RecordStepWaitDto,
  contactChangeOf,
  ChangeCaseworkerDto,
  changeOf,
  EraseCaseDto,
  HISTORY_PAGE,
  HistoryExportDto,
  HistoryPageDto,
  ListCasesDto,
  OpenCaseDto,
  SendEventDto,
  StartProcessDto,
} from './cases.dto';
import { CaseSearch } from './case-search';
import { CaseHistoryReader, historyFilterOf } from './case-history-reader';
import { HistoryExportRenderer } from './history-export';
import { CaseWrites } from './case-writes';
import { withStaffChoices } from './staff-choices';
import { Answers, Creates } from '../http/response-schemas';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly writes: CaseWrites,
    private readonly queries: QueryBus,
    private readonly access: CaseAccess,
    private readonly registry: ProcessRegistry,
    private readonly staff: StaffDirectory,
    private readonly search: CaseSearch,
    private readonly historyReader: CaseHistoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The responsible social worker is a person who works in the unit as
   * socialsekreterare, never an id typed by hand: a typo would make a case
   * its own creator cannot see, and a worker of another unit one they get
   * 404 on (toolbox.md, Continuity).
   */
  private requireSocialWorker(unit: string, userId: string, actor: Actor, mayAct: readonly string[]) {
    return this.requireStaff(unit, userId, actor, mayAct, {
      role: 'socialsekreterare',
      field: 'socialWorkerId',
      notInRole: 'not-a-social-worker-of-the-unit',
      becomes: 'ansvarig för ärendet',
    });
  }

  /** A person the case is given to works in its unit in that role; anyone else is refused naming the field. */
  private async requireStaff(
    unit: string,
    userId: string,
    actor: Actor,
    mayAct: readonly string[],
    wanted: StaffWanted & { role: AccessRole },
  ): Promise<void> {
    // Someone who may not act here at all is refused by the engine first, as a 403 that tells nothing of the unit.
    if (!rolesIn(actor, unit).some((role) => mayAct.includes(role))) return;
    const person: Principal | undefined = userId === actor.id ? actor : await this.staff.member(userId);
    const refusal = staffRefusal(person, userId, unit, wanted);
    if (refusal) throw new BusinessRuleError([refusal]);
  }

  /** Processes come from the registry, so a process added to it is usable with no other change. */
  private requireKnownProcess(field: string, definitionId: string | undefined): void {
    if (definitionId === undefined) return;
    const known = this.registry.ids();
    if (!known.includes(definitionId)) {
      throw new InvalidRequestError([
        { field, rule: 'isIn', message: `${field} must be one of: ${known.join(', ')}` },
      ]);
    }
  }

  @Post()
  @Creates('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.OpenCase)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Open a case (impuls arrives at the unit)',
    description:
      'The server chooses the case id and answers it (body and Location). The same Idempotency-Key from the same person reaches the same case.',
  })
  @WriteHeadersDoc()
  async open(
    @Body() body: OpenCaseDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.requireSocialWorker(body.unit, body.socialWorkerId, actor, CASE_COMMAND_ROLES.OpenCase);
    const caseId = idFromKey(actor.id, write.commandId, 'case');
    response.setHeader('Location', `/api/cases/${caseId}`);
    return this.writes.run(
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
  @Answers('CaseListPage')
  @Allow(...CASE_READERS)
  @Discloses('case-list')
  @ApiOperation({
    summary: 'List and search the cases I may see (by unit, social worker, process, state, overdue)',
    description:
      '`search` finds a reference or journal reference, whole or by its beginning, through a keyed blind index (no case is opened to search), or a social worker by name; exact matches first.',
  })
  async list(@Query() query: ListCasesDto, @CurrentActor() actor: Actor) {
    const { limit: _limit, offset: _offset, search, status, ...rest } = query;
    this.requireKnownProcess('process', rest.process);
    const units = [...new Set(actor.memberships.map((m) => m.unit))];
    const searching = Boolean(search?.trim());
    const closed = { open: false, closed: true, all: undefined }[status ?? (searching ? 'all' : 'open')];
    const filtered = closed === undefined ? rest : { ...rest, closed };
    const filter = searching
      ? { ...filtered, found: await this.search.filterFor(units, search ?? '') }
      : filtered;
    return this.queries.execute(
      new ListCasesQuery(filter, this.clock.now().toISOString(), pageOf(query), scopeOf(actor)),
    );
  }

  @Get(':caseId')
  @Answers('CaseView')
  @Allow(...CASE_READERS)
  @Discloses('case')
  @ApiOperation({
    summary: 'The case now: every process instance, plan, social worker, BIP phase, deadlines',
  })
  async get(
    @Param('caseId', IdParamPipe) caseId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.queries.execute(new GetCaseQuery(caseId, this.clock.now().toISOString(), actor));
    response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  @Get(':caseId/history')
  @Answers('HistoryPage')
  @Allow(...CASE_READERS)
  @Discloses('history')
  @ApiOperation({
    summary:
      'The case events in order, a page at a time: who, when, what, the steps before and after, the answers in words; filtered by process, kind of event, person and period',
  })
  async history(
    @Param('caseId', IdParamPipe) caseId: string,
    @Query() query: HistoryPageDto,
    @CurrentActor() actor: Actor,
  ) {
    const page = await this.historyOf(caseId, actor, {
      after: query.after,
      limit: query.limit ?? HISTORY_PAGE,
      filter: historyFilterOf(query),
    });
    return { ...page, facets: await this.historyReader.facets(caseId) };
  }

  @Get(':caseId/history/export')
  @Answers('HistoryExport')
  @Allow(...CASE_READERS)
  @Discloses('history-export')
  @UseInterceptors(HistoryExportRenderer)
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOperation({
    summary:
      'Every (filtered) event of the case at once, for utlämnande or tillsyn, as JSON, CSV or PDF; logged as an export',
  })
  async exportHistory(
    @Param('caseId', IdParamPipe) caseId: string,
    @Query() query: HistoryExportDto,
    @CurrentActor() actor: Actor,
  ) {
    const filter = historyFilterOf(query);
    const page = await this.historyOf(caseId, actor, { filter });
    const state = await this.access.visibleCase(actor, caseId);
    return {
      caseId,
      reference: personal(caseId, state.reference),
      exportedAt: this.clock.now().toISOString(),
      exportedBy: actor.name,
      filters: await this.historyReader.filterWords(caseId, filter, query),
      entries: page.entries,
    };
  }

  private async historyOf(caseId: string, actor: Actor, cursor: HistoryCursor) {
    const state = await this.access.visibleCase(actor, caseId);
    const throughRevision = state.revision === 'no_stream' ? undefined : state.revision;
    const page = await this.queries.execute(new CaseHistoryQuery(caseId, { ...cursor, throughRevision }));
    if (!page) throw new ResourceNotFoundError('Case history', { caseId });
    return { caseId, entries: await this.historyReader.described(caseId, page.entries), next: page.next };
  }

  @Get(':caseId/as-of')
  @Answers('CaseView')
  @Allow(...CASE_READERS)
  @Discloses('as-of')
  @ApiOperation({ summary: 'The case as it was at a point in time' })
  asOf(@Param('caseId', IdParamPipe) caseId: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new CaseAsOfQuery(caseId, new Date(query.at).toISOString(), actor));
  }

  @Get(':caseId/next-steps')
  @Answers('NextSteps')
  @Allow(...CASE_READERS)
  @Discloses('next-steps')
  @ApiOperation({
    summary: "What my roles in the case's unit may do now, with JSON Schemas and Swedish labels",
  })
  async nextSteps(@Param('caseId', IdParamPipe) caseId: string, @CurrentActor() actor: Actor) {
    return withStaffChoices(await this.queries.execute(new NextStepsQuery(caseId, actor)), this.staff);
  }

  @Post(':caseId/processes')
  @Creates('StartedProcess')
  @Allow(...CASEWORK_ROLES)
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
    this.requireKnownProcess('definitionId', body.definitionId);
    const instanceId = body.instanceId ?? idFromKey(actor.id, write.commandId, `instance/${caseId}`);
    return this.writes
      .run(
        { type: 'StartProcess', caseId, instanceId, definitionId: body.definitionId },
        actor,
        write,
        response,
      )
      .then((result) => ({ ...result, instanceId }));
  }

  @Post(':caseId/processes/:instanceId/events')
  @Answers('WriteResult')
  @Allow(...CASEWORK_ROLES)
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
    return this.writes.run(
      { type: 'SendProcessEvent', caseId, instanceId, event: body.event, payload: body.payload ?? {} },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/processes/:instanceId/end')
  @Answers('WriteResult')
  @Allow(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'End a process instance before its last step, with a reason (next-steps lists who may, and why)',
    description:
      'Its open deadlines close with it and its tasks leave the queues. The case stays open until it is closed (POST /api/cases/:caseId/close).',
  })
  @WriteHeadersDoc()
  end(
    @Param('caseId', IdParamPipe) caseId: string,
    @Param('instanceId', IdParamPipe) instanceId: string,
    @Body() body: EndProcessPayload,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      { type: 'EndProcess', caseId, instanceId, ending: { ...body } },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/processes/:instanceId/follow-up/hand-back')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.HandBackFollowUp)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hand an escalated follow-up back to Rehabansvarig (biträdande enhetschef), with a reason',
  })
  @WriteHeadersDoc()
  handBack(
    @Param('caseId', IdParamPipe) caseId: string,
    @Param('instanceId', IdParamPipe) instanceId: string,
    @Body() body: HandBack,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      { type: 'HandBackFollowUp', caseId, instanceId, reason: body.reason },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/processes/:instanceId/wait')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.RecordStepWait)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record why the step an instance stands at waits, when the need is not the cause (seed 002)',
    description:
      "Waiting on another party, or an interruption not caused by the need (a benefit or an agreement ending). The next step of the instance ends the wait; the statistics count each step's waits by reason.",
  })
  @WriteHeadersDoc()
  recordWait(
    @Param('caseId', IdParamPipe) caseId: string,
    @Param('instanceId', IdParamPipe) instanceId: string,
    @Body() body: RecordStepWaitDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      { type: 'RecordStepWait', caseId, instanceId, wait: { ...body } },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/caseworker')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.ChangeCaseworker)
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the responsible social worker (handläggarbyte)' })
  @WriteHeadersDoc()
  async changeCaseworker(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: ChangeCaseworkerDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    const theCase = await this.access.visibleCase(actor, caseId);
    // An erased case takes no command at all: the engine's 410 says so, not a complaint about the worker.
    if (!theCase.erased)
      await this.requireSocialWorker(
        theCase.unit ?? '',
        body.socialWorkerId,
        actor,
        CASE_COMMAND_ROLES.ChangeCaseworker,
      );
    return this.writes.run(
      { type: 'ChangeCaseworker', caseId, socialWorkerId: body.socialWorkerId, change: changeOf(body) },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/rehabansvarig')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.AssignRehabansvarig)
  @HttpCode(200)
  @ApiOperation({
    summary: "Name the case's Rehabansvarig, or change to another one",
    description:
      "A Rehabansvarig of the case's unit, chosen from the staff directory. A change from another records the reason, whether the client knows whom to turn to, and a hand-over (toolbox.md, Continuity); naming the same one again is refused.",
  })
  @WriteHeadersDoc()
  async assignRehabansvarig(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: AssignRehabansvarigDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    const theCase = await this.access.visibleCase(actor, caseId);
    if (!theCase.erased)
      await this.requireStaff(
        theCase.unit ?? '',
        body.rehabansvarigId,
        actor,
        CASE_COMMAND_ROLES.AssignRehabansvarig,
        {
          role: 'rehabansvarig',
          field: 'rehabansvarigId',
          notInRole: 'not-rehabansvarig-of-the-unit',
          becomes: 'Rehabansvarig för ärendet',
        },
      );
    return this.writes.run(
      {
        type: 'AssignRehabansvarig',
        caseId,
        rehabansvarigId: body.rehabansvarigId,
        change: contactChangeOf(body),
      },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/erasure')
  @Answers('WriteResult')
  @Allow('bitradande_enhetschef')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase (gallra) the case: destroys its key, so personal fields read [raderad]; who and why stay',
  })
  @WriteHeadersDoc()
  erase(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: EraseCaseDto,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      { type: 'EraseCase', caseId, reason: body.reason, decision: body.decision },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/progressionsplan')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.RecordProgressionsplan)
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
    return this.writes.run(
      { type: 'RecordProgressionsplan', caseId, plan: { ...body } },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/client-facts')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.RecordClientFacts)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record the facts the statistics of insatser count: kön, age band, aktuell på bistånd, reason, target group',
    description:
      'Coarse categories, not sealed: the reports of insatser break participants down by them and count target groups per unit. 422 when nothing changed.',
  })
  @WriteHeadersDoc()
  recordClientFacts(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: ClientFacts,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run({ type: 'RecordClientFacts', caseId, facts: { ...body } }, actor, write, response);
  }

  @Post(':caseId/sa-ae')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.RecordSaAeApplication)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record an application for sjukersättning or aktivitetsersättning',
    description:
      'While it is open, Rehabansvarig keeps follow-up in samverkan med vården, and samverkan cannot be closed. 422 when one is already open.',
  })
  @WriteHeadersDoc()
  recordSaAeApplication(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: SaAeApplication,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      { type: 'RecordSaAeApplication', caseId, application: { ...body } },
      actor,
      write,
      response,
    );
  }

  @Post(':caseId/sa-ae/decision')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.RecordSaAeDecision)
  @HttpCode(200)
  @ApiOperation({
    summary: "Record Försäkringskassan's decision, which closes the open SA/AE application",
    description: '422 when no application is open, or when the decision predates it.',
  })
  @WriteHeadersDoc()
  recordSaAeDecision(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: SaAeDecision,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      { type: 'RecordSaAeDecision', caseId, decision: { ...body } },
      actor,
      write,
      response,
    );
  }
}
