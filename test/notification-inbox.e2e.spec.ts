import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';

interface Inbox {
  items: {
    id: string;
    caseId: string;
    reference: string;
    message: string;
    read: boolean;
    createdAt: string;
  }[];
  total: number;
  unread: number;
}

/**
 * The notification inbox (issue 18): each notification is read or unread
 * for its reader, marked read one by one or all at once, by the reader
 * alone; marks go to the log like every other change.
 */
describe('the notification inbox: read and unread', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-04-01T08:00:00.000Z');
  let app: INestApplication;
  const eva = () => as(app, 'rehabansvarig', 'rehab-eva');
  const olle = () => as(app, 'rehabansvarig', 'rehab-olle');
  const inbox = async (who: typeof eva, query: Record<string, string> = {}) =>
    (await who().get('/api/notifications').query(query).expect(200)).body as Inbox;

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    await signedInOnce(app, 'rehab-eva', UNIT, 'rehabansvarig');
    await signedInOnce(app, 'rehab-olle', UNIT, 'rehabansvarig');
    for (const reference of ['IN 1960-01', 'IN 1961-02', 'IN 1962-03']) {
      const c = await CaseDriver.open(app, reference);
      clock.advance('PT1M');
      await as(app, 'bitradande_enhetschef', 'bec-1')
        .post(`/api/cases/${c.caseId}/rehabansvarig`)
        .send({ rehabansvarigId: 'rehab-eva' })
        .expect(200);
    }
    await eventually(async () => expect((await inbox(eva)).total).toBe(3));
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given new notifications, then each is unread and the inbox counts them', async () => {
    const all = await inbox(eva);
    expect(all.unread).toBe(3);
    expect(all.items.map((n) => n.read)).toEqual([false, false, false]);
    expect(all.items.map((n) => n.reference)).toEqual(['IN 1962-03', 'IN 1961-02', 'IN 1960-01']);
    expect(all.items[0].message).toBe('Du är Rehabansvarig för ärendet.');
  });

  it('marks one read for its reader, answers the new unread count, and lists only the unread when asked', async () => {
    const [newest] = (await inbox(eva)).items;
    const marked = await eva()
      .post('/api/notifications/read')
      .send({ ids: [newest.id] })
      .expect(200);
    expect(marked.body).toEqual({ unread: 2 });
    expect((await eva().get('/api/notifications/unread').expect(200)).body).toEqual({ unread: 2 });
    const after = await inbox(eva);
    expect(after.items.find((n) => n.id === newest.id)?.read).toBe(true);
    expect(after.unread).toBe(2);
    const unread = await inbox(eva, { unread: 'true' });
    expect(unread.items.map((n) => n.id)).not.toContain(newest.id);
    expect(unread.total).toBe(2);
  });

  it('refuses to mark what is not the reader’s, or nothing, with 400 naming the field, and marks nothing', async () => {
    const [one] = (await inbox(eva, { unread: 'true' })).items;
    const notOlles = await olle()
      .post('/api/notifications/read')
      .send({ ids: [one.id] })
      .expect(400);
    expect(notOlles.body.details.violations).toEqual([
      expect.objectContaining({ field: 'ids', rule: 'ownNotification' }),
    ]);
    const nothing = await eva().post('/api/notifications/read').send({}).expect(400);
    expect(nothing.body.details.violations).toEqual([
      expect.objectContaining({ field: 'ids', rule: 'idsOrAll' }),
    ]);
    const notAList = await eva().post('/api/notifications/read').send({ ids: 'alla' }).expect(400);
    expect(notAList.body.details.violations).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'ids' })]),
    );
    expect((await inbox(eva)).unread).toBe(2);
  });

  it('marks all read up to now; one that comes later is unread', async () => {
    expect((await eva().post('/api/notifications/read').send({ all: true }).expect(200)).body).toEqual({
      unread: 0,
    });
    clock.advance('PT1M');
    const c = await CaseDriver.open(app, 'IN 1963-04');
    await as(app, 'bitradande_enhetschef', 'bec-1')
      .post(`/api/cases/${c.caseId}/rehabansvarig`)
      .send({ rehabansvarigId: 'rehab-eva' })
      .expect(200);
    await eventually(async () => expect((await inbox(eva)).unread).toBe(1));
    expect((await inbox(eva, { unread: 'true' })).items.map((n) => n.reference)).toEqual(['IN 1963-04']);
  });
});
