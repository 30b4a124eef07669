import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { collect } from '@app/event-store/testing';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER } from './flows';

/**
 * The case's own life from the app (issue 18): closed and reopened,
 * its reference corrected, a step recorded by mistake undone by a
 * correcting event, and the plan's rows as tasks ticked from the task list.
 */
describe('closing, correcting and the plan as tasks', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  const worker = () => as(app, 'socialsekreterare', SOCIAL_WORKER);
  const eventsOf = async (caseId: string) =>
    collect(app.get<EventStore>(EVENT_STORE).readStream(`case-${caseId}`));
  const listed = async (query: string) =>
    (
      (await worker().get(`/api/cases?${query}`).expect(200)).body.items as {
        caseId: string;
        reference: string;
      }[]
    ).map((item) => item.caseId);

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('a case closes only when nothing runs, leaves the default case list, takes no new process, and opens again', async () => {
    const c = await CaseDriver.open(app, 'ST 1968-02');
    const rh = await c.start('rehab-handledning');
    const running = await worker().post(`/api/cases/${c.caseId}/close`).send({ reason: 'self-supporting' });
    expect(running.status).toBe(422);
    expect(running.body.details.failed).toEqual([expect.objectContaining({ id: 'processes-running' })]);
    await worker()
      .post(`/api/cases/${c.caseId}/processes/${rh}/end`)
      .send({ reason: 'client-left-unit' })
      .expect(200);
    for (const note of [undefined, null]) {
      const bad = await worker().post(`/api/cases/${c.caseId}/close`).send({ reason: 'other', note });
      expect(bad.status).toBe(400);
      expect([...new Set(bad.body.details.violations.map((v: { field: string }) => v.field))]).toEqual([
        'note',
      ]);
    }
    const closed = await worker().post(`/api/cases/${c.caseId}/close`).send({ reason: 'moved' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.events).toEqual(['CaseClosed']);
    const view = await c.view();
    expect((view as unknown as { closed: unknown }).closed).toMatchObject({
      reason: 'moved',
      label: 'Flyttat från kommunen',
      by: SOCIAL_WORKER,
    });
    await eventually(async () => {
      expect(await listed('status=closed')).toContain(c.caseId);
      expect(await listed('')).not.toContain(c.caseId);
      expect(await listed('search=ST%201968')).toContain(c.caseId);
    });
    const start = await worker()
      .post(`/api/cases/${c.caseId}/processes`)
      .send({ definitionId: 'rehab-handledning' });
    expect(start.status).toBe(422);
    expect(start.body.details.failed).toEqual([expect.objectContaining({ id: 'case-closed' })]);
    expect(
      (await as(app, 'rehabansvarig').post(`/api/cases/${c.caseId}/reopen`).send({ note: 'x' })).status,
    ).toBe(403);
    await as(app, 'bitradande_enhetschef')
      .post(`/api/cases/${c.caseId}/reopen`)
      .send({ note: 'Klienten har flyttat tillbaka' })
      .expect(200);
    await eventually(async () => expect(await listed('')).toContain(c.caseId));
    const history = (await worker().get(`/api/cases/${c.caseId}/history`).expect(200)).body.entries as {
      label: string;
    }[];
    expect(history.map((e) => e.label)).toEqual(
      expect.arrayContaining(['Ärendet avslutat: Flyttat från kommunen', 'Ärendet öppnat igen']),
    );
  });

  it('a corrected reference is what the case, the list and search show, the old one found no more; a name is refused and changes nothing', async () => {
    const c = await CaseDriver.open(app, 'RF 1970-01');
    await eventually(async () => expect(await listed('search=RF%201970-01')).toEqual([c.caseId]));
    const before = (await eventsOf(c.caseId)).length;
    const name = await worker().post(`/api/cases/${c.caseId}/reference`).send({ reference: 'Rolf Fransson' });
    expect(name.status).toBe(400);
    expect(name.body.details.violations).toEqual([expect.objectContaining({ field: 'reference' })]);
    const nulled = await worker().post(`/api/cases/${c.caseId}/reference`).send({ reference: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.details.violations).toEqual([expect.objectContaining({ field: 'reference' })]);
    const none = await worker().post(`/api/cases/${c.caseId}/reference`).send({});
    expect(none.status).toBe(400);
    expect(none.body.details.violations).toEqual([
      expect.objectContaining({ field: 'reference', rule: 'oneRequired' }),
    ]);
    expect((await eventsOf(c.caseId)).length).toBe(before);
    await worker()
      .post(`/api/cases/${c.caseId}/reference`)
      .send({ reference: 'RF 1970-11', journalRef: 'DH-2026-0042' })
      .expect(200);
    const view = (await worker().get(`/api/cases/${c.caseId}`).expect(200)).body;
    expect([view.reference, view.journalRef]).toEqual(['RF 1970-11', 'DH-2026-0042']);
    await eventually(async () => {
      expect(await listed('search=RF%201970-11')).toEqual([c.caseId]);
      expect(await listed('search=RF%201970-01')).toEqual([]);
      expect(await listed('search=DH-2026-0042')).toEqual([c.caseId]);
    });
  });

  it('a step recorded by mistake is corrected by the one who recorded it: the process is back at the step, the history keeps both', async () => {
    const c = await CaseDriver.open(app, 'KS 1975-06');
    const rh = await c.start('rehab-handledning');
    const myTasks = async () =>
      (
        (await worker().get('/api/queues/mine').expect(200)).body.items as {
          caseId: string;
          since: string;
          step: { title: string };
        }[]
      ).filter((t) => t.caseId === c.caseId);
    const waiting = await eventually(async () => {
      const [impuls] = await myTasks();
      expect(impuls?.step.title).toBe('Impuls');
      return impuls;
    });
    clock.advance('PT2H');
    await c.send('socialsekreterare', rh, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
    });
    const instance = async () =>
      (
        (await worker().get(`/api/cases/${c.caseId}`).expect(200)).body.processes as {
          instanceId: string;
          state: unknown;
          lastStep: { revision: number; event: string; label: string; by: string } | null;
        }[]
      ).find((p) => p.instanceId === rh);
    const last = (await instance())?.lastStep;
    expect(last).toMatchObject({ event: 'ImpulsRegistered', by: SOCIAL_WORKER });
    const path = `/api/cases/${c.caseId}/processes/${rh}/correct`;
    const colleague = await as(app, 'rehabansvarig')
      .post(path)
      .send({ stepRevision: last?.revision, reason: 'Fel' });
    expect(colleague.status).toBe(422);
    expect(colleague.body.details.failed).toEqual([expect.objectContaining({ id: 'not-your-step' })]);
    const stale = await worker()
      .post(path)
      .send({ stepRevision: (last?.revision ?? 0) - 1, reason: 'Fel ärende' });
    expect(stale.status).toBe(422);
    expect(stale.body.details.failed).toEqual([
      expect.objectContaining({ id: 'step-not-latest', field: 'stepRevision' }),
    ]);
    const noReason = await worker().post(path).send({ stepRevision: last?.revision });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.violations.map((v: { field: string }) => v.field)).toContain('reason');
    const corrected = await worker()
      .post(path)
      .send({ stepRevision: last?.revision, reason: 'Registrerades i fel ärende' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.events).toEqual(['StepCorrected']);
    expect(await instance()).toMatchObject({ state: 'impuls', lastStep: null });
    await eventually(async () => {
      const history = (await worker().get(`/api/cases/${c.caseId}/history`).expect(200)).body.entries as {
        type: string;
        label: string;
        details: { label: string; value: string }[];
      }[];
      expect(history.map((e) => e.type)).toEqual(
        expect.arrayContaining(['ImpulsRegistered', 'StepCorrected']),
      );
      const entry = history.find((e) => e.type === 'StepCorrected');
      expect(entry?.label).toBe('Rättelse: steget ”Registrera impuls” registrerades av misstag');
      expect(JSON.stringify(entry?.details)).toContain('Registrerades i fel ärende');
    });
    // The queue shows the step again, waiting since it first did, and nothing of the step taken back.
    await eventually(async () =>
      expect((await myTasks()).map((t) => [t.step.title, t.since])).toEqual([['Impuls', waiting?.since]]),
    );
  });

  it('a corrected follow-up takes its BIP phase and its follow-up date back, in the case, the list and the statistics', async () => {
    const c = await CaseDriver.open(app, 'BP 1972-08');
    const rehab = () => as(app, 'rehabansvarig');
    const sv = await c.start('samverkan-varden', 'rehabansvarig');
    await c.send('rehabansvarig', sv, 'ImpulsRegistered', { source: 'jobbtorg-vuxen', reason: 'Ny kontakt' });
    await c.send('rehabansvarig', sv, 'ContactPlanned', {
      contactMethod: 'telefon',
      progressionsplanNeeded: false,
    });
    await c.send('rehabansvarig', sv, 'PlanningAgreed', {
      agreedOn: '2026-03-02',
      summary: 'Samordnad planering',
    });
    await c.send('socialsekreterare', sv, 'PlanningCarriedOut', { description: 'Klienten deltar' });
    const followUp = async () =>
      (
        (await as(app, 'bitradande_enhetschef').get('/api/follow-up').expect(200)).body.items as {
          caseId: string;
          lastFollowUpAt: string;
        }[]
      ).find((f) => f.caseId === c.caseId);
    const before = await eventually(async () => {
      const row = await followUp();
      expect(row).toBeDefined();
      return row;
    });
    clock.advance('P1D');
    await c.send('rehabansvarig', sv, 'FollowUpRecorded', { bipPhase: 2, notes: 'Har börjat arbetsträna' });
    const bip = async () =>
      (
        (await worker().get(`/api/cases?search=BP%201972-08`).expect(200)).body.items as {
          bipPhase: number | null;
        }[]
      )[0]?.bipPhase;
    await eventually(async () => {
      expect(await bip()).toBe(2);
      expect((await followUp())?.lastFollowUpAt).not.toBe(before?.lastFollowUpAt);
    });
    const phaseTwo = async () =>
      (
        (
          await as(app, 'bitradande_enhetschef')
            .get('/api/statistics/bip-phases?from=2026-01&to=2026-12')
            .expect(200)
        ).body as { phases: Record<string, number> }[]
      ).reduce((sum, month) => sum + (month.phases['2'] ?? 0), 0);
    await eventually(async () => expect(await phaseTwo()).toBeGreaterThan(0));
    const view = (await rehab().get(`/api/cases/${c.caseId}`).expect(200)).body;
    const last = (view.processes as { instanceId: string; lastStep: { revision: number } | null }[]).find(
      (p) => p.instanceId === sv,
    )?.lastStep;
    expect(view.bipPhase).toMatchObject({ phase: 2 });
    await rehab()
      .post(`/api/cases/${c.caseId}/processes/${sv}/correct`)
      .send({ stepRevision: last?.revision, reason: 'Fel klient' })
      .expect(200);
    expect((await rehab().get(`/api/cases/${c.caseId}`).expect(200)).body.bipPhase).toBeNull();
    await eventually(async () => {
      expect(await bip()).toBeNull();
      expect((await followUp())?.lastFollowUpAt).toBe(before?.lastFollowUpAt);
    });
    await eventually(async () => expect(await phaseTwo()).toBe(0));
  });

  it("the plan's rows are the social worker's tasks with their day; a late one is reminded once; Gjort from the task list takes it away", async () => {
    const c = await CaseDriver.open(app, 'PL 1980-09');
    await c.rehabToCategory4();
    const tasks = async () =>
      (
        (await worker().get('/api/queues/plan').expect(200)).body.items as {
          caseId: string;
          row: number;
          dueOn: string;
          late: boolean;
          item: { vad: string; vem: string } | null;
        }[]
      ).filter((t) => t.caseId === c.caseId);
    await eventually(async () =>
      expect(await tasks()).toEqual([
        expect.objectContaining({
          row: 1,
          dueOn: '2026-02-15',
          late: true,
          item: expect.objectContaining({ vad: 'Kontakt med vårdcentral' }),
        }),
      ]),
    );
    // Another unit's social worker sees none of it.
    const other = (
      await as(app, 'socialsekreterare', 'ss-other', 'jarva-2').get('/api/queues/plan').expect(200)
    ).body;
    expect(other.items).toEqual([]);
    const run = async () =>
      (await as(app, 'operator').post('/api/admin/deadlines/run').expect(200)).body.reminded as {
        caseId: string;
      }[];
    expect((await run()).filter((r) => r.caseId === c.caseId)).toEqual([
      { caseId: c.caseId, row: 1, late: true },
    ]);
    await eventually(async () => {
      const notes = (await worker().get('/api/notifications').expect(200)).body.items as {
        caseId: string;
        kind: string;
        message: string;
      }[];
      expect(
        notes.filter((n) => n.caseId === c.caseId && n.kind === 'plan-item-due').map((n) => n.message),
      ).toEqual(['Progressionsplanen: punkt 1 skulle ha varit gjord 15 februari 2026.']);
    });
    expect((await run()).filter((r) => r.caseId === c.caseId)).toEqual([]);
    const outside = await worker()
      .post(`/api/cases/${c.caseId}/progressionsplan/items/2`)
      .send({ done: true });
    expect(outside.status).toBe(400);
    expect(outside.body.details.violations).toEqual([expect.objectContaining({ field: 'row' })]);
    const word = await worker().post(`/api/cases/${c.caseId}/progressionsplan/items/en`).send({ done: true });
    expect(word.status).toBe(400);
    const notBoolean = await worker()
      .post(`/api/cases/${c.caseId}/progressionsplan/items/1`)
      .send({ done: 'ja' });
    expect(notBoolean.status).toBe(400);
    await worker().post(`/api/cases/${c.caseId}/progressionsplan/items/1`).send({ done: true }).expect(200);
    await eventually(async () => expect(await tasks()).toEqual([]));
    const plan = (await worker().get(`/api/cases/${c.caseId}`).expect(200)).body.progressionsplan;
    expect(plan).toMatchObject({ due: ['2026-02-15'], done: [true] });
  });
});
