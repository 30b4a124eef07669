import { copyFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { ReadModelDb } from '@app/read-model';
import { as, eventually, ON_SQLITE, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver } from './flows';

/** The read models' checkpoint belongs to one log; another log under the same data directory is noticed. These tests replace the embedded store's files. */
describe('read models tied to their event store', () => {
  let data: ReturnType<typeof tempDataDir>;
  const clock = new TestClock();
  beforeEach(() => (data = tempDataDir()));
  afterEach(() => data.remove());

  const listed = async (app: Awaited<ReturnType<typeof startApp>>) => {
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    await app.get(ProjectionRunner).caughtUpTo(head);
    return (
      (await as(app, 'bitradande_enhetschef').get('/api/cases').expect(200)).body.items as {
        caseId: string;
      }[]
    )
      .map((item) => item.caseId)
      .sort();
  };
  const withoutLog = (dir: string) => {
    for (const file of ['events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm'])
      rmSync(`${dir}/${file}`, { force: true });
  };

  it('given the log is replaced by another (a fresh one) under the same data directory, then the read models are rebuilt from it, not read on', async () => {
    const first = await startApp(data.dir, ON_SQLITE, clock);
    const old = await CaseDriver.open(first, 'OL 6301');
    expect(await listed(first)).toEqual([old.caseId]);
    await first.close();

    withoutLog(data.dir);
    const second = await startApp(data.dir, ON_SQLITE, clock);
    const fresh = await CaseDriver.open(second, 'NY 6302');
    await eventually(async () => expect(await listed(second)).toEqual([fresh.caseId]));
    expect(second.get(ReadModelDb).checkpoint().storeId).toBeDefined();
    await second.close();
  });

  it('given the log is restored from a backup older than the read models, then they are rebuilt to match it', async () => {
    const app = await startApp(data.dir, ON_SQLITE, clock);
    const kept = await CaseDriver.open(app, 'KV 6303');
    await listed(app);
    await app.close();
    for (const file of ['events.sqlite']) copyFileSync(`${data.dir}/${file}`, `${data.dir}/${file}.backup`);

    const later = await startApp(data.dir, ON_SQLITE, clock);
    const lost = await CaseDriver.open(later, 'BO 6304');
    expect(await listed(later)).toEqual([kept.caseId, lost.caseId].sort());
    await later.close();

    withoutLog(data.dir);
    copyFileSync(`${data.dir}/events.sqlite.backup`, `${data.dir}/events.sqlite`);
    const restored = await startApp(data.dir, ON_SQLITE, clock);
    expect(await listed(restored)).toEqual([kept.caseId]);
    await restored.close();
  });
});
