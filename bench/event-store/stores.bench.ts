/**
 * The two adapters behind the port on the same workload, alternately in one
 * process: the embedded SQLite store (a file, synchronous=FULL) against
 * KurrentDB / EventStoreDB at EVENTSTOREDB_CONNECTION_STRING. Appends go
 * round-robin to 100 case streams with the exact expected revision, as the
 * engine appends; reads replay every stream written, then the whole log
 * with readAll. The ratio is KurrentDB's throughput as a share of SQLite's.
 * Without a connection string it says so and measures nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStoreDbEventStore,
  NO_STREAM,
  SqliteEventStore,
  type EventStore,
  type ExpectedRevision,
} from '@app/event-store';
import { median } from '../realistic-case';
import { benchEvent } from './bench-event';

const STREAMS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTION = process.env.EVENTSTOREDB_CONNECTION_STRING;
const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-stores-bench-'));
let runs = 0;

type Store = 'sqlite' | 'kurrentdb';

function open(kind: Store): EventStore {
  runs++;
  if (kind === 'sqlite') return new SqliteEventStore({ filename: join(dir, `run-${runs}.sqlite`) });
  // A prefix per run: each round starts on empty streams, as the SQLite round starts on an empty file.
  return new EventStoreDbEventStore(CONNECTION ?? '', { streamPrefix: `bench-${Date.now()}-${runs}-` });
}

interface Figures {
  appendsPerSecond: number;
  streamReadsPerSecond: number;
  readAllPerSecond: number;
}

async function measure(kind: Store, batchSize: number): Promise<Figures> {
  const store = open(kind);
  const before = await store.headPosition();
  const revisions = new Array<ExpectedRevision>(STREAMS).fill(NO_STREAM);
  const append = async (s: number) => {
    const batch = Array.from({ length: batchSize }, (_, i) => benchEvent(i));
    const result = await store.appendToStream(`case-${s}`, batch, { expectedRevision: revisions[s] });
    revisions[s] = result.nextExpectedRevision;
    return batch.length;
  };
  for (let s = 0; s < STREAMS; s++) await append(s);
  let written = 0;
  let i = 0;
  const appendStarted = process.hrtime.bigint();
  const deadline = appendStarted + BigInt(SECONDS * 1e9);
  while (process.hrtime.bigint() < deadline) written += await append(i++ % STREAMS);
  const appendSeconds = Number(process.hrtime.bigint() - appendStarted) / 1e9;

  let read = 0;
  const readStarted = process.hrtime.bigint();
  for (let s = 0; s < STREAMS; s++) for await (const _event of store.readStream(`case-${s}`)) read++;
  const readSeconds = Number(process.hrtime.bigint() - readStarted) / 1e9;

  const head = await store.headPosition();
  let all = 0;
  const allStarted = process.hrtime.bigint();
  // A shared server's log holds other runs too: read only this run's stretch of it.
  for await (const event of store.readAll(before === undefined ? {} : { after: before })) {
    all++;
    if (event.position === head) break;
  }
  const allSeconds = Number(process.hrtime.bigint() - allStarted) / 1e9;
  await store.close();
  return {
    appendsPerSecond: written / appendSeconds,
    streamReadsPerSecond: read / readSeconds,
    readAllPerSecond: all / allSeconds,
  };
}

const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

async function main(): Promise<void> {
  if (!CONNECTION) {
    console.log('stores bench: skipped, EVENTSTOREDB_CONNECTION_STRING is not set (nothing measured)');
    return;
  }
  console.log(
    `stores bench: SQLite vs ${CONNECTION.split('?')[0]}, ${ROUNDS} alternating rounds of ${SECONDS}s`,
  );
  console.log('| workload | SQLite events/s | KurrentDB events/s | KurrentDB / SQLite |');
  console.log('|---|---|---|---|');
  for (const batchSize of [1, 100]) {
    const results: Record<Store, Figures[]> = { sqlite: [], kurrentdb: [] };
    for (let round = 0; round < ROUNDS; round++) {
      results.sqlite.push(await measure('sqlite', batchSize));
      results.kurrentdb.push(await measure('kurrentdb', batchSize));
    }
    const label = batchSize === 1 ? 'single-event' : `${batchSize}-event batches,`;
    for (const [what, key] of [
      ['appends', 'appendsPerSecond'],
      ['read back stream by stream', 'streamReadsPerSecond'],
      ['read back with readAll', 'readAllPerSecond'],
    ] as const) {
      const sqlite = median(results.sqlite.map((figures) => figures[key]));
      const kurrent = median(results.kurrentdb.map((figures) => figures[key]));
      console.log(
        `| ${label} ${what} | ${fmt(sqlite)} | ${fmt(kurrent)} | ${((kurrent / sqlite) * 100).toFixed(1)} % |`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

void main();
