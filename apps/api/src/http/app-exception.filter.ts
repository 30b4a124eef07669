import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '@app/common';
import { ConcurrencyError } from '@app/event-store';
import { TooManyRequestsError } from './request-errors';

/** The one place where error codes become HTTP statuses. Unknown codes are a bug, and answer 500. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'REQUEST.INVALID': 400,
  'PAYLOAD.INVALID': 400,
  'EVENT_STORE.INVALID_INPUT': 400,
  'STEP.UNKNOWN_EVENT': 400,
  'AUTH.UNAUTHENTICATED': 401,
  'STEP.WRONG_ROLE': 403,
  'ACCESS.DENIED': 403,
  'CASE.NOT_FOUND': 404,
  'PROCESS.NOT_FOUND': 404,
  'PROCESS_INSTANCE.NOT_FOUND': 404,
  'DEADLINE.NOT_FOUND': 404,
  'RESOURCE.NOT_FOUND': 404,
  'EVENT_STORE.CONCURRENCY': 409,
  'INSATS.VERSION_CONFLICT': 409,
  'STEP.NOT_ALLOWED': 409,
  'CASE.ALREADY_EXISTS': 409,
  'PROCESS_INSTANCE.ALREADY_EXISTS': 409,
  'DEADLINE.NOT_DUE': 409,
  'CASE.ERASED': 410,
  'RULE.FAILED': 422,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'REQUEST.RATE_LIMITED': 429,
  'AUTH.PROVIDER_UNAVAILABLE': 503,
  'EVENT_STORE.UNAVAILABLE': 503,
  'EVENT_STORE.ACCESS_DENIED': 503,
  'EVENT_STORE.NOT_LEADER': 503,
  'EVENT_STORE.STREAM_DELETED': 410,
  'EVENT_STORE.CLOSED': 503,
};

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Middleware errors (an aborted request, say) carry a 4xx status but are not HttpExceptions. */
function middlewareStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toHttp(error);
    if (error instanceof ConcurrencyError && typeof error.actualRevision === 'number') {
      response.setHeader('ETag', `"${error.actualRevision}"`);
    }
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', error.retryAfterSeconds);
    response.status(status).json(body);
  }

  private toHttp(error: unknown): [number, ErrorBody] {
    if (error instanceof AppError) {
      const status = STATUS_BY_CODE[error.code];
      if (status !== undefined) {
        const details =
          error instanceof ConcurrencyError
            ? { ...error.details, currentRevision: error.actualRevision }
            : error.details;
        return [status, { code: error.code, message: error.message, details }];
      }
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return [status, { code: `HTTP.${status}`, message: error.message, details: {} }];
    }
    const status = middlewareStatus(error);
    if (status !== undefined) {
      return [status, { code: `HTTP.${status}`, message: (error as Error).message, details: {} }];
    }
    // Only the error's own text and stack: request bodies may hold personal data and are never logged.
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { code: 'INTERNAL', message: 'Något gick fel i Ärendemotorn; felet är loggat.', details: {} },
    ];
  }
}
