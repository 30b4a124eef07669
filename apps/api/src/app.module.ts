import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionsModule } from '@app/projections';
import { AccessLog } from '@app/access';
import { AccessLogController } from './access/access-log.controller';
import { AdminController } from './admin/admin.controller';
import { ProjectionsReadiness } from './admin/projections-readiness';
import { CasesController } from './cases/cases.controller';
import { TasksController } from './cases/tasks.controller';
import { CLOCK, systemClock, type Clock } from '@app/common';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DisclosureInterceptor } from './access/discloses';
import { EngineModule } from './engine/engine.module';
import { InsatserController } from './insatser/insatser.controller';
import { InsatsStatisticsController } from './insatser/insats-statistics.controller';
import { PartnerPlacementsController } from './insatser/partner-placements.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { CaseSearch } from './cases/case-search';
import { CaseWrites } from './cases/case-writes';
import { CaseHistoryReader } from './cases/case-history-reader';
import { CaseNotesController } from './cases/case-notes.controller';
import { CaseLifecycleController } from './cases/case-lifecycle.controller';
import { BillingController } from './insatser/billing.controller';
import { CatalogueService } from '@app/insatser';
import { DeadlineWorker } from './escalation/deadline-worker';
import { MailOutbox } from './mail/mail-outbox';
import { MAIL_TRANSPORTER, transporterFor } from './mail/mail-transport';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';
import { LiveController } from './live/live.controller';
import { MetricsModule, ProjectionMetrics } from './metrics/metrics.module';
import { AppExceptionFilter } from './http/app-exception.filter';
import { requestValidationPipe } from './http/validation';
import { AuthenticationGuard } from './identity/authentication.guard';
import { IdentityModule } from './identity/identity.module';
import { ThrottlerModule } from '@nestjs/throttler';
import { AddressLimits, PersonLimits, throttlers } from './http/rate-limits';
import { loggingFor } from './logging/logging.module';
import { RequestTelemetryMiddleware } from './telemetry/request-telemetry.middleware';
import { Tracing } from './telemetry/tracing';
import { ProcessesController } from './processes/processes.controller';
import { SupervisionController } from './supervision/supervision.controller';
import { WorkController } from './work/work.controller';

export interface AppOverrides {
  /** Tests move time with their own clock; production uses the system clock. */
  readonly clock?: Clock;
  /** The rebuild CLI starts the projection runner itself. */
  readonly autoStartProjections?: boolean;
}

@Module({})
export class AppModule implements NestModule {
  /** The config is loaded (and validated) before Nest starts, so a bad value never half-boots the app. */
  static forConfig(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        loggingFor(config),
        ThrottlerModule.forRoot({ throttlers: throttlers(config) }),
        HealthModule,
        MetricsModule,
        EventStoreModule,
        CqrsModule.forRoot({ rethrowUnhandled: true }),
        EngineModule,
        IdentityModule.forConfig(config),
        ProjectionsModule.forRoot({
          filename: config.readModelsFilename,
          autoStart: overrides.autoStartProjections ?? true,
        }),
      ],
      controllers: [
        CasesController,
        TasksController,
        ProcessesController,
        WorkController,
        SupervisionController,
        AdminController,
        AccessLogController,
        LiveController,
        InsatserController,
        InsatsStatisticsController,
        PartnerPlacementsController,
        ReferralsController,
        CaseNotesController,
        CaseLifecycleController,
        BillingController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Tracing, useFactory: () => new Tracing(config.tracing) },
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: APP_GUARD, useClass: AddressLimits },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: PersonLimits },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useFactory: requestValidationPipe },
        DeadlineWorker,
        { provide: MAIL_TRANSPORTER, useFactory: () => transporterFor(config.mail) ?? null },
        MailOutbox,
        CaseSearch,
        CaseWrites,
        CaseHistoryReader,
        CatalogueService,
        ProjectionMetrics,
        ProjectionsReadiness,
        AccessLog,
        DisclosureInterceptor,
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTelemetryMiddleware).forRoutes('*path');
  }
}
