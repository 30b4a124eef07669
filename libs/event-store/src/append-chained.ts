import { chainEvents, chainStart } from './hash-chain';
import {
  NO_STREAM,
  type AppendResult,
  type CurrentRevision,
  type EventStore,
  type NewEvent,
} from './event-store.port';

/** Where a hash-chained stream ends: its revision and the hash of its last event. */
export interface ChainTail {
  readonly revision: CurrentRevision;
  /** Undefined for a stream with no events: the chain then starts from the stream's name. */
  readonly hash?: string;
}

/** Where a chained stream ends now, read from the store: a writer with no tail in hand starts here. */
export async function readChainTail(store: EventStore, streamName: string): Promise<ChainTail> {
  for await (const last of store.readStream(streamName, { direction: 'backwards', maxCount: 1 })) {
    return { revision: last.revision, hash: String(last.metadata.chainHash) };
  }
  return { revision: NO_STREAM };
}

/**
 * The one way events join a hash-chained stream (cases and the access log
 * alike): chained onto the tail the writer last saw, and appended only if
 * the stream still ends there. A `ConcurrencyError` means someone else
 * appended first; the writer reads the new tail and decides again.
 */
export async function appendChained(
  store: EventStore,
  streamName: string,
  tail: ChainTail,
  events: readonly NewEvent[],
): Promise<
  AppendResult & {
    readonly tail: { readonly revision: number; readonly hash: string };
    /** The events as appended, chain hashes in their metadata. */
    readonly appended: readonly NewEvent[];
  }
> {
  const { events: chained, lastHash } = chainEvents(
    streamName,
    tail.revision === NO_STREAM ? 0 : tail.revision + 1,
    tail.hash ?? chainStart(streamName),
    events,
  );
  const result = await store.appendToStream(streamName, chained, { expectedRevision: tail.revision });
  return { ...result, tail: { revision: result.nextExpectedRevision, hash: lastHash }, appended: chained };
}
