import { createHmac } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { as, startApp, tempDataDir, TestClock, signedInOnce } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, FULL_CHANGE, CM_ASSIGNED, CM_TARGET_GROUP } from './flows';

/** Every refusal leaves the log exactly as it was. */
/** A well-formed HS256 token signed with a key that is not the app's. */
function forgedToken(sub: string, role: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    sub,
    roles: [role],
    iss: 'urn:arendemotorn:development-sign-in',
    aud: 'arendemotorn',
    exp: 4102444800,
  })}`;
  return `${body}.${createHmac('sha256', 'guessed-secret').update(body).digest('base64url')}`;
}

describe('API errors: status, stable body, nothing appended', () => {
  const data = tempDataDir();
  let app: INestApplication;
  let c: CaseDriver;
  let rh: string;
  let head: bigint | undefined;

  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock());
    // A first sign-in records the person in the staff directory: a write, so before any refusal is measured.
    for (const role of ['bitradande_enhetschef', 'case_manager', 'rehabansvarig'] as const)
      await signedInOnce(app, `${role}-1`, undefined, role);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });
  beforeEach(async () => {
    c = await CaseDriver.open(app);
    rh = await c.start('rehab-handledning');
    head = await app.get<EventStore>(EVENT_STORE).headPosition();
  });

  const expectNothingAppended = async () =>
    expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
  const sw = () => as(app, 'socialsekreterare', SOCIAL_WORKER);
  const stepUrl = () => `/api/cases/${c.caseId}/processes/${rh}/events`;

  it('400 REQUEST.INVALID names each bad or unknown field and its rule', async () => {
    const response = await sw().post('/api/cases').send({
      reference: 'Anna Andersson',
      unit: 'jarva-1',
      socialWorkerId: SOCIAL_WORKER,
      personnummer: 'x',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID', message: expect.any(String) });
    expect(response.body.details.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'reference', rule: 'matches' }),
        expect.objectContaining({ field: 'personnummer', rule: 'whitelistValidation' }),
      ]),
    );
    await expectNothingAppended();
  });

  it('400 PAYLOAD.INVALID names the step payload field and rule', async () => {
    const response = await sw()
      .post(stepUrl())
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['for-att-jag-vill'] } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'PAYLOAD.INVALID',
      details: { violations: [{ field: 'grounds', rule: 'isIn' }] },
    });
    await expectNothingAppended();
  });

  it('400 names the field when free text holds a personnummer, in a step and in the progressionsplan', async () => {
    await sw()
      .post(stepUrl())
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['sjukskriven-utan-samordnade-insatser'] } })
      .expect(200);
    await sw().post(stepUrl()).send({ event: 'RehabansvarigContacted' }).expect(200);
    head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const step = await as(app, 'rehabansvarig')
      .post(stepUrl())
      .send({ event: 'DocumentationReviewed', payload: { findings: 'Klient 19121212-1212 sjukskriven' } });
    expect(step.status).toBe(400);
    expect(step.body.details.violations).toEqual([
      expect.objectContaining({
        field: 'findings',
        rule: 'noPersonnummer',
        message: expect.stringMatching(/pseudonym/),
      }),
    ]);
    const plan = await as(app, 'rehabansvarig')
      .post(`/api/cases/${c.caseId}/progressionsplan`)
      .send({
        category: 4,
        followUpOwner: 'rehabansvarig',
        items: [
          {
            vad: 'Möte',
            vem: 'Handläggare för 121212-1212',
            nar: '2026-02-01',
            varfor: 'Plan',
            gjort: false,
          },
        ],
      });
    expect(plan.status).toBe(400);
    expect(plan.body.details.violations).toEqual([
      expect.objectContaining({ field: 'items.0.vem', rule: 'noPersonnummer' }),
    ]);
    await expectNothingAppended();
  });

  it('400 STEP.UNKNOWN_EVENT lists the events the process knows', async () => {
    const response = await sw().post(stepUrl()).send({ event: 'Teleported' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'STEP.UNKNOWN_EVENT',
      details: { known: expect.any(Array) },
    });
    await expectNothingAppended();
  });

  it.each([
    ['If-Match', 'yesterday', 'If-Match'],
    ['Idempotency-Key', 'x', 'Idempotency-Key'],
  ])('400 when the %s header is malformed', async (header, value, field) => {
    const response = await sw().post(stepUrl()).set(header, value).send({ event: 'RehabansvarigContacted' });
    expect(response.status).toBe(400);
    expect(response.body.details.violations).toEqual([expect.objectContaining({ field })]);
    await expectNothingAppended();
  });

  it('400 for a body that is not JSON, 413 for one too large, 400 for a bad path id', async () => {
    const malformed = await sw().post(stepUrl()).set('Content-Type', 'application/json').send('{"event": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      code: 'REQUEST.MALFORMED_JSON',
      message: 'The request body is not valid JSON',
      details: {},
    });
    const huge = await sw()
      .post(stepUrl())
      .send({ event: 'ImpulsRegistered', payload: { note: 'x'.repeat(600_000) } });
    expect([huge.status, huge.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
    const badId = await sw().get('/api/cases/%20drop%20table');
    expect(badId.status).toBe(400);
    expect(badId.body.details.violations).toEqual([expect.objectContaining({ field: 'caseId', rule: 'id' })]);
    await expectNothingAppended();
  });

  it('401 without a token, with a malformed one, or with one this app did not sign; the old identity headers count for nothing', async () => {
    const attempts = [
      request(app.getHttpServer()).post(stepUrl()),
      request(app.getHttpServer())
        .post(stepUrl())
        .set('X-User', 'ss-anna')
        .set('X-Role', 'socialsekreterare'),
      request(app.getHttpServer()).post(stepUrl()).set('Authorization', 'Basic c3M6c3M='),
      request(app.getHttpServer()).post(stepUrl()).set('Authorization', 'Bearer not-a-jwt'),
      request(app.getHttpServer())
        .post(stepUrl())
        .set('Authorization', `Bearer ${forgedToken('ss-anna', 'jarva-1:socialsekreterare')}`),
    ];
    for (const attempt of attempts) {
      const response = await attempt.send({ event: 'RehabansvarigContacted' });
      expect([response.status, response.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
      expect(response.body.message).not.toMatch(/eyJ/);
    }
    await expectNothingAppended();
  });

  it('403 STEP.WRONG_ROLE names the lanes that do the step', async () => {
    const response = await as(app, 'rehabansvarig')
      .post(stepUrl())
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['sjukskriven-utan-samordnade-insatser'] } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      code: 'STEP.WRONG_ROLE',
      details: { lanes: ['socialsekreterare'] },
    });
    await expectNothingAppended();
  });

  it('404 for an unknown case, instance and process definition', async () => {
    const noCase = await sw()
      .post('/api/cases/no-such-case/processes/x/events')
      .send({ event: 'ImpulsRegistered' });
    expect([noCase.status, noCase.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
    const noInstance = await sw().post(`/api/cases/${c.caseId}/processes/nope/events`).send({ event: 'X' });
    expect([noInstance.status, noInstance.body.code]).toEqual([404, 'PROCESS_INSTANCE.NOT_FOUND']);
    const noProcess = await sw().get('/api/processes/nope');
    expect([noProcess.status, noProcess.body.code]).toEqual([404, 'PROCESS.NOT_FOUND']);
    const noVersion = await sw().get('/api/processes/afu?version=9');
    expect([noVersion.status, noVersion.body.code]).toEqual([404, 'PROCESS.NOT_FOUND']);
    const noGet = await sw().get('/api/cases/no-such-case');
    expect([noGet.status, noGet.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
    await expectNothingAppended();
  });

  it('409 STEP.NOT_ALLOWED lists the events allowed now', async () => {
    const response = await sw().post(stepUrl()).send({ event: 'RehabansvarigContacted' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'STEP.NOT_ALLOWED',
      details: { allowed: ['ImpulsRegistered'] },
    });
    await expectNothingAppended();
  });

  it('409 with the current revision when If-Match is stale', async () => {
    const response = await sw()
      .post(stepUrl())
      .set('If-Match', '"0"')
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['sjukskriven-utan-samordnade-insatser'] } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY', details: { currentRevision: 1 } });
    expect(response.headers.etag).toBe('"1"');
    await expectNothingAppended();
  });

  it('400 naming caseId when a client tries to choose the id of a case it opens: the server chooses', async () => {
    const response = await sw()
      .post('/api/cases')
      .send({ caseId: c.caseId, reference: 'AB 6303', unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER });
    expect([response.status, response.body.code]).toEqual([400, 'REQUEST.INVALID']);
    expect(response.body.details.violations).toEqual([
      expect.objectContaining({ field: 'caseId', rule: 'whitelistValidation' }),
    ]);
    await expectNothingAppended();
  });

  it('422 RULE.FAILED names exactly the CM criteria that do not hold', async () => {
    const cm = await c.start('case-manager');
    await c.send('socialsekreterare', cm, 'ReferralSubmitted', { goal: 'Arbetsträning', ...CM_TARGET_GROUP });
    await c.send('bitradande_enhetschef', cm, 'CaseManagerAssigned', CM_ASSIGNED);
    head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const response = await as(app, 'case_manager')
      .post(`/api/cases/${c.caseId}/processes/${cm}/events`)
      .send({
        event: 'CriteriaMet',
        payload: {
          clearGoal: true,
          consentWithHealthcareAndAf: false,
          noOngoingSubstanceAbuse: true,
          noRiskOfThreatOrViolence: false,
          understandsWithoutInterpreter: true,
        },
      });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('RULE.FAILED');
    expect(response.body.details.failed.map((f: { id: string }) => f.id)).toHaveLength(2);
    await expectNothingAppended();
  });

  it('422 RULE.FAILED already-running when a process that runs in the case is started again, and the start list says why', async () => {
    const response = await sw()
      .post(`/api/cases/${c.caseId}/processes`)
      .send({ definitionId: 'rehab-handledning' });
    expect([response.status, response.body.code]).toEqual([422, 'RULE.FAILED']);
    expect(response.body.details.failed).toEqual([
      {
        id: 'already-running',
        message:
          'Rehabansvarig handleder pågår redan i ärendet. En ny kan startas när den pågående har avslutats.',
      },
    ]);
    await expectNothingAppended();
    const next = await sw().get(`/api/cases/${c.caseId}/next-steps`).expect(200);
    const startable = (id: string) =>
      next.body.startable.find((p: { definitionId: string }) => p.definitionId === id).blockedBy;
    expect(startable('rehab-handledning').map((rule: { id: string }) => rule.id)).toEqual([
      'already-running',
    ]);
    expect(startable('samverkan-varden')).toEqual([]);
  });

  it('422 RULE.FAILED naming socialWorkerId when the responsible social worker is assigned again: not a change of caseworker', async () => {
    const response = await as(app, 'bitradande_enhetschef')
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: SOCIAL_WORKER, ...FULL_CHANGE });
    expect([response.status, response.body.code]).toEqual([422, 'RULE.FAILED']);
    expect(response.body.details.failed).toEqual([
      expect.objectContaining({ id: 'caseworker-unchanged', field: 'socialWorkerId' }),
    ]);
    await expectNothingAppended();
  });

  it('422 IDEMPOTENCY.KEY_REUSED when a key comes back with a different request', async () => {
    const key = 'impuls-key-0001';
    const first = await sw()
      .post(stepUrl())
      .set('Idempotency-Key', key)
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['sjukskriven-utan-samordnade-insatser'] } });
    expect(first.status).toBe(200);
    head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const reused = await sw()
      .post(stepUrl())
      .set('Idempotency-Key', key)
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['fragor-om-ersattning-eller-avslag'] } });
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
    await expectNothingAppended();
  });

  it('an unknown route is a 404 in the same shape', async () => {
    const response = await sw().get('/api/nowhere');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'HTTP.404', details: {} });
  });
});

describe('two writes race on one case', () => {
  const data = tempDataDir();
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock());
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("one succeeds, the other gets 409 with the revision; a retry with the winner's key returns the first response", async () => {
    const c = await CaseDriver.open(app);
    const rh = await c.start('rehab-handledning');
    const { revision } = await c.view();
    const post = (key: string, grounds: string) =>
      as(app, 'socialsekreterare', SOCIAL_WORKER)
        .post(`/api/cases/${c.caseId}/processes/${rh}/events`)
        .set('Idempotency-Key', key)
        .set('If-Match', `"${revision}"`)
        .send({ event: 'ImpulsRegistered', payload: { grounds: [grounds] } });
    const [a, b] = await Promise.all([
      post('race-key-a-0001', 'sjukskriven-utan-samordnade-insatser'),
      post('race-key-b-0001', 'fragor-om-ersattning-eller-avslag'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.body).toMatchObject({
      code: 'EVENT_STORE.CONCURRENCY',
      details: { currentRevision: revision + 1 },
    });

    const winnerKey = winner === a ? 'race-key-a-0001' : 'race-key-b-0001';
    const winnerGrounds =
      winner === a ? 'sjukskriven-utan-samordnade-insatser' : 'fragor-om-ersattning-eller-avslag';
    const retry = await post(winnerKey, winnerGrounds);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(winner.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');

    const history = (await as(app, 'bitradande_enhetschef').get(`/api/cases/${c.caseId}`)).body;
    expect(history.revision).toBe(revision + 1);
  });

  it('retrying "open case" with the same key returns the same case and opens nothing new', async () => {
    const open = () =>
      as(app, 'socialsekreterare', SOCIAL_WORKER)
        .post('/api/cases')
        .set('Idempotency-Key', 'open-case-key-0001')
        .send({ reference: 'EF 8001', unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER });
    const first = await open();
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const again = await open();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
  });
});
