import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@app/common';
import { Clearances, rolesIn, unitsWhere } from '@app/access';
import { ProcessRegistry } from '@app/engine';
import {
  PLACEMENT_PROCESS,
  PartnerPlacementQuery,
  PartnerPlacementsQuery,
  type PartnerPlacement,
  type PartnerPlacementRef,
} from '@app/projections';
import { PARTNER_PHASE_LABELS } from '@app/insatser/domain/placement-terms';
import { Discloses } from '../access/discloses';
import { caseCommandOf } from '../engine/case-command';
import { partnerActions } from '../engine/partner-actions';
import { IdParamPipe } from '../http/ids';
import { pageOf } from '../http/paging.dto';
import { ResourceNotFoundError } from '../http/request-errors';
import { Answers } from '../http/response-schemas';
import { Write, type WriteHeaders } from '../http/write-headers';
import { Allow, CurrentActor, type Actor } from '../identity/actor';
import { PartnerPlacementsQueryDto } from './partner-placements.dto';

const PARTNERS = ['insatsansvarig', 'arbetsledare'] as const;

/** The providing unit's steps in the placement process, by the names its routes give them. */
const STEPS = {
  accept: 'PlacementAccepted',
  decline: 'PlacementDeclined',
  attendance: 'AttendanceRecorded',
  observation: 'ObservationRecorded',
} as const;
type StepName = keyof typeof STEPS;

/**
 * The providing unit's side of a placement (insatser.md, One unit using
 * another unit's insats): its insatsansvarig accepts or declines, its
 * arbetsledare report attendance and observations. They see a placement
 * reference, never the case: the steps go into the placing unit's case
 * through the engine, which lets them act in their own lanes only.
 */
@ApiTags('insatser')
@ApiBearerAuth()
@Controller('api/partner-placements')
export class PartnerPlacementsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly clearances: Clearances,
    private readonly registry: ProcessRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Answers('PartnerPlacementPage')
  @Allow(...PARTNERS)
  @ApiOperation({
    summary: "Placements on my unit's insatser, those waiting for our answer first",
    description: 'No case, reference or social worker: only the placement, its insats and the placing unit.',
  })
  async list(@Query() query: PartnerPlacementsQueryDto, @CurrentActor() actor: Actor) {
    const filter = {
      units: unitsWhere(actor, PARTNERS),
      ...(query.awaitingAnswer !== undefined ? { awaitingAnswer: query.awaitingAnswer } : {}),
    };
    const page = await this.queries.execute(new PartnerPlacementsQuery(filter, pageOf(query)));
    return { ...page, items: page.items.map((item) => this.shown(item, actor)) };
  }

  @Get(':placementId')
  @Answers('PartnerPlacement')
  @Allow(...PARTNERS)
  @Discloses('partner-placement')
  @ApiOperation({
    summary: "One placement with the arbetsplan's mål, delmål and arbetsuppgifter, and nothing else of it",
    description:
      'The plan is case data: opened for the providing unit only, and the reading is in the access log.',
  })
  async get(@Param('placementId', IdParamPipe) placementId: string, @CurrentActor() actor: Actor) {
    const found = await this.find(placementId, actor);
    // Cleared for this request only; the answer marks no personal value but the plan's parts.
    this.clearances.clear(actor, found.caseId);
    return { ...this.shown(found.placement, actor), plan: found.plan };
  }

  @Post(':placementId/:step')
  @Answers('PartnerStepResult')
  @Allow(...PARTNERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept or decline a placement, or report attendance or an observation',
    description:
      "`step` is accept, decline, attendance or observation; the body is the step's payload (the insats's own process, `insats`).",
  })
  async step(
    @Param('placementId', IdParamPipe) placementId: string,
    @Param('step') step: string,
    @Body() body: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
  ) {
    if (!(step in STEPS))
      throw new ResourceNotFoundError('Placement step', { step, steps: Object.keys(STEPS) });
    const found = await this.find(placementId, actor);
    const event = STEPS[step as StepName];
    // The acceptance names the insats it accepts, so the engine snapshots its price and places now.
    const payload = event === 'PlacementAccepted' ? { ...body, insatsId: found.placement.insatsId } : body;
    const command = {
      type: 'SendProcessEvent' as const,
      caseId: found.caseId,
      instanceId: found.instanceId,
      event,
      payload,
    };
    // The providing unit never sees the case's revision: an If-Match from it could only be a guess.
    const { expectedRevision: _ignored, ...headers } = write;
    const result = await this.commands.execute(
      caseCommandOf(command, actor, headers, this.clock.now().toISOString()),
    );
    return { placementId, events: result.events };
  }

  private async find(placementId: string, actor: Actor): Promise<PartnerPlacementRef> {
    const found = await this.queries.execute(
      new PartnerPlacementQuery(placementId, unitsWhere(actor, PARTNERS)),
    );
    if (!found) throw new ResourceNotFoundError('Placement', { placementId });
    return found;
  }

  /** With the steps the reader may take now, in a lane they hold in the providing unit. */
  private shown(item: PartnerPlacement, actor: Actor) {
    const roles = rolesIn(actor, item.providingUnit);
    return {
      ...item,
      phaseLabel: PARTNER_PHASE_LABELS[item.phase] ?? item.phase,
      actions: partnerActions(this.registry, PLACEMENT_PROCESS, item.phase, roles, STEPS),
    };
  }
}
