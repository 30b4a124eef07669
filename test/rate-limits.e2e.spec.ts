import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startApp, tempDataDir, TestClock } from './app-harness';

/** Limits for the whole API (@nestjs/throttler): per client address before sign-in, per signed-in person after. */
describe('rate limits', () => {
  const data = tempDataDir();
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApp(
      data.dir,
      { RATE_LIMIT_PER_ADDRESS: '30', RATE_LIMIT_PER_PERSON: '5', SIGN_IN_RATE_LIMIT: '5' },
      new TestClock(),
    );
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const statuses = async (send: () => request.Test, times: number) => {
    const seen: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < times; i++) {
      last = await send();
      seen.push(last.status);
    }
    return { seen, last: last as request.Response };
  };

  it('given the development sign-in tried more than its limit from one address, then 429 with Retry-After on the sixth', async () => {
    const { seen, last } = await statuses(
      () => request(app.getHttpServer()).post('/api/auth/dev/sign-in').send({ userId: 'jarva-1-ss' }),
      6,
    );
    expect(seen).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last.body.code).toBe('REQUEST.RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('given one person asking more than their limit a minute, then 429 in the API error shape with Retry-After, while another person still gets through', async () => {
    const { seen, last } = await statuses(
      () => as(app, 'bitradande_enhetschef', 'bec-busy').get('/api/processes'),
      6,
    );
    expect(seen).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last.body).toMatchObject({
      code: 'REQUEST.RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    await as(app, 'bitradande_enhetschef', 'bec-busy').get('/api/auth/me').expect(429);
    await as(app, 'bitradande_enhetschef', 'bec-calm').get('/api/processes').expect(200);
  });

  it('given one address asking more than its limit, signed in or not, then 429 before the token is even looked at', async () => {
    const server = app.getHttpServer();
    const { seen } = await statuses(() => request(server).get('/api/processes'), 40);
    // Earlier requests of this file came from the same address; the limit is 30 a minute in all.
    expect(seen.filter((status) => status === 401).length).toBeLessThan(30);
    expect(seen.at(-1)).toBe(429);
    // One count for the whole API, not one per route; the health probes are never limited.
    await request(server).get('/api/auth/config').expect(429);
    await request(server).get('/health/live').expect(200);
  });
});

describe('rate limits behind a reverse proxy (TRUST_PROXY_HOPS=1)', () => {
  const data = tempDataDir();
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApp(data.dir, { RATE_LIMIT_PER_ADDRESS: '3', TRUST_PROXY_HOPS: '1' }, new TestClock());
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given every request arriving from the proxy, then each client behind it has its own address limit', async () => {
    const from = (client: string) =>
      request(app.getHttpServer()).get('/api/auth/config').set('X-Forwarded-For', client);
    const first = [];
    for (let i = 0; i < 4; i++) first.push((await from('10.1.0.7')).status);
    expect(first).toEqual([200, 200, 200, 429]);
    expect((await from('10.1.0.8')).status).toBe(200);
  });
});
