import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@app/common';
import { scopeOf } from '@app/access';
import { CatalogueQuery, INSATS_REPORTS, InsatsQuery, PlacementsQuery } from '@app/projections';
import { payloadSchema } from '@app/engine';
import {
  ADAPTATIONS,
  BIP_TYPES,
  CatalogueService,
  COST_PERIODS,
  INSATS_KINDS,
  INSATS_STATUSES,
  InsatsEntry,
  InsatsNotFoundError,
  TRAPPSTEG,
} from '@app/insatser';
import { addIsoDuration } from '@app/workflow';
import { Discloses } from '../access/discloses';
import { IdParamPipe } from '../http/ids';
import { pageOf } from '../http/paging.dto';
import { InvalidRequestError } from '../http/request-errors';
import { Answers, Creates } from '../http/response-schemas';
import { Write, type WriteHeaders } from '../http/write-headers';
import { Allow, CASE_READERS, CurrentActor, EVERY_ROLE, type Actor } from '../identity/actor';
import { CatalogueQueryDto, PauseInsatsDto, PlacementsQueryDto, RegisterInsatsDto } from './insatser.dto';

/**
 * The shared catalogue of insatser, which every signed-in person reads and
 * only the providing unit's insatsansvarig keeps; and the placements of
 * the cases a caller may see, with their follow-ups.
 */
@ApiTags('insatser')
@ApiBearerAuth()
@Controller('api')
export class InsatserController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('insatser')
  @Answers('CataloguePage')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary: 'Search the catalogue of insatser',
    description:
      'Every unit sees every entry: the catalogue names measures, never people. Occupancy (taken) and the waiting list (queued) are counted from the placements.',
  })
  list(@Query() query: CatalogueQueryDto) {
    const { limit: _limit, offset: _offset, ...filter } = query;
    return this.queries.execute(new CatalogueQuery(filter, pageOf(query)));
  }

  @Get('catalogue-form')
  @Answers('CatalogueForm')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary: "The catalogue entry's form and the names of its choices",
    description:
      'The JSON Schema of an entry, with the Swedish labels a form shows, and the Swedish names of every kind, trappsteg, adaptation, BIP type, status, period and statistics report, for lists and filters.',
  })
  form() {
    return {
      schema: payloadSchema(InsatsEntry),
      terms: {
        kinds: INSATS_KINDS,
        trappsteg: TRAPPSTEG,
        adaptations: ADAPTATIONS,
        bipTypes: BIP_TYPES,
        statuses: INSATS_STATUSES,
        costPeriods: COST_PERIODS,
        reports: INSATS_REPORTS,
      },
    };
  }

  @Get('insatser/:insatsId')
  @Answers('CatalogueEntry')
  @Allow(...EVERY_ROLE)
  @ApiOperation({ summary: 'One catalogue entry with every version it has had, newest first' })
  async get(@Param('insatsId', IdParamPipe) insatsId: string) {
    const entry = await this.queries.execute(new InsatsQuery(insatsId));
    if (!entry) throw new InsatsNotFoundError(insatsId);
    return entry;
  }

  @Post('insatser')
  @Creates('CatalogueWrite')
  @Allow('insatsansvarig')
  @ApiOperation({
    summary: 'Register an insats in the catalogue',
    description:
      "Only an insatsansvarig of the providing unit. The entry's every field is checked; it starts active, as version 1.",
  })
  async register(@Body() body: RegisterInsatsDto, @CurrentActor() actor: Actor) {
    const { providingUnit, ...entry } = body;
    const { insatsId } = await this.catalogue.register(actor, providingUnit, entry);
    return { insatsId, version: 1, status: 'active' };
  }

  @Put('insatser/:insatsId')
  @Answers('CatalogueWrite')
  @Allow('insatsansvarig')
  @ApiOperation({
    summary: 'Revise an entry: the whole entry as its next version',
    description:
      'If-Match must carry the version the revision was made against; a newer one answers 409 with the current version. Placements keep the version and price they started on.',
  })
  revise(
    @Param('insatsId', IdParamPipe) insatsId: string,
    @Body() body: InsatsEntry,
    @Write() write: WriteHeaders,
    @CurrentActor() actor: Actor,
  ) {
    if (write.expectedRevision === undefined)
      throw new InvalidRequestError([
        {
          field: 'If-Match',
          rule: 'required',
          message: 'must carry the version the revision was made against, e.g. "2"',
        },
      ]);
    return this.catalogue.revise(actor, insatsId, write.expectedRevision, { ...body });
  }

  @Post('insatser/:insatsId/pause')
  @HttpCode(200)
  @Answers('CatalogueWrite')
  @Allow('insatsansvarig')
  @ApiOperation({ summary: 'Pause an entry: no new placements; those running go on' })
  pause(
    @Param('insatsId', IdParamPipe) insatsId: string,
    @Body() body: PauseInsatsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.catalogue.pause(actor, insatsId, body.reason);
  }

  @Post('insatser/:insatsId/resume')
  @HttpCode(200)
  @Answers('CatalogueWrite')
  @Allow('insatsansvarig')
  @ApiOperation({ summary: 'Take a paused entry up again' })
  resume(@Param('insatsId', IdParamPipe) insatsId: string, @CurrentActor() actor: Actor) {
    return this.catalogue.resume(actor, insatsId);
  }

  @Post('insatser/:insatsId/close')
  @HttpCode(200)
  @Answers('CatalogueWrite')
  @Allow('insatsansvarig')
  @ApiOperation({
    summary: 'Close an entry for good',
    description:
      'Refused (422) while placements are assigned or running: pause it instead. Entries are never deleted.',
  })
  close(@Param('insatsId', IdParamPipe) insatsId: string, @CurrentActor() actor: Actor) {
    return this.catalogue.close(actor, insatsId);
  }

  @Get('placements')
  @Answers('PlacementPage')
  @Allow(...CASE_READERS)
  @Discloses('placements')
  @ApiOperation({
    summary: 'Placements on insatser, with when each follow-up is due',
    description:
      "Of the cases the caller may see. `mine` gives a social worker's own, `overdue` the follow-ups past due, `flagged` those more than 14 days late that the biträdande enhetschef sees, `dueWithinDays` those due soon. Due soonest first.",
  })
  placements(@Query() query: PlacementsQueryDto, @CurrentActor() actor: Actor) {
    const now = this.clock.now().toISOString();
    const filter = {
      ...(query.unit ? { unit: query.unit } : {}),
      ...(query.caseId ? { caseId: query.caseId } : {}),
      ...(query.mine ? { socialWorkerId: actor.id } : {}),
      ...(query.phase ? { phase: query.phase } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
      ...(query.flagged !== undefined ? { flagged: query.flagged } : {}),
      ...(query.dueWithinDays !== undefined
        ? { dueBy: addIsoDuration(now, `P${query.dueWithinDays}D`) }
        : {}),
    };
    return this.queries.execute(new PlacementsQuery(filter, pageOf(query), scopeOf(actor), now));
  }
}
