import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReadinessRegistry } from '../health/readiness.registry';
import { metered } from '../metrics/metered-event-store';
import { Metrics } from '../metrics/metrics';

export function openEventStore(config: AppConfig): EventStore {
  if (config.eventStore.kind === 'eventstoredb') {
    const { connectionString, streamPrefix } = config.eventStore;
    return new EventStoreDbEventStore(connectionString, streamPrefix ? { streamPrefix } : {});
  }
  mkdirSync(dirname(config.eventStore.filename), { recursive: true });
  return new SqliteEventStore({ filename: config.eventStore.filename });
}

@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      useFactory: (config: AppConfig, metrics: Metrics) =>
        metered(openEventStore(config), config.eventStore.kind, metrics),
      inject: [APP_CONFIG, Metrics],
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('eventStore', async () => {
      await store.headPosition();
      return {};
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
