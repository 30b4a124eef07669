import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';

type Action = {
  command: string;
  label: string;
  schema: { properties: Record<string, Record<string, unknown>> };
};

/**
 * The case's Rehabansvarig over HTTP: one of the unit's, chosen by name;
 * a change to another records what every change of contact records, and
 * the new one reads the hand-over (toolbox.md, Continuity).
 */
describe("the case's Rehabansvarig", () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-02-02T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const assign = (body: object) => chef().post(`/api/cases/${c.caseId}/rehabansvarig`).send(body);
  const action = async () =>
    ((await chef().get(`/api/cases/${c.caseId}/next-steps`).expect(200)).body.caseActions as Action[]).find(
      (a) => a.command === 'AssignRehabansvarig',
    );

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    await signedInOnce(app, 'rehab-eva', UNIT, 'rehabansvarig');
    await signedInOnce(app, 'rehab-olle', UNIT, 'rehabansvarig');
    await signedInOnce(app, 'rehab-rinkeby', 'rinkeby-2', 'rehabansvarig');
    c = await CaseDriver.open(app, 'RA 6907');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("given none is named, then the biträdande enhetschef is offered the unit's Rehabansvariga by name, and no one of another unit", async () => {
    const offered = await action();
    expect(offered?.label).toBe('Ange Rehabansvarig för ärendet');
    const field = offered?.schema.properties.rehabansvarigId;
    expect(field?.enum).toEqual(expect.arrayContaining(['rehab-eva', 'rehab-olle']));
    expect(field?.enum).not.toContain('rehab-rinkeby');
  });

  it('given someone of another unit or without the role, then it is refused naming rehabansvarigId, and nothing is appended', async () => {
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    for (const [id, rule] of [
      ['rehab-rinkeby', 'not-rehabansvarig-of-the-unit'],
      [c.userFor('socialsekreterare'), 'not-rehabansvarig-of-the-unit'],
      ['rehab-okand', 'unknown-user'],
    ]) {
      const refused = await assign({ rehabansvarigId: id });
      expect([refused.status, refused.body.details.failed]).toEqual([
        422,
        [expect.objectContaining({ id: rule, field: 'rehabansvarigId' })],
      ]);
    }
    expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toEqual(head);
  });

  it('given one is named and another takes over, then the change carries its reason and hand-over, the new one is told in person and reads it, and the social worker is told', async () => {
    expect((await assign({ rehabansvarigId: 'rehab-eva' })).status).toBe(200);
    expect((await action())?.label).toBe('Byt Rehabansvarig');
    const withoutHandover = await assign({
      rehabansvarigId: 'rehab-olle',
      reason: 'franvaro',
      clientInformed: true,
    });
    expect([withoutHandover.status, JSON.stringify(withoutHandover.body)]).toEqual([
      400,
      expect.stringContaining('handover'),
    ]);
    const same = await assign({
      rehabansvarigId: 'rehab-eva',
      reason: 'franvaro',
      clientInformed: true,
      handover: 'Nuläge.',
    });
    expect(same.body.details.failed).toEqual([expect.objectContaining({ id: 'rehabansvarig-unchanged' })]);
    const changed = await assign({
      rehabansvarigId: 'rehab-olle',
      reason: 'franvaro',
      clientInformed: true,
      handover: 'Nuläge: samverkan med vårdcentralen pågår.',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const view = (await as(app, 'rehabansvarig', 'rehab-olle').get(`/api/cases/${c.caseId}`).expect(200))
      .body;
    expect(view.rehabansvarigId).toBe('rehab-olle');
    expect(view.lastRehabansvarigChange).toMatchObject({
      from: 'rehab-eva',
      reasonLabel: 'Frånvaro',
      clientInformed: true,
      handover: 'Nuläge: samverkan med vårdcentralen pågår.',
    });
    await eventually(async () => {
      const olle = (await as(app, 'rehabansvarig', 'rehab-olle').get('/api/notifications').expect(200)).body
        .items as { message: string }[];
      expect(olle.map((n) => n.message)).toContain(
        'Ärendet har fått en ny Rehabansvarig; läs överlämningen i ärendet.',
      );
      const worker = (
        await as(app, 'socialsekreterare', c.userFor('socialsekreterare')).get('/api/notifications')
      ).body.items as { message: string }[];
      expect(worker.map((n) => n.message)).toContain(
        'Ärendet har fått en ny Rehabansvarig; läs överlämningen i ärendet.',
      );
    });
  });
});
