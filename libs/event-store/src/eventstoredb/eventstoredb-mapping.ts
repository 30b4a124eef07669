import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../errors';
import type { RecordedEvent } from '../event-store.port';

type VendorEvent = NonNullable<ResolvedEvent['event'] | AllStreamResolvedEvent['event']>;

/** What the server sends when it does not know an event's position (a read served without one). */
export const UNKNOWN_POSITION = 2n ** 64n - 1n;

export const knownPosition = (position: bigint) => position >= 0n && position !== UNKNOWN_POSITION;

/**
 * Revisions are 0-based in both the port and KurrentDB, so they map one to
 * one (as numbers here, bigints there). A global position is the commit
 * position; every event appended through this adapter is its own commit, so
 * commit = prepare and `{ commit: p, prepare: p }` addresses it exactly.
 */
export function toPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/**
 * Stream reads may come without a global position (the engine never needs
 * one there); reads of the whole log and subscriptions must have one, or a
 * checkpoint could point nowhere, so they refuse to go on without it.
 */
export function toRecorded(
  event: VendorEvent,
  { positionRequired = false, prefix = '' }: { positionRequired?: boolean; prefix?: string } = {},
): RecordedEvent {
  const position = event.position?.commit;
  if (positionRequired && (position === undefined || !knownPosition(position))) {
    throw new EventStoreUnavailableError(
      `the server sent ${event.streamId}@${event.revision} without a position in the log`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamId.startsWith(prefix) ? event.streamId.slice(prefix.length) : event.streamId,
    revision: Number(event.revision),
    position: position !== undefined && knownPosition(position) ? position : -1n,
    data: event.data as RecordedEvent['data'],
    metadata: (event.metadata ?? {}) as RecordedEvent['metadata'],
    recordedAt: event.created,
  };
}
