import {
  AccessDeniedError,
  MaxAppendSizeExceededError,
  NO_STREAM as VENDOR_NO_STREAM,
  NotLeaderError,
  StreamDeletedError as VendorStreamDeletedError,
  StreamTombstonedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { AppError } from '@app/common';
import {
  ConcurrencyError,
  EventStoreAccessDeniedError,
  EventStoreNotLeaderError,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  StreamDeletedError,
} from '../errors';
import { NO_STREAM, type ExpectedRevision } from '../event-store.port';

/** Vendor errors stop here: callers only ever see the port's own error classes, each with its own meaning. */
export function translateError(error: unknown, streamName?: string, expected?: ExpectedRevision): Error {
  if (error instanceof AppError) return error;
  if (error instanceof WrongExpectedVersionError && streamName !== undefined && expected !== undefined) {
    const actual = error.actualState === VENDOR_NO_STREAM ? NO_STREAM : Number(error.actualState);
    return new ConcurrencyError(streamName, expected, actual);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidEventStoreInputError(
      'events',
      `the server refused the batch as larger than ${error.maxAppendSize} bytes`,
    );
  }
  if (error instanceof VendorStreamDeletedError || error instanceof StreamTombstonedError) {
    return new StreamDeletedError(streamName ?? 'unknown');
  }
  if (error instanceof AccessDeniedError) return new EventStoreAccessDeniedError();
  if (error instanceof NotLeaderError) return new EventStoreNotLeaderError();
  const message = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`EventStoreDB request failed: ${message}`);
}
