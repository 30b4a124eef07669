import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, type AppOverrides } from './app.module';
import { useJsonBodies } from './http/json-body';
import { setupOpenApi } from './openapi';
import type { AppConfig } from './config/app-config';

export function jsonLogger(config: AppConfig): ConsoleLogger {
  return new ConsoleLogger({ json: true, colors: false, logLevels: config.logLevels });
}

/** Shared by main.ts and the e2e tests, so tests boot the app exactly as production does. */
export async function createApp(
  config: AppConfig,
  logger = jsonLogger(config),
  overrides: AppOverrides = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forConfig(config, overrides), {
    logger,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  useJsonBodies(app);
  setupOpenApi(app);
  return app;
}
