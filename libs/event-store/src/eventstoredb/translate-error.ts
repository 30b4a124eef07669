import {
  MaxAppendSizeExceededError,
  NO_STREAM as ESDB_NO_STREAM,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppError } from '@app/common';
import { ConcurrencyError, EventStoreUnavailableError, InvalidEventStoreInputError } from '../errors';
import { NO_STREAM, type ExpectedRevision } from '../event-store.port';

/** Vendor errors stop here: callers only ever see the port's own error classes. */
export function translateError(error: unknown, streamName?: string, expected?: ExpectedRevision): Error {
  if (error instanceof AppError) return error;
  if (error instanceof WrongExpectedVersionError && streamName !== undefined && expected !== undefined) {
    const actual = error.actualVersion === ESDB_NO_STREAM ? NO_STREAM : Number(error.actualVersion);
    return new ConcurrencyError(streamName, expected, actual);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidEventStoreInputError(
      'events',
      `the server refused the batch as larger than ${error.maxAppendSize} bytes`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`EventStoreDB request failed: ${message}`);
}
