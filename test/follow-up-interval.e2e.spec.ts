import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';

interface FollowUp {
  caseId: string;
  instanceId: string;
  owner: string;
  lastFollowUpAt: string;
  followUpDueAt: string;
  followUpOverdue: boolean;
}

/**
 * Every follow-up owner records a follow-up at least every third month (BIP
 * is measured every third month; toolbox.md, Deadlines, a default): a step
 * the owner takes in the process counts, anyone else's does not, and three
 * months without one flag it to the biträdande enhetschef.
 */
describe('a follow-up recorded every third month', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  let fl: string;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const followUps = async (query = '') =>
    (await chef().get(`/api/follow-up?unit=${UNIT}${query}`).expect(200)).body.items as FollowUp[];
  const mine = async (query = '') => (await followUps(query)).filter((f) => f.instanceId === fl);

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    c = await CaseDriver.open(app, 'FU 6602');
    await c.rehabToCategory4();
    fl = await c.fortroendelakareToRecommendations();
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given Rehabansvarig took the follow-up over, then the next follow-up is due three months after, and it is not flagged', async () => {
    await eventually(async () => {
      expect(await mine()).toEqual([
        expect.objectContaining({
          owner: 'rehabansvarig',
          lastFollowUpAt: '2026-01-15T09:00:00.000Z',
          // Three calendar months in Swedish time: 10.00 in winter is 10.00 in summer time too.
          followUpDueAt: '2026-04-15T08:00:00.000Z',
          followUpOverdue: false,
        }),
      ]);
    });
    expect(await mine('&overdue=true')).toEqual([]);
  });

  it("when Rehabansvarig records a check-in a month later, then the three months run from it; the social worker's step moves nothing", async () => {
    clock.set('2026-02-16T09:00:00.000Z');
    await c.send('rehabansvarig', fl, 'CheckInHeld', { notes: 'Stämt av med socialsekreteraren' });
    clock.set('2026-03-02T09:00:00.000Z');
    await c.send('socialsekreterare', fl, 'ActionsTaken', { description: 'Kontakt med vårdcentral' });
    await eventually(async () => {
      const [row] = await mine();
      expect([row?.lastFollowUpAt, row?.followUpDueAt]).toEqual([
        '2026-02-16T09:00:00.000Z',
        '2026-05-16T08:00:00.000Z',
      ]);
    });
  });

  it('when three months pass with nothing more, then it is flagged to the biträdande enhetschef', async () => {
    clock.set('2026-05-16T07:59:00.000Z');
    expect(await mine('&overdue=true')).toEqual([]);
    clock.set('2026-05-16T08:00:00.000Z');
    expect(await mine('&overdue=true')).toEqual([expect.objectContaining({ followUpOverdue: true })]);
    expect(await mine('&overdue=false')).toEqual([]);
  });

  it('given overdue is not a boolean, then 400 names the field', async () => {
    const response = await chef().get('/api/follow-up?overdue=kanske');
    expect([response.status, JSON.stringify(response.body)]).toEqual([
      400,
      expect.stringContaining('overdue'),
    ]);
  });
});
