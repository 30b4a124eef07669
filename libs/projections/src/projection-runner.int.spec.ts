import type { TestingModule } from '@nestjs/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_STREAM, SqliteEventStore } from '@app/event-store';
import { collect, newEvent } from '@app/event-store/testing';
import { type Projection, ReadModelDb, ALL_MESSAGES, type StoredEventMessage } from '@app/read-model';
import { ProjectionRunner } from './projection-runner';
import { startReadModels } from './testing/read-models-module';

/** Fails the first time it sees each event, as a full disk or a locked file would. */
class FlakyProjection implements Projection {
  readonly handles = [...ALL_MESSAGES];
  static failuresLeft = 0;
  readonly name = 'flaky';
  readonly tables = [];

  apply(_db: ReadModelDb, _message: StoredEventMessage): void {
    if (FlakyProjection.failuresLeft > 0) {
      FlakyProjection.failuresLeft--;
      throw new Error('disk I/O error');
    }
  }
}

const store = new SqliteEventStore({ filename: ':memory:' });
const logLength = async () => (await collect(store.readAll())).length;

async function eventually(probe: () => void, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return probe();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

describe('projection runner', () => {
  let module: TestingModule;
  beforeEach(async () => {
    module = await startReadModels(store, {
      filename: ':memory:',
      retryDelayMs: 300,
      extraProjections: [() => new FlakyProjection()],
    });
  });
  afterEach(() => module.close());

  it('given a projection fails once, then the batch is rolled back, the runner reports it, and the retry applies it once', async () => {
    FlakyProjection.failuresLeft = 1;
    const opened = newEvent('CaseOpened', {
      caseId: 'c1',
      reference: 'AB 6303',
      unit: 'jarva-1',
      socialWorkerId: 'ss-1',
    });
    const { position } = await store.appendToStream('case-c1', [opened], { expectedRevision: NO_STREAM });
    const runner = module.get(ProjectionRunner);
    const db = module.get(ReadModelDb);
    const seen: string[] = [];
    // Every event of the log, the store's own identity included, is applied once.
    const inLog = await logLength();
    await eventually(() => {
      seen.push(runner.status().state);
      expect(runner.status()).toMatchObject({
        state: 'live',
        position: position.toString(),
        eventsApplied: inLog,
      });
    });
    expect(seen).toContain('failed');
    expect(db.all('SELECT case_id FROM cl_cases')).toEqual([{ case_id: 'c1' }]);
    expect(db.all('SELECT revision FROM ch_events')).toEqual([{ revision: 0 }]);
  });

  const opened = (caseId: string) =>
    newEvent('CaseOpened', { caseId, reference: 'AB 6303', unit: 'jarva-1', socialWorkerId: 'ss-1' });

  it('given events arrive while a failed batch waits for its retry, then the retry applies them all, each once, in order', async () => {
    FlakyProjection.failuresLeft = 1;
    const runner = module.get(ProjectionRunner);
    const db = module.get(ReadModelDb);
    await store.appendToStream('case-q0', [opened('q0')], { expectedRevision: NO_STREAM });
    await eventually(() => expect(runner.status().state).toBe('failed'));
    let last = 0n;
    for (const id of ['q1', 'q2', 'q3']) {
      last = (await store.appendToStream(`case-${id}`, [opened(id)], { expectedRevision: NO_STREAM }))
        .position;
    }
    await eventually(() =>
      expect(runner.status()).toMatchObject({ state: 'live', position: last.toString() }),
    );
    expect(db.all("SELECT case_id FROM cl_cases WHERE case_id LIKE 'q%' ORDER BY case_id")).toEqual(
      ['q0', 'q1', 'q2', 'q3'].map((case_id) => ({ case_id })),
    );
    expect(runner.status().eventsApplied).toBe(await logLength());
  });

  it('given a rebuild is asked for while a failure waits for its retry, then the rebuild finishes and the retry does not start a second reader', async () => {
    FlakyProjection.failuresLeft = 1;
    const runner = module.get(ProjectionRunner);
    const db = module.get(ReadModelDb);
    const { position } = await store.appendToStream('case-r0', [opened('r0')], {
      expectedRevision: NO_STREAM,
    });
    await eventually(() => expect(runner.status().state).toBe('failed'));
    const { done } = await runner.rebuild();
    const finished = await done;
    expect(finished.position).toBe(position.toString());
    // Past the retry delay: had the retry started another reader, the same events would be applied twice.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await store.appendToStream('case-r1', [opened('r1')], { expectedRevision: NO_STREAM });
    await eventually(() => expect(runner.status().state).toBe('live'));
    await eventually(() =>
      expect(db.all("SELECT case_id FROM cl_cases WHERE case_id LIKE 'r%'")).toHaveLength(2),
    );
    expect(runner.status().eventsApplied).toBe(await logLength());
    expect(runner.status().failure).toBeUndefined();
  });

  it('given the store ends the subscription without an error, then the runner says so and follows the log again', async () => {
    const runner = module.get(ProjectionRunner);
    await eventually(() => expect(runner.status().state).toBe('live'));
    const subscribe = store.subscribeToAll.bind(store);
    let ended = false;
    // One subscription that stops after catching up, as a server that drops a stream cleanly would.
    store.subscribeToAll = (options) => {
      const real = subscribe(options);
      if (ended) return real;
      ended = true;
      return {
        close: () => real.close(),
        async *[Symbol.asyncIterator]() {
          for await (const message of real) {
            yield message;
            if (message.kind === 'caughtUp') return;
          }
        },
      };
    };
    try {
      await runner.stop();
      runner.start();
      const seen: string[] = [];
      await eventually(() => {
        seen.push(runner.status().state);
        expect(seen).toContain('failed');
        expect(runner.status().state).toBe('live');
      });
      const { position } = await store.appendToStream('case-s1', [opened('s1')], {
        expectedRevision: NO_STREAM,
      });
      await eventually(() => expect(runner.status().position).toBe(position.toString()));
    } finally {
      store.subscribeToAll = subscribe;
    }
  });
});
