import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startApp, tempDataDir, TestClock, signedInOnce } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT, FULL_CHANGE } from './flows';

/**
 * Three cases on one unit: A waits in förtroendeläkare follow-up with its
 * check-in overdue, B finished follow-up in BIP phase 3, C changed social
 * worker twice. Each query is checked against what that story implies.
 */
describe('queries over the read models', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  let a: CaseDriver;
  let b: CaseDriver;
  let c: CaseDriver;
  const supervisor = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const ids = (items: { caseId: string }[]) => items.map((item) => item.caseId).sort();

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    a = await CaseDriver.open(app, 'AB 6303');
    b = await CaseDriver.open(app, 'CD 7104');
    c = await CaseDriver.open(app, 'EF 8205');
    for (const driver of [a, b]) {
      await driver.rehabToCategory4();
      await driver.fortroendelakareToRecommendations();
    }
    clock.set('2026-02-10T10:00:00.000Z');
    const fl = await b.instanceOf('fortroendelakare');
    await b.send('rehabansvarig', fl, 'CheckInHeld', { notes: 'Avstämt' });
    await b.send('socialsekreterare', fl, 'ActionsTaken', { description: 'Kontakt med vårdcentral' });
    await b.send('rehabansvarig', fl, 'FollowUpCompleted', { bipPhase: 3, outcome: 'Parallella insatser' });
    for (const worker of ['ss-bertil', 'ss-cecilia']) {
      await signedInOnce(app, worker);
      await supervisor()
        .post(`/api/cases/${c.caseId}/caseworker`)
        .send({ socialWorkerId: worker, ...FULL_CHANGE })
        .expect(200);
    }
    clock.set('2026-02-20T08:00:00.000Z');
    await eventually(async () => {
      const status = (await supervisor().get('/api/admin/projections')).body;
      expect([status.state, status.lag]).toEqual(['live', 0]);
    });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("orders a role's queue overdue first, then by due date", async () => {
    const items = (await as(app, 'rehabansvarig').get('/api/queues/role')).body.items;
    expect(items[0]).toMatchObject({ caseId: a.caseId, overdue: true, dueAt: '2026-02-15T09:00:00.000Z' });
    const due = items.map((t: { dueAt: string | null }) => t.dueAt).filter(Boolean);
    expect(due).toEqual([...due].sort());
  });

  it('follows a handläggarbyte: the new social worker gets the tasks of the case', async () => {
    const items = (await as(app, 'socialsekreterare', 'ss-cecilia').get('/api/queues/mine')).body.items;
    expect(items.every((t: { caseId: string }) => t.caseId === c.caseId)).toBe(true);
    const list = (await supervisor().get('/api/cases?socialWorkerId=ss-cecilia')).body;
    expect(ids(list.items)).toEqual([c.caseId]);
  });

  it.each([
    ['overdue=true', () => [a.caseId]],
    ['process=fortroendelakare', () => [a.caseId]],
    ['process=fortroendelakare&state=uppfoljning.avstamning.pending', () => [a.caseId]],
    ['state=overlamnad', () => [a.caseId, b.caseId]],
    ['process=fortroendelakare&state=completed', () => [b.caseId]],
    [`unit=${UNIT}&limit=2`, () => undefined],
    ['unit=annan-enhet', () => []],
  ])('lists cases filtered by %s', async (query, expected) => {
    const response = await supervisor().get(`/api/cases?${query}`);
    expect(response.status).toBe(200);
    const want = expected();
    if (want) expect(ids(response.body.items)).toEqual([...want].sort());
    else expect([response.body.items.length, response.body.total]).toEqual([2, 3]);
  });

  it('refuses a bad filter naming it', async () => {
    const response = await supervisor().get('/api/cases?overdue=maybe&limit=0');
    expect(response.status).toBe(400);
    expect(response.body.details.violations.map((v: { field: string }) => v.field).sort()).toEqual([
      'limit',
      'overdue',
    ]);
  });

  it('lists open deadlines by due time, with the case revision the worker will expect', async () => {
    const response = await supervisor().get('/api/deadlines?dueBy=2026-02-28T00:00:00Z');
    expect(response.body.items).toEqual([
      expect.objectContaining({
        caseId: a.caseId,
        name: 'checkIn',
        overdue: true,
        caseRevision: (await a.view()).revision,
      }),
    ]);
  });

  it('shows who owns follow-up of each running process, and not of one whose follow-up completed', async () => {
    const response = await supervisor().get('/api/follow-up?owner=rehabansvarig');
    expect(response.body.items).toEqual([
      expect.objectContaining({ caseId: a.caseId, process: 'Förtroendeläkare', owner: 'rehabansvarig' }),
    ]);
  });

  it('shows the case as it was before follow-up completed', async () => {
    const before = await supervisor().get(`/api/cases/${b.caseId}/as-of?at=2026-02-01T00:00:00Z`);
    const fl = (before.body.processes as { definitionId: string; status: string }[]).find(
      (p) => p.definitionId === 'fortroendelakare',
    );
    expect(fl?.status).toBe('active');
    expect((await b.view()).processes.find((p) => p.definitionId === 'fortroendelakare')?.status).toBe(
      'completed',
    );
    const never = await supervisor().get(`/api/cases/${b.caseId}/as-of?at=2025-01-01T00:00:00Z`);
    expect(never.status).toBe(404);
    const bad = await supervisor().get(`/api/cases/${b.caseId}/as-of?at=igår`);
    expect(bad.body.details.violations).toEqual([expect.objectContaining({ field: 'at' })]);
  });

  it('counts BIP phases per unit and month', async () => {
    const response = await supervisor().get('/api/statistics/bip-phases?from=2026-01&to=2026-02');
    expect(response.body).toEqual([
      { month: '2026-01', unit: UNIT, phases: { ingen: 3 } },
      { month: '2026-02', unit: UNIT, phases: { ingen: 2, '3': 1 } },
    ]);
    const reversed = await supervisor().get('/api/statistics/bip-phases?from=2026-03&to=2026-01');
    expect(reversed.status).toBe(400);
  });

  it('counts running instances per process step', async () => {
    const response = await supervisor().get('/api/statistics/process-steps');
    expect(response.body).toEqual([
      expect.objectContaining({
        definitionId: 'fortroendelakare',
        step: 'uppfoljning',
        title: 'Uppföljning',
        cases: 1,
      }),
    ]);
  });

  it('measures the time spent in each step: who waits there now and for how long, and how long those who left it stood there', async () => {
    const waits = (await supervisor().get('/api/statistics/step-waits')).body as {
      definitionId: string;
      step: string;
    }[];
    const fl = waits.filter((w) => w.definitionId === 'fortroendelakare');
    // A has stood in follow-up since 15 January 09:00 (35 days 23 hours by 20 February 08:00); B left it on 10 February 10:00.
    expect(fl[0]).toEqual({
      unit: UNIT,
      definitionId: 'fortroendelakare',
      process: 'Förtroendeläkare',
      step: 'uppfoljning',
      title: 'Uppföljning',
      waitingNow: 1,
      longestWaitingDays: 36,
      passed: 1,
      medianDays: 26,
      longestDays: 26,
      reasons: [],
    });
    // Both cases passed the earlier steps within the same minute.
    expect(fl.find((w) => w.step === 'bedomning')).toMatchObject({
      waitingNow: 0,
      longestWaitingDays: null,
      passed: 2,
      medianDays: 0,
    });
    expect(waits.every((w) => w.step !== 'completed')).toBe(true);
    const otherUnit = await supervisor().get('/api/statistics/step-waits?unit=annan-enhet');
    expect(otherUnit.body).toEqual([]);
  });

  it('flags two caseworker changes within twelve months', async () => {
    const response = await supervisor().get('/api/statistics/caseworker-changes');
    expect(response.body).toEqual([
      expect.objectContaining({ caseId: c.caseId, lastTwelveMonths: 2, total: 2, flagged: true }),
    ]);
  });

  it('describes every process and exports BPMN XML', async () => {
    const list = (await supervisor().get('/api/processes')).body;
    // The six of the toolbox, the two tasks a change of caseworker starts, placements on insatser, and referrals.
    expect(list.map((p: { id: string }) => p.id)).toEqual([
      'rehab-handledning',
      'samverkan-varden',
      'fortroendelakare',
      'afu',
      'skriftliga-rekommendationer',
      'case-manager',
      'klient-informeras',
      'overlamning',
      'insats',
      'aktualisering',
    ]);
    const bpmn = await supervisor().get('/api/processes/fortroendelakare/bpmn');
    expect(bpmn.headers['content-type']).toMatch(/^application\/xml/);
    expect(bpmn.text).toContain('<bpmn:definitions');
    const openapi = await supervisor().get('/api/openapi.json');
    expect(openapi.body.paths['/api/cases/{caseId}/next-steps']).toBeDefined();
    expect(openapi.body.components.schemas.OpenCaseDto.required).toEqual([
      'reference',
      'unit',
      'socialWorkerId',
    ]);
  });

  it("tells each role what it may do next, in Swedish, with the payload's schema", async () => {
    const fl = await a.instanceOf('fortroendelakare');
    const rehab = (await as(app, 'rehabansvarig').get(`/api/cases/${a.caseId}/next-steps`)).body;
    expect(rehab.steps.map((s: { event: string }) => s.event).sort()).toEqual([
      'CheckInHeld',
      'FollowUpCompleted',
    ]);
    expect(rehab.steps[0]).toMatchObject({
      instanceId: fl,
      label: expect.any(String),
      schema: { type: 'object' },
    });
    expect(rehab.caseActions.map((x: { command: string }) => x.command)).toContain('RecordProgressionsplan');
    const sw = (await as(app, 'socialsekreterare', SOCIAL_WORKER).get(`/api/cases/${a.caseId}/next-steps`))
      .body;
    expect(sw.steps.map((s: { event: string }) => s.event)).toEqual(['ActionsTaken']);
  });

  it('records a progressionsplan by Rehabansvarig and shows it on the case and in the list', async () => {
    const plan = {
      category: 3,
      followUpOwner: 'rehabansvarig',
      items: [
        {
          vad: 'Samverkan med vården',
          vem: 'Rehabansvarig',
          nar: '2026-03-01',
          varfor: 'Plan',
          gjort: false,
        },
      ],
    };
    const response = await as(app, 'rehabansvarig')
      .post(`/api/cases/${c.caseId}/progressionsplan`)
      .send(plan);
    expect([response.status, response.body.events]).toEqual([200, ['ProgressionsplanRecorded']]);
    expect(response.headers.etag).toBe(`"${response.body.revision}"`);
    const view = (await supervisor().get(`/api/cases/${c.caseId}`)).body;
    expect(view.progressionsplan).toMatchObject({ ...plan, recordedAt: '2026-02-20T08:00:00.000Z' });
    await eventually(async () => {
      const list = (await supervisor().get(`/api/cases?socialWorkerId=ss-cecilia`)).body.items;
      expect(list[0]).toMatchObject({ caseId: c.caseId, hasProgressionsplan: true });
    });
  });
});
