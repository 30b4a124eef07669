import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, asPrincipal, eventually, startApp, tempDataDir, signedInOnce } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT, FULL_CHANGE } from './flows';

describe('who sees which case', () => {
  const data = tempDataDir();
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const status = async (client: ReturnType<typeof as>, caseId: string) =>
    (await client.get(`/api/cases/${caseId}`)).status;
  const listed = async (client: ReturnType<typeof as>, caseId: string) =>
    ((await client.get('/api/cases')).body.items as { caseId: string }[]).some((c) => c.caseId === caseId);

  it('a social worker sees the cases they are or were responsible for, in lists too', async () => {
    const c = await CaseDriver.open(app);
    const successor = as(app, 'socialsekreterare', 'ss-bertil');
    expect(await status(successor, c.caseId)).toBe(404);
    await signedInOnce(app, 'ss-bertil');
    await as(app, 'bitradande_enhetschef')
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bertil', ...FULL_CHANGE })
      .expect(200);
    expect(await status(successor, c.caseId)).toBe(200);
    expect(await status(as(app, 'socialsekreterare', SOCIAL_WORKER), c.caseId)).toBe(200);
    await eventually(async () => expect(await listed(successor, c.caseId)).toBe(true));
    expect(await listed(as(app, 'socialsekreterare', SOCIAL_WORKER), c.caseId)).toBe(true);
    expect(await listed(as(app, 'socialsekreterare', 'ss-cecilia'), c.caseId)).toBe(false);
  });

  it('a case manager sees a case once it is referred to CM, and not before', async () => {
    const c = await CaseDriver.open(app);
    const cm = as(app, 'case_manager');
    expect(await status(cm, c.caseId)).toBe(404);
    await c.caseManagerToClientYes();
    expect(await status(cm, c.caseId)).toBe(200);
    await eventually(async () => expect(await listed(cm, c.caseId)).toBe(true));
  });

  it('roles count only in the unit that grants them: a chef elsewhere is a stranger here', async () => {
    const c = await CaseDriver.open(app);
    const mixed = asPrincipal(app, {
      id: 'ss-dora',
      name: 'ss-dora',
      memberships: [
        { unit: UNIT, roles: ['socialsekreterare'] },
        { unit: 'rinkeby-2', roles: ['bitradande_enhetschef'] },
      ],
    });
    expect(await status(mixed, c.caseId)).toBe(404);
    const stepAsChef = await mixed
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-dora', ...FULL_CHANGE });
    expect(stepAsChef.status).toBe(404);
    const openedAsChef = await mixed
      .post('/api/cases')
      .send({ reference: 'IJ 5511', unit: 'rinkeby-2', socialWorkerId: 'rinkeby-2-ss' });
    expect([openedAsChef.status, openedAsChef.body.code]).toEqual([201, undefined]);
    const opened = await mixed.get(`/api/cases/${openedAsChef.body.caseId}/history`);
    expect(opened.body.entries[0]).toMatchObject({ actor: { id: 'ss-dora', role: 'bitradande_enhetschef' } });
  });
});
