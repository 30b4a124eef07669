/**
 * The case as it was (GET /cases/:id/as-of) for a case of 3,000 events,
 * against a bare read of the same events from the same file, in one run; and
 * how long /health/live waits while three such reads run at once, which
 * shows whether a long fold blocks the event loop.
 *
 * The case: the 15-command realistic case, then progressionsplan revisions
 * up to 3,000 events, written by the engine with the app's own key store,
 * then served by the built app (a child process) as in production.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseEngine, caseStream } from '@app/engine';
import { SqliteEventStore } from '@app/event-store';
import { createProcessRegistry } from '@app/processes';
import { masterKeyFor, SqliteKeyStore } from '../../apps/api/src/crypto/sqlite-key-store';
import { BenchClient } from '../http-client';
import { percentile, realisticCase } from '../realistic-case';
import { waitFor } from '../wait-for';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const PORT = Number(process.env.BENCH_PORT ?? 3920);
const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-as-of-bench-'));
const data = join(dir, 'app');
const CASE = 'as-of-bench';

/** Minute by minute from the start, so every event has its own time. */
const at = (minute: number) => new Date(Date.UTC(2026, 1, 20, 8) + minute * 60_000).toISOString();

async function seed(): Promise<{ events: number; last: string }> {
  mkdirSync(data, { recursive: true });
  const store = new SqliteEventStore({ filename: join(data, 'events.sqlite') });
  const keys = new SqliteKeyStore(join(data, 'keys.sqlite'), masterKeyFor(data, undefined));
  const engine = new CaseEngine(store, createProcessRegistry(), { keys });
  let minute = 0;
  let revision = -1;
  const meta = (role: string, commandId: string) => ({
    actorId: role === 'socialsekreterare' ? 'jarva-1-ss' : `jarva-1-${role}`,
    roles: [role as never],
    now: at(minute++),
    correlationId: commandId,
    commandId,
  });
  for (const { role, command, commandId } of realisticCase(CASE)) {
    revision = (await engine.execute(command, meta(role, commandId))).revision;
  }
  const plan = {
    category: 4,
    followUpOwner: 'rehabansvarig',
    items: [
      {
        vad: 'Kontakt med vårdcentral',
        vem: 'Socialsekreterare',
        nar: '2026-02-15',
        varfor: 'Samordna',
        gjort: false,
      },
    ],
  };
  for (let n = 0; revision < EVENTS - 1; n++) {
    const command = { type: 'RecordProgressionsplan' as const, caseId: CASE, plan };
    revision = (await engine.execute(command, meta('rehabansvarig', `plan-${n}`))).revision;
  }
  keys.close();
  await store.close();
  return { events: revision + 1, last: at(minute) };
}

async function bareReads(): Promise<number[]> {
  const store = new SqliteEventStore({ filename: join(data, 'events.sqlite') });
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for await (const _event of store.readStream(caseStream(CASE))) void _event;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await store.close();
  return times;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { events, last } = await seed();
  console.log(`as-of bench: one case of ${events} events, ${ROUNDS} rounds, SQLite files, the built app`);
  const app = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
    env: {
      ...process.env,
      DATA_DIR: data,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      DEADLINE_WORKER_INTERVAL_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const client = new BenchClient(`http://127.0.0.1:${PORT}`);
  try {
    await waitFor(
      async () => (await client.send('GET', '/health/ready')).status === 200,
      'the app (run npm run build first)',
    );
    const signIn = await client.send('POST', '/api/auth/dev/sign-in', {}, { userId: 'jarva-1-bec' });
    const auth = {
      Authorization: `Bearer ${(JSON.parse(signIn.text) as { accessToken: string }).accessToken}`,
    };
    const asOf = () => client.send('GET', `/api/cases/${CASE}/as-of?at=${encodeURIComponent(last)}`, auth);
    const first = await asOf();
    if (first.status !== 200) throw new Error(`as-of: ${first.status} ${first.text}`);

    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      await asOf();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const bare = await bareReads();

    // Three at once, and a liveness probe every 5 ms meanwhile.
    const waits: number[] = [];
    let busy = true;
    const probes = (async () => {
      while (busy) {
        const started = process.hrtime.bigint();
        await client.send('GET', '/health/live');
        waits.push(Number(process.hrtime.bigint() - started) / 1e6);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    for (let round = 0; round < 5; round++) await Promise.all([asOf(), asOf(), asOf()]);
    busy = false;
    await probes;

    const p50 = percentile(times, 50);
    console.log('| workload | measured | baseline (same run) | ratio |');
    console.log('|---|---|---|---|');
    console.log(
      `| as-of over HTTP vs a bare read of the same ${events} events | p50 ${ms(p50)}, p90 ${ms(percentile(times, 90))} | p50 ${ms(percentile(bare, 50))} | ${(p50 / percentile(bare, 50)).toFixed(2)} x |`,
    );
    console.log(
      `| /health/live while 3 as-of reads run at once | p50 ${ms(percentile(waits, 50))}, max ${ms(Math.max(...waits))} (${waits.length} probes) | | |`,
    );
    console.log(`target: as-of p50 at most 50 ms: ${p50 <= 50 ? 'met' : 'NOT met'}`);
  } finally {
    client.close();
    app.kill('SIGINT');
    await new Promise((resolve) => app.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
