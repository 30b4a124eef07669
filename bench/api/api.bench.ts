/**
 * The API over HTTP against the engine without HTTP, and a read-model
 * rebuild against a bare read of the whole log, all in one run.
 *
 * Commands: CONCURRENCY case flows at a time, each the 15-command
 * `realisticCase`, first through an in-process CaseEngine on a SQLite file,
 * then over HTTP against the built app (a child process on its own SQLite
 * file, with projections following the log as in production). Latency is
 * per request, measured by the client.
 *
 * Rebuild: POST /api/admin/projections/rebuild on that app, timed until the
 * read models reach the log's head, against counting every event of the
 * same file with `readAll`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseEngine, type CaseCommand } from '@app/engine';
import { SqliteEventStore } from '@app/event-store';
import { createProcessRegistry } from '@app/processes';
import { percentile, realisticCase, type BenchStep } from '../realistic-case';

const CASES = Number(process.env.BENCH_CASES ?? 120);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3919);
const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-api-bench-'));
const base = `http://127.0.0.1:${PORT}`;

interface Run {
  readonly commandsPerSecond: number;
  readonly latenciesMs: number[];
}

/** Runs `flow` for every case, CONCURRENCY at a time, timing each command. */
async function drive(flow: (step: BenchStep) => Promise<void>): Promise<Run> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < CASES) {
      const caseId = `bench-${next++}`;
      for (const step of realisticCase(caseId)) {
        const t0 = process.hrtime.bigint();
        await flow(step);
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { commandsPerSecond: latenciesMs.length / seconds, latenciesMs };
}

async function engineWithoutHttp(): Promise<Run> {
  const store = new SqliteEventStore({ filename: join(dir, 'engine.sqlite') });
  const engine = new CaseEngine(store, createProcessRegistry());
  const run = await drive(async ({ role, command, commandId }) => {
    await engine.execute(command, {
      actorId: `u-${role}`,
      roles: [role],
      now: new Date().toISOString(),
      correlationId: commandId,
      commandId,
    });
  });
  await store.close();
  return run;
}

/** The server chooses case ids: the bench's own id of each case → the one the server answered. */
const serverIds = new Map<string, string>();

function request(command: CaseCommand): { path: string; body: object } {
  const caseId = serverIds.get(command.caseId) ?? command.caseId;
  switch (command.type) {
    case 'OpenCase': {
      const { type: _type, caseId: _chosenByServer, ...body } = command;
      return { path: '/api/cases', body };
    }
    case 'StartProcess':
      return {
        path: `/api/cases/${caseId}/processes`,
        body: { definitionId: command.definitionId, instanceId: command.instanceId },
      };
    case 'SendProcessEvent':
      return {
        path: `/api/cases/${caseId}/processes/${command.instanceId}/events`,
        body: { event: command.event, payload: command.payload ?? {} },
      };
    default:
      throw new Error(`the bench does not send ${command.type}`);
  }
}

/** The development sign-in's demo users of jarva-1, one per role the scenario uses. */
const DEMO_USER: Partial<Record<string, string>> = {
  socialsekreterare: 'jarva-1-ss',
  rehabansvarig: 'jarva-1-rehab',
  bitradande_enhetschef: 'jarva-1-bec',
  operator: 'jarva-1-drift',
};
const tokens = new Map<string, Promise<string>>();

function bearer(role: string): Promise<string> {
  const cached = tokens.get(role);
  if (cached) return cached;
  const token = fetch(`${base}/api/auth/dev/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId: DEMO_USER[role] }),
  })
    .then((response) => response.json() as Promise<{ accessToken: string }>)
    .then((body) => `Bearer ${body.accessToken}`);
  tokens.set(role, token);
  return token;
}

async function overHttp(): Promise<Run> {
  return drive(async ({ role, command, commandId }) => {
    const { path, body } = request(command);
    const response = await fetch(base + path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: await bearer(role),
        'Idempotency-Key': commandId,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const answer = (await response.json()) as { caseId: string };
    if (command.type === 'OpenCase') serverIds.set(command.caseId, answer.caseId);
  });
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(base + path, {
    headers: { Authorization: await bearer('operator') },
  });
  return (await response.json()) as T;
}

async function waitFor(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Status {
  state: string;
  position: string | null;
  eventsApplied: number;
}

async function rebuild(head: string): Promise<{ eventsPerSecond: number; events: number }> {
  const started = process.hrtime.bigint();
  await fetch(`${base}/api/admin/projections/rebuild`, {
    method: 'POST',
    headers: { Authorization: await bearer('operator') },
  });
  let status: Status = { state: '', position: null, eventsApplied: 0 };
  await waitFor(async () => {
    status = await get<Status>('/api/admin/projections');
    return status.state === 'live' && status.position === head;
  }, 'the rebuild');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { eventsPerSecond: status.eventsApplied / seconds, events: status.eventsApplied };
}

async function bareRead(filename: string): Promise<number> {
  const store = new SqliteEventStore({ filename });
  const started = process.hrtime.bigint();
  let events = 0;
  for await (const _event of store.readAll()) events++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return events / seconds;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  console.log(`api bench: ${CASES} cases x 15 commands, ${CONCURRENCY} cases at a time, SQLite files`);
  const engine = await engineWithoutHttp();

  const data = join(dir, 'app');
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
  try {
    await waitFor(async () => (await fetch(`${base}/health/ready`)).ok, 'the app (run npm run build first)');
    const http = await overHttp();
    const store = new SqliteEventStore({ filename: join(data, 'events.sqlite') });
    const head = String(await store.headPosition());
    await store.close();
    await waitFor(
      async () => (await get<Status>('/api/admin/projections')).position === head,
      'live read models',
    );
    const rebuilt = await rebuild(head);
    const read = await bareRead(join(data, 'events.sqlite'));

    console.log('| workload | measured | baseline (same run) | ratio |');
    console.log('|---|---|---|---|');
    console.log(
      `| commands over HTTP vs the engine without HTTP | ${Math.round(http.commandsPerSecond)} commands/s | ${Math.round(engine.commandsPerSecond)} commands/s | ${((http.commandsPerSecond / engine.commandsPerSecond) * 100).toFixed(1)} % |`,
    );
    console.log(
      `| latency p50 / p99 | ${ms(percentile(http.latenciesMs, 50))} / ${ms(percentile(http.latenciesMs, 99))} | ${ms(percentile(engine.latenciesMs, 50))} / ${ms(percentile(engine.latenciesMs, 99))} | |`,
    );
    console.log(
      `| read-model rebuild (${rebuilt.events} events) vs a bare read of the log | ${Math.round(rebuilt.eventsPerSecond)} events/s | ${Math.round(read)} events/s | ${((rebuilt.eventsPerSecond / read) * 100).toFixed(1)} % |`,
    );
  } finally {
    app.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
