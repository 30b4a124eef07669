import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp, jsonLogger } from './create-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee README.md, "Configuration", for every variable.\n`);
    process.exit(1);
  }
  const logger = jsonLogger(config);
  const app = await createApp(config, logger);
  await app.listen(config.port);
  logger.log(
    { message: 'Ärendemotorn is serving', port: config.port, eventStore: config.eventStore.kind },
    'bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Ärendemotorn could not start: ${reason}\n`);
  process.exit(1);
});
