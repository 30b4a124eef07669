import { findNonJson, isPlainObject, type JsonObject } from '@app/common';
import { InvalidEventStoreInputError } from './errors';
import {
  ANY,
  NO_STREAM,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
} from './event-store.port';

/**
 * Limits chosen to fit EventStoreDB's default maximum append size (1 MiB per
 * append request) with room for envelopes, so a batch accepted by one adapter
 * is accepted by the other. See docs/adr/0002-event-store-port.md.
 */
export const MAX_EVENT_BYTES = 256 * 1024;
export const MAX_BATCH_BYTES = 768 * 1024;

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9._:-]{0,199}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event that passed validation, with its JSON already serialised once. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly dataJson: string;
  readonly metadataJson: string;
}

export function assertStreamName(streamName: unknown): asserts streamName is string {
  if (typeof streamName !== 'string' || !STREAM_NAME.test(streamName)) {
    throw new InvalidEventStoreInputError(
      'streamName',
      'must be 1-200 characters of letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
    );
  }
}

function assertRevision(field: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidEventStoreInputError(field, 'must be a non-negative integer');
  }
}

export function assertExpectedRevision(value: unknown): asserts value is ExpectedRevision {
  if (value === NO_STREAM || value === ANY) return;
  if (typeof value !== 'number') {
    throw new InvalidEventStoreInputError(
      'expectedRevision',
      `must be '${NO_STREAM}', '${ANY}' or a non-negative integer`,
    );
  }
  assertRevision('expectedRevision', value);
}

function assertJsonObject(field: string, value: unknown): asserts value is JsonObject {
  if (!isPlainObject(value)) throw new InvalidEventStoreInputError(field, 'must be a plain JSON object');
  const bad = findNonJson(value);
  if (bad) {
    throw new InvalidEventStoreInputError(
      field,
      `must be JSON: ${bad.replace(/^\$/, field)} is not a JSON value (finite number, string, boolean, null, array or plain object)`,
    );
  }
}

export function prepareEvents(events: readonly NewEvent[]): PreparedEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventStoreInputError('events', 'must be a non-empty array');
  }
  const ids = new Set<string>();
  let batchBytes = 0;
  const prepared = events.map((event: NewEvent, i): PreparedEvent => {
    const at = `events[${i}]`;
    if (!isPlainObject(event)) throw new InvalidEventStoreInputError(at, 'must be an object');
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidEventStoreInputError(`${at}.id`, 'must be a UUID');
    }
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw new InvalidEventStoreInputError(`${at}.id`, 'must be unique within the batch');
    ids.add(id);
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
      throw new InvalidEventStoreInputError(
        `${at}.type`,
        'must be 1-200 characters of letters, digits, ".", "_", ":" or "-", starting with a letter',
      );
    }
    const metadata = event.metadata ?? {};
    assertJsonObject(`${at}.data`, event.data);
    assertJsonObject(`${at}.metadata`, metadata);
    const dataJson = JSON.stringify(event.data);
    const metadataJson = JSON.stringify(metadata);
    const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
    if (bytes > MAX_EVENT_BYTES) {
      throw new InvalidEventStoreInputError(
        at,
        `data and metadata must together be at most ${MAX_EVENT_BYTES} bytes as JSON (was ${bytes})`,
      );
    }
    batchBytes += bytes;
    return { id, type: event.type, data: event.data, metadata, dataJson, metadataJson };
  });
  if (batchBytes > MAX_BATCH_BYTES) {
    throw new InvalidEventStoreInputError(
      'events',
      `a batch must be at most ${MAX_BATCH_BYTES} bytes of JSON (was ${batchBytes})`,
    );
  }
  return prepared;
}

export function assertReadStreamOptions(options: ReadStreamOptions): void {
  if (
    options.direction !== undefined &&
    options.direction !== 'forwards' &&
    options.direction !== 'backwards'
  ) {
    throw new InvalidEventStoreInputError('direction', "must be 'forwards' or 'backwards'");
  }
  if (options.fromRevision !== undefined) assertRevision('fromRevision', options.fromRevision);
  if (options.maxCount !== undefined) assertRevision('maxCount', options.maxCount);
}

export function assertReadAllOptions(options: ReadAllOptions): void {
  assertAfter(options.after);
  if (options.maxCount !== undefined) assertRevision('maxCount', options.maxCount);
}

function assertAfter(after: unknown): void {
  if (after !== undefined && (typeof after !== 'bigint' || after < 0n)) {
    throw new InvalidEventStoreInputError('after', 'must be a non-negative bigint position');
  }
}
