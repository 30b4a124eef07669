import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';
import { as, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver } from './flows';

const JUNK: unknown[] = [
  null,
  [],
  [1, 2],
  'text',
  42,
  { event: null },
  { event: 'ImpulsRegistered', payload: 'not an object' },
  { event: 'ImpulsRegistered', payload: { grounds: 'sjukskriven' } },
  { event: 'ImpulsRegistered', payload: { grounds: [null] } },
  { event: 'ImpulsRegistered', payload: { __proto__: { admin: true }, grounds: [] } },
  { event: 'ImpulsRegistered', payload: { grounds: [{ deep: { deeper: [1e308, -0, '\u0000'] } }] } },
  { definitionId: ['rehab-handledning'] },
  { reference: 'AB 6303', unit: { $ne: null }, socialWorkerId: 'x' },
  { socialWorkerId: 'ä'.repeat(5000) },
  { category: '4', followUpOwner: 'rehabansvarig', items: 'many' },
];

describe('no input produces a 500', () => {
  const data = tempDataDir();
  let app: INestApplication;
  let c: CaseDriver;
  let instance: string;
  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock());
    c = await CaseDriver.open(app);
    instance = await c.start('rehab-handledning');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('answers junk bodies on every write with a 4xx in the error shape, and appends nothing', async () => {
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const urls = [
      '/api/cases',
      `/api/cases/${c.caseId}/processes`,
      `/api/cases/${c.caseId}/processes/${instance}/events`,
      `/api/cases/${c.caseId}/caseworker`,
      `/api/cases/${c.caseId}/progressionsplan`,
    ];
    for (const url of urls) {
      for (const body of JUNK) {
        for (const role of ['socialsekreterare', 'rehabansvarig'] as const) {
          const response = await as(app, role)
            .post(url)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status, `${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${url} ${JSON.stringify(body)}`).toBeLessThan(500);
          expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'message']);
        }
      }
    }
    expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
  });

  it.each([
    '/api/cases?limit=-1',
    '/api/cases?offset=abc',
    '/api/cases?limit=1&limit=2',
    '/api/deadlines?dueBy=tomorrow',
    '/api/follow-up?owner=kung',
    '/api/statistics/bip-phases?from=2026-13&to=2026-01',
    '/api/statistics/bip-phases',
    '/api/processes/afu?version=0',
    '/api/cases/x/as-of',
    '/api/cases/%E0%A4%A',
  ])('answers %s with a 4xx', async (url) => {
    const response = await as(app, 'bitradande_enhetschef').get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('serves the OpenAPI document and Swagger UI without identity', async () => {
    const ui = await request(app.getHttpServer()).get('/api/docs/');
    expect([ui.status, ui.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    const doc = await request(app.getHttpServer()).get('/api/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
  });
});

describe('hardening', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('sends security headers, and no CORS headers unless origins are configured', async () => {
    const closed = await startApp(data.dir);
    const response = await request(closed.getHttpServer())
      .get('/health/live')
      .set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    await closed.close();

    const open = await startApp(data.dir, { CORS_ORIGINS: 'https://arende.kommun.example' });
    const allowed = await request(open.getHttpServer())
      .get('/health/live')
      .set('Origin', 'https://arende.kommun.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://arende.kommun.example');
    const other = await request(open.getHttpServer())
      .get('/health/live')
      .set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await open.close();
  });

  it('never writes payload text to the logs, even at the most verbose level and on refused requests', async () => {
    const secret = 'Anteckning-om-klientens-halsa-4711';
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      const config = loadConfig({
        DATA_DIR: data.dir,
        LOG_LEVEL: 'verbose',
        DEADLINE_WORKER_INTERVAL_MS: '0',
      });
      const app = await createApp(config);
      await app.init();
      const c = await CaseDriver.open(app, 'KL 5502');
      const rh = await c.start('rehab-handledning');
      await c.send('socialsekreterare', rh, 'ImpulsRegistered', {
        grounds: ['sjukskriven-utan-samordnade-insatser'],
      });
      await c.send('socialsekreterare', rh, 'RehabansvarigContacted');
      await c.send('rehabansvarig', rh, 'DocumentationReviewed', { findings: secret });
      await as(app, 'rehabansvarig')
        .post(`/api/cases/${c.caseId}/processes/${rh}/events`)
        .send({ event: 'DocumentationReviewed', payload: { findings: secret } })
        .expect(409);
      await as(app, 'rehabansvarig')
        .post(`/api/cases/${c.caseId}/processes/${rh}/events?note=${secret}`)
        .send({ event: 'SupervisionHeld', payload: { heldOn: secret } })
        .expect(400);
      await app.close();
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain(secret);
    expect(lines.join('')).not.toContain('KL 5502');
  });
});
