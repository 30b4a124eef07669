import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { createApp } from './create-app';
import { DEV_MASTER_KEY_FILE } from './crypto/sqlite-key-store';

/** What an operator must not miss at start: anything that would be wrong in production. */
function warnings(config: AppConfig, masterKeyExisted: boolean): string[] {
  const loud: string[] = [];
  if (config.identity.kind === 'development') {
    loud.push('THE DEVELOPMENT SIGN-IN IS OPEN: anyone can sign in as anyone. Set OIDC_ISSUER for real use.');
  }
  if (!config.dataKeyMaster) {
    loud.push(
      `${masterKeyExisted ? 'The' : 'A new'} development master key in ${join(config.dataDir, DEV_MASTER_KEY_FILE)} wraps the cases' keys: anyone with the data directory reads every case. Set DATA_KEY_MASTER for real use.`,
    );
  }
  return loud;
}

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee README.md, "Configuration", for every variable.\n`);
    process.exit(1);
  }
  const masterKeyExisted = existsSync(join(config.dataDir, DEV_MASTER_KEY_FILE));
  const app = await createApp(config);
  await app.listen(config.port);
  const logger = new Logger('bootstrap');
  for (const warning of warnings(config, masterKeyExisted)) logger.warn(warning);
  logger.log(
    `Ärendemotorn is serving at http://localhost:${config.port}/ (event store: ${config.eventStore.kind})`,
  );
}

bootstrap().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Ärendemotorn could not start: ${reason}\n`);
  process.exit(1);
});
