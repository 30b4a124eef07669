/**
 * SQLite adapter vs a bare better-sqlite3 insert loop, measured alternately in
 * one process. The baseline writes the same rows into the same schema with the
 * same pragmas (WAL, synchronous=FULL), one transaction per append, and also
 * serialises the JSON; it skips what the adapter adds: validation, the
 * revision check, idempotency handling and row mapping. The ratio is the
 * adapter's share of the bare loop's throughput.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NO_STREAM, SqliteEventStore, type NewEvent } from '@app/event-store';
import { createSchema, openPragmas } from '@app/event-store/sqlite/sqlite-schema';
import { benchEvent } from './bench-event';

const STREAMS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-bench-'));
let files = 0;

type Writer = (batch: NewEvent[], stream: number) => Promise<void> | void;

async function adapterWriter(): Promise<{ write: Writer; close: () => Promise<void> }> {
  const store = new SqliteEventStore({ filename: join(dir, `adapter-${++files}.sqlite`) });
  const revisions = new Array<number | typeof NO_STREAM>(STREAMS).fill(NO_STREAM);
  return {
    write: async (batch, s) => {
      const result = await store.appendToStream(`case-${s}`, batch, { expectedRevision: revisions[s] });
      revisions[s] = result.nextExpectedRevision;
    },
    close: () => store.close(),
  };
}

async function bareWriter(): Promise<{ write: Writer; close: () => Promise<void> }> {
  const db = new Database(join(dir, `bare-${++files}.sqlite`));
  openPragmas(db, 5000);
  createSchema(db);
  const insert = db.prepare(
    'INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const next = new Array<number>(STREAMS).fill(0);
  const append = db.transaction((batch: NewEvent[], s: number) => {
    const now = Date.now();
    for (const e of batch) {
      insert.run(
        `case-${s}`,
        next[s]++,
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        now,
      );
    }
  });
  return { write: (batch, s) => append.immediate(batch, s), close: async () => void db.close() };
}

async function measure(make: typeof adapterWriter, batchSize: number): Promise<number> {
  const { write, close } = await make();
  const batches = Array.from({ length: 64 }, (_, b) =>
    Array.from({ length: batchSize }, (_, i) => benchEvent(b * batchSize + i)),
  );
  for (let i = 0; i < 50; i++)
    await write(
      batches[i % 64].map((e) => ({ ...e, id: randomUUID() })),
      i % STREAMS,
    );
  let events = 0;
  let i = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(SECONDS * 1e9);
  while (process.hrtime.bigint() < deadline) {
    const batch = batches[i % 64].map((e) => ({ ...e, id: randomUUID() }));
    await write(batch, i++ % STREAMS);
    events += batch.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await close();
  return events / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  console.log(`event store bench: ${ROUNDS} alternating rounds of ${SECONDS}s each, synchronous=FULL, WAL`);
  const rows: string[] = [];
  for (const batchSize of [1, 100]) {
    const adapter: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await measure(bareWriter, batchSize));
      adapter.push(await measure(adapterWriter, batchSize));
    }
    const ratio = median(adapter) / median(bare);
    const label = batchSize === 1 ? 'single-event appends' : `${batchSize}-event batches`;
    rows.push(
      `| ${label} | ${Math.round(median(adapter))} | ${Math.round(median(bare))} | ${(ratio * 100).toFixed(1)} % | ${ratio >= 0.8 ? 'met' : 'MISSED'} |`,
    );
  }
  console.log('| workload | adapter events/s | bare loop events/s | adapter / bare | target 80 % |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  rmSync(dir, { recursive: true, force: true });
}

void main();
