import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@app/access';
import { DevTokens } from '../apps/api/src/identity/dev-tokens';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT, FULL_CHANGE } from './flows';

const worker = (id: string): Principal => ({
  id,
  name: id,
  memberships: [{ unit: UNIT, roles: ['socialsekreterare'] }],
});

describe('live updates (GET /api/live)', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let url = '';

  /** A listener: what it has received so far, and whether the server has ended its stream. */
  const listen = (token: string) => {
    const stop = new AbortController();
    const state = { text: '', ended: false };
    const done = (async () => {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
        signal: stop.signal,
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        state.text += value;
      }
      state.ended = true;
    })().catch(() => undefined);
    return { state, stop: async () => (stop.abort(), await done) };
  };
  const ready = (listener: { state: { text: string } }) =>
    eventually(async () => expect(listener.state.text).toContain('event: ready'));

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    const server = app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/live`;
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given a token that has expired by the next change, then the stream says expired and ends without it', async () => {
    const start = clock.now().toISOString();
    const token = app.get(DevTokens).issue(worker(SOCIAL_WORKER));
    const listener = listen(token);
    await ready(listener);
    clock.advance('PT9H');
    await CaseDriver.open(app);
    await eventually(async () => expect(listener.state.ended).toBe(true));
    expect(listener.state.text).toContain('event: expired');
    expect(listener.state.text).not.toContain('event: changed');
    clock.set(start);
  });

  it('given no change at all, then the stream still ends when the token does', async () => {
    const issuedAt = clock.now().toISOString();
    const token = app.get(DevTokens).issue(worker(SOCIAL_WORKER));
    // One second of the token's eight hours left when the stream opens.
    clock.set(new Date(new Date(issuedAt).getTime() + 8 * 3600_000 - 1000).toISOString());
    const listener = listen(token);
    await ready(listener);
    await eventually(async () => expect(listener.state.ended).toBe(true), 5000);
    expect(listener.state.text).toMatch(/event: expired/);
    clock.set(issuedAt);
  });

  it('given a case that becomes visible while listening, then its changes are announced from then on', async () => {
    const newcomer = 'ss-bertil';
    const theCase = await CaseDriver.open(app);
    const listener = listen(app.get(DevTokens).issue(worker(newcomer)));
    await ready(listener);
    await theCase.start('rehab-handledning');
    // Not theirs yet: a case of their own, opened after it, arrives first and proves the stream has moved on.
    await as(app, 'socialsekreterare', newcomer)
      .post('/api/cases')
      .send({ reference: 'KL 7702', unit: UNIT, socialWorkerId: newcomer })
      .expect(201);
    await eventually(async () => expect(listener.state.text).toContain('event: changed'));
    expect(listener.state.text).not.toContain(theCase.caseId);
    // The client waits the server's retry before reconnecting; each change names its log position as its id.
    expect(listener.state.text).toMatch(/^retry: 2000$/m);
    expect(listener.state.text).toMatch(/^id: \d+\ndata: \{"position":"\d+"/m);

    await as(app, 'bitradande_enhetschef')
      .post(`/api/cases/${theCase.caseId}/caseworker`)
      .send({ socialWorkerId: newcomer, ...FULL_CHANGE })
      .expect(200);
    await eventually(async () => expect(listener.state.text).toContain(`"caseIds":["${theCase.caseId}"]`));
    await listener.stop();
  });
});
