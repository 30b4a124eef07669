import {
  Inject,
  Injectable,
  Logger,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { isHeaderId, newId } from '@app/common';
import {
  personalValuesIn,
  replacePersonalValues,
  sealedCaseId,
  unseal,
  WITHHELD,
  type KeyStore,
  type PersonalValue,
} from '@app/engine';
import { scopeOf, Clearances, VisibleCaseIdsQuery, AccessLog } from '@app/access';
import { KEY_STORE } from '../crypto/key-store.token';
import { currentTraceId } from '../telemetry/tracing';
import { ACTOR, type Actor } from '../identity/actor';

const VIEW = 'disclosedView';

/** Case ids shown in an answer: a case, a history, or the items of a page. */
function caseIdsIn(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as { caseId?: unknown; items?: unknown };
  const rows: unknown[] = Array.isArray(body)
    ? body
    : [record, ...(Array.isArray(record.items) ? record.items : [])];
  return rows
    .map((row) => (row as { caseId?: unknown }).caseId)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * The one place case data leaves the API. Before the answer goes out it
 * records who saw which cases (a view whose access cannot be logged is not
 * shown), then opens the personal values the answer's builder marked, only
 * for cases cleared for this caller in this request: on the log's fold by
 * `CaseAccess`, or else now, in the visibility read model. A sealed value
 * of any other case, or one that names another case than its field's,
 * stays withheld. Nothing else in an answer is ever decrypted.
 */
@Injectable()
export class DisclosureInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Disclosure');

  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLog,
    private readonly clearances: Clearances,
    private readonly queries: QueryBus,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const view = this.reflector.get<string>(VIEW, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<
      { headers: Record<string, unknown>; params: Record<string, string> } & Record<symbol, Actor>
    >();
    const given = request.headers['x-correlation-id'];
    const correlationId = isHeaderId(given) ? given : (currentTraceId() ?? newId());
    http.getResponse<Response>().setHeader('X-Correlation-Id', correlationId);
    return from(
      (async () => {
        const body = await lastValueFrom(next.handle());
        const principal = request[ACTOR];
        const values = personalValuesIn(body);
        const cleared = await this.cleared(principal, values);
        const caseIds = [...new Set([...caseIdsIn(body), ...cleared])];
        const subject = request.params.userId ? { userId: request.params.userId } : undefined;
        if (caseIds.length > 0 || subject) {
          await this.log.record({ principal, view, caseIds, correlationId, ...(subject ? { subject } : {}) });
        }
        return this.open(body, values, cleared);
      })(),
    );
  }

  private async cleared(principal: Actor, values: readonly PersonalValue[]): Promise<Set<string>> {
    const ids = new Set(values.map((value) => value.caseId));
    const unchecked = [...ids].filter((caseId) => !this.clearances.has(principal, caseId));
    const visible = unchecked.length
      ? await this.queries.execute(new VisibleCaseIdsQuery(unchecked, scopeOf(principal)))
      : [];
    const cleared = new Set([...ids].filter((caseId) => this.clearances.has(principal, caseId)));
    for (const caseId of visible) cleared.add(caseId);
    if (cleared.size < ids.size) {
      this.logger.warn(
        `withheld personal values of ${ids.size - cleared.size} case(s) not cleared for the reader`,
      );
    }
    return cleared;
  }

  private async open(body: unknown, values: readonly PersonalValue[], cleared: Set<string>) {
    if (values.length === 0) return body;
    const keys = new Map<string, Buffer | undefined>();
    for (const caseId of cleared) keys.set(caseId, await this.keys.findKey(caseId));
    return replacePersonalValues(body, ({ caseId, stored, part }) => {
      if (!cleared.has(caseId)) return WITHHELD;
      const sealedFor = sealedCaseId(stored);
      const opened =
        sealedFor === undefined
          ? stored
          : sealedFor === caseId
            ? unseal(keys.get(caseId), stored as string)
            : undefined;
      if (opened === undefined) return WITHHELD;
      return part ? part(opened) : opened;
    });
  }
}

/**
 * Marks a route that shows case data: every answer it gives is recorded in
 * the access log, and only its marked personal values are opened.
 */
export const Discloses = (view: string) =>
  applyDecorators(SetMetadata(VIEW, view), UseInterceptors(DisclosureInterceptor));
