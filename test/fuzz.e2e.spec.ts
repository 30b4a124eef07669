import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_ROLES, type Principal } from '@app/access';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { asPrincipal, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';
import { operationsOf, type JsonSchema, type Operation } from './support/openapi-routes';

/** Every store file; `-shm` is SQLite's shared-memory index, which readers touch, so it is left out. */
const STORE_FILES = ['events.sqlite', 'read-models.sqlite', 'keys.sqlite'].flatMap((f) => [f, `${f}-wal`]);
/** Seeded, so a failure names a run that can be repeated. */
const SEED = 20261201;
const RUNS_PER_OPERATION = 24;

/** Strings that have broken parsers, validators and databases before. */
const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  '1e300',
  '99999999999999999999',
  '0x10',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '+2026-01-01T00:00:00Z',
  '2026-W01',
  '2026-001',
  '20260101',
  '2026-02-30',
  '-002026-01-01',
  '2026-01-01T25:61:61Z',
  '19630412-1234',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\ud800',
  '\u202e',
  '👩‍👩‍👧',
  "' OR 1=1 --",
  'enc:v1:x:AAAA',
  'x'.repeat(5000),
];

/** Every role in the fixture's unit, so each refusal is the input's and not the caller's. */
const EVERYTHING: Principal = {
  id: 'fuzz-1',
  name: 'fuzz-1',
  memberships: [{ unit: UNIT, roles: [...ACCESS_ROLES] }],
};

/** Percent-encoded; a lone surrogate (no UTF-8 for it) becomes the invalid bytes a careless client would send. */
function encodePath(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `%ED%A0%80${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'))}`;
  }
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const nastyString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 40 }));
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
  fc.constantFrom(nested(1400), nested(40), JSON.parse('{"__proto__":{"polluted":1}}'), {
    constructor: { prototype: { polluted: 1 } },
  }),
  fc.double(),
  fc.bigInt().map(String),
);

/** A plausible body for the schema, with one field (or the whole body) replaced by something bad. */
function badBody(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const fields = Object.keys(schema?.properties ?? {});
  if (fields.length === 0) return nastyValue;
  return fc.oneof(
    nastyValue,
    fc.record({ field: fc.constantFrom(...fields), value: nastyValue }).map(({ field, value }) => ({
      ...Object.fromEntries(fields.map((name) => [name, 'x'])),
      [field]: value,
    })),
  );
}

interface Attempt {
  readonly path: Record<string, string>;
  readonly query: Record<string, string>;
  readonly body?: unknown;
  readonly headers: Record<string, string>;
}

function attempts(op: Operation): fc.Arbitrary<Attempt> {
  const some = (names: readonly string[]) =>
    names.length === 0
      ? fc.constant({})
      : fc.dictionary(fc.constantFrom(...names), nastyString, { minKeys: 1, maxKeys: names.length });
  const headerValue = fc.oneof(
    fc.constantFrom(...NASTY.filter((v) => /^[\x20-\x7e]*$/.test(v))),
    fc.string(),
  );
  return fc.record({
    path: some(op.pathParams),
    query: some(op.queryParams),
    body: op.method === 'post' ? badBody(op.body) : fc.constant(undefined),
    headers: op.headers.length
      ? fc.dictionary(fc.constantFrom(...op.headers), headerValue, { maxKeys: op.headers.length })
      : fc.constant({}),
  });
}

describe('fuzzing every route in the OpenAPI document', () => {
  const data = tempDataDir();
  let app: INestApplication;
  let operations: Operation[] = [];
  const ids: Record<string, string> = { definitionId: 'rehab-handledning', unit: UNIT, userId: 'fuzz-1' };

  /** The store files, and the log's head: with EVENT_STORE=eventstoredb the log is on the server. */
  const fingerprint = async () => [
    `head:${await app.get<EventStore>(EVENT_STORE).headPosition()}`,
    ...STORE_FILES.map((file) => {
      const path = `${data.dir}/${file}`;
      return `${file}:${existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : '-'}`;
    }),
  ];
  const quiet = () =>
    eventually(async () => {
      const head = await app.get<EventStore>(EVENT_STORE).headPosition();
      expect(app.get(ProjectionRunner).status().position).toBe(head === undefined ? null : String(head));
    });

  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock('2026-03-02T08:00:00.000Z'));
    const fixture = await CaseDriver.open(app);
    ids.caseId = fixture.caseId;
    ids.instanceId = await fixture.start('rehab-handledning');
    // The staff directory records a person at their first sign-in; that write is not a refusal's.
    await asPrincipal(app, EVERYTHING).get('/api/auth/me').expect(200);
    // Routes with nothing to vary are left out: there is no input to get wrong.
    operations = (await operationsOf(app)).filter(
      (op) => op.pathParams.length + op.queryParams.length + op.headers.length > 0 || op.body,
    );
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given bad paths, queries, headers and bodies, then no answer is a 5xx and no refusal changes a store file', async () => {
    const client = asPrincipal(app, EVERYTHING);
    const outcomes = new Map<number, number>();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(attempts(op), async (attempt) => {
          await quiet();
          const before = await fingerprint();
          const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
            encodePath(attempt.path[name] ?? ids[name] ?? 'x'),
          );
          let pending = client[op.method](url).query(attempt.query);
          try {
            for (const [name, value] of Object.entries(attempt.headers)) pending = pending.set(name, value);
          } catch {
            return; // A header value HTTP cannot carry never reaches the server.
          }
          const response =
            attempt.body === undefined
              ? await pending
              : await pending.set('Content-Type', 'application/json').send(JSON.stringify(attempt.body));
          outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
          const where = `${op.method.toUpperCase()} ${url} → ${response.status} ${response.text.slice(0, 300)}`;
          expect(response.status, where).toBeLessThan(500);
          if (response.status >= 400)
            expect(await fingerprint(), `${where} changed a store file`).toEqual(before);
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
    // The run reached the validation of every route, not only the guard: most answers are refusals of the input.
    expect(outcomes.get(400) ?? 0).toBeGreaterThan(operations.length * 5);
  }, 120_000);
});
