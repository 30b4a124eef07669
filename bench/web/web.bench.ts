/**
 * The web app: its production bundle (gzipped), and the time from
 * navigation to the task list being visible with 1,000 cases on the
 * embedded store.
 *
 * Seeding: BENCH_WEB_CASES cases in one unit, each with Rehabansvarig
 * handleder waiting for Rehabansvarig's genomgång, so Rehabansvarig's
 * task list is as long as it gets. Through the built app over HTTP, as a
 * unit would fill it.
 *
 * Timing: a signed-in Rehabansvarig navigates to / in Debian's Chromium,
 * RUNS times, median. Measured in the page: from the navigation's start to
 * the first frame drawn after the first task row is in the document (a
 * MutationObserver, then a frame and a task, so the figure includes layout
 * and paint). Beside it, as measured before, the time the driver sees from
 * asking to navigate until the row is visible: that also holds the driver's
 * own round trips and its wait for the load event, which no one at the
 * screen waits for. The baseline, in the same run: the same two queue
 * requests the page makes, sent by Node, so the ratio is what the browser,
 * the bundle and React add.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import { percentile } from '../realistic-case';
import { waitFor } from '../wait-for';

const CASES = Number(process.env.BENCH_WEB_CASES ?? 1000);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 15);
const CONCURRENCY = 4;
const PORT = Number(process.env.BENCH_PORT ?? 3920);
const base = `http://127.0.0.1:${PORT}`;
const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-web-bench-'));
const WEB = 'dist/web';

function bundleSizes() {
  const assets = join(WEB, 'assets');
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(WEB, 'index.html'), 'utf8'))?.[1];
  const files = readdirSync(assets).map((name) => {
    const bytes = readFileSync(join(assets, name));
    return { name, raw: statSync(join(assets, name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const html = gzipSync(readFileSync(join(WEB, 'index.html'))).length;
  const first = files.filter(
    (f) => f.name === entry || (f.name.startsWith('index-') && f.name.endsWith('.css')),
  );
  const later = files.filter((f) => !first.includes(f));
  const sum = (list: typeof files, key: 'raw' | 'gzip') => list.reduce((total, f) => total + f[key], 0);
  return { first, later, html, sum };
}

async function signIn(userId: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/dev/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function post(token: string, path: string, body: object): Promise<{ caseId?: string }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { caseId?: string };
}

async function seed(): Promise<void> {
  const ss = await signIn('jarva-1-ss');
  let next = 0;
  const worker = async () => {
    while (next < CASES) {
      const n = next++;
      const reference = `AB ${1940 + (n % 60)}`;
      const { caseId } = await post(ss, '/api/cases', {
        reference,
        unit: 'jarva-1',
        socialWorkerId: 'jarva-1-ss',
      });
      await post(ss, `/api/cases/${caseId}/processes`, {
        definitionId: 'rehab-handledning',
        instanceId: 'rh',
      });
      await post(ss, `/api/cases/${caseId}/processes/rh/events`, {
        event: 'ImpulsRegistered',
        payload: { grounds: ['sjukskriven-utan-samordnade-insatser'] },
      });
      await post(ss, `/api/cases/${caseId}/processes/rh/events`, { event: 'RehabansvarigContacted' });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function main(): Promise<void> {
  const sizes = bundleSizes();
  const app = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      DEADLINE_WORKER_INTERVAL_MS: '0',
      // Seeding is 4,000 requests by one person in a minute or two, far past a person's limit.
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_PERSON: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await waitFor(async () => (await fetch(`${base}/health/ready`)).ok, 'the app (run npm run build first)');
    const seeded = Date.now();
    await seed();
    const seedSeconds = (Date.now() - seeded) / 1000;
    const token = await signIn('jarva-1-rehab');
    await waitFor(async () => {
      const queue = await fetch(`${base}/api/queues/role?limit=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return ((await queue.json()) as { total: number }).total === CASES;
    }, 'the read models');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The web app's session as signing in leaves it (apps/web/src/auth/session.ts).
    await context.addInitScript(
      (accessToken) => sessionStorage.setItem('arendemotorn.session', JSON.stringify({ accessToken })),
      token,
    );
    await context.addInitScript(() => {
      const page = window as unknown as { firstRowDrawnAt?: number };
      const observer = new MutationObserver(() => {
        if (!document.querySelector('table tbody tr')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (page.firstRowDrawnAt = performance.now())));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const inPage: number[] = [];
    const ui: number[] = [];
    const api: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      await page.goto(`${base}/`);
      await page.locator('table tbody tr').first().waitFor({ state: 'visible' });
      ui.push(performance.now() - t0);
      inPage.push(
        await page
          .waitForFunction(() => (window as unknown as { firstRowDrawnAt?: number }).firstRowDrawnAt)
          .then((handle) => handle.jsonValue() as Promise<number>),
      );

      const a0 = performance.now();
      await Promise.all(
        ['/api/queues/mine?limit=500', '/api/queues/role?limit=500'].map(async (path) =>
          (await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } })).json(),
        ),
      );
      api.push(performance.now() - a0);
    }
    const rows = await page.locator('table tbody tr').count();

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(
      `web bench: ${CASES} cases seeded over HTTP in ${seedSeconds.toFixed(1)} s; ${rows} task rows shown; ${RUNS} navigations`,
    );
    console.log('| bundle | raw | gzipped |');
    console.log('|---|---|---|');
    console.log(
      `| first load (index.html, entry script, styles) | ${kb(sizes.sum(sizes.first, 'raw'))} | ${kb(sizes.sum(sizes.first, 'gzip') + sizes.html)} |`,
    );
    console.log(
      `| loaded with the first diagram (bpmn-js and its styles) | ${kb(sizes.sum(sizes.later, 'raw'))} | ${kb(sizes.sum(sizes.later, 'gzip'))} |`,
    );
    console.log('');
    console.log('| workload | measured (median, p90) | baseline (same run) | ratio |');
    console.log('|---|---|---|---|');
    const baseline = `the same two queue requests from Node: ${percentile(api, 50).toFixed(0)} ms, ${percentile(api, 90).toFixed(0)} ms`;
    const row = (what: string, times: number[]) =>
      `| ${what}, ${CASES} cases | ${percentile(times, 50).toFixed(0)} ms, ${percentile(times, 90).toFixed(0)} ms | ${baseline} | ${(percentile(times, 50) / percentile(api, 50)).toFixed(1)} x |`;
    console.log(row('in the page: navigation start to the first task row drawn', inPage));
    console.log(row('the driver: asked to navigate until the row is visible', ui));
  } finally {
    await browser.close();
    app.kill();
    await new Promise((resolve) => app.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
