import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadModelDb } from '@app/read-model';
import { as, asPrincipal, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { UNIT } from './flows';
import { filesContaining } from './support/files';

const ANNA = {
  id: 'ss-anna',
  name: 'Anna Exempel',
  memberships: [{ unit: UNIT, roles: ['socialsekreterare' as const] }],
};
const BERTIL = {
  id: 'ss-bertil',
  name: 'Bertil Provsson',
  memberships: [{ unit: UNIT, roles: ['socialsekreterare' as const] }],
};

/**
 * Finding the right case (issue 18): by reference, journal reference or
 * social worker, whole or by its beginning, through a keyed blind index, so
 * no case is opened to search and no reference is ever stored in the clear;
 * the list tells two cases with the same reference apart.
 */
describe('case search: by reference, journal reference or social worker', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1', UNIT);
  const ids: Record<string, string> = {};
  const open = async (key: string, who: typeof ANNA, reference: string, journalRef?: string) => {
    const response = await asPrincipal(app, who)
      .post('/api/cases')
      .send({ reference, unit: UNIT, socialWorkerId: who.id, ...(journalRef ? { journalRef } : {}) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ids[key] = response.body.caseId;
  };
  const search = async (text: string, who = chef()) =>
    (await who.get('/api/cases').query({ search: text }).expect(200)).body.items as {
      caseId: string;
      reference: string;
      journalRef: string | null;
      socialWorkerName: string | null;
    }[];
  const found = async (text: string, who = chef()) => (await search(text, who)).map((item) => item.caseId);

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    await asPrincipal(app, ANNA).get('/api/auth/me').expect(200);
    await asPrincipal(app, BERTIL).get('/api/auth/me').expect(200);
    await open('first', ANNA, 'AB 1963-04', 'J-2026/0012');
    await open('second', ANNA, 'AB 1963-04', 'J-2026/0044');
    await open('short', ANNA, 'AB 1963');
    await open('bertils', BERTIL, 'EF 1982');
    await eventually(async () => expect((await chef().get('/api/cases').expect(200)).body.total).toBe(4));
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given two cases with the same reference, then a search finds both and tells them apart by journal reference and social worker', async () => {
    const items = await search('ab196304');
    expect(items.map((i) => i.caseId).sort()).toEqual([ids.first, ids.second].sort());
    expect(items.map((i) => [i.reference, i.journalRef, i.socialWorkerName]).sort()).toEqual([
      ['AB 1963-04', 'J-2026/0012', 'Anna Exempel'],
      ['AB 1963-04', 'J-2026/0044', 'Anna Exempel'],
    ]);
  });

  it('given the beginning of a reference, spaces and case as typed, then every case it begins finds, the exact one first', async () => {
    const [exact, ...begun] = await found('AB 1963');
    expect(exact).toBe(ids.short);
    expect(begun.sort()).toEqual([ids.first, ids.second].sort());
    expect((await found('a.b-19630')).sort()).toEqual([ids.first, ids.second].sort());
    expect(await found('a')).toEqual([]);
    expect(await found('XY')).toEqual([]);
  });

  it('given a journal reference, whole or begun, then its case', async () => {
    expect(await found('J-2026/0044')).toEqual([ids.second]);
    expect((await found('j2026')).sort()).toEqual([ids.first, ids.second].sort());
  });

  it('given a social worker’s name, or a word of it, then their cases', async () => {
    expect(await found('Bertil')).toEqual([ids.bertils]);
    expect(await found('provss')).toEqual([ids.bertils]);
  });

  it('given a reader of another unit, then the same search finds nothing; a social worker finds only their own', async () => {
    expect(await found('ab196304', as(app, 'bitradande_enhetschef', 'bec-rinkeby', 'rinkeby-1'))).toEqual([]);
    expect(await found('EF 1982', asPrincipal(app, ANNA))).toEqual([]);
    expect(await found('EF 1982', asPrincipal(app, BERTIL))).toEqual([ids.bertils]);
  });

  it('given a search too long, then 400 naming the field, and the reading of the answer is logged', async () => {
    const refused = await chef()
      .get('/api/cases')
      .query({ search: 'x'.repeat(65) });
    expect(refused.status).toBe(400);
    expect(refused.body.details.violations).toEqual([expect.objectContaining({ field: 'search' })]);
    await eventually(async () => {
      const log = (await chef().get(`/api/access-log/cases/${ids.first}`).expect(200)).body.items;
      expect(log).toContainEqual(expect.objectContaining({ userId: 'bec-1', view: 'case-list' }));
    });
  });

  it('given the index on disk, then no reference or journal reference is in any file in the clear', () => {
    for (const secret of ['AB 1963-04', 'ab196304', 'J-2026/0044', 'j20260044', 'ef1982'])
      expect(filesContaining(data.dir, secret), secret).toEqual([]);
  });

  it('given a case erased, then it is found no more, and its tokens are gone with it', async () => {
    await chef()
      .post(`/api/cases/${ids.second}/erasure`)
      .send({ reason: 'gallringsbeslut', decision: 'SN 2026/0412' })
      .expect(200);
    await eventually(async () => expect(await found('ab196304')).toEqual([ids.first]));
    const db = app.get(ReadModelDb);
    expect(
      db.get<{ n: number }>('SELECT count(*) AS n FROM cs_search_tokens WHERE case_id = :id', {
        id: ids.second,
      })?.n,
    ).toBe(0);
  });
});
