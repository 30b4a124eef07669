import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_STORE, NO_STREAM, type EventStore } from '@app/event-store';
import { collect, newEvent } from '@app/event-store/testing';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';
import { eventually, startApp, tempDataDir } from './app-harness';

describe('the api on the embedded store', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => data.remove());

  it('given a fresh data directory, when it starts, then it is live and ready', async () => {
    const app = await startApp(data.dir);
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'up' });
    // A fresh log holds one event, the store's identity, which the read models record with their checkpoint.
    const head = String(await app.get<EventStore>(EVENT_STORE).headPosition());
    const ready = await eventually(async () => {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body.checks.projections.position).toBe(head);
      return response;
    });
    expect(ready.body).toEqual({
      status: 'up',
      checks: {
        eventStore: { status: 'up' },
        projections: { status: 'up', position: head, eventsApplied: 1, lag: 0 },
      },
    });
    await app.close();
  });

  it('given the store cannot be reached, then ready answers 503 and names the store', async () => {
    const app = await startApp(data.dir);
    await app.get<EventStore>(EVENT_STORE).close();
    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.body).toMatchObject({ status: 'down', checks: { eventStore: { status: 'down' } } });
    expect(response.body.checks.eventStore.reason).toMatch(/closed/);
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await app.close();
  });

  it('given events were appended, when the app restarts on the same directory, then they are still there', async () => {
    const first = await startApp(data.dir);
    const event = newEvent('StoreChecked', { ref: 'man född -71' });
    await first
      .get<EventStore>(EVENT_STORE)
      .appendToStream('case-1', [event], { expectedRevision: NO_STREAM });
    await first.close();

    const second = await startApp(data.dir);
    const read = await collect(second.get<EventStore>(EVENT_STORE).readStream('case-1'));
    expect(read.map((e) => [e.id, e.data])).toEqual([[event.id, { ref: 'man född -71' }]]);
    await second.close();
  });

  const requestLines = async (level: string, urls: string[]) => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    });
    try {
      const app = await createApp(loadConfig({ DATA_DIR: data.dir, LOG_LEVEL: level }));
      await app.init();
      for (const url of urls) await request(app.getHttpServer()).get(url).set('X-Request-Id', 'req-00000001');
      await app.close();
    } finally {
      spy.mockRestore();
    }
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    return {
      text: lines.join(''),
      requests: entries.filter((entry) => entry.message === 'request' || entry.message === 'request failed'),
    };
  };

  it('given requests at the most verbose level, then each is one JSON line with its id and route pattern, never the query', async () => {
    const { text, requests } = await requestLines('debug', ['/health/live?ref=kvinna-fodd-63']);
    expect(requests).toEqual([
      expect.objectContaining({
        level: 20,
        route: '/health/live',
        req: { id: 'req-00000001', method: 'GET' },
        res: { status: 200 },
      }),
    ]);
    expect(text).not.toContain('kvinna');
  });

  it('given the default level, then a request that went well is not logged and a refused one is', async () => {
    const { requests } = await requestLines('log', ['/health/live', '/api/cases/x']);
    expect(requests.map((entry) => [entry.route, (entry.res as { status: number }).status])).toEqual([
      ['/api/cases/:caseId', 401],
    ]);
  });
});
