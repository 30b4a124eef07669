import type { INestApplication } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { AppModule, type AppOverrides } from './app.module';
import { useJsonBodies } from './http/json-body';
import { LimitedExpressAdapter } from './http/server-limits';
import { pinoLevel } from './logging/logging.module';
import { serveWebApp } from './http/web-app';
import { CLOCK, type Clock } from '@app/common';
import { setupOpenApi } from './openapi';
import type { AppConfig } from './config/app-config';

/** Shared by main.ts and the e2e tests, so tests boot the app exactly as production does. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create(
    AppModule.forConfig(config, overrides),
    new LimitedExpressAdapter(config.http),
    {
      bufferLogs: true,
      abortOnError: false,
      // JSON bodies are parsed by useJsonBodies, with the API's error shape and limit.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  // nestjs-pino keeps one logger for lines outside a request per process: the app started last says how much it tells.
  (await app.resolve(PinoLogger)).logger.level = pinoLevel(config);
  app.enableShutdownHooks();
  // Express's own X-Forwarded-For handling, so rate limits and logs see the client behind the proxy.
  app.getHttpAdapter().getInstance().set('trust proxy', config.trustProxyHops);
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } }));
  const clock = app.get<Clock>(CLOCK);
  // The UI counts "förfallen sedan 3 dagar" from the server's now, not the workstation's clock.
  app.use(
    (_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
      response.setHeader('X-Server-Time', clock.now().toISOString());
      next();
    },
  );
  if (config.corsOrigins.length > 0) app.enableCors({ origin: [...config.corsOrigins] });
  useJsonBodies(app);
  setupOpenApi(app);
  serveWebApp(app, config.webRoot, app.get(Logger));
  return app;
}

/**
 * Helmet's defaults, plus the identity provider's origin for the web app's
 * sign-in (discovery and the token exchange are fetches). No upgrade of
 * plain-http requests: the embedded default serves http on localhost.
 */
function contentSecurityPolicy(config: AppConfig) {
  const issuer = config.identity.kind === 'oidc' ? [new URL(config.identity.issuer).origin] : [];
  return { connectSrc: ["'self'", ...issuer], upgradeInsecureRequests: null };
}
