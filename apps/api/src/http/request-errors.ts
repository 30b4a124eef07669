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
