import { ConsoleLogger } from '@nestjs/common';
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

  it('given a request with a query string, then the request log is one JSON line with the route and not the query', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    });
    const config = loadConfig({ DATA_DIR: data.dir });
    const app = await createApp(config, new ConsoleLogger({ json: true, colors: false, logLevels: ['log'] }));
    await app.init();
    await request(app.getHttpServer()).get('/health/live?ref=kvinna-fodd-63').expect(200);
    await app.close();
    spy.mockRestore();

    const entries = lines.map((line) => JSON.parse(line));
    const http = entries.find((entry) => entry.context === 'http');
    expect(http.message).toMatchObject({ method: 'GET', route: '/health/live', status: 200 });
    expect(lines.join('')).not.toContain('kvinna');
  });
});
