import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseEngine, caseStream } from '@app/engine';
import { NO_STREAM, SqliteEventStore, type EventStore } from '@app/event-store';
import { createProcessRegistry } from '@app/processes';
import { collect } from '@app/event-store/testing';
import { realisticCase } from '../../../bench/realistic-case';
import { ProjectionRunner } from './projection-runner';
import { ReadModelDb } from '@app/read-model';
import { dumpReadModels } from './read-model-dump';
import { startReadModels } from './testing/read-models-module';

const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-read-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CASES = 300;

/** A log of many realistic cases: one case run through the engine, its events appended again under other ids. */
async function writeLog(store: EventStore): Promise<number> {
  const registry = createProcessRegistry();
  const scratch = new SqliteEventStore({ filename: ':memory:' });
  const engine = new CaseEngine(scratch, registry);
  for (const { role, command, commandId } of realisticCase('model')) {
    await engine.execute(command, {
      actorId: `u-${role}`,
      roles: [role],
      now: '2026-02-20T09:00:00.000Z',
      correlationId: 'crash',
      commandId,
    });
  }
  const events = await collect(scratch.readStream(caseStream('model')));
  await scratch.close();
  for (let i = 0; i < CASES; i++) {
    const clone = (value: object) => JSON.parse(JSON.stringify(value).replaceAll('model', `c${i}`));
    await store.appendToStream(
      caseStream(`c${i}`),
      events.map((e, n) => ({
        id: `00000000-0000-4000-8000-${String(i * 100 + n).padStart(12, '0')}`,
        type: e.type,
        data: clone(e.data),
        metadata: clone(e.metadata),
      })),
      { expectedRevision: NO_STREAM },
    );
  }
  return CASES * events.length;
}

/** Runs the reader child until it has committed at least `after` events, then SIGKILLs it a moment later. */
function runReaderAndKill(after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'testing/crash-reader.ts'), dir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../../../tsconfig.json') },
      },
    );
    let applied = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('applied ')) applied = Number(line.slice(8));
      }
      // Most of the child's time is spent inside a batch's transaction, so the kill lands in one.
      if (applied >= after && !child.killed) setTimeout(() => child.kill('SIGKILL'), 15);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(applied) : reject(new Error(`reader exited on its own: ${err}`)),
    );
  });
}

async function readModels(filename: string, store: EventStore): Promise<TestingModule> {
  const module = await startReadModels(store, { filename });
  await module.get(ProjectionRunner).caughtUpTo(await store.headPosition());
  return module;
}

const dump = (db: ReadModelDb) => dumpReadModels(db, ['projection_checkpoint']);

describe('given the read models process is killed with SIGKILL in the middle of a batch', () => {
  it('when it starts again, then it resumes from the last commit, applies every event once, and equals a rebuild', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    const total = await writeLog(store);
    const committed = await runReaderAndKill(500);
    expect(committed).toBeGreaterThanOrEqual(500);
    expect(committed).toBeLessThan(total);

    const resumed = await readModels(join(dir, 'read-models.sqlite'), store);
    const fresh = await readModels(':memory:', store);
    // The cases' events and the store's identity, which the first reader wrote: each applied once.
    expect((await collect(store.readAll())).length).toBe(total + 1);
    expect(resumed.get(ProjectionRunner).status().eventsApplied).toBe(total + 1);
    expect(dump(resumed.get(ReadModelDb))).toEqual(dump(fresh.get(ReadModelDb)));
    await resumed.close();
    await fresh.close();
    await store.close();
  }, 60_000);
});
