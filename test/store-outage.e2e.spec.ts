import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStream } from '@app/engine';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { ReadModelDb } from '@app/read-model';
import { as, dumpReadModels, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { SOCIAL_WORKER, UNIT } from './flows';
import { TcpProxy } from './support/tcp-proxy';

const connectionString = process.env.EVENTSTOREDB_CONNECTION_STRING;
const skipReason = connectionString ? undefined : 'EVENTSTOREDB_CONNECTION_STRING is not set';

/** The steps each client takes on its own case, each with a key of its own so a retry is the same command. */
const STEPS: readonly { path: (caseId: string) => string; body: object }[] = [
  {
    path: (id) => `/api/cases/${id}/processes`,
    body: { definitionId: 'rehab-handledning', instanceId: 'rh' },
  },
  {
    path: (id) => `/api/cases/${id}/processes/rh/events`,
    body: { event: 'ImpulsRegistered', payload: { grounds: ['sjukskriven-utan-samordnade-insatser'] } },
  },
  { path: (id) => `/api/cases/${id}/processes/rh/events`, body: { event: 'RehabansvarigContacted' } },
];

/**
 * The server taken away under command load and brought back: the app says
 * it is not ready and names the store, finds the server again by itself,
 * loses no acknowledged command, and its read models go on to equal a rebuild.
 */
describe.skipIf(skipReason !== undefined)(
  skipReason ? `event store outage (skipped: ${skipReason})` : 'event store outage',
  () => {
    const data = tempDataDir();
    let proxy: TcpProxy;
    let app: INestApplication;

    beforeAll(async () => {
      const target = new URL((connectionString ?? '').replace(/^[a-z+]+:/, 'http:'));
      proxy = new TcpProxy(target.hostname, Number(target.port || 2113));
      await proxy.up();
      const throughProxy = (connectionString ?? '').replace(target.host, `127.0.0.1:${proxy.port}`);
      app = await startApp(
        data.dir,
        { EVENTSTOREDB_CONNECTION_STRING: throughProxy, PROJECTION_MAX_LAG: '1000000' },
        new TestClock(),
      );
      await app.listen(0, '127.0.0.1');
    });
    afterAll(async () => {
      await app.close();
      await proxy.down();
      data.remove();
    });

    it('given the store goes away and comes back while clients write, then nothing acknowledged is lost and the read models equal a rebuild', async () => {
      const acknowledged: { caseId: string; key: string }[] = [];
      let stop = false;
      /** A client as a browser is one: it retries a failed write with the same Idempotency-Key until it lands. */
      const client = async (n: number) => {
        const ss = () => as(app, 'socialsekreterare', SOCIAL_WORKER);
        for (let round = 0; !stop; round++) {
          const openKey = `outage-${n}-${round}-open`;
          let caseId = '';
          while (!caseId && !stop) {
            const opened = await ss()
              .post('/api/cases')
              .set('Idempotency-Key', openKey)
              .send({ reference: 'UT 6301', unit: UNIT, socialWorkerId: SOCIAL_WORKER });
            if (opened.status === 201) caseId = opened.body.caseId as string;
            else await new Promise((resolve) => setTimeout(resolve, 100));
          }
          if (!caseId) return;
          acknowledged.push({ caseId, key: openKey });
          for (const [index, step] of STEPS.entries()) {
            const key = `outage-${n}-${round}-s${index}`;
            for (;;) {
              const response = await ss().post(step.path(caseId)).set('Idempotency-Key', key).send(step.body);
              if (response.status < 300) break;
              expect(response.status, JSON.stringify(response.body)).toBe(503);
              if (stop) return;
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
            acknowledged.push({ caseId, key });
          }
        }
      };
      const clients = [0, 1, 2].map(client);
      await eventually(async () => expect(acknowledged.length).toBeGreaterThan(10), 20_000);

      await proxy.down();
      const down = await eventually(async () => {
        const response = await request(app.getHttpServer()).get('/health/ready');
        expect(response.status).toBe(503);
        expect(response.body.checks.eventStore.status).toBe('down');
        return response.body;
      }, 30_000);
      expect(down.checks.eventStore.reason).toMatch(/EventStoreDB|event store/i);
      const duringOutage = acknowledged.length;
      await new Promise((resolve) => setTimeout(resolve, 1000));

      await proxy.up();
      await eventually(async () => {
        const response = await request(app.getHttpServer()).get('/health/ready');
        expect(response.body.checks.eventStore.status).toBe('up');
      }, 30_000);
      await eventually(async () => expect(acknowledged.length).toBeGreaterThan(duringOutage + 10), 30_000);
      stop = true;
      await Promise.all(clients);

      const store = app.get<EventStore>(EVENT_STORE);
      for (const { caseId, key } of acknowledged) {
        const commands: string[] = [];
        for await (const event of store.readStream(caseStream(caseId)))
          commands.push(String(event.metadata.commandId));
        expect(commands, `${key} was acknowledged`).toContain(key);
        // Retried with the same key, appended once: a command's events are contiguous and not repeated.
        expect(new Set(commands).size).toBe(commands.filter((c, i) => commands[i - 1] !== c).length);
      }

      const runner = app.get(ProjectionRunner);
      await eventually(async () => {
        expect(runner.status().state).toBe('live');
        await runner.caughtUpTo(await store.headPosition());
      }, 30_000);
      const resumed = dumpReadModels(app.get(ReadModelDb));
      await as(app, 'operator').post('/api/admin/projections/rebuild').expect(202);
      await eventually(async () => {
        expect(runner.status().state).toBe('live');
        await runner.caughtUpTo(await store.headPosition());
        expect(dumpReadModels(app.get(ReadModelDb))).toEqual(resumed);
      }, 30_000);
    }, 180_000);
  },
);
