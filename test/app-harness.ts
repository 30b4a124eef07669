import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { expect } from 'vitest';
import { rolesIn, StaffDirectory, type AccessRole, type Principal } from '@app/access';
import { CaseEngine } from '@app/engine';
import { addIsoDuration } from '@app/workflow';
import { createProcessRegistry } from '@app/processes';
import type { Clock } from '@app/common';
import { APP_CONFIG, loadConfig, type AppConfig } from '../apps/api/src/config/app-config';
import { masterKeyFor, SqliteKeyStore } from '../apps/api/src/crypto/sqlite-key-store';
import { openEventStore } from '../apps/api/src/event-store/event-store.module';
import { createApp } from '../apps/api/src/create-app';
import { DevTokens } from '../apps/api/src/identity/dev-tokens';

/** A temp data directory that outlives single app instances, so tests can restart the app on it. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by calendar durations, as the engine counts them. */
export class TestClock implements Clock {
  constructor(private current = '2026-01-15T09:00:00.000Z') {}

  now(): Date {
    return new Date(this.current);
  }

  advance(duration: string): void {
    this.current = addIsoDuration(this.current, duration);
  }

  set(iso: string): void {
    this.current = new Date(iso).toISOString();
  }
}

/**
 * With EVENT_STORE=eventstoredb (and its connection string) in the
 * environment, every app the suite starts runs on that server instead of
 * SQLite, each data directory its own log under a stream prefix, so runs
 * and files never see each other. A test that needs the SQLite files says
 * EVENT_STORE: 'sqlite' itself.
 */
export function storeUnderTest(dataDir: string): NodeJS.ProcessEnv {
  if (process.env.EVENT_STORE !== 'eventstoredb') return {};
  return {
    EVENT_STORE: 'eventstoredb',
    EVENTSTOREDB_CONNECTION_STRING: process.env.EVENTSTOREDB_CONNECTION_STRING,
    EVENTSTOREDB_STREAM_PREFIX: `e2e-${basename(dataDir)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}-`,
  };
}

/** For the tests that read or edit the embedded store's files themselves. */
export const ON_SQLITE = { EVENT_STORE: 'sqlite' } as const;

export async function startApp(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  clock?: Clock,
): Promise<INestApplication> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    DEADLINE_WORKER_INTERVAL_MS: '0',
    // The suites send thousands of requests a minute from one address; test/rate-limits.e2e.spec.ts sets its own.
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_PERSON: '1000000',
    ...storeUnderTest(dataDir),
    ...env,
  });
  const app = await createApp(config, clock ? { clock } : {});
  await app.init();
  return app;
}

/** The unit the e2e tests' users belong to unless a test says otherwise. */
export const TEST_UNIT = 'jarva-1';

/** Requests as a user holding one role in one unit, signed by the app's development sign-in. */
export function as(app: INestApplication, role: AccessRole, user: string = `${role}-1`, unit = TEST_UNIT) {
  return asPrincipal(app, { id: user, name: user, memberships: [{ unit, roles: [role] }] });
}

/** Requests as any principal (several roles, several units); a fresh token per request, on the app's clock. */
export function asPrincipal(app: INestApplication, principal: Principal) {
  const server = app.getHttpServer();
  const tokens = app.get(DevTokens);
  const signed = (test: request.Test) => test.set('Authorization', `Bearer ${tokens.issue(principal)}`);
  return {
    get: (url: string) => signed(request(server).get(url)),
    post: (url: string) => signed(request(server).post(url)),
    put: (url: string) => signed(request(server).put(url)),
  };
}

/** Polls until the probe passes, for read models that follow the log a moment behind a write. */
/**
 * Makes a person known to the staff directory as their first sign-in
 * does: one request as them, then until every read model has them. A
 * responsible social worker must be someone the directory knows.
 */
export async function signedInOnce(
  app: INestApplication,
  user: string,
  unit = TEST_UNIT,
  role: AccessRole = 'socialsekreterare',
): Promise<void> {
  await as(app, role, user, unit).get('/api/auth/me').expect(200);
  const staff = app.get(StaffDirectory);
  await eventually(async () => expect(rolesIn((await staff.member(user))!, unit)).toContain(role));
}

export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * Another node as production runs one beside `app`: its own connection to
 * the same log (whichever store the app is on), the same key store, its
 * own engine.
 */
export function otherNodeOf(app: INestApplication) {
  const config = app.get<AppConfig>(APP_CONFIG);
  const store = openEventStore(config);
  const keys = new SqliteKeyStore(config.keysFilename, masterKeyFor(config.dataDir, config.dataKeyMaster));
  const engine = new CaseEngine(store, createProcessRegistry(), { keys });
  return { store, keys, engine, close: async () => (keys.close(), await store.close()) };
}

export { dumpReadModels } from '@app/projections';
