import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds, from a few milliseconds (a read) to ten seconds (a stalled store). */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Everything the service counts, in one registry of its own per app (tests
 * start several apps in one process; the global registry would refuse the
 * second). Labels are route patterns, codes and kinds, never ids or data.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'arende_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'arende_commands_total',
    help: 'Case commands, accepted or refused, by command type and refusal code',
    labelNames: ['command', 'outcome', 'code'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'arende_event_store_append_duration_seconds',
    help: 'Appends to the event store, by store and outcome',
    labelNames: ['store', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionBatch = new Histogram({
    name: 'arende_projection_batch_duration_seconds',
    help: 'Time to apply one batch of events to every read model, checkpoint included',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionEvents = new Counter({
    name: 'arende_projection_events_applied_total',
    help: 'Events applied to the read models',
    registers: [this.registry],
  });

  readonly deadlineRuns = new Counter({
    name: 'arende_deadline_worker_runs_total',
    help: 'Runs of the deadline worker',
    registers: [this.registry],
  });

  readonly deadlines = new Counter({
    name: 'arende_deadlines_total',
    help: 'Due deadlines the worker handled, by outcome (fired, skipped, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly liveConnections = new Gauge({
    name: 'arende_live_connections',
    help: 'Open live-update (server-sent events) connections',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'arende_' });
  }

  /** Asked at every scrape, so the lag is as of the scrape, not of the last event. */
  measureProjectionLag(projectionLag: () => Promise<number>): void {
    new Gauge({
      name: 'arende_projection_lag_events',
      help: 'Events in the log the read models have not applied yet (at most 100,000 counted)',
      registers: [this.registry],
      async collect() {
        this.set(await projectionLag());
      },
    });
  }
}
