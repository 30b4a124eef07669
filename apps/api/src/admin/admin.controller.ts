import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { caseStream } from '@app/engine';
import { EVENT_STORE, verifyChains, verifyStreams, type EventStore } from '@app/event-store';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { holdsAny, unitsWhere, CasesOfUnitsQuery } from '@app/access';
import { ProjectionRunner } from '@app/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeadlineWorker } from '../escalation/deadline-worker';
import { MailOutbox } from '../mail/mail-outbox';
import { MailDeliveriesQuery } from '@app/projections';
import { Allow, CurrentActor, OPERATORS, SUPERVISORS, type Actor } from '../identity/actor';
import { Answers } from '../http/response-schemas';

/** Operations, for the operator (IT): read-model status and rebuild, the deadline worker now, the hash chains. */
@ApiTags('admin')
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly worker: DeadlineWorker,
    private readonly outbox: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
  ) {}

  /**
   * An operator checks the whole store, access streams included; a
   * supervisor or auditor checks only their own units' case streams, and the
   * answer names and counts nothing outside them.
   */
  @Get('audit/verify')
  @Allow(...SUPERVISORS, ...OPERATORS)
  @ApiOperation({
    summary:
      'Walk the hash chains (operator: the whole store; supervisor: their units’ cases); report the first event altered, removed or added',
  })
  async verifyAudit(@CurrentActor() actor: Actor) {
    if (holdsAny(actor, OPERATORS)) return { scope: 'store', ...(await verifyChains(this.store)) };
    const units = unitsWhere(actor, SUPERVISORS);
    const caseIds = await this.queries.execute(new CasesOfUnitsQuery(units));
    return { scope: 'units', units, ...(await verifyStreams(this.store, caseIds.map(caseStream))) };
  }

  @Get('projections')
  @Allow(...SUPERVISORS, ...OPERATORS)
  @ApiOperation({ summary: 'Read-model status: position, events applied, lag, rebuild progress' })
  async projections() {
    return { ...this.runner.status(), lag: await this.runner.lag(this.config.projectionMaxLag) };
  }

  @Post('projections/rebuild')
  @Allow(...OPERATORS)
  @HttpCode(202)
  @ApiOperation({ summary: 'Drop every read model and rebuild it from the log; follow progress on GET' })
  async rebuild() {
    const { done } = await this.runner.rebuild();
    done.catch(() => undefined);
    return this.runner.status();
  }

  @Post('mail/run')
  @Answers('MailReport')
  @Allow(...OPERATORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send what the outbox holds now: each message once, failures tried again later' })
  runMail() {
    return this.outbox.runOnce();
  }

  @Get('mail')
  @Answers('MailDeliveries')
  @Allow(...OPERATORS)
  @ApiOperation({
    summary: 'The latest e-mail deliveries: kind, subject, link and status; no address and nothing of a case',
  })
  async mail() {
    return {
      items: await this.queries.execute(new MailDeliveriesQuery(100)),
      transport: this.config.mail.transport,
    };
  }

  @Post('deadlines/run')
  @Allow(...OPERATORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Fire every deadline that is due now (the worker also runs on its interval)' })
  runDeadlines() {
    return this.worker.runOnce();
  }
}
