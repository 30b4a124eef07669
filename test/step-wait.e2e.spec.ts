import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';

interface Reason {
  reason: string;
  label: string;
  kind: string;
  waitingNow: number;
  passed: number;
}

/**
 * Waits not caused by the need (seed 002), over HTTP: the social worker
 * records why a step waits; the case shows it, the history keeps it, the
 * next step ends it, and the step-wait statistics count it by reason.
 */
describe('why a step waits', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-02-02T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  let rh: string;
  const sw = () => as(app, 'socialsekreterare', c.userFor('socialsekreterare'));
  const recordWait = (body: object) => sw().post(`/api/cases/${c.caseId}/processes/${rh}/wait`).send(body);
  const reasonsAtImpuls = async () => {
    const waits = (
      await as(app, 'bitradande_enhetschef', 'bec-1').get(`/api/statistics/step-waits?unit=${UNIT}`)
    ).body as { definitionId: string; step: string; reasons: Reason[] }[];
    return waits.find((w) => w.definitionId === 'rehab-handledning' && w.step === 'impuls')?.reasons;
  };

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    c = await CaseDriver.open(app, 'VT 7004');
    rh = await c.start('rehab-handledning');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given the process waits on vården, when the social worker records it, then the case shows why and since when, opened for its reader, and the history keeps it', async () => {
    const next = (await sw().get(`/api/cases/${c.caseId}/next-steps`).expect(200)).body;
    expect(next.instanceActions).toContainEqual(
      expect.objectContaining({
        instanceId: rh,
        command: 'RecordStepWait',
        label: 'Registrera att steget väntar',
      }),
    );
    const recorded = await recordWait({
      reason: 'vantar-varden',
      since: '2026-01-26',
      note: 'Väntar på läkarintyg',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const process = (await sw().get(`/api/cases/${c.caseId}`).expect(200)).body.processes.find(
      (p: { instanceId: string }) => p.instanceId === rh,
    );
    expect(process.waiting).toMatchObject({
      reason: 'vantar-varden',
      label: 'Väntar på vården',
      kind: 'annan-part',
      since: '2026-01-26',
      note: 'Väntar på läkarintyg',
    });
    const history = (await sw().get(`/api/cases/${c.caseId}/history`).expect(200)).body.entries as {
      type: string;
      label: string;
    }[];
    expect(history.find((e) => e.type === 'StepWaitRecorded')?.label).toBe(
      'Steget väntar: Väntar på vården (sedan 2026-01-26), Rehabansvarig handleder',
    );
    await eventually(async () =>
      expect(await reasonsAtImpuls()).toEqual([
        { reason: 'vantar-varden', label: 'Väntar på vården', kind: 'annan-part', waitingNow: 1, passed: 0 },
      ]),
    );
  });

  it('when the process takes its next step, then the wait is over, and the statistics count it as passed', async () => {
    await c.send('socialsekreterare', rh, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
    });
    const process = (await sw().get(`/api/cases/${c.caseId}`).expect(200)).body.processes.find(
      (p: { instanceId: string }) => p.instanceId === rh,
    );
    expect(process.waiting).toBeNull();
    await eventually(async () =>
      expect(await reasonsAtImpuls()).toEqual([expect.objectContaining({ waitingNow: 0, passed: 1 })]),
    );
  });

  it('given a reason outside the list, or someone who only reads, then it is refused naming the field or the role, and nothing is appended', async () => {
    // A first sign-in is recorded in the staff directory; that is not what this measures.
    await signedInOnce(app, 'auditor-1', UNIT, 'auditor');
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const bad = await recordWait({ reason: 'orkar-inte', since: '2026-01-26' });
    expect([bad.status, JSON.stringify(bad.body)]).toEqual([400, expect.stringContaining('reason')]);
    const auditor = await as(app, 'auditor')
      .post(`/api/cases/${c.caseId}/processes/${rh}/wait`)
      .send({ reason: 'vantar-varden', since: '2026-01-26' });
    expect(auditor.status).toBe(403);
    expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toEqual(head);
  });
});
