import express, { type ErrorRequestHandler } from 'express';
import type { INestApplication } from '@nestjs/common';

/** Generous for a step's payload (the store refuses events over 256 KiB anyway), small enough to refuse floods. */
const BODY_LIMIT = '512kb';

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

/**
 * JSON bodies parsed here rather than by Nest, so a malformed or oversized
 * body gets the API's error shape with its own code instead of a bare 400.
 */
export function useJsonBodies(app: INestApplication): void {
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(bodyErrors);
}
