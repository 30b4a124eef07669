import { IsString } from 'class-validator';
import { assign, setup } from 'xstate';
import { ConcurrencyError } from '@app/event-store';
import { beforeEach, describe, expect, it } from 'vitest';
import { foldCase } from './domain/case-state';
import { Personal } from './domain/fields';
import { intentActions, type ProcessDefinition, type ProcessEvent } from './domain/process-definition';
import { CaseEngine } from './case-engine';
import { EngineHarness } from './testing/engine-harness';

/** A two-step process, in two versions: v2 inserts a review step. Registered only here. */
function pingDefinition(version: 1 | 2): ProcessDefinition {
  const machine = setup({ types: { events: {} as ProcessEvent }, actions: intentActions }).createMachine({
    id: 'ping',
    initial: 'open',
    states: {
      open: { on: { Pinged: version === 1 ? 'done' : 'review', Noted: 'open' } },
      review: { on: { Reviewed: 'done' } },
      done: { type: 'final' },
    },
  });
  return {
    id: 'ping',
    version,
    title: 'Ping',
    description: 'Testprocess',
    machine,
    startLanes: ['socialsekreterare'],
    // The specs below run several instances of it side by side.
    parallelInstances: true,
    events: {
      Pinged: { label: 'Pinga', lanes: ['socialsekreterare'] },
      Noted: { label: 'Notera', lanes: ['socialsekreterare'] },
      Reviewed: { label: 'Granska', lanes: ['rehabansvarig'] },
    },
    deadlines: {},
  };
}

class MemoPayload {
  @Personal()
  @IsString()
  note!: string;
}

/** A step that keeps its sealed note in the context, and one that keeps nothing. */
function memoDefinition(): ProcessDefinition {
  const machine = setup({
    types: { events: {} as ProcessEvent, context: {} as { note?: unknown } },
    actions: intentActions,
  }).createMachine({
    id: 'memo',
    initial: 'open',
    context: {},
    states: {
      open: {
        on: {
          Kept: { actions: assign({ note: ({ event }) => event.payload?.note }) },
          Seen: { target: 'open' },
        },
      },
    },
  });
  return {
    id: 'memo',
    version: 1,
    title: 'Memo',
    description: 'Testprocess',
    machine,
    startLanes: ['socialsekreterare'],
    events: {
      Kept: { label: 'Spara', lanes: ['socialsekreterare'], payload: MemoPayload },
      Seen: { label: 'Läst', lanes: ['socialsekreterare'], payload: MemoPayload },
    },
    deadlines: {},
  };
}

