import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '@app/common';
import type { EventStore, RecordedEvent } from './event-store.port';

/** The metadata key holding an event's link in its stream's chain. */
export const CHAIN_HASH = 'chainHash';

/**
 * JSON with sorted keys, so a hash does not depend on how a store orders an
 * object's keys; undefined goes where JSON puts it (dropped, or null in arrays).
 */
function canonical(value: JsonValue | undefined): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Where a chain starts: bound to the stream's name, so a stream's events cannot be moved to another. */
export const chainStart = (streamName: string) =>
  createHash('sha256').update(`genesis:${streamName}`).digest('hex');

export interface ChainLink {
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  /** Without the chain hash itself. */
  readonly metadata: JsonObject;
}

/**
 * sha256 over the previous event's hash and everything stored of this one
 * (stream, revision, id, type, data, metadata). Editing, removing,
 * reordering or inserting an event breaks every link after it.
 */
export function chainHash(previous: string, link: ChainLink): string {
  return createHash('sha256')
    .update(previous)
    .update('\n')
    .update(canonical([link.streamName, link.revision, link.id, link.type, link.data, link.metadata]))
    .digest('hex');
}

/** Stamps events about to be appended after `previous` (the stream's last hash, or its start). */
export function chainEvents<E extends { id: string; type: string; data: JsonObject; metadata?: JsonObject }>(
  streamName: string,
  firstRevision: number,
  previous: string,
  events: readonly E[],
): { events: E[]; lastHash: string } {
  let hash = previous;
  const chained = events.map((event, index) => {
    const metadata = event.metadata ?? {};
    hash = chainHash(hash, {
      streamName,
      revision: firstRevision + index,
      id: event.id,
      type: event.type,
      data: event.data,
      metadata,
    });
    return { ...event, metadata: { ...metadata, [CHAIN_HASH]: hash } };
  });
  return { events: chained, lastHash: hash };
}

export interface ChainBreak {
  readonly streamName: string;
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly reason: 'missingHash' | 'hashMismatch' | 'revisionGap';
}

export interface ChainReport {
  readonly ok: boolean;
  readonly events: number;
  readonly streams: number;
  /** The first break in log order; everything after it in that stream is unproven. */
  readonly firstBreak?: ChainBreak;
  readonly checkedThrough?: string;
}

function linkOf(event: RecordedEvent): { hash: unknown; link: ChainLink } {
  const { [CHAIN_HASH]: hash, ...metadata } = event.metadata;
  return {
    hash,
    link: {
      streamName: event.streamName,
      revision: event.revision,
      id: event.id,
      type: event.type,
      data: event.data,
      metadata,
    },
  };
}

type Tail = { readonly revision: number; readonly hash: string };

/** Why `event` does not follow `previous` in its stream's chain, if it does not. */
function breakAfter(previous: Tail, event: RecordedEvent): ChainBreak | undefined {
  const { hash, link } = linkOf(event);
  const reason =
    event.revision !== previous.revision + 1
      ? 'revisionGap'
      : typeof hash !== 'string'
        ? 'missingHash'
        : hash !== chainHash(previous.hash, link)
          ? 'hashMismatch'
          : undefined;
  if (!reason) return undefined;
  return {
    streamName: event.streamName,
    revision: event.revision,
    position: String(event.position),
    eventId: event.id,
    reason,
  };
}

const tailOf = (event: RecordedEvent): Tail => ({
  revision: event.revision,
  hash: String(event.metadata[CHAIN_HASH]),
});

/** Walks the whole log once, keeping each stream's last hash, and stops at the first break. */
export async function verifyChains(
  store: EventStore,
  onProgress: (events: number) => void = () => undefined,
): Promise<ChainReport> {
  const last = new Map<string, Tail>();
  let events = 0;
  let position: bigint | undefined;
  for (;;) {
    let read = 0;
    for await (const event of store.readAll({
      ...(position !== undefined ? { after: position } : {}),
      maxCount: 1000,
    })) {
      read++;
      position = event.position;
      // EventStoreDB's own streams ($-prefixed) are not ours to chain.
      if (event.streamName.startsWith('$')) continue;
      events++;
      const previous = last.get(event.streamName) ?? { revision: -1, hash: chainStart(event.streamName) };
      const firstBreak = breakAfter(previous, event);
      if (firstBreak) return { ok: false, events, streams: last.size, firstBreak };
      last.set(event.streamName, tailOf(event));
    }
    onProgress(events);
    if (read < 1000) break;
  }
  return {
    ok: true,
    events,
    streams: last.size,
    ...(position !== undefined ? { checkedThrough: String(position) } : {}),
  };
}

/**
 * Checks only the named streams, each read on its own: for a supervisor,
 * whose check must neither reach nor mention other units' streams. Stops at
 * the first break, in the order given.
 */
export async function verifyStreams(store: EventStore, streamNames: readonly string[]): Promise<ChainReport> {
  let events = 0;
  let streams = 0;
  for (const streamName of streamNames) {
    let previous: Tail = { revision: -1, hash: chainStart(streamName) };
    for await (const event of store.readStream(streamName)) {
      events++;
      const firstBreak = breakAfter(previous, event);
      if (firstBreak) return { ok: false, events, streams, firstBreak };
      previous = tailOf(event);
    }
    if (previous.revision >= 0) streams++;
  }
  return { ok: true, events, streams };
}
