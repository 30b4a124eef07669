import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { EVENT_STORE, verifyChains, type EventStore } from '@app/event-store';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionRunner } from '@app/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeadlineWorker } from '../escalation/deadline-worker';
import { Allow, SUPERVISORS } from '../identity/actor';

/** Operations: read-model status and rebuild, and running the deadline worker now. */
@ApiTags('admin')
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly worker: DeadlineWorker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('audit/verify')
  @Allow(...SUPERVISORS)
  @ApiOperation({
    summary: "Walk every stream's hash chain; report the first event that was altered, removed or added",
  })
  verifyAudit() {
    return verifyChains(this.store);
  }

  @Get('projections')
  @Allow(...SUPERVISORS)
  @ApiOperation({ summary: 'Read-model status: position, events applied, lag, rebuild progress' })
  async projections() {
    return { ...this.runner.status(), lag: await this.runner.lag(this.config.projectionMaxLag) };
  }

  @Post('projections/rebuild')
  @Allow('bitradande_enhetschef')
  @HttpCode(202)
  @ApiOperation({ summary: 'Drop every read model and rebuild it from the log; follow progress on GET' })
  async rebuild() {
    const { done } = await this.runner.rebuild();
    done.catch(() => undefined);
    return this.runner.status();
  }

  @Post('deadlines/run')
  @Allow('bitradande_enhetschef')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fire every deadline that is due now (the worker also runs on its interval)' })
  runDeadlines() {
    return this.worker.runOnce();
  }
}
