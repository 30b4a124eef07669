import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@app/common';
import { Clearances, rolesIn, unitsWhere } from '@app/access';
import { ProcessRegistry } from '@app/engine';
import {
  REFERRAL_PROCESS,
  ReceivedReferralQuery,
  ReceivedReferralsQuery,
  SentReferralsQuery,
  type ReceivedReferral,
  type KeptSince,
  type ReceivedReferralRef,
} from '@app/projections';
import { subtractIsoDuration } from '@app/workflow';
import { DEFAULT_KEPT_FOR, formOf, formSchema, REFERRAL_NUMBER } from '@app/referral';
import { Discloses } from '../access/discloses';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { caseCommandOf } from '../engine/case-command';
import { partnerActions } from '../engine/partner-actions';
import { PageDto, pageOf } from '../http/paging.dto';
import { InvalidRequestError, ResourceNotFoundError } from '../http/request-errors';
import { Answers } from '../http/response-schemas';
import { Write, type WriteHeaders } from '../http/write-headers';
import { Allow, CurrentActor, EVERY_ROLE, type Actor } from '../identity/actor';
import { ReceivedReferralsQueryDto } from './referrals.dto';

const RECEIVERS = ['mottagning', 'beredningsgrupp'] as const;

/** The receiving unit's steps in the referral process, by the names its routes give them. */
const STEPS = {
  komplettering: 'KompletteringRequested',
  decide: 'ReferralDecided',
  return: 'ReferralReturned',
  admit: 'AdmissionRecorded',
  'decline-admission': 'AdmissionDeclined',
} as const;
type StepName = keyof typeof STEPS;

const numberOf = (value: string): string => {
  if (REFERRAL_NUMBER.test(value)) return value;
  throw new InvalidRequestError([
    {
      field: 'referralNumber',
      rule: 'referralNumber',
      message: 'referralNumber must look like 3F9A-1C2B-77D0',
    },
  ]);
};

/**
 * Aktualisering across the unit boundary (referral.md): the city's
 * receiving units and their forms; the receiving unit's list, its reading of
 * a referral's de-identified summary (logged), and its steps, which go into
 * the sender's case through the engine in the receiving unit's own lanes;
 * and the sender's own referrals with the decisions on them.
 */
@ApiTags('aktualisering')
@ApiBearerAuth()
@Controller('api')
export class ReferralsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly clearances: Clearances,
    private readonly registry: ProcessRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('referral-units')
  @Answers('ReceivingUnits')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary: 'The units that take referrals, each with its current form as a schema',
    description: 'A referral is written on the form version given here and names it when it is sent.',
  })
  receivingUnits() {
    return {
      items: Object.entries(this.config.receivingUnits).map(([unit, settings]) => ({
        unit,
        name: settings.name,
        formVersion: settings.formVersion,
        schema: formSchema(formOf(unit, settings)),
      })),
    };
  }

  @Get('referrals/received')
  @Answers('ReceivedReferralPage')
  @Allow(...RECEIVERS)
  @ApiOperation({
    summary: 'Referrals sent to my unit, those to review first',
    description: 'No case, reference or client: the referral number, the sender block and where it stands.',
  })
  async received(@Query() query: ReceivedReferralsQueryDto, @CurrentActor() actor: Actor) {
    const page = await this.queries.execute(
      new ReceivedReferralsQuery(this.keptSince(actor), query.open, pageOf(query)),
    );
    return { ...page, items: page.items.map((item) => this.shown(item, actor)) };
  }

  @Get('referrals/received/:referralNumber')
  @Answers('ReceivedReferralDetail')
  @Allow(...RECEIVERS)
  @Discloses('referral')
  @ApiOperation({
    summary: 'One referral with its de-identified summary, the komplettering thread and the decision',
    description:
      'The summary is case data: opened for the receiving unit only, and the reading is in the access log.',
  })
  async get(@Param('referralNumber') referralNumber: string, @CurrentActor() actor: Actor) {
    const found = await this.find(numberOf(referralNumber), actor);
    // Cleared for this request only: the answer names no case, and marks no personal value but the referral's.
    this.clearances.clear(actor, found.caseId);
    return {
      ...this.shown(found.referral, actor),
      summary: found.summary,
      thread: found.thread,
      motivation: found.motivation,
    };
  }

  @Post('referrals/received/:referralNumber/:step')
  @Answers('ReferralStepResult')
  @Allow(...RECEIVERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ask for a komplettering, record the decision, return the referral, or record the admission',
    description:
      "`step` is komplettering, decide, return, admit or decline-admission; the body is the step's payload (the process `aktualisering`). An admission starts the placement in the sender's case.",
  })
  async step(
    @Param('referralNumber') referralNumber: string,
    @Param('step') step: string,
    @Body() body: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
  ) {
    if (!(step in STEPS))
      throw new ResourceNotFoundError('Referral step', { step, steps: Object.keys(STEPS) });
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new InvalidRequestError([
        { field: 'body', rule: 'object', message: 'the body must be a JSON object' },
      ]);
    const found = await this.find(numberOf(referralNumber), actor);
    const command = {
      type: 'SendProcessEvent' as const,
      caseId: found.caseId,
      instanceId: found.instanceId,
      event: STEPS[step as StepName],
      payload: body,
    };
    // The receiving unit never sees the case's revision: an If-Match from it could only be a guess.
    const { expectedRevision: _ignored, ...headers } = write;
    const result = await this.commands.execute(
      caseCommandOf(command, actor, headers, this.clock.now().toISOString()),
    );
    return { referralNumber: found.referral.referralNumber, events: result.events };
  }

  @Get('referrals/sent')
  @Answers('SentReferralPage')
  @Allow(...EVERY_ROLE)
  @Discloses('referrals-sent')
  @ApiOperation({
    summary: 'My own referrals, the newest first, with the decisions on them',
    description:
      'The motivation and the thread are opened for the cases the reader may see; the reading is logged.',
  })
  async sent(@Query() query: PageDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new SentReferralsQuery(actor.id, pageOf(query)));
  }

  private async find(referralNumber: string, actor: Actor): Promise<ReceivedReferralRef> {
    const found = await this.queries.execute(
      new ReceivedReferralQuery(referralNumber, this.keptSince(actor)),
    );
    if (!found) throw new ResourceNotFoundError('Referral', { referralNumber });
    return found;
  }

  /** The reader's receiving units, each with when its retention began: what ended before is no longer theirs to read. */
  private keptSince(actor: Actor): KeptSince {
    const now = this.clock.now().toISOString();
    return Object.fromEntries(
      unitsWhere(actor, RECEIVERS).map((unit) => [
        unit,
        subtractIsoDuration(now, this.config.receivingUnits[unit]?.keptFor ?? DEFAULT_KEPT_FOR),
      ]),
    );
  }

  /** With the steps the reader may take now, in a lane they hold in the receiving unit. */
  private shown(item: ReceivedReferral, actor: Actor) {
    const roles = rolesIn(actor, item.receivingUnit);
    return { ...item, actions: partnerActions(this.registry, REFERRAL_PROCESS, item.phase, roles, STEPS) };
  }
}
