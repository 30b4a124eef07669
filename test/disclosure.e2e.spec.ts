import Database from 'better-sqlite3';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@app/access';
import { asPrincipal, ON_SQLITE, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT } from './flows';
import { operationsOf, type JsonSchema, type Operation } from './support/openapi-routes';

/** What the victim case holds in plain text; none of it may reach the attackers. */
const VICTIM_REFERENCE = 'ÖV 5501';
const VICTIM_FINDINGS = 'Remiss från vårdcentral Blåbärsstigen';
const VICTIM_NOTE = 'Lingonvägen, arbetsträning';
const SECRETS = [VICTIM_REFERENCE, VICTIM_FINDINGS, VICTIM_NOTE];

const OTHER_UNIT = 'rinkeby-2';
/** Any account in another unit, with every role it can have there. */
const OUTSIDER: Principal = {
  id: 'ss-rinkeby',
  name: 'ss-rinkeby',
  memberships: [
    {
      unit: OTHER_UNIT,
      roles: ['socialsekreterare', 'rehabansvarig', 'case_manager', 'mentor', 'bitradande_enhetschef'],
    },
  ],
};
/** Same unit, not on the victim case: social worker, case manager and mentor, none of which sees it. */
const NEIGHBOUR: Principal = {
  id: 'ss-bertil',
  name: 'ss-bertil',
  memberships: [{ unit: UNIT, roles: ['socialsekreterare', 'case_manager', 'mentor'] }],
};

/** A body for the schema with `value` in every string field, nested rows included. */
function bodyWith(schema: JsonSchema | undefined, value: string): unknown {
  if (!schema) return undefined;
  if (schema.type === 'array') return [bodyWith(schema.items, value)];
  if (schema.type === 'object' || schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, property]) => [name, bodyWith(property, value)]),
    );
  }
  if (schema.type === 'boolean') return true;
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  return value;
}

describe('sealed values pasted anywhere open for no one', () => {
  const data = tempDataDir();
  let app: INestApplication;
  let victim: CaseDriver;
  let tokens: string[] = [];
  let operations: Operation[] = [];

  beforeAll(async () => {
    // The sealed values are taken from the embedded store's file.
    app = await startApp(data.dir, ON_SQLITE, new TestClock('2026-03-02T08:00:00.000Z'));
    victim = await CaseDriver.open(app, VICTIM_REFERENCE);
    const rh = await victim.start('rehab-handledning');
    await victim.send('socialsekreterare', rh, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
      note: VICTIM_NOTE,
    });
    await victim.send('socialsekreterare', rh, 'RehabansvarigContacted');
    await victim.send('rehabansvarig', rh, 'DocumentationReviewed', { findings: VICTIM_FINDINGS });
    const file = new Database(`${data.dir}/events.sqlite`, { readonly: true });
    const rows = file
      .prepare('SELECT data FROM events WHERE stream_name = ?')
      .all(`case-${victim.caseId}`) as { data: string }[];
    file.close();
    tokens = rows.flatMap((row) => row.data.match(/enc:v1:[^"]+/g) ?? []);
    operations = (await operationsOf(app)).filter(
      (op) => !op.path.startsWith('/health') && op.path !== '/api/live',
    );
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given the log, then the victim case holds its personal fields only as ciphertext', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    for (const secret of SECRETS) expect(tokens.join(' ')).not.toContain(secret);
  });

  it.each([
    ['another unit', OUTSIDER],
    ['the same unit, not on the case', NEIGHBOUR],
  ])(
    'given a user of %s, when they paste every sealed value into every id, query parameter, header and field, then no answer holds plaintext',
    async (_who, attacker) => {
      const client = asPrincipal(app, attacker);
      const unit = attacker.memberships[0].unit;
      const opened = await client
        .post('/api/cases')
        .send({ reference: 'XY 7001', unit, socialWorkerId: attacker.id });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const own = opened.body.caseId as string;
      const started = await client
        .post(`/api/cases/${own}/processes`)
        .send({ definitionId: 'rehab-handledning' });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      const ownIds: Record<string, string> = {
        caseId: own,
        instanceId: started.body.instanceId as string,
        definitionId: 'rehab-handledning',
        unit,
        userId: attacker.id,
      };
      const answers: string[] = [];
      const call = async (
        op: Operation,
        ids: Record<string, string>,
        query = {},
        body?: unknown,
        token?: string,
      ) => {
        const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(ids[name] ?? own));
        let pending = client[op.method](url).query(query);
        if (token && op.method === 'post') {
          pending = pending.set('Idempotency-Key', token).set('X-Correlation-Id', token);
        }
        const response = await pending.send(body as object);
        answers.push(response.text);
        expect(response.status, `${op.method} ${url}`).toBeLessThan(500);
      };

      for (const token of tokens) {
        for (const op of operations) {
          for (const name of op.pathParams) await call(op, { ...ownIds, [name]: token });
          for (const name of op.queryParams) await call(op, ownIds, { [name]: token });
          if (op.method === 'post') await call(op, ownIds, {}, bodyWith(op.body, token), token);
        }
        // Free text that is stored: every string field of every step the attacker may take on their own case.
        const next = await client.get(`/api/cases/${own}/next-steps`).expect(200);
        for (const step of next.body.steps as { instanceId: string; event: string; schema: JsonSchema }[]) {
          const payload = bodyWith(step.schema, token) as Record<string, unknown>;
          if (payload && 'grounds' in payload) payload.grounds = ['sjukskriven-utan-samordnade-insatser'];
          await client
            .post(`/api/cases/${own}/processes/${step.instanceId}/events`)
            .send({ event: step.event, payload });
        }
      }
      // Read back everything the attacker may read, where a stored paste could come out again.
      for (const op of operations.filter((o) => o.method === 'get')) await call(op, ownIds);

      for (const answer of answers) for (const secret of SECRETS) expect(answer).not.toContain(secret);
    },
  );

  it('given the victim case, then its own social worker reads it in plain text, and that read is logged', async () => {
    const view = await asPrincipal(app, {
      id: SOCIAL_WORKER,
      name: SOCIAL_WORKER,
      memberships: [{ unit: UNIT, roles: ['socialsekreterare'] }],
    })
      .get(`/api/cases/${victim.caseId}/history`)
      .expect(200);
    expect(view.text).toContain(VICTIM_REFERENCE);
    expect(view.text).toContain(VICTIM_FINDINGS);
    const log = await asPrincipal(app, {
      id: 'bec-1',
      name: 'bec-1',
      memberships: [{ unit: UNIT, roles: ['bitradande_enhetschef'] }],
    })
      .get(`/api/access-log/cases/${victim.caseId}`)
      .expect(200);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ userId: SOCIAL_WORKER, view: 'history' }),
    );
  });
});
