import { AppError } from '@app/common';
import type { FieldViolation } from '@app/engine';

/** A request the API refuses before any command runs: names each field (or header) and the rule. */
export class InvalidRequestError extends AppError {
  readonly code = 'REQUEST.INVALID';
  constructor(readonly violations: FieldViolation[]) {
    super(violations.map((v) => `${v.field}: ${v.message}`).join('; '), { violations });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'AUTH.UNAUTHENTICATED';
  constructor(reason: string) {
    super(reason);
  }
}

/** A read-model lookup that found nothing, e.g. the history of a case not (yet) projected. */
export class ResourceNotFoundError extends AppError {
  readonly code = 'RESOURCE.NOT_FOUND';
  constructor(what: string, details: Record<string, unknown>) {
    super(`${what} not found`, details);
  }
}

/** Signed in, but none of the caller's roles may use this endpoint. */
export class AccessDeniedError extends AppError {
  readonly code = 'ACCESS.DENIED';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, details);
  }
}

export class TooManyRequestsError extends AppError {
  readonly code = 'REQUEST.RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/** The identity provider could not be asked for its keys; the token may well be fine. */
export class IdentityProviderUnavailableError extends AppError {
  readonly code = 'AUTH.PROVIDER_UNAVAILABLE';
  constructor() {
    super('The identity provider cannot be reached to check the sign-in; try again shortly');
  }
}
