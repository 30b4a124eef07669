import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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

/** Idempotency keys and correlation ids: 8-128 letters, digits or . _ : - */
export const HEADER_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const REVISION = /^(?:W\/)?"?(\d{1,15})"?$/;

export function parseWriteHeaders(headers: Record<string, unknown>): WriteHeaders {
  const key = headers['idempotency-key'];
  const ifMatch = headers['if-match'];
  const correlation = headers['x-correlation-id'];
  const violations = [];
  if (key !== undefined && !(typeof key === 'string' && HEADER_ID.test(key))) {
    violations.push({
      field: 'Idempotency-Key',
      rule: 'pattern',
      message: 'must be 8-128 letters, digits or . _ : - (a UUID is a good choice)',
    });
  }
  const revision = typeof ifMatch === 'string' ? REVISION.exec(ifMatch.trim()) : null;
  if (ifMatch !== undefined && !revision) {
    violations.push({
      field: 'If-Match',
      rule: 'revision',
      message: 'must be the case revision from the ETag, e.g. "4"',
    });
  }
  if (correlation !== undefined && !(typeof correlation === 'string' && HEADER_ID.test(correlation))) {
    violations.push({
      field: 'X-Correlation-Id',
      rule: 'pattern',
      message: 'must be 8-128 letters, digits or . _ : -',
    });
  }
  if (violations.length > 0) throw new InvalidRequestError(violations);
  return {
    commandId: (key as string | undefined) ?? randomUUID(),
    keyGiven: key !== undefined,
    ...(revision ? { expectedRevision: Number(revision[1]) } : {}),
    correlationId: (correlation as string | undefined) ?? randomUUID(),
  };
}

export const Write = createParamDecorator((_: unknown, context: ExecutionContext) =>
  parseWriteHeaders(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers),
);
