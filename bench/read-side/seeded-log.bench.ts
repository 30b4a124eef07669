/**
 * The read side on a real log as it grows. The log is seeded as the engine
 * writes it: the realistic case (15 commands) is decided once through the
 * case Decider, then cloned per case through the engine's own sealing
 * (a data key per case), stamping and hash chaining, and appended. The
 * caller's unit holds 1,000 cases and other units the rest.
 *
 * For each size it measures, and asserts nothing:
 * - rebuilding every read model from the log, against a bare scan of the
 *   same log in the same run (goal, issue 14: at least 50 %, flat in size);
 * - the hot list queries on the rebuilt read models (goal: at the largest
 *   size within 1.5x of 1,000 cases).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  caseDecider,
  caseStream,
  commandFingerprint,
  sealPersonalData,
  stampEvent,
  TOOLBOX_EFFECTS,
  type CaseCommand,
  type CommandMetadata,
  type PendingEvent,
} from '@app/engine';
import { chainEvents, chainStart, NO_STREAM, SqliteEventStore } from '@app/event-store';
import { PROJECTION_FACTORIES, ProjectionRunner } from '@app/projections';
import { ReadModelDb } from '@app/read-model';
import { createProcessRegistry } from '@app/processes';
import { givenCase } from '@app/engine/testing/case-spec';
import { realisticCase } from '../realistic-case';
import { OWN_UNIT, timeHotQueries } from './hot-queries';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const OWN_CASES = 1000;
/** Stands for the case id in the template; appears nowhere else in its events. */
const TEMPLATE = 'tplcase0000000000000000000';
const registry = createProcessRegistry();

interface TemplateCommand {
  readonly command: CaseCommand;
  readonly meta: CommandMetadata;
  readonly events: PendingEvent[];
}

/** The realistic case as the engine decides it, command by command, in plaintext. */
function decideTemplate(): TemplateCommand[] {
  const template = givenCase(caseDecider({ registry, overrides: {} }), [], TEMPLATE);
  return realisticCase(TEMPLATE).map((step, n) => {
    const meta: CommandMetadata = {
      actorId: `${OWN_UNIT}-${step.role}`,
      roles: [step.role],
      now: new Date(Date.UTC(2026, 1, 20, 9) + n * 86_400_000).toISOString(),
      correlationId: `${TEMPLATE}-c${n}`,
      commandId: step.commandId,
    };
    const decided = template.when(step.command, meta);
    if (decided.error) throw decided.error;
    return { command: step.command, meta, events: [...decided.decided] };
  });
}

const clone = <T>(value: T, caseId: string, unit: string): T =>
  JSON.parse(
    JSON.stringify(value).replaceAll(TEMPLATE, caseId).replaceAll(`"${OWN_UNIT}"`, `"${unit}"`),
  ) as T;

/** One case's events as the engine would have appended them: sealed with its own key, stamped, chained. */
function caseEvents(template: TemplateCommand[], n: number) {
  const caseId = `case${String(n).padStart(22, '0')}`;
  const unit = n < OWN_CASES ? OWN_UNIT : `unit-${n % 99}`;
  const key = randomBytes(32);
  const streamName = caseStream(caseId);
  let previous = chainStart(streamName);
  const all: ReturnType<typeof stampEvent>[] = [];
  for (const step of template) {
    const { command, meta, events } = clone(step, caseId, unit);
    const fingerprint = commandFingerprint(command, meta.actorId, key);
    const sealed = sealPersonalData(registry, caseId, key, events, TOOLBOX_EFFECTS);
    const chained = chainEvents(
      streamName,
      all.length,
      previous,
      sealed.map((event, index) => stampEvent(caseId, event, index, meta, fingerprint)),
    );
    previous = chained.lastHash;
    all.push(...chained.events);
  }
  return { streamName, events: all };
}

async function seed(store: SqliteEventStore, cases: number): Promise<number> {
  const template = decideTemplate();
  let events = 0;
  for (let n = 0; n < cases; n += 100) {
    const batch = Array.from({ length: Math.min(100, cases - n) }, (_, i) => caseEvents(template, n + i));
    await Promise.all(
      batch.map((c) => store.appendToStream(c.streamName, c.events, { expectedRevision: NO_STREAM })),
    );
    events += batch.reduce((sum, c) => sum + c.events.length, 0);
    if ((n + 100) % 10_000 === 0) console.log(`  seeded ${(n + 100).toLocaleString('en-US')} cases`);
  }
  return events;
}

async function bareScan(store: SqliteEventStore): Promise<number> {
  const started = process.hrtime.bigint();
  let count = 0;
  for await (const _event of store.readAll()) count++;
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function rebuild(store: SqliteEventStore, db: ReadModelDb): Promise<number> {
  const projections = PROJECTION_FACTORIES.map((create) => create({ registry, effects: TOOLBOX_EFFECTS }));
  const runner = new ProjectionRunner(store, db, projections, { autoStart: false, retryDelayMs: 1000 });
  const started = process.hrtime.bigint();
  const { done } = await runner.rebuild();
  const progress = await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await runner.stop();
  return progress.eventsApplied / seconds;
}

async function main(): Promise<void> {
  console.log(`seeded-log bench: the realistic case cloned as a real log; ${OWN_CASES} cases in ${OWN_UNIT}`);
  const rows = [];
  for (const cases of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'arende-seeded-'));
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    const events = await seed(store, cases);
    const scan = await bareScan(store);
    const db = new ReadModelDb(join(dir, 'read-models.sqlite'));
    const applied = await rebuild(store, db);
    // The case list filtered by rehab-handledning: every seeded case has one, completed.
    const queries = await timeHotQueries(db, 'rehab-handledning');
    rows.push({ cases, events, scan, applied, ...queries });
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const base = rows[0];
  console.log(
    '| cases | events | bare scan | rebuild | rebuild vs scan | case list | role queue | statistics | queries vs the smallest |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.cases.toLocaleString('en-US')} | ${r.events.toLocaleString('en-US')} | ${Math.round(r.scan).toLocaleString('en-US')}/s | ${Math.round(r.applied).toLocaleString('en-US')}/s | ${((r.applied / r.scan) * 100).toFixed(1)} % | ${r.list.toFixed(2)} ms | ${r.queue.toFixed(2)} ms | ${r.steps.toFixed(2)} ms | ${(r.list / base.list).toFixed(2)}x / ${(r.queue / base.queue).toFixed(2)}x / ${(r.steps / base.steps).toFixed(2)}x |`,
    );
  }
}

void main();
