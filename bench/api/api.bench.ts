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
 * With EVENTSTOREDB_CONNECTION_STRING set, the same commands go over HTTP
 * to a second app on KurrentDB / EventStoreDB (EVENT_STORE=eventstoredb),
 * under a stream prefix of its own, so the two stores meet the same load.
 *
 * Rebuild: POST /api/admin/projections/rebuild on the SQLite app, timed
 * until the read models reach the log's head, against counting every event
 * of the same file with `readAll`.
 *
 * Requests go through node:http (BenchClient), which costs the two cores
 * far less than fetch, so the server gets the CPU.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseEngine, type CaseCommand } from '@app/engine';
import { SqliteEventStore } from '@app/event-store';
import { createProcessRegistry } from '@app/processes';
import { BenchClient } from '../http-client';
import { percentile, realisticCase, type BenchStep } from '../realistic-case';
import { waitFor } from '../wait-for';

const CASES = Number(process.env.BENCH_CASES ?? 120);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3919);
const CONNECTION = process.env.EVENTSTOREDB_CONNECTION_STRING;
const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-api-bench-'));

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

/** The development sign-in's demo users of jarva-1, one per role the scenario uses. */
const DEMO_USER: Partial<Record<string, string>> = {
  socialsekreterare: 'jarva-1-ss',
  rehabansvarig: 'jarva-1-rehab',
  bitradande_enhetschef: 'jarva-1-bec',
  operator: 'jarva-1-drift',
};

interface Status {
  state: string;
  position: string | null;
  eventsApplied: number;
}

/** One built app in a child process, and what the bench asks of it. */
class RunningApp {
  private readonly client: BenchClient;
  /** The server chooses case ids: the bench's own id of each case → the one the server answered. */
  private readonly serverIds = new Map<string, string>();
  private readonly tokens = new Map<string, Promise<string>>();

  private constructor(
    private readonly child: ReturnType<typeof spawn>,
    port: number,
  ) {
    this.client = new BenchClient(`http://127.0.0.1:${port}`);
  }

