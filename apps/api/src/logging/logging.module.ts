import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { Request } from 'express';
import { isHeaderId, newId } from '@app/common';
import type { AppConfig } from '../config/app-config';
import { currentTraceId } from '../telemetry/tracing';
import { routeOf } from '../telemetry/request-telemetry.middleware';

/** Nest's level names, as LOG_LEVEL takes them, to pino's. */
const PINO_LEVEL: Readonly<Record<string, string>> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * JSON lines with pino. A request line names method, route pattern, status
 * and time, never the URL, query, headers or body, and tokens are redacted
 * should anything add them. A request that went well is logged at debug, so
 * a quiet day at the default level is quiet; a refused one at info, a
 * failure at error. Every line carries the request id and, with tracing
 * on, the trace id. Lines go through process.stdout (not pino's own fast
 * writer) so that they stay in order with everything else the app prints.
 * nestjs-pino keeps one logger per process; `createApp` sets its level.
 */
export const pinoLevel = (config: AppConfig) => PINO_LEVEL[config.logLevels.at(-1) ?? 'log'];

export function loggingFor(config: AppConfig): DynamicModule {
  const level = pinoLevel(config);
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level,
        base: undefined,
        messageKey: 'message',
        redact: {
          paths: ['req.headers.authorization', 'req.headers.cookie', '*.accessToken', '*.token'],
          remove: true,
        },
        mixin: () => {
          const traceId = currentTraceId();
          return traceId ? { traceId } : {};
        },
        genReqId: (request: IncomingMessage, response: ServerResponse) => {
          const given = request.headers['x-request-id'];
          const id = isHeaderId(given) ? given : newId();
          response.setHeader('X-Request-Id', id);
          return id;
        },
        customLogLevel: (_request, response, error) =>
          error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'info' : 'debug',
        customSuccessMessage: () => 'request',
        customErrorMessage: () => 'request failed',
        // Only when the response is done does the request know its route.
        customSuccessObject: (request, _response, line) => ({ ...line, route: routeOf(request as Request) }),
        customErrorObject: (request, _response, _error, line) => ({
          ...line,
          route: routeOf(request as Request),
        }),
        serializers: {
          req: (request: { id: string; method: string }) => ({ id: request.id, method: request.method }),
          res: (response: { statusCode: number }) => ({ status: response.statusCode }),
          err: (error: Error) => ({ type: error.name, message: error.message }),
        },
      },
      process.stdout,
    ],
  });
}
