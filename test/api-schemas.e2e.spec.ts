import type { INestApplication } from '@nestjs/common';
import Ajv, { type ValidateFunction } from 'ajv';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startApp, tempDataDir, TestClock, signedInOnce } from './app-harness';
import { CaseDriver, UNIT, FULL_CHANGE } from './flows';

/** An absolute base, so a ref resolves the same from inside any component. */
const COMPONENTS = 'urn:arendemotorn:openapi:components:';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/**
 * Real answers, validated against the shapes the OpenAPI document declares
 * for them (the shapes the web app's types are generated from). A case is
 * driven until every kind of answer has rows: a shared plan, open and
 * missed deadlines, an escalation, a handläggarbyte, an access log.
 */
describe('the API answers the shapes its OpenAPI document declares', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  let document: OpenApi;
  let ajv: Ajv;
  let caseId: string;
  /** A case ss-bo closed, for the closed shapes of the case and the list. */
  let closedId: string;

  beforeAll(async () => {
    app = await startApp(
      data.dir,
      { REFERRAL_RECEIVING_UNITS: JSON.stringify({ 'alc-1': { name: 'Arbetslivscenter', formVersion: 1 } }) },
      clock,
    );
    document = (await request(app.getHttpServer()).get('/api/openapi.json')).body as OpenApi;
    ajv = new Ajv({ strict: false, allErrors: true });
    // Refs name components as `#/components/schemas/X`; each component is added under that id.
    for (const [name, schema] of Object.entries(document.components.schemas))
      ajv.addSchema(rebased(schema) as object, `${COMPONENTS}${name}`);

    const c = await CaseDriver.open(app);
    caseId = c.caseId;
    await c.rehabToCategory4();
    await c.fortroendelakareToRecommendations();
    clock.advance('P2M');
    expect((await as(app, 'operator').post('/api/admin/deadlines/run')).status).toBe(200);
    await signedInOnce(app, 'ss-bo');
    const changed = await as(app, 'bitradande_enhetschef', 'bec-1')
      .post(`/api/cases/${caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bo', ...FULL_CHANGE });
    expect(changed.status).toBe(200);
    // A case of ss-bo's own with a step waiting on them, for "my queue".
    const own = await CaseDriver.open(app, 'KL 1963-04');
    await own.start('samverkan-varden');
    await as(app, 'bitradande_enhetschef', 'bec-1')
      .post(`/api/cases/${own.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bo', ...FULL_CHANGE })
      .expect(200);
    // A note on the case and a referral ss-bo started from it, for the notes and "my referrals".
    await as(app, 'socialsekreterare', 'ss-bo')
      .post(`/api/cases/${caseId}/notes`)
      .send({ writtenOn: '2026-01-20', text: 'Samtal om målen.' })
      .expect(200);
    await as(app, 'socialsekreterare', 'ss-bo')
      .post(`/api/cases/${caseId}/processes`)
      .send({ definitionId: 'aktualisering' })
      .expect(201);
    const closed = await as(app, 'socialsekreterare', 'ss-bo')
      .post('/api/cases')
      .send({ reference: 'ST 1966-02', unit: UNIT, socialWorkerId: 'ss-bo' })
      .expect(201);
    closedId = closed.body.caseId as string;
    await as(app, 'socialsekreterare', 'ss-bo')
      .post(`/api/cases/${closedId}/close`)
      .send({ reason: 'other', note: 'Flyttar utomlands' })
      .expect(200);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  function rebased(schema: unknown): unknown {
    return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS}`));
  }

  function validatorFor(path: string, method: string, status: string): ValidateFunction {
    const schema = document.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
    expect(schema, `${method.toUpperCase()} ${path} declares no ${status} answer`).toBeDefined();
    return ajv.compile(rebased(schema) as object);
  }

  const supervisor = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const socialWorker = () => as(app, 'socialsekreterare', 'ss-bo');
  const reads: [string, string, () => ReturnType<typeof as>, string?][] = [
    ['/api/auth/me', '/api/auth/me', socialWorker],
    ['/api/auth/config', '/api/auth/config', socialWorker],
    ['/api/auth/dev/users', '/api/auth/dev/users', socialWorker],
    ['/api/cases', '/api/cases', socialWorker],
    ['/api/cases/{caseId}', '/api/cases/:caseId', socialWorker],
    ['/api/cases', '/api/cases?status=closed', socialWorker],
    ['/api/cases/{caseId}', '/api/cases/:closedId', socialWorker],
    ['/api/cases/{caseId}/history', '/api/cases/:caseId/history?limit=5', socialWorker],
    ['/api/cases/{caseId}/history/export', '/api/cases/:caseId/history/export', supervisor],
    ['/api/cases/{caseId}/as-of', '/api/cases/:caseId/as-of?at=2026-01-20T00:00:00Z', socialWorker],
    ['/api/cases/{caseId}/next-steps', '/api/cases/:caseId/next-steps', socialWorker],
    ['/api/cases/{caseId}/notes', '/api/cases/:caseId/notes', socialWorker],
    ['/api/referral-units', '/api/referral-units', socialWorker],
    ['/api/referrals/sent', '/api/referrals/sent', socialWorker],
    ['/api/processes', '/api/processes', socialWorker],
    ['/api/processes/{definitionId}', '/api/processes/case-manager', socialWorker],
    ['/api/queues/mine', '/api/queues/mine', socialWorker],
    ['/api/queues/plan', '/api/queues/plan', socialWorker],
    ['/api/notifications', '/api/notifications', supervisor],
    ['/api/notifications/unread', '/api/notifications/unread', supervisor],
    ['/api/units/{unit}/workload', `/api/units/${UNIT}/workload`, supervisor],
    ['/api/units/{unit}/colleagues/{role}', `/api/units/${UNIT}/colleagues/rehabansvarig`, supervisor],
    // Escalated, so its follow-up tasks wait in the biträdande enhetschef's role queue.
    ['/api/queues/role', '/api/queues/role', supervisor],
    ['/api/queues/team/{unit}', `/api/queues/team/${UNIT}`, supervisor],
    ['/api/follow-up', '/api/follow-up', supervisor],
    ['/api/statistics/bip-phases', '/api/statistics/bip-phases?from=2026-01&to=2026-03', supervisor],
    ['/api/statistics/process-steps', '/api/statistics/process-steps', supervisor],
    ['/api/statistics/step-waits', '/api/statistics/step-waits', supervisor],
    ['/api/statistics/caseworker-changes', '/api/statistics/caseworker-changes', supervisor],
    ['/api/access-log/cases/{caseId}', '/api/access-log/cases/:caseId', supervisor],
    ['/api/access-log/users/{userId}', '/api/access-log/users/ss-bo', supervisor],
  ];

  it.each(reads)('GET %s', async (documented, url, who) => {
    const validate = validatorFor(documented, 'get', '200');
    // Read models (and the access log's) follow the log a moment behind, so wait for rows.
    const body = await eventually(async () => {
      const response = await who().get(url.replace(':caseId', caseId).replace(':closedId', closedId));
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const answer = response.body as unknown;
      const rows = Array.isArray(answer) ? answer : ((answer as { items?: unknown[] }).items ?? [answer]);
      expect(rows.length, 'an empty answer would validate against any item shape').toBeGreaterThan(0);
      return answer;
    });
    expect(validate(body) ? [] : validate.errors).toEqual([]);
  });

  it('the writes answer their declared shapes: opening a case, starting a process, a step', async () => {
    const opened = await socialWorker()
      .post('/api/cases')
      .send({ reference: 'KL 1963-04', unit: UNIT, socialWorkerId: 'ss-bo' });
    expect(validatorFor('/api/cases', 'post', '201')(opened.body)).toBe(true);
    const started = await socialWorker()
      .post(`/api/cases/${opened.body.caseId}/processes`)
      .send({ definitionId: 'samverkan-varden' });
    expect(validatorFor('/api/cases/{caseId}/processes', 'post', '201')(started.body)).toBe(true);
    const step = await socialWorker()
      .post(`/api/cases/${opened.body.caseId}/processes/${started.body.instanceId}/events`)
      .send({
        event: 'ImpulsRegistered',
        payload: { source: 'varden', reason: 'Behov av samordning', consentToInformationExchange: true },
      });
    expect(step.status).toBe(200);
    const validate = validatorFor('/api/cases/{caseId}/processes/{instanceId}/events', 'post', '200');
    expect(validate(step.body) ? [] : validate.errors).toEqual([]);
  });

  it('a shape that does not match is caught, so the checks above can fail', () => {
    const validate = validatorFor('/api/cases/{caseId}', 'get', '200');
    expect(validate({ caseId: 'x', revision: 'not a number' })).toBe(false);
  });
});
