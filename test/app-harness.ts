import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { AccessRole, Principal } from '@app/access';
import { addIsoDuration } from '@app/engine';
import type { Clock } from '../apps/api/src/clock';
import { loadConfig } from '../apps/api/src/config/app-config';
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

export async function startApp(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  clock?: Clock,
): Promise<INestApplication> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    DEADLINE_WORKER_INTERVAL_MS: '0',
    ...env,
  });
  const app = await createApp(config, undefined, clock ? { clock } : {});
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
  };
}

/** Polls until the probe passes, for read models that follow the log a moment behind a write. */
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