  static async start(port: number, env: Record<string, string>): Promise<RunningApp> {
    const child = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
      env: {
        ...process.env,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DEADLINE_WORKER_INTERVAL_MS: '0',
        RATE_LIMIT_PER_ADDRESS: '1000000',
        RATE_LIMIT_PER_PERSON: '1000000',
        SIGN_IN_RATE_LIMIT: '10000',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const app = new RunningApp(child, port);
    await waitFor(
      async () => (await app.client.send('GET', '/health/ready')).status === 200,
      'the app (run npm run build first)',
    );
    return app;
  }

  private bearer(role: string): Promise<string> {
    const cached = this.tokens.get(role);
    if (cached) return cached;
    const token = this.client
      .send('POST', '/api/auth/dev/sign-in', {}, { userId: DEMO_USER[role] })
      .then(({ text }) => `Bearer ${(JSON.parse(text) as { accessToken: string }).accessToken}`);
    this.tokens.set(role, token);
    return token;
  }

  private request(command: CaseCommand): { path: string; body: object } {
    const caseId = this.serverIds.get(command.caseId) ?? command.caseId;
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

  commands(): Promise<Run> {
    return drive(async ({ role, command, commandId }) => {
      const { path, body } = this.request(command);
      const headers = { Authorization: await this.bearer(role), 'Idempotency-Key': commandId };
      const { status, text } = await this.client.send('POST', path, headers, body);
      if (status >= 300) throw new Error(`${path}: ${status} ${text}`);
      if (command.type === 'OpenCase')
        this.serverIds.set(command.caseId, (JSON.parse(text) as { caseId: string }).caseId);
    });
  }

  async status(): Promise<Status> {
    const { text } = await this.client.send('GET', '/api/admin/projections', {
      Authorization: await this.bearer('operator'),
    });
    return JSON.parse(text) as Status;
  }

  async rebuild(head: string): Promise<{ eventsPerSecond: number; events: number }> {
    const started = process.hrtime.bigint();
    await this.client.send('POST', '/api/admin/projections/rebuild', {
      Authorization: await this.bearer('operator'),
    });
    let status: Status = { state: '', position: null, eventsApplied: 0 };
    await waitFor(async () => {
      status = await this.status();
      return status.state === 'live' && status.position === head;
    }, 'the rebuild');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { eventsPerSecond: status.eventsApplied / seconds, events: status.eventsApplied };
  }

  stop(): void {
    this.client.close();
    this.child.kill();
  }
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
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;
const latencies = (run: Run) =>
  `${ms(percentile(run.latenciesMs, 50))} / ${ms(percentile(run.latenciesMs, 99))}`;

/** Over HTTP on the SQLite app, then the rebuild there and a bare read of its file. */
async function onSqlite(): Promise<{
  http: Run;
  rebuilt: { eventsPerSecond: number; events: number };
  read: number;
}> {
  const data = join(dir, 'app');
  const app = await RunningApp.start(PORT, { DATA_DIR: data, EVENT_STORE: 'sqlite' });
  try {
    const http = await app.commands();
    // The operator's first request records them in the staff directory: an event, so before the head is read.
    await app.status();
    const store = new SqliteEventStore({ filename: join(data, 'events.sqlite') });
    const head = String(await store.headPosition());
    await store.close();
    await waitFor(async () => (await app.status()).position === head, 'live read models');
    const rebuilt = await app.rebuild(head);
    return { http, rebuilt, read: await bareRead(join(data, 'events.sqlite')) };
  } finally {
    app.stop();
  }
}

async function onKurrentDb(connection: string): Promise<Run> {
  const app = await RunningApp.start(PORT + 1, {
    DATA_DIR: join(dir, 'app-kurrentdb'),
    EVENT_STORE: 'eventstoredb',
    EVENTSTOREDB_CONNECTION_STRING: connection,
    EVENTSTOREDB_STREAM_PREFIX: `bench-${Date.now()}-`,
  });
  try {
    return await app.commands();
  } finally {
    app.stop();
  }
}

async function main(): Promise<void> {
  console.log(`api bench: ${CASES} cases x 15 commands, ${CONCURRENCY} cases at a time`);
  try {
    const engine = await engineWithoutHttp();
    const sqlite = await onSqlite();
    // Cases get new server ids in the second app; the bench's own ids repeat.
    const kurrent = CONNECTION ? await onKurrentDb(CONNECTION) : undefined;

    console.log('| workload | measured | baseline (same run) | ratio |');
    console.log('|---|---|---|---|');
    console.log(
      `| commands over HTTP on SQLite vs the engine without HTTP | ${Math.round(sqlite.http.commandsPerSecond)} commands/s | ${Math.round(engine.commandsPerSecond)} commands/s | ${pct(sqlite.http.commandsPerSecond, engine.commandsPerSecond)} |`,
    );
    console.log(`| latency p50 / p99 | ${latencies(sqlite.http)} | ${latencies(engine)} | |`);
    if (kurrent) {
      console.log(
        `| commands over HTTP on KurrentDB vs over HTTP on SQLite | ${Math.round(kurrent.commandsPerSecond)} commands/s | ${Math.round(sqlite.http.commandsPerSecond)} commands/s | ${pct(kurrent.commandsPerSecond, sqlite.http.commandsPerSecond)} |`,
      );
      console.log(`| latency p50 / p99 | ${latencies(kurrent)} | ${latencies(sqlite.http)} | |`);
    } else {
      console.log(
        '| commands over HTTP on KurrentDB | skipped: EVENTSTOREDB_CONNECTION_STRING is not set | | |',
      );
    }
    console.log(
      `| read-model rebuild (${sqlite.rebuilt.events} events) vs a bare read of the log | ${Math.round(sqlite.rebuilt.eventsPerSecond)} events/s | ${Math.round(sqlite.read)} events/s | ${pct(sqlite.rebuilt.eventsPerSecond, sqlite.read)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
