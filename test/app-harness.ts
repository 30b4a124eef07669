import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { addIsoDuration, type Role } from '@app/engine';
import type { Clock } from '../apps/api/src/clock';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';

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

/** Requests as a user in a role, through the development identity headers. */
export function as(app: INestApplication, role: Role, user: string = `${role}-1`) {
  const server = app.getHttpServer();
  const withIdentity = (test: request.Test) => test.set('X-User', user).set('X-Role', role);
  return {
    get: (url: string) => withIdentity(request(server).get(url)),
    post: (url: string) => withIdentity(request(server).post(url)),
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
