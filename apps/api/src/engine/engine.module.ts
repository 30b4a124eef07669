import { Global, Inject, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CaseEngine, ProcessRegistry } from '@app/engine';
import { createProcessRegistry } from '@app/processes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CaseAccess } from '../access/case-access';
import { ExecuteCaseCommandHandler, FireDeadlineCommandHandler } from './case-command';
import { CaseAsOfHandler, GetCaseHandler, NextStepsHandler } from './case.queries';

/** The process registry and the engine over the configured store; bad deadline overrides stop start-up. */
@Global()
@Module({
  providers: [
    { provide: ProcessRegistry, useFactory: createProcessRegistry },
    {
      provide: CaseEngine,
      useFactory: (store: EventStore, registry: ProcessRegistry, config: AppConfig) =>
        new CaseEngine(store, registry, { deadlineOverrides: config.deadlineOverrides }),
      inject: [EVENT_STORE, ProcessRegistry, APP_CONFIG],
    },
    CaseAccess,
    ExecuteCaseCommandHandler,
    FireDeadlineCommandHandler,
    GetCaseHandler,
    CaseAsOfHandler,
    NextStepsHandler,
  ],
  exports: [ProcessRegistry, CaseEngine, CaseAccess],
})
export class EngineModule {
  constructor(@Inject(CaseEngine) readonly engine: CaseEngine) {}
}