describe('case engine', () => {
  let h: EngineHarness;
  let caseId: string;
  beforeEach(async () => {
    h = new EngineHarness([pingDefinition(1)]);
    caseId = await h.openCase();
  });
  const start = (instanceId: string) =>
    h.run('socialsekreterare', { type: 'StartProcess', caseId, instanceId, definitionId: 'ping' });

  it('given version 2 is registered while a v1 instance runs, then v1 keeps folding with v1 and new instances start on v2', async () => {
    await start('old');
    h.registry.register(pingDefinition(2));
    await start('new');
    await h.send('socialsekreterare', caseId, 'old', 'Pinged');
    await h.send('socialsekreterare', caseId, 'new', 'Pinged');
    const state = await h.engine.load(caseId);
    expect([state.instances.get('old')?.version, state.instances.get('old')?.snapshot.value]).toEqual([
      1,
      'done',
    ]);
    expect([state.instances.get('new')?.version, state.instances.get('new')?.snapshot.value]).toEqual([
      2,
      'review',
    ]);
  });

  it('given two commands race on one case, then the loser is retried on fresh state and both land', async () => {
    await start('p');
    const results = await Promise.all([
      h.send('socialsekreterare', caseId, 'p', 'Noted'),
      h.send('socialsekreterare', caseId, 'p', 'Noted'),
    ]);
    expect(results.map((r) => r.revision).sort()).toEqual([2, 3]);
    expect((await h.eventTypes(caseId)).filter((t) => t === 'Noted')).toHaveLength(2);
  });

  it('given retries are turned off, then the loser of a race gets the ConcurrencyError', async () => {
    h = new EngineHarness([pingDefinition(1)], { maxRetries: 0 });
    caseId = await h.openCase();
    await start('p');
    const outcomes = await Promise.allSettled([
      h.send('socialsekreterare', caseId, 'p', 'Noted'),
      h.send('socialsekreterare', caseId, 'p', 'Noted'),
    ]);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason),
    ).toEqual([expect.any(ConcurrencyError)]);
  });

  it('given an expected revision that is stale, then the command is refused with the current revision and not retried', async () => {
    await start('p');
    const error = await h.rejects(caseId, () =>
      h.run(
        'socialsekreterare',
        { type: 'SendProcessEvent', caseId, instanceId: 'p', event: 'Noted' },
        { expectedRevision: 0 },
      ),
    );
    expect(error).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY', expectedRevision: 0, actualRevision: 1 });
  });

  it('given another node advanced the case after this engine cached it, then the next command sees that step', async () => {
    await start('p');
    await h.engine.load(caseId);
    const otherNode = new CaseEngine(h.store, h.registry);
    await otherNode.execute(
      { type: 'SendProcessEvent', caseId, instanceId: 'p', event: 'Pinged' },
      {
        actorId: 'u2',
        roles: ['socialsekreterare'],
        now: h.now,
        correlationId: 'c',
        commandId: '0f0e0d0c-0b0a-4998-8776-655443322110',
      },
    );
    const error = await h.send('socialsekreterare', caseId, 'p', 'Pinged').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STEP.NOT_ALLOWED' });
    expect((await h.engine.load(caseId)).instances.get('p')?.snapshot.value).toBe('done');
  });

  it('given a command appended, then the engine holds the case as a fresh fold of the log gives it, and reads none of its own events back', async () => {
    await start('p');
    await h.send('socialsekreterare', caseId, 'p', 'Noted');
    let readBack = 0;
    const counting = Object.create(h.store) as typeof h.store;
    counting.readStream = async function* (...args: Parameters<typeof h.store.readStream>) {
      for await (const event of h.store.readStream(...args)) {
        readBack++;
        yield event;
      }
    };
    const engine = new CaseEngine(counting, h.registry);
    const meta = { actorId: 'u1', roles: ['socialsekreterare' as const], now: h.now, correlationId: 'c' };
    await engine.load(caseId);
    readBack = 0;
    await engine.execute(
      { type: 'SendProcessEvent', caseId, instanceId: 'p', event: 'Noted' },
      { ...meta, commandId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
    );
    const cached = await engine.load(caseId);
    expect(readBack).toBe(0);
    const events = [];
    for await (const event of h.store.readStream(`case-${caseId}`)) events.push(event);
    const fresh = foldCase(h.registry, caseId, events);
    expect([cached.revision, cached.chainHash]).toEqual([fresh.revision, fresh.chainHash]);
    expect(cached.instances.get('p')?.snapshot.value).toEqual(fresh.instances.get('p')?.snapshot.value);
    expect([...cached.applied.keys()]).toEqual([...fresh.applied.keys()]);
  });

  it('given a step that keeps a personal field in its context, then the engine caches the sealed context a reader of the log gets, never the plaintext', async () => {
    const memo = new EngineHarness([memoDefinition()]);
    const id = await memo.openCase();
    await memo.run('socialsekreterare', {
      type: 'StartProcess',
      caseId: id,
      instanceId: 'm',
      definitionId: 'memo',
    });
    const contexts = async () => {
      const fresh = foldCase(memo.registry, id, await memo.events(id));
      return [
        (await memo.engine.load(id)).instances.get('m')?.snapshot.context,
        fresh.instances.get('m')?.snapshot.context,
      ];
    };
    await memo.send('socialsekreterare', id, 'm', 'Kept', { note: 'kvinna född -63 ringde' });
    const [kept, keptFresh] = await contexts();
    expect(kept).toEqual(keptFresh);
    expect(JSON.stringify(kept)).toContain('enc:v1:');
    expect(JSON.stringify(kept)).not.toContain('ringde');
    // A step that keeps nothing is folded from the state decide worked out: still the same context.
    await memo.send('socialsekreterare', id, 'm', 'Seen', { note: 'läst' });
    const [seen, seenFresh] = await contexts();
    expect(seen).toEqual(seenFresh);
    expect(seen).toEqual(kept);
  });

  it('given an idempotency key reused for a different command, then it is refused and nothing is appended', async () => {
    await start('p');
    const key = { commandId: '5b1f7c0e-2d4a-4c8e-9f3a-6e2d1c0b9a87' };
    await h.run(
      'socialsekreterare',
      { type: 'SendProcessEvent', caseId, instanceId: 'p', event: 'Noted' },
      key,
    );
    const error = await h.rejects(caseId, () =>
      h.run('socialsekreterare', { type: 'SendProcessEvent', caseId, instanceId: 'p', event: 'Pinged' }, key),
    );
    expect(error).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it('given the same key from another actor, then it is refused rather than replaying their result', async () => {
    await start('p');
    const command = { type: 'SendProcessEvent' as const, caseId, instanceId: 'p', event: 'Noted' };
    const key = { commandId: '6c2f8d1e-3e5b-4d9f-8a4b-7f3e2d1c0b98' };
    await h.run('socialsekreterare', command, key);
    const error = await h.rejects(caseId, () =>
      h.run('socialsekreterare', command, { ...key, actorId: 'u9' }),
    );
    expect(error).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it('given an unknown case, instance or process, then each has its own not-found error', async () => {
    await expect(h.send('socialsekreterare', 'no-such-case', 'p', 'Noted')).rejects.toMatchObject({
      code: 'CASE.NOT_FOUND',
    });
    await expect(h.send('socialsekreterare', caseId, 'nope', 'Noted')).rejects.toMatchObject({
      code: 'PROCESS_INSTANCE.NOT_FOUND',
    });
    await expect(
      h.run('socialsekreterare', { type: 'StartProcess', caseId, instanceId: 'x', definitionId: 'nope' }),
    ).rejects.toMatchObject({ code: 'PROCESS.NOT_FOUND' });
    await expect(h.openCase(caseId)).rejects.toMatchObject({ code: 'CASE.ALREADY_EXISTS' });
  });

  it('given random valid command sequences, then replaying the stored events reproduces the state the engine held', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 20; run++) {
      const id = await h.openCase();
      const held = [];
      for (let i = 0; i < 3; i++) {
        await h.run('socialsekreterare', {
          type: 'StartProcess',
          caseId: id,
          instanceId: `i${i}`,
          definitionId: 'ping',
        });
      }
      for (let step = 0; step < 15; step++) {
        const instanceId = `i${Math.floor(random() * 3)}`;
        const event = random() < 0.7 ? 'Noted' : 'Pinged';
        await h.send('socialsekreterare', id, instanceId, event).catch((e: { code?: string }) => {
          if (e.code !== 'STEP.NOT_ALLOWED') throw e;
        });
        held.push(await h.engine.load(id));
      }
      const events = await h.events(id);
      const replayed = foldCase(h.registry, id, events);
      const final = held.at(-1);
      expect(replayed.revision).toBe(final?.revision);
      for (const [instanceId, instance] of replayed.instances) {
        expect(instance.snapshot.value).toEqual(final?.instances.get(instanceId)?.snapshot.value);
      }
      const summary = (state: typeof final) => ({
        revision: state?.revision,
        instances: [...(state?.instances ?? [])].map(([k, v]) => [
          k,
          v.version,
          v.snapshot.value,
          v.snapshot.context,
          v.snapshot.status,
        ]),
        deadlines: [...(state?.deadlines.values() ?? [])],
        followUps: [...(state?.followUps.values() ?? [])],
      });
      for (const state of held) {
        const prefix = foldCase(
          h.registry,
          id,
          events.filter((e) => e.revision <= (state.revision as number)),
        );
        expect(summary(prefix)).toEqual(summary(state));
      }
    }
  });
});
