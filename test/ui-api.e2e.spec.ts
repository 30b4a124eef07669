import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevTokens } from '../apps/api/src/identity/dev-tokens';
import { as, eventually, startApp, tempDataDir, TestClock, signedInOnce } from './app-harness';
import { CaseDriver, FULL_CHANGE, CM_ASSIGNED, CM_TARGET_GROUP } from './flows';

/** What the web app relies on from the API: labelled schemas, diagram elements, the CM plan, live updates. */
describe('the API the web app is built on', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  const supervisor = () => as(app, 'bitradande_enhetschef', 'bec-1');

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('describes each step field in Swedish: label, help text, option names, and dates as dates', async () => {
    const driver = await CaseDriver.open(app, 'GH 1966');
    const rh = await driver.start('rehab-handledning');
    const { body } = await as(app, 'socialsekreterare', 'ss-anna').get(
      `/api/cases/${driver.caseId}/next-steps`,
    );
    const impuls = body.steps.find((step: { event: string }) => step.event === 'ImpulsRegistered');
    expect(impuls.schema.properties.grounds).toMatchObject({
      title: 'Skäl till impulsen',
      description: 'Välj ett eller flera skäl att ta ärendet till Rehabansvarig.',
      'x-enumLabels': {
        'funktionsnedsattning-eller-oklar-formaga': 'Funktionsnedsättning eller oklar förmåga',
      },
    });
    await driver.send('socialsekreterare', rh, 'ImpulsRegistered', { grounds: ['kategori-1-plan-klar'] });
    await driver.send('socialsekreterare', rh, 'RehabansvarigContacted');
    await driver.send('rehabansvarig', rh, 'DocumentationReviewed', { findings: 'Genomgång' });
    const next = await as(app, 'rehabansvarig').get(`/api/cases/${driver.caseId}/next-steps`);
    const supervision = next.body.steps.find((step: { event: string }) => step.event === 'SupervisionHeld');
    expect(supervision.schema.properties.heldOn).toEqual({
      type: 'string',
      format: 'date',
      title: 'Handledningen hölls',
      'x-notAfterToday': true,
    });
    const plan = next.body.caseActions.find(
      (action: { command: string }) => action.command === 'RecordProgressionsplan',
    );
    expect(plan.schema.properties.items.items.properties.nar).toMatchObject({ format: 'date', title: 'När' });
  });

  it('names the current step as an element of the BPMN export, so the diagram can highlight it', async () => {
    const driver = await CaseDriver.open(app, 'IJ 1972');
    await driver.rehabToCategory4();
    const view = await as(app, 'socialsekreterare', 'ss-anna').get(`/api/cases/${driver.caseId}`).expect(200);
    const bpmn = await as(app, 'socialsekreterare', 'ss-anna')
      .get('/api/processes/fortroendelakare/bpmn')
      .expect(200);
    const fl = view.body.processes.find(
      (p: { definitionId: string }) => p.definitionId === 'fortroendelakare',
    );
    expect(fl.bpmnElementIds).toEqual(['n_impuls']);
    for (const id of fl.bpmnElementIds) expect(bpmn.text).toContain(`<bpmn:userTask id="${id}"`);
  });

  it('keeps the CM plan (huvudmål, delmål, follow-up meetings) in the case view, opened for the reader', async () => {
    const driver = await CaseDriver.open(app, 'KL 1981');
    const cm = await driver.start('case-manager');
    await driver.send('socialsekreterare', cm, 'ReferralSubmitted', { goal: 'Arbete', ...CM_TARGET_GROUP });
    await driver.send('bitradande_enhetschef', cm, 'CaseManagerAssigned', CM_ASSIGNED);
    await driver.send('case_manager', cm, 'CriteriaMet', {
      clearGoal: true,
      consentWithHealthcareAndAf: true,
      noOngoingSubstanceAbuse: true,
      noRiskOfThreatOrViolence: true,
      understandsWithoutInterpreter: true,
    });
    await driver.send('socialsekreterare', cm, 'ClientAcceptedInformation');
    await driver.send('case_manager', cm, 'InterventionAccepted', { startMeetingOn: '2026-03-09' });
    await driver.send('case_manager', cm, 'StartMeetingHeld', {
      startDate: '2026-03-01',
      mainGoal: 'Praktik inom handel',
      subGoals: ['Regelbunden dygnsrytm', 'Körkortsteori'],
    });
    await driver.send('case_manager', cm, 'PlanShared');
    await driver.send('case_manager', cm, 'FollowUpMeetingHeld', {
      heldOn: '2026-03-02',
      present: 'Klient, CM',
      summary: 'Bra start',
      mainGoalStatus: 'pagar',
      subGoals: [{ subGoal: 'Regelbunden dygnsrytm', status: 'uppnatt' }],
    });
    const view = await as(app, 'case_manager', 'cm-1').get(`/api/cases/${driver.caseId}`).expect(200);
    const context = view.body.processes.find((p: { instanceId: string }) => p.instanceId === cm).context;
    expect(context.plan).toEqual({
      startDate: '2026-03-01',
      mainGoal: 'Praktik inom handel',
      subGoals: ['Regelbunden dygnsrytm', 'Körkortsteori'],
    });
    expect(context.followUpMeetings).toEqual([
      expect.objectContaining({
        summary: 'Bra start',
        subGoals: [{ subGoal: 'Regelbunden dygnsrytm', status: 'uppnatt' }],
      }),
    ]);
  });

  it('counts caseworker changes of the last twelve months for the warning, and finds the fas 0 cases', async () => {
    const driver = await CaseDriver.open(app, 'MN 1977');
    for (const worker of ['ss-bertil', 'ss-cecilia']) {
      await signedInOnce(app, worker);
      await supervisor()
        .post(`/api/cases/${driver.caseId}/caseworker`)
        .send({ socialWorkerId: worker, ...FULL_CHANGE })
        .expect(200);
    }
    const now = await supervisor().get(`/api/cases/${driver.caseId}`).expect(200);
    expect([now.body.caseworkerChanges, now.body.caseworkerChangesLastTwelveMonths]).toEqual([2, 2]);
    const asOfLater = await supervisor()
      .get(`/api/cases/${driver.caseId}/as-of`)
      .query({ at: '2027-04-01T00:00:00Z' })
      .expect(200);
    expect([asOfLater.body.caseworkerChanges, asOfLater.body.caseworkerChangesLastTwelveMonths]).toEqual([
      2, 0,
    ]);

    const bad = await supervisor().get('/api/cases').query({ bipPhase: 7 }).expect(400);
    expect(bad.body.details.violations).toEqual([
      { field: 'bipPhase', rule: 'isIn', message: 'must be one of: 0, 1, 2, 3, 4' },
    ]);
    const stalled = await CaseDriver.open(app, 'ST 1970');
    await stalled.rehabToCategory4();
    const fl = await stalled.fortroendelakareToRecommendations();
    await stalled.send('rehabansvarig', fl, 'CheckInHeld', { notes: 'Avstämt' });
    await stalled.send('socialsekreterare', fl, 'ActionsTaken', { description: 'Inget har kommit igång' });
    await stalled.send('rehabansvarig', fl, 'FollowUpCompleted', { bipPhase: 0, outcome: 'Tillbakagång' });
    await eventually(async () => {
      const phaseZero = await supervisor().get('/api/cases').query({ bipPhase: 0 }).expect(200);
      expect(phaseZero.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([stalled.caseId]);
    });
    const phaseOne = await supervisor().get('/api/cases').query({ bipPhase: 1 }).expect(200);
    expect(phaseOne.body.items).toEqual([]);
  });

  it('checks process ids against the registry, naming the field and the known processes', async () => {
    const driver = await CaseDriver.open(app, 'OP 1990');
    const response = await as(app, 'socialsekreterare', 'ss-anna')
      .post(`/api/cases/${driver.caseId}/processes`)
      .send({ definitionId: 'okand-process' })
      .expect(400);
    expect(response.body.details.violations[0]).toMatchObject({ field: 'definitionId', rule: 'isIn' });
    expect(response.body.details.violations[0].message).toContain('rehab-handledning');
  });

  it('stamps every answer with the server time, so relative dates follow the server clock', async () => {
    const response = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(response.headers['x-server-time']).toBe(clock.now().toISOString());
  });

  it('announces changed cases live, only to those who may see them, and never for mere reading', async () => {
    const mine = await CaseDriver.open(app, 'QR 1984');
    // The opening is in the read models before anyone listens, so only what follows can be announced.
    await eventually(async () => {
      const list = await as(app, 'socialsekreterare', 'ss-anna').get('/api/cases').expect(200);
      expect(list.body.items.map((item: { caseId: string }) => item.caseId)).toContain(mine.caseId);
    });
    const server = app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/live`;
    const received = { owner: '', stranger: '' };
    const listen = async (who: keyof typeof received, token: string, signal: AbortSignal) => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received[who] += value;
      }
    };
    const tokenOf = (id: string, unit: string) =>
      app.get(DevTokens).issue({ id, name: id, memberships: [{ unit, roles: ['socialsekreterare'] }] });
    const stop = new AbortController();
    const streams = [
      listen('owner', tokenOf('ss-anna', 'jarva-1'), stop.signal),
      listen('stranger', tokenOf('ss-other', 'rinkeby-2'), stop.signal),
    ].map((stream) => stream.catch(() => undefined));
    await eventually(async () =>
      expect(received.owner + received.stranger).toMatch(/event: ready[\s\S]*event: ready/),
    );

    // Reading appends to the reader's access log; that must not announce anything.
    await as(app, 'socialsekreterare', 'ss-anna').get(`/api/cases/${mine.caseId}`).expect(200);
    await mine.start('rehab-handledning');
    await eventually(async () => expect(received.owner).toContain(`"caseIds":["${mine.caseId}"]`));
    // A change of the stranger's own comes after: once it arrives, the earlier one has been judged for them too.
    await as(app, 'socialsekreterare', 'ss-other', 'rinkeby-2')
      .post('/api/cases')
      .send({ reference: 'ST 1990', unit: 'rinkeby-2', socialWorkerId: 'ss-other' })
      .expect(201);
    await eventually(async () => expect(received.stranger).toContain('event: changed'));
    stop.abort();
    await Promise.all(streams);
    expect(received.owner.match(/event: changed/g)).toHaveLength(1);
    expect(received.stranger.match(/event: changed/g)).toHaveLength(1);
    expect(received.stranger).not.toContain(mine.caseId);
  });
});

describe('the web app served by the API', () => {
  const data = tempDataDir();
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApp(data.dir, { WEB_ROOT: resolve(__dirname, '../dist/web') });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('answers every page address with the app, same origin, and leaves API paths to the API', async () => {
    const server = app.getHttpServer();
    const page = await request(server).get('/arenden/ett-arende/historik').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<html lang="sv">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1] as string;
    const script = await request(server).get(asset).expect(200);
    expect(script.headers['cache-control']).toContain('immutable');
    await request(server).get('/assets/finns-inte.js').expect(404);
    const api = await request(server).get('/api/finns-inte').expect(404);
    expect(api.body.code).toBeDefined();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
