import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { HEADER_ID_RULE, isHeaderId, newId } from '@app/common';
import { currentTraceId } from '../telemetry/tracing';
import { InvalidRequestError } from './request-errors';

/** What a write request says about retries and concurrency, from its headers. */
export interface WriteHeaders {
  /** The Idempotency-Key, or a fresh id when the client sent none (then a retry is a new command). */
  readonly commandId: string;
  readonly keyGiven: boolean;
  /** From If-Match: the case revision the client last saw. */
  readonly expectedRevision?: number;
  readonly correlationId: string;
}

const REVISION = /^(?:W\/)?"?(\d{1,15})"?$/;

export function parseWriteHeaders(headers: Record<string, unknown>): WriteHeaders {
  const key = headers['idempotency-key'];
  const ifMatch = headers['if-match'];
  const correlation = headers['x-correlation-id'];
  const violations = [];
  if (key !== undefined && !isHeaderId(key)) {
    violations.push({ field: 'Idempotency-Key', rule: 'headerId', message: HEADER_ID_RULE });
  }
  const revision = typeof ifMatch === 'string' ? REVISION.exec(ifMatch.trim()) : null;
  if (ifMatch !== undefined && !revision) {
    violations.push({
      field: 'If-Match',
      rule: 'revision',
      message: 'must be the case revision from the ETag, e.g. "4"',
    });
  }
  if (correlation !== undefined && !isHeaderId(correlation)) {
    violations.push({ field: 'X-Correlation-Id', rule: 'headerId', message: HEADER_ID_RULE });
  }
  if (violations.length > 0) throw new InvalidRequestError(violations);
  return {
    commandId: (key as string | undefined) ?? newId(),
    keyGiven: key !== undefined,
    ...(revision ? { expectedRevision: Number(revision[1]) } : {}),
    correlationId: (correlation as string | undefined) ?? currentTraceId() ?? newId(),
  };
}

export const Write = createParamDecorator((_: unknown, context: ExecutionContext) =>
  parseWriteHeaders(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers),
);

const WRITE_HEADERS = [
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key, same response; nothing twice.',
  }),
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The case revision you saw (ETag); 409 if stale.',
  }),
];
export const WriteHeadersDoc = (): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of WRITE_HEADERS) decorate(target, key, descriptor);
};
