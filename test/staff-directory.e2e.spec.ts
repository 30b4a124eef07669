import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { as, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT, FULL_CHANGE } from './flows';

/**
 * toolbox.md, Continuity: the responsible social worker is chosen from the
 * unit's people, never typed as free text. Over HTTP, with the development
 * users seeded and everyone else learnt from their first sign-in.
 */
describe('the responsible social worker is someone of the unit', () => {
  const data = tempDataDir();
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock('2026-03-02T08:00:00.000Z'));
    await signedInOnce(app, SOCIAL_WORKER);
    await signedInOnce(app, 'bitradande_enhetschef-1', UNIT, 'bitradande_enhetschef');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const head = () => app.get<EventStore>(EVENT_STORE).headPosition();
  const open = (socialWorkerId: string) =>
    as(app, 'socialsekreterare', SOCIAL_WORKER)
      .post('/api/cases')
      .send({ reference: 'OP 7105', unit: UNIT, socialWorkerId });
  const refusal = (body: { details: { failed: { id: string; field: string }[] } }) =>
    body.details.failed.map(({ id, field }) => [id, field]);

  it('lists the unit’s social workers by name, the seeded and the signed-in, and only to members of the unit', async () => {
    const list = await as(app, 'socialsekreterare', SOCIAL_WORKER).get(`/api/units/${UNIT}/social-workers`);
    expect(list.status).toBe(200);
    const ids = (list.body.socialWorkers as { id: string }[]).map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining(['jarva-1-ss', 'jarva-1-ss2', SOCIAL_WORKER]));
    expect(ids).not.toContain('jarva-1-rehab');
    expect(ids).not.toContain('rinkeby-2-ss');
    const stranger = await as(app, 'socialsekreterare', 'ss-rinkeby', 'rinkeby-2').get(
      `/api/units/${UNIT}/social-workers`,
    );
    expect(stranger.status).toBe(403);
  });

  it.each([
    ['a typo no one is called', 'ss-anan', 'unknown-user'],
    ['a social worker of another unit', 'rinkeby-2-ss', 'not-a-social-worker-of-the-unit'],
    ['a colleague in another role', 'jarva-1-rehab', 'not-a-social-worker-of-the-unit'],
  ])('refuses a case whose responsible social worker is %s, and stores nothing', async (_, who, rule) => {
    const before = await head();
    const response = await open(who);
    expect(response.status).toBe(422);
    expect(refusal(response.body)).toEqual([[rule, 'socialWorkerId']]);
    expect(await head()).toBe(before);
  });

  it('opens a case for a colleague of the unit, and hands a case over only to one', async () => {
    expect((await open('jarva-1-ss2')).status).toBe(201);
    const c = await CaseDriver.open(app);
    const chef = () => as(app, 'bitradande_enhetschef', 'bitradande_enhetschef-1');
    const before = await head();
    const typo = await chef()
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bertli', ...FULL_CHANGE });
    expect([typo.status, refusal(typo.body)]).toEqual([422, [['unknown-user', 'socialWorkerId']]]);
    expect(await head()).toBe(before);

    await signedInOnce(app, 'ss-bertil');
    const change = await chef()
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bertil', ...FULL_CHANGE });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    expect((await c.view()).revision).toBeGreaterThan(0);
  });

  it('follows what the newest sign-in shows: a worker who moved unit is no longer the old unit’s', async () => {
    await signedInOnce(app, 'ss-flytt');
    await signedInOnce(app, 'ss-flytt', 'rinkeby-2');
    const response = await open('ss-flytt');
    expect(refusal(response.body)).toEqual([['not-a-social-worker-of-the-unit', 'socialWorkerId']]);
  });
});
