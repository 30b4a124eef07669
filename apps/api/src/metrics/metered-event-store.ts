import type { AppendOptions, AppendResult, EventStore, NewEvent } from '@app/event-store';
import type { Metrics } from './metrics';

/** The configured store, with every append timed; everything else passes through untouched. */
export function metered(store: EventStore, kind: string, metrics: Metrics): EventStore {
  return {
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (...args) => store.subscribeToAll(...args),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    async appendToStream(
      streamName: string,
      events: readonly NewEvent[],
      options: AppendOptions,
    ): Promise<AppendResult> {
      const stop = metrics.appendDuration.startTimer({ store: kind });
      try {
        const result = await store.appendToStream(streamName, events, options);
        stop({ outcome: 'ok' });
        return result;
      } catch (error) {
        stop({ outcome: 'refused' });
        throw error;
      }
    },
  };
}
