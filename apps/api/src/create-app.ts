import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
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
    // JSON bodies are parsed by useJsonBodies, with the API's error shape and limit.
    bodyParser: false,
  });
  app.enableShutdownHooks();
  app.use(helmet());
  if (config.corsOrigins.length > 0) app.enableCors({ origin: [...config.corsOrigins] });
  useJsonBodies(app);
  setupOpenApi(app);
  return app;
}
