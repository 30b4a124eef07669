import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { INestApplication } from '@nestjs/common';

/** Generous for a step's payload (the store refuses events over 256 KiB anyway), small enough to refuse floods. */
const BODY_LIMIT = '512kb';
/** No step nests deeper than a handful of levels; validation recurses per level, so depth is bounded here. */
export const MAX_BODY_DEPTH = 32;
/** Keys that mean something to JavaScript objects themselves; no field of ours is named so. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _request, response, next) => {
  if (error.type === 'entity.parse.failed') {
    response
      .status(400)
      .json({ code: 'REQUEST.MALFORMED_JSON', message: 'The request body is not valid JSON', details: {} });
  } else if (error.type === 'entity.too.large') {
    response.status(413).json({
      code: 'REQUEST.TOO_LARGE',
      message: `The request body is over ${BODY_LIMIT}`,
      details: { limit: BODY_LIMIT },
    });
  } else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
    response
      .status(415)
      .json({ code: 'REQUEST.UNSUPPORTED_ENCODING', message: 'Send JSON as UTF-8', details: {} });
  } else {
    next(error);
  }
};

/** The first rule the parsed body breaks, found without recursion (the body may be nested thousands deep). */
function shapeViolation(body: unknown): { rule: string; message: string } | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) {
      return { rule: 'maxDepth', message: `The body nests deeper than ${MAX_BODY_DEPTH} levels` };
    }
    for (const [key, child] of Object.entries(value)) {
      if (RESERVED_KEYS.has(key)) {
        return { rule: 'reservedKey', message: `The body may not have a field named "${key}"` };
      }
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

const boundedShape: RequestHandler = (request, response, next) => {
  const violation = shapeViolation(request.body);
  if (!violation) return next();
  response.status(400).json({
    code: 'REQUEST.INVALID',
    message: violation.message,
    details: { violations: [{ field: 'body', ...violation }] },
  });
};

/**
 * JSON bodies parsed here rather than by Nest, so a malformed, oversized,
 * too deeply nested or prototype-shaped body gets the API's error shape with
 * its own code, before any validation runs.
 */
export function useJsonBodies(app: INestApplication): void {
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(bodyErrors);
  app.use(boundedShape);
}
