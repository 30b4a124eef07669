import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevTokens } from '../apps/api/src/identity/dev-tokens';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER } from './flows';

const SCRAPE_TOKEN = 'scrape-0123456789abcdef0123456789abcdef';

/** /metrics as Prometheus scrapes it: Prometheus text, not public, nothing in it that names a case or a person. */
/** The store the suite runs on, as the app labels its appends. */
const STORE_KIND = process.env.EVENT_STORE === 'eventstoredb' ? 'eventstoredb' : 'sqlite';

describe('metrics', () => {
  const data = tempDataDir();
  let app: INestApplication;
  let caseId = '';

  const value = (text: string, series: RegExp) => {
    const line = text.split('\n').find((l) => series.test(l));
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };
  const scrape = async () => (await as(app, 'operator').get('/metrics').expect(200)).text;

  beforeAll(async () => {
    app = await startApp(data.dir, { METRICS_TOKEN: SCRAPE_TOKEN }, new TestClock());
    const c = await CaseDriver.open(app);
    caseId = c.caseId;
    await c.start('rehab-handledning');
    await as(app, 'socialsekreterare', SOCIAL_WORKER)
      .post(`/api/cases/${c.caseId}/processes/nowhere/events`)
      .send({ event: 'ImpulsRegistered', payload: {} })
      .expect(404);
    await as(app, 'operator').post('/api/admin/deadlines/run').expect(200);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given no token, a person who is not the operator, or a wrong scrape token, then no metrics', async () => {
    const server = app.getHttpServer();
    await request(server).get('/metrics').expect(401);
    await as(app, 'bitradande_enhetschef').get('/metrics').expect(403);
    await request(server)
      .get('/metrics')
      .set('Authorization', `Bearer ${SCRAPE_TOKEN.replace('0', '1')}`)
      .expect(401);
    const scraped = await request(server)
      .get('/metrics')
      .set('Authorization', `Bearer ${SCRAPE_TOKEN}`)
      .expect(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain;.*version=0.0.4/);
  });

  it('given commands, refusals, reads and a deadline run, then each is counted, timed per route and store', async () => {
    const text = await scrape();
    expect(value(text, /^arende_commands_total\{command="OpenCase",outcome="accepted",code=""\}/)).toBe(1);
    expect(
      value(
        text,
        /^arende_commands_total\{command="SendProcessEvent",outcome="refused",code="PROCESS_INSTANCE.NOT_FOUND"\}/,
      ),
    ).toBe(1);
    expect(
      value(
        text,
        /^arende_http_request_duration_seconds_count\{method="POST",route="\/api\/cases",status="201"\}/,
      ),
    ).toBe(1);
    expect(
      value(
        text,
        new RegExp(
          `^arende_event_store_append_duration_seconds_count\\{store="${STORE_KIND}",outcome="ok"\\}`,
        ),
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(value(text, /^arende_deadline_worker_runs_total/)).toBe(1);
    // Nothing was due yet: the run reports each outcome, fired included, as zero.
    expect(value(text, /^arende_deadlines_total\{outcome="fired"\}/)).toBe(0);
    expect(value(text, /^arende_projection_lag_events/)).toBeGreaterThanOrEqual(0);
    // The read models follow the log on their own; on a server they may not have applied anything yet.
    await eventually(async () =>
      expect(value(await scrape(), /^arende_projection_events_applied_total/)).toBeGreaterThan(0),
    );
    expect(value(await scrape(), /^arende_projection_batch_duration_seconds_count/)).toBeGreaterThan(0);
    expect(value(text, /^arende_process_cpu_seconds_total/)).toBeGreaterThan(0);
    // Labels are route patterns and codes: no case id, no user.
    expect(text).not.toContain(caseId);
    expect(text).not.toContain(SOCIAL_WORKER);
  });

  it('given a live-update stream open, then it is counted while open', async () => {
    const server = app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const token = app.get(DevTokens).issue({
      id: SOCIAL_WORKER,
      name: SOCIAL_WORKER,
      memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare'] }],
    });
    const stop = new AbortController();
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/live`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: stop.signal });
    await eventually(async () => expect(value(await scrape(), /^arende_live_connections /)).toBe(1));
    stop.abort();
    await response.body?.cancel().catch(() => undefined);
    await eventually(async () => expect(value(await scrape(), /^arende_live_connections /)).toBe(0));
  });
});
