/**
 * The engine on a realistic case against appending the same events without
 * it, in one run on the same kind of store (SQLite file, synchronous=FULL).
 *
 * Scenario: `realisticCase` (15 commands). The baseline appends, per
 * command, the very batch the engine appended (fresh ids, same data and
 * metadata, exact expected revision), so the ratio is the engine's cost:
 * reading and folding the case, validating, deciding.
 *
 * The first rounds are run and thrown away: until V8 has compiled the
 * engine's paths an engine round runs a third slower than the next, while
 * the baseline's few paths warm at once, so a cold round measures the JIT.
 * A server runs warm; the first round is printed beside the result.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseEngine, caseStream } from '@app/engine';
import { NO_STREAM, SqliteEventStore, type RecordedEvent } from '@app/event-store';
import { createProcessRegistry } from '@app/processes';
import { median, realisticCase } from '../realistic-case';

const CASES = Number(process.env.BENCH_CASES ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'arendemotorn-engine-bench-'));
let files = 0;

async function runEngine(): Promise<{ commandsPerSecond: number; batches: RecordedEvent[][] }> {
  const store = new SqliteEventStore({ filename: join(dir, `engine-${++files}.sqlite`) });
  const engine = new CaseEngine(store, createProcessRegistry());
  let commands = 0;
  let elapsed = 0n;
  let lastCase = '';
  for (let c = 0; c < CASES; c++) {
    const caseId = randomUUID();
    lastCase = caseId;
    for (const { role, command, commandId } of realisticCase(caseId)) {
      const meta = {
        actorId: `u-${role}`,
        roles: [role],
        now: '2026-02-20T09:00:00.000Z',
        correlationId: caseId,
        commandId,
      };
      const started = process.hrtime.bigint();
      await engine.execute(command, meta);
      elapsed += process.hrtime.bigint() - started;
      commands++;
    }
  }
  const seconds = Number(elapsed) / 1e9;
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(caseStream(lastCase))) events.push(event);
  const batches = new Map<string, RecordedEvent[]>();
  for (const event of events)
    batches.set(String(event.metadata.commandId), [
      ...(batches.get(String(event.metadata.commandId)) ?? []),
      event,
    ]);
  await store.close();
  return { commandsPerSecond: commands / seconds, batches: [...batches.values()] };
}

async function runBaseline(batches: RecordedEvent[][]): Promise<number> {
  const store = new SqliteEventStore({ filename: join(dir, `baseline-${++files}.sqlite`) });
  let commands = 0;
  const started = process.hrtime.bigint();
  for (let c = 0; c < CASES; c++) {
    const stream = caseStream(randomUUID());
    let revision: number | typeof NO_STREAM = NO_STREAM;
    for (const batch of batches) {
      const result = await store.appendToStream(
        stream,
        batch.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: e.metadata })),
        { expectedRevision: revision },
      );
      revision = result.nextExpectedRevision;
      commands++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return commands / seconds;
}

async function main(): Promise<void> {
  console.log(
    `engine bench: ${WARMUP_ROUNDS} warm-up and ${ROUNDS} measured alternating rounds of ${CASES} cases x 15 commands, SQLite file, synchronous=FULL`,
  );
  const engine: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const run = await runEngine();
    const appends = await runBaseline(run.batches);
    if (round === 0)
      console.log(
        `first (cold) round: ${Math.round(run.commandsPerSecond)} commands/s against ${Math.round(appends)} appends/s, ${((100 * run.commandsPerSecond) / appends).toFixed(1)} %`,
      );
    if (round < WARMUP_ROUNDS) continue;
    engine.push(run.commandsPerSecond);
    baseline.push(appends);
  }
  const ratio = median(engine) / median(baseline);
  console.log('| workload | engine commands/s | same appends without engine/s | engine / baseline |');
  console.log('|---|---|---|---|');
  console.log(
    `| realistic förtroendeläkare case | ${Math.round(median(engine))} | ${Math.round(median(baseline))} | ${(ratio * 100).toFixed(1)} % |`,
  );
  rmSync(dir, { recursive: true, force: true });
}

void main();
