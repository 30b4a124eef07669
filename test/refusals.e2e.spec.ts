import Database from 'better-sqlite3';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startApp, tempDataDir, TestClock } from './app-harness';
import { SOCIAL_WORKER, UNIT } from './flows';

/** A refused request leaves no trace; and no answer tells a user of another unit that a case exists. */
describe('refusals write nothing and tell nothing', () => {
  const data = tempDataDir();
  let app: INestApplication;

  const keyRows = () => {
    const file = new Database(`${data.dir}/keys.sqlite`, { readonly: true });
    try {
      return (
        file.prepare('SELECT case_id FROM data_keys ORDER BY case_id').all() as { case_id: string }[]
      ).map((row) => row.case_id);
    } finally {
      file.close();
    }
  };
  const sw = () => as(app, 'socialsekreterare', SOCIAL_WORKER);
  const open = (body: object, key?: string) => {
    const call = sw().post('/api/cases');
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };
  const valid = { reference: 'AB 6303', unit: UNIT, socialWorkerId: SOCIAL_WORKER };

  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock());
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given an OpenCase refused with 403, 400 or 422, then the key store has no new row', async () => {
    await open(valid, 'first-attempt-01').expect(201);
    const before = keyRows();

    await open({ ...valid, unit: 'rinkeby-2' }).expect(403);
    await open({ ...valid, reference: 'Anna Andersson' }).expect(400);
    await open({ ...valid, socialWorkerId: 'x'.repeat(200) }).expect(400);
    // The same key for another case: a reused key, refused without a second key.
    await open({ ...valid, reference: 'CD 7104' }, 'first-attempt-01').expect(422);

    expect(keyRows()).toEqual(before);
  });

  it('given an accepted OpenCase, then exactly one key is created for it, and its retry reuses that key', async () => {
    const before = keyRows();
    const first = await open(valid, 'retried-open-01').expect(201);
    const retry = await open(valid, 'retried-open-01').expect(201);
    expect(retry.body.caseId).toBe(first.body.caseId);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(keyRows()).toEqual([...before, first.body.caseId].sort());
  });

  it('given a case of another unit, then opening, reading or writing it answers exactly as for a case that does not exist', async () => {
    const elsewhere = await as(app, 'socialsekreterare', 'ss-rinkeby', 'rinkeby-2')
      .post('/api/cases')
      .send({ reference: 'EF 8206', unit: 'rinkeby-2', socialWorkerId: 'ss-rinkeby' })
      .expect(201);
    const existing = elsewhere.body.caseId as string;
    const free = 'no-such-case-0001';
    const answersFor = async (caseId: string) => {
      const answers = [
        await sw()
          .post('/api/cases')
          .send({ ...valid, caseId }),
        await sw().get(`/api/cases/${caseId}`),
        await sw().get(`/api/cases/${caseId}/history`),
        await sw().post(`/api/cases/${caseId}/processes`).send({ definitionId: 'afu' }),
      ];
      // The id itself is echoed where the caller gave it; everything else must be the same.
      return answers.map((r) => [r.status, JSON.stringify(r.body).replaceAll(caseId, '<id>')]);
    };
    expect(await answersFor(existing)).toEqual(await answersFor(free));
    const [openedWithId] = await answersFor(free);
    expect(openedWithId[0]).toBe(400);
  });
});
