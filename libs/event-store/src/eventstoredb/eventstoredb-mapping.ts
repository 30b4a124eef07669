import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';

type VendorEvent = NonNullable<ResolvedEvent['event'] | AllStreamResolvedEvent['event']>;

/**
 * Revisions are 0-based in both the port and EventStoreDB, so they map one to
 * one (as numbers here, bigints there). A global position is the commit
 * position; every event appended through this adapter is its own commit, so
 * commit = prepare and `{ commit: p, prepare: p }` addresses it exactly.
 */
export function toPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function isSystemEvent(event: VendorEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecorded(event: VendorEvent): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: event.position?.commit ?? -1n,
    data: event.data as RecordedEvent['data'],
    metadata: (event.metadata ?? {}) as RecordedEvent['metadata'],
    recordedAt: event.created,
  };
}
