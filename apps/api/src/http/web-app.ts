import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the API owns: everything else is the web app's, so a deep link such as /arenden/x loads it. */
const API_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * Serves the built web app at / from the same origin as the API, so no
 * CORS is needed and the token never leaves the origin. Hashed assets are
 * cached for a year; index.html is revalidated so a deploy shows at once.
 */
export function serveWebApp(app: INestApplication, webRoot: string, logger: LoggerService): void {
  const root = resolve(webRoot);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    logger.warn?.(
      { message: 'The web app is not built, so only the API is served; run npm run build', webRoot: root },
      'web',
    );
    return;
  }
  app.use(
    '/assets',
    express.static(join(root, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  app.use(express.static(root, { index: false, maxAge: 0 }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
