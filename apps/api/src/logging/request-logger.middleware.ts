import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '../metrics/metrics';

/**
 * One structured line per request. It logs the matched route pattern, never
 * the raw URL, query or body: those may carry personal data.
 */
@Injectable()
export class RequestLoggerMiddleware implements NestMiddleware {
  private readonly logger = new Logger('http');

  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.httpDuration.observe(
        { method: request.method, route, status: response.statusCode },
        seconds,
      );
      this.logger.log({
        method: request.method,
        route,
        status: response.statusCode,
        durationMs: seconds * 1000,
      });
    });
    next();
  }
}
