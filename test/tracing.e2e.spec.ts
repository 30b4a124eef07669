import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caseStream } from '@app/engine';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { as, startApp, tempDataDir, TestClock } from './app-harness';
import { SOCIAL_WORKER, UNIT } from './flows';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

/** An OTLP/HTTP collector of our own: what the app exports lands here, as JSON. */
function collector(): Promise<{ server: Server; url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, bodies }),
    ),
  );
}

describe('tracing with OpenTelemetry, when an OTLP endpoint is configured', () => {
  const data = tempDataDir();
  let otlp: Awaited<ReturnType<typeof collector>>;
  beforeAll(async () => {
    otlp = await collector();
  });
  afterAll(async () => {
    await new Promise((resolve) => otlp.server.close(resolve));
    data.remove();
  });

  it('given a request in a caller’s trace, then its span joins that trace, the events it stored carry the trace id, and so do the log lines', async () => {
    const lines: string[] = [];
    const app = await startApp(
      data.dir,
      { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, LOG_LEVEL: 'debug' },
      new TestClock(),
    );
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    });
    let caseId = '';
    try {
      const opened = await as(app, 'socialsekreterare', SOCIAL_WORKER)
        .post('/api/cases')
        .set('traceparent', `00-${TRACE_ID}-${CALLER_SPAN}-01`)
        .send({ reference: 'TR 6301', unit: UNIT, socialWorkerId: SOCIAL_WORKER })
        .expect(201);
      caseId = opened.body.caseId as string;
    } finally {
      spy.mockRestore();
    }
    for await (const event of app.get<EventStore>(EVENT_STORE).readStream(caseStream(caseId))) {
      expect(event.metadata.correlationId).toBe(TRACE_ID);
    }
    expect(
      lines.some((line) => line.includes(`"traceId":"${TRACE_ID}"`) && line.includes('"route":"/api/cases"')),
    ).toBe(true);
    await app.close();

    const spans = otlp.bodies.flatMap((body) =>
      (
        body as {
          resourceSpans: {
            scopeSpans: { spans: { traceId: string; parentSpanId: string; name: string }[] }[];
          }[];
        }
      ).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)),
    );
    expect(spans).toContainEqual(
      expect.objectContaining({ traceId: TRACE_ID, parentSpanId: CALLER_SPAN, name: 'POST /api/cases' }),
    );
  });

  it('given no endpoint, then no spans are made and correlation ids are the server’s own', async () => {
    const app = await startApp(data.dir, {}, new TestClock());
    const opened = await as(app, 'socialsekreterare', SOCIAL_WORKER)
      .post('/api/cases')
      .set('traceparent', `00-${TRACE_ID}-${CALLER_SPAN}-01`)
      .send({ reference: 'TR 6302', unit: UNIT, socialWorkerId: SOCIAL_WORKER })
      .expect(201);
    for await (const event of app.get<EventStore>(EVENT_STORE).readStream(caseStream(opened.body.caseId))) {
      expect(event.metadata.correlationId).not.toBe(TRACE_ID);
    }
    await app.close();
  });
});
