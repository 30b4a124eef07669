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

/** A stream that was deleted or tombstoned behind the app's back: its events are gone, and nothing may continue it. */
export class StreamDeletedError extends AppError {
  readonly code = 'EVENT_STORE.STREAM_DELETED';

  constructor(readonly streamName: string) {
    super(`Stream '${streamName}' has been deleted in the event store; its history is gone`, { streamName });
  }
}

/** The store refuses this app's credentials: a configuration to fix, not a moment to wait out. */
export class EventStoreAccessDeniedError extends AppError {
  readonly code = 'EVENT_STORE.ACCESS_DENIED';

  constructor() {
    super('The event store refused the credentials in the connection string');
  }
}

/** The node asked is not the cluster's leader (an election is under way); the client reconnects to the new one. */
export class EventStoreNotLeaderError extends AppError {
  readonly code = 'EVENT_STORE.NOT_LEADER';

  constructor() {
    super('The event store is electing a leader; try again in a moment');
  }
}

export class EventStoreClosedError extends AppError {
  readonly code = 'EVENT_STORE.CLOSED';

  constructor() {
    super('The event store has been closed');
  }
}
