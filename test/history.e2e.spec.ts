import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectionRunner } from '@app/projections';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, PLAN } from './flows';

interface Page {
  entries: { revision: number; type: string; data: Record<string, unknown> }[];
  next: number | null;
}

describe('the case history, a page at a time, and its export', () => {
  const data = tempDataDir();
  let app: INestApplication;
  let c: CaseDriver;
  let events = 0;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');

  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock());
    c = await CaseDriver.open(app, 'HP 6512');
    for (let i = 0; i < 140; i++) {
      await as(app, 'rehabansvarig')
        .post(`/api/cases/${c.caseId}/progressionsplan`)
        .send({ category: 3, followUpOwner: 'rehabansvarig', ...PLAN })
        .expect(200);
    }
    events = (await c.view()).revision + 1;
    await eventually(async () => {
      const all = await chef().get(`/api/cases/${c.caseId}/history/export`).expect(200);
      expect(all.body.entries).toHaveLength(events);
    });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given no cursor, then the first 100 entries and the cursor to the rest; following it reaches the newest with no gap', async () => {
    const first = (await chef().get(`/api/cases/${c.caseId}/history`).expect(200)).body as Page;
    expect(first.entries).toHaveLength(100);
    expect(first.next).toBe(99);
    const second = (
      await chef().get(`/api/cases/${c.caseId}/history`).query({ after: first.next }).expect(200)
    ).body as Page;
    expect(second.next).toBeNull();
    const revisions = [...first.entries, ...second.entries].map((entry) => entry.revision);
    expect(revisions).toEqual([...Array(events).keys()]);
  });

  it('given a limit, then pages of that size; over 500 is refused naming the rule', async () => {
    const page = (
      await chef().get(`/api/cases/${c.caseId}/history`).query({ limit: 7, after: 3 }).expect(200)
    ).body as Page;
    expect(page.entries.map((entry) => entry.revision)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    const tooMany = await chef().get(`/api/cases/${c.caseId}/history`).query({ limit: 501 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details.violations).toContainEqual(
      expect.objectContaining({ field: 'limit', rule: 'max' }),
    );
  });

  it('given the export, then every entry at once with personal fields opened, logged as an export, not as a page', async () => {
    const all = (await chef().get(`/api/cases/${c.caseId}/history/export`).expect(200)).body as Page;
    expect(all.entries).toHaveLength(events);
    expect(all.entries[0].data.reference).toBe('HP 6512');
    expect(all.entries[1].data.items).toEqual(PLAN.items);
    await eventually(async () => {
      const log = await chef().get(`/api/access-log/cases/${c.caseId}`).expect(200);
      expect(log.body.items.map((item: { view: string }) => item.view)).toContain('history-export');
    });
  });

  it('given a step just taken while the read models lag, then the history answered right after already shows it', async () => {
    const runner = app.get(ProjectionRunner);
    await runner.stop();
    const step = await as(app, 'rehabansvarig')
      .post(`/api/cases/${c.caseId}/progressionsplan`)
      .send({ category: 2, followUpOwner: 'bitradande_enhetschef', ...PLAN })
      .expect(200);
    setTimeout(() => runner.start(), 200);
    const all = (await chef().get(`/api/cases/${c.caseId}/history/export`).expect(200)).body as Page;
    expect(all.entries.at(-1)?.revision).toBe(step.body.revision);
  });
});
