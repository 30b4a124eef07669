import { Injectable, type NestMiddleware } from '@nestjs/common';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '../metrics/metrics';
import { Tracing } from './tracing';

/** The route pattern, never the raw URL: paths and queries may carry ids and personal data. */
export const routeOf = (request: Request) =>
  request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';

/**
 * Every request: a span (joining the caller's trace from `traceparent`) when
 * tracing is on, and its latency in the metrics, labelled by route pattern.
 */
@Injectable()
export class RequestTelemetryMiddleware implements NestMiddleware {
  constructor(
    private readonly metrics: Metrics,
    private readonly tracing: Tracing,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    const parent = propagation.extract(context.active(), request.headers);
    const span = this.tracing.tracer?.startSpan(`${request.method}`, { kind: SpanKind.SERVER }, parent);
    response.on('finish', () => {
      const route = routeOf(request);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.httpDuration.observe(
        { method: request.method, route, status: response.statusCode },
        seconds,
      );
      if (!span) return;
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({
        'http.request.method': request.method,
        'http.route': route,
        'http.response.status_code': response.statusCode,
      });
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    if (!span) return next();
    context.with(trace.setSpan(parent, span), next);
  }
}
