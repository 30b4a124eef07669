import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDataDir } from '../app-harness';
import { launchBrowser } from './browser';

/** `npm run web:dev`: the web app with hot reload, sending /api to a running API. */
describe('the web app in development', () => {
  const data = tempDataDir();
  let api: INestApplication;
  let dev: ViteDevServer;
  let url = '';

  beforeAll(async () => {
    api = await startApp(data.dir);
    await api.listen(0, '127.0.0.1');
    process.env.API_URL = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
    dev = await createServer({
      configFile: resolve(__dirname, '../../apps/web/vite.config.ts'),
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'silent',
      // Pre-bundling dependencies runs in the background, and closing the server during it never returns.
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await dev.listen();
    url = dev.resolvedUrls?.local[0] as string;
  });
  afterAll(async () => {
    await dev?.close();
    await api?.close();
    delete process.env.API_URL;
    data.remove();
  });

  it('serves the sources with hot reload and forwards /api to the API', async () => {
    const page = await (await fetch(url)).text();
    expect(page).toContain('<html lang="sv">');
    // React Fast Refresh is wired in, and the client connects to the HMR socket.
    expect(page).toContain('/@react-refresh');
    expect(page).toContain('/@vite/client');
    expect(dev.config.server.hmr).not.toBe(false);
    const entry = await fetch(new URL('/src/main.tsx', url));
    expect(entry.status).toBe(200);

    const config = await fetch(new URL('/api/auth/config', url));
    expect(await config.json()).toMatchObject({ kind: 'development', signIn: '/api/auth/dev/sign-in' });
  });

  it('reloads an open page when a source changes: the server watches, the HMR socket delivers, the client acts', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const connected = page.waitForEvent('console', (message) =>
        message.text().includes('[vite] connected'),
      );
      await page.goto(url);
      await connected;
      const reloaded = page.waitForEvent('load');
      // What saving the file in an editor does: the watcher sees the change, and the open page follows it.
      dev.watcher.emit('change', resolve(__dirname, '../../apps/web/src/main.tsx'));
      await reloaded;
    } finally {
      await browser.close();
    }
  });
});
