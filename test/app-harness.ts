import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';

/** A temp data directory that outlives single app instances, so tests can restart the app on it. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startApp(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<INestApplication> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env });
  const app = await createApp(config);
  await app.init();
  return app;
}
