import { context, propagation, trace, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { AppConfig } from '../config/app-config';

let contextsTracked = false;

/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured. The
 * provider belongs to this app rather than the process (tests start several
 * apps in one process); the context manager and the W3C propagator are the
 * process's, set once, so spans follow async calls and join a caller's trace.
 */
export class Tracing {
  private readonly provider?: TracerProvider;
  readonly tracer?: Tracer;

  constructor(config: AppConfig['tracing']) {
    if (!config) return;
    if (!contextsTracked) {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
      contextsTracked = true;
    }
    const exporter = new OTLPTraceExporter({ url: `${config.endpoint}/v1/traces` });
    this.provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': config.serviceName }),
      spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: config.exportDelayMs })],
    });
    this.tracer = this.provider.getTracer('arendemotorn');
  }

  /** Sends what is still buffered before the app exits. */
  async onApplicationShutdown(): Promise<void> {
    await this.provider?.shutdown();
  }
}

/** The trace the current request belongs to, when one is recorded: it is the correlation id then. */
export function currentTraceId(): string | undefined {
  const span: Span | undefined = trace.getActiveSpan();
  const spanContext = span?.spanContext();
  return spanContext && spanContext.traceFlags !== 0 && !/^0+$/.test(spanContext.traceId)
    ? spanContext.traceId
    : undefined;
}
