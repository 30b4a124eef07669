import { AppError } from '@app/common';

/** The case was erased (gallrad): its personal data is unreadable and it takes no more commands. */
export class CaseErasedError extends AppError {
  readonly code = 'CASE.ERASED';
  constructor(caseId: string) {
    super(`Case ${caseId} has been erased and takes no more commands`, { caseId });
  }
}

export class CaseNotFoundError extends AppError {
  readonly code = 'CASE.NOT_FOUND';
  constructor(caseId: string) {
    super(`Case ${caseId} does not exist`, { caseId });
  }
}

export class CaseAlreadyExistsError extends AppError {
  readonly code = 'CASE.ALREADY_EXISTS';
  constructor(caseId: string) {
    super(`Case ${caseId} already exists`, { caseId });
  }
}

export class InstanceNotFoundError extends AppError {
  readonly code = 'PROCESS_INSTANCE.NOT_FOUND';
  constructor(caseId: string, instanceId: string) {
    super(`Case ${caseId} has no process instance ${instanceId}`, { caseId, instanceId });
  }
}

export class InstanceAlreadyExistsError extends AppError {
  readonly code = 'PROCESS_INSTANCE.ALREADY_EXISTS';
  constructor(instanceId: string) {
    super(`Process instance ${instanceId} already exists`, { instanceId });
  }
}

export class UnknownEventError extends AppError {
  readonly code = 'STEP.UNKNOWN_EVENT';
  constructor(definitionId: string, event: string, known: string[]) {
    super(`${definitionId} has no event ${event}`, { definitionId, event, known });
  }
}

export class StepNotAllowedError extends AppError {
  readonly code = 'STEP.NOT_ALLOWED';
  constructor(event: string, state: unknown, allowed: string[]) {
    super(
      `${event} is not allowed now; allowed: ${allowed.join(', ') || 'nothing (the process has ended)'}`,
      {
        event,
        state,
        allowed,
      },
    );
  }
}

export class WrongRoleError extends AppError {
  readonly code = 'STEP.WRONG_ROLE';
  constructor(event: string, roles: readonly string[], lanes: readonly string[]) {
    super(`${event} is done by ${lanes.join(' or ')}; you act as ${roles.join(', ') || 'no role'} here`, {
      event,
      roles,
      lanes,
    });
  }
}

export interface FieldViolation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export class InvalidPayloadError extends AppError {
  readonly code = 'PAYLOAD.INVALID';
  constructor(readonly violations: FieldViolation[]) {
    super(violations.map((v) => `${v.field}: ${v.message}`).join('; '), { violations });
  }
}

export class BusinessRuleError extends AppError {
  readonly code = 'RULE.FAILED';
  constructor(readonly failed: { id: string; message: string; field?: string; warning?: true }[]) {
    super(failed.map((f) => f.message).join(' '), { failed });
  }
}

export class DeadlineNotFoundError extends AppError {
  readonly code = 'DEADLINE.NOT_FOUND';
  constructor(deadlineId: string) {
    super(`No open deadline ${deadlineId} (never scheduled, cancelled or already fired)`, { deadlineId });
  }
}

export class DeadlineNotDueError extends AppError {
  readonly code = 'DEADLINE.NOT_DUE';
  constructor(deadlineId: string, dueAt: string, now: string) {
    super(`Deadline ${deadlineId} is due at ${dueAt}, not yet at ${now}`, { deadlineId, dueAt, now });
  }
}

export class IdempotencyKeyReusedError extends AppError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor(commandId: string) {
    super(`Idempotency key ${commandId} was already used for a different request on this case`, {
      idempotencyKey: commandId,
    });
  }
}
