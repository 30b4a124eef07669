import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { CatalogueFactsQuery } from '@app/projections';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CaseEngine, ProcessRegistry, unitSettingsFrom, type KeyStore } from '@app/engine';
import { createProcessRegistry } from '@app/processes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { KEY_STORE } from '../crypto/key-store.token';
import { masterKeyFor, SqliteKeyStore } from '../crypto/sqlite-key-store';
import { CaseAccess, Clearances, StaffDirectory } from '@app/access';
import { ExecuteCaseCommandHandler, SystemCaseCommandHandler } from './case-command';
import { CaseAsOfHandler, GetCaseHandler, NextStepsHandler } from './case.queries';

/** The process registry and the engine over the configured store; bad deadline overrides stop start-up. */
@Global()
@Module({
  providers: [
    { provide: ProcessRegistry, useFactory: createProcessRegistry },
    {
      provide: KEY_STORE,
      useFactory: (config: AppConfig) =>
        new SqliteKeyStore(config.keysFilename, masterKeyFor(config.dataDir, config.dataKeyMaster)),
      inject: [APP_CONFIG],
    },
    {
      provide: CaseEngine,
      useFactory: (
        store: EventStore,
        registry: ProcessRegistry,
        config: AppConfig,
        keys: KeyStore,
        modules: ModuleRef,
      ) =>
        new CaseEngine(store, registry, {
          deadlineOverrides: config.deadlineOverrides,
          keys,
          unitSettings: unitSettingsFrom(config.samverkanCareUnits, config.receivingUnits),
          // The directory lives in the identity module, which is configured after the engine's.
          staff: (userId) => modules.get(StaffDirectory, { strict: false }).member(userId),
          catalogue: (insatsId, asking) =>
            modules.get(QueryBus, { strict: false }).execute(new CatalogueFactsQuery(insatsId, asking)),
        }),
      inject: [EVENT_STORE, ProcessRegistry, APP_CONFIG, KEY_STORE, ModuleRef],
    },
    CaseAccess,
    Clearances,
    ExecuteCaseCommandHandler,
    SystemCaseCommandHandler,
    GetCaseHandler,
    CaseAsOfHandler,
    NextStepsHandler,
  ],
  exports: [ProcessRegistry, CaseEngine, CaseAccess, Clearances, KEY_STORE],
})
export class EngineModule implements OnApplicationShutdown {
  constructor(@Inject(KEY_STORE) private readonly keys: SqliteKeyStore) {}

  onApplicationShutdown(): void {
    this.keys.close();
  }
}
