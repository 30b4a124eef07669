import { AppError } from '@app/common';
import type { CurrentRevision, ExpectedRevision } from './event-store.port';

export class ConcurrencyError extends AppError {
  readonly code = 'EVENT_STORE.CONCURRENCY';

  constructor(
    readonly streamName: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: CurrentRevision,
  ) {
    super(`Stream '${streamName}' is at revision ${actualRevision}, expected ${expectedRevision}`, {
      streamName,
      expectedRevision,
      actualRevision,
    });
  }
}

/** Input the store refuses before writing anything: names the field and the rule broken. */
export class InvalidEventStoreInputError extends AppError {
  readonly code = 'EVENT_STORE.INVALID_INPUT';

  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`, { field, rule });
  }
}

export class EventStoreUnavailableError extends AppError {
  readonly code = 'EVENT_STORE.UNAVAILABLE';

  constructor(message: string) {
    super(message);
  }
}

export class EventStoreClosedError extends AppError {
  readonly code = 'EVENT_STORE.CLOSED';

  constructor() {
    super('The event store has been closed');
  }
}
