import { randomUUID } from 'node:crypto';
import {
  Injectable,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { HEADER_ID } from '../http/write-headers';
import { ACTOR, type Actor } from '../identity/actor';
import { AccessLog } from './access-log';

const VIEW = 'accessLogView';

/** Case ids shown in an answer: a case, a history, or the items of a page. */
function caseIdsIn(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as { caseId?: unknown; items?: unknown };
  const rows: unknown[] = Array.isArray(body)
    ? body
    : [record, ...(Array.isArray(record.items) ? record.items : [])];
  return [
    ...new Set(
      rows
        .map((row) => (row as { caseId?: unknown }).caseId)
        .filter((id): id is string => typeof id === 'string'),
    ),
  ];
}

/**
 * Records who saw which cases before the answer leaves: a view whose access
 * cannot be logged is not shown (the request fails instead).
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const view = this.reflector.get<string>(VIEW, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<
      { headers: Record<string, unknown>; params: Record<string, string> } & Record<symbol, Actor>
    >();
    const given = request.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && HEADER_ID.test(given) ? given : randomUUID();
    http.getResponse<Response>().setHeader('X-Correlation-Id', correlationId);
    return from(
      (async () => {
        const body = await lastValueFrom(next.handle());
        const caseIds = caseIdsIn(body);
        const subject = request.params.userId ? { userId: request.params.userId } : undefined;
        if (caseIds.length > 0 || subject) {
          await this.log.record({
            principal: request[ACTOR],
            view,
            caseIds,
            correlationId,
            ...(subject ? { subject } : {}),
          });
        }
        return body;
      })(),
    );
  }
}

/** Marks a route that shows case data; every answer it gives is recorded in the access log. */
export const LogsAccess = (view: string) =>
  applyDecorators(SetMetadata(VIEW, view), UseInterceptors(AccessLogInterceptor));
