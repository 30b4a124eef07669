import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { ProcessRegistry } from '@app/engine';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { createProcessRegistry } from '@app/processes';
import { ProjectionsModule, type ProjectionsModuleOptions } from '../projections.module';

/**
 * The read models following `store`, started as the app starts them,
 * without the app around them; on the toolbox's processes unless given others.
 */
export async function startReadModels(
  store: EventStore,
  options: ProjectionsModuleOptions,
  registry: ProcessRegistry = createProcessRegistry(),
): Promise<TestingModule> {
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: store },
      { provide: ProcessRegistry, useValue: registry },
    ],
    exports: [EVENT_STORE, ProcessRegistry],
  })
  class Log {}
  const module = await Test.createTestingModule({
    imports: [
      { module: Log, global: true },
      CqrsModule.forRoot({ rethrowUnhandled: true }),
      ProjectionsModule.forRoot(options),
    ],
  }).compile();
  await module.init();
  return module;
}
