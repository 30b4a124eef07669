import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, asPrincipal, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { UNIT } from './flows';

const WORKER = {
  id: 'ss-lena',
  name: 'Handläggare L',
  memberships: [{ unit: UNIT, roles: ['socialsekreterare' as const] }],
};

interface Viewing {
  caseId: string;
  reference: string | null;
  userId: string;
  userName: string | null;
  view: string;
  count: number;
  firstAt: string;
  at: string;
}

/**
 * The access log as a supervisor reads it (issue 18): every read stays
 * logged, but a task list polled every minute is one row per hour with its
 * count; rows name the reader and the case's reference.
 */
describe('reading the access log: grouped, with names and references', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-06-01T08:00:00.000Z');
  let app: INestApplication;
  let caseId: string;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const byCase = async (query: Record<string, string> = {}) =>
    (await chef().get(`/api/access-log/cases/${caseId}`).query(query).expect(200)).body.items as Viewing[];

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    const lena = asPrincipal(app, WORKER);
    const opened = await lena
      .post('/api/cases')
      .send({ reference: 'AL 1966-07', unit: UNIT, socialWorkerId: WORKER.id })
      .expect(201);
    caseId = opened.body.caseId as string;
    await lena.post(`/api/cases/${caseId}/processes`).send({ definitionId: 'rehab-handledning' }).expect(201);
    // Twelve polls of the task list in an hour, then one in the next.
    for (let minute = 0; minute < 12; minute++) {
      await lena.get('/api/queues/mine').expect(200);
      clock.advance('PT5M');
    }
    await lena.get('/api/queues/mine').expect(200);
    await eventually(async () => expect((await byCase()).filter((v) => v.view === 'queue')).toHaveLength(13));
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('keeps every read, and groups one person’s reads of one case in one view within an hour into one row', async () => {
    const grouped = (await byCase({ grouped: 'true' })).filter((v) => v.view === 'queue');
    expect(grouped.map((v) => v.count)).toEqual([1, 12]);
    expect(grouped[1]).toMatchObject({ firstAt: '2026-06-01T08:00:00.000Z', at: '2026-06-01T08:55:00.000Z' });
    expect((await byCase()).filter((v) => v.view === 'queue').every((v) => v.count === 1)).toBe(true);
  });

  it('names the reader and the case, in the case’s log and the person’s', async () => {
    const row = (await byCase({ grouped: 'true' })).find((v) => v.userId === WORKER.id);
    expect(row).toMatchObject({ userId: WORKER.id, userName: 'Handläggare L', reference: 'AL 1966-07' });
    const mine = (
      await chef().get(`/api/access-log/users/${WORKER.id}`).query({ grouped: 'true' }).expect(200)
    ).body.items as Viewing[];
    expect(mine.find((v) => v.view === 'queue')).toMatchObject({
      reference: 'AL 1966-07',
      userName: 'Handläggare L',
    });
  });

  it('refuses a grouping that is not true or false, naming it', async () => {
    const response = await chef().get(`/api/access-log/cases/${caseId}`).query({ grouped: 'ja' }).expect(400);
    expect(response.body.details.violations).toEqual([
      expect.objectContaining({ field: 'grouped', rule: 'isBoolean' }),
    ]);
  });
});
