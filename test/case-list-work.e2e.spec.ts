import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { UNIT } from './flows';

interface ListPage {
  items: { caseId: string; socialWorkerName: string | null; nextDueAt: string | null }[];
  total: number;
}

/**
 * The case list for a day's work (issue 18): sorted as asked, filters a
 * person saves under a name, and the team's work per social worker for
 * the biträdande enhetschef.
 */
describe('sorting the case list, saved filters and the team’s work per person', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-05-04T08:00:00.000Z');
  let app: INestApplication;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const cases: Record<string, string> = {};

  const open = async (reference: string, worker: string) => {
    const opened = await as(app, 'socialsekreterare', worker)
      .post('/api/cases')
      .send({ reference, unit: UNIT, socialWorkerId: worker })
      .expect(201);
    cases[reference] = opened.body.caseId as string;
    clock.advance('PT1H');
  };

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    await signedInOnce(app, 'ss-ylva');
    await signedInOnce(app, 'ss-adam');
    await open('SO 1960-01', 'ss-ylva');
    await open('SO 1961-02', 'ss-adam');
    await open('SO 1962-03', 'ss-ylva');
    // A process on the first case, so it alone has a deadline, and a step waiting on its social worker.
    await as(app, 'socialsekreterare', 'ss-ylva')
      .post(`/api/cases/${cases['SO 1960-01']}/processes`)
      .send({ definitionId: 'aktualisering' })
      .expect(201);
    await eventually(async () =>
      expect(((await chef().get('/api/cases').expect(200)).body as ListPage).total).toBe(3),
    );
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const order = async (sort?: string) =>
    (
      (
        await chef()
          .get('/api/cases')
          .query(sort ? { sort } : {})
          .expect(200)
      ).body as ListPage
    ).items.map((item) => Object.keys(cases).find((ref) => cases[ref] === item.caseId));

  it('sorts by last change, by opening, by nearest deadline and by social worker; an unknown order is refused', async () => {
    expect(await order()).toEqual(['SO 1960-01', 'SO 1962-03', 'SO 1961-02']);
    expect(await order('opened')).toEqual(['SO 1962-03', 'SO 1961-02', 'SO 1960-01']);
    expect((await order('due'))[0]).toBe('SO 1960-01');
    expect(await order('socialWorker')).toEqual(['SO 1961-02', 'SO 1960-01', 'SO 1962-03']);
    const refused = await chef().get('/api/cases').query({ sort: 'reference' }).expect(400);
    expect(refused.body.details.violations).toEqual([
      expect.objectContaining({ field: 'sort', rule: 'isIn' }),
    ]);
  });

  it('saves filters under a name for the person alone, and refuses a search text, a name twice or too many', async () => {
    const filters = [
      { name: 'Ylvas försenade', filter: { socialWorkerId: 'ss-ylva', overdue: true, sort: 'due' } },
      { name: 'Aktualiseringar', filter: { process: 'aktualisering' } },
    ];
    const saved = await chef().put('/api/auth/me/case-filters').send({ filters }).expect(200);
    expect(saved.body).toEqual({ filters });
    await eventually(async () =>
      expect((await chef().get('/api/auth/me/case-filters').expect(200)).body).toEqual({ filters }),
    );
    expect(
      (await as(app, 'bitradande_enhetschef', 'bec-2').get('/api/auth/me/case-filters').expect(200)).body,
    ).toEqual({ filters: [] });

    const withSearch = await chef()
      .put('/api/auth/me/case-filters')
      .send({ filters: [{ name: 'Sökt', filter: { search: 'SO 1960' } }] })
      .expect(400);
    expect(withSearch.body.details.violations).toEqual([
      expect.objectContaining({ field: 'filters.0.filter.search', rule: 'whitelistValidation' }),
    ]);
    const twice = await chef()
      .put('/api/auth/me/case-filters')
      .send({ filters: [filters[0], { ...filters[1], name: 'ylvas FÖRSENADE' }] })
      .expect(400);
    expect(twice.body.details.violations).toEqual([
      expect.objectContaining({ field: 'filters.1.name', rule: 'unique' }),
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `Filter ${i}`, filter: {} }));
    const tooMany = await chef().put('/api/auth/me/case-filters').send({ filters: many }).expect(400);
    expect(tooMany.body.details.violations).toEqual([
      expect.objectContaining({ field: 'filters', rule: 'arrayMaxSize' }),
    ]);
    expect((await chef().get('/api/auth/me/case-filters').expect(200)).body).toEqual({ filters });
  });

  it('shows the biträdande enhetschef the team’s work per social worker, counts only; no one else', async () => {
    await eventually(async () => {
      const workload = (await chef().get(`/api/units/${UNIT}/workload`).expect(200)).body as {
        people: { userId: string; cases: number; openTasks: number }[];
      };
      expect(workload.people.find((p) => p.userId === 'ss-ylva')).toMatchObject({ cases: 2, openTasks: 1 });
      expect(workload.people.find((p) => p.userId === 'ss-adam')).toMatchObject({ cases: 1, openTasks: 0 });
      expect(JSON.stringify(workload)).not.toContain('SO 196');
    });
    await chef().get('/api/units/rinkeby-2/workload').expect(403);
    await as(app, 'socialsekreterare', 'ss-ylva').get(`/api/units/${UNIT}/workload`).expect(403);
  });
});
