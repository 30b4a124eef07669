import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_STREAM } from '../event-store.port';
import { collect, newEvent } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has acknowledged `acks` events, then SIGKILLs it mid-loop. */
function runWriterAndKill(filename: string, acks: number): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'testing/crash-writer.ts'), filename],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killed && out.split('\n').length > acks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own: ${err}`));
      const lines = out.split('\n').filter((line) => line.startsWith('ack '));
      resolve(lines.map((line) => line.split(' ').slice(1) as [string, string]));
    });
  });
}

describe('given a writer process killed with SIGKILL in the middle of appending', () => {
  it('when the file is opened again, then every acknowledged append is there and the file is intact', async () => {
    const filename = join(dir, 'crash.sqlite');
    const acknowledged = await runWriterAndKill(filename, 500);
    expect(acknowledged.length).toBeGreaterThanOrEqual(500);

    const raw = new Database(filename);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = new SqliteEventStore({ filename });
    const stored = new Set((await collect(store.readAll())).map((e) => `${e.streamName} ${e.id}`));
    const missing = acknowledged.filter(([stream, id]) => !stored.has(`${stream} ${id}`));
    expect(missing).toEqual([]);
    for (let s = 0; s < 7; s++) {
      const revisions = (await collect(store.readStream(`case-crash-${s}`))).map((e) => e.revision);
      expect(revisions).toEqual([...revisions.keys()]);
    }
    await store.appendToStream('case-after-crash', [newEvent()], { expectedRevision: NO_STREAM });
    await store.close();
  }, 60_000);
});
