import { randomUUID } from 'node:crypto';
import {
  EventStoreDbEventStore,
  SqliteEventStore,
  type EventStore,
  type RecordedEvent,
} from '@app/event-store';
import { collect } from '@app/event-store/testing';
import { CaseEngine, type CaseEngineOptions, type CommandResult } from '../case-engine';
import { caseStream } from '../domain/case-events';
import type { ActorRole, CaseCommand } from '../domain/commands';
import type { LaneRole, ProcessDefinition } from '../domain/process-definition';
import { ProcessRegistry } from '../domain/process-registry';

/** Plan rows valid for a progressionsplan or ProgressionsplanShared: one row, pseudonymous. */
/** A change of caseworker with nothing left undone: reason, the client told, the hand-over written. */
export const FULL_CHANGE = {
  reason: 'omfordelning',
  clientInformed: { by: 'tidigare-socialsekreterare', on: '2026-01-02', how: 'telefon', contactGiven: true },
  handover: 'Nuläge: arbetsträning påbörjad. Överenskommet med klienten att ses varannan vecka.',
};

export const PLAN = {
  items: [
    {
      vad: 'Kontakt med vårdcentral',
      vem: 'Socialsekreterare',
      nar: '2026-02-15',
      varfor: 'Samordna insatser',
      gjort: false,
    },
  ],
};

/**
 * The store the engine's tests run on: in-memory SQLite, or with
 * EVENT_STORE=eventstoredb a log of its own on that server.
 */
function storeUnderTest(): EventStore {
  const connectionString = process.env.EVENTSTOREDB_CONNECTION_STRING;
  if (process.env.EVENT_STORE !== 'eventstoredb' || !connectionString) {
    return new SqliteEventStore({ filename: ':memory:' });
  }
  return new EventStoreDbEventStore(connectionString, {
    streamPrefix: `engine-${randomUUID().slice(0, 8)}-`,
  });
}

/**
 * A real engine on a real (in-memory) SQLite store with a clock the test
 * sets. Every call is a command as the API will send it.
 */
export class EngineHarness {
  readonly store: EventStore;
  readonly registry: ProcessRegistry;
  readonly engine: CaseEngine;
  now = '2026-01-31T09:00:00.000Z';

  constructor(definitions: ProcessDefinition[], options: CaseEngineOptions = {}, store?: EventStore) {
    this.store = store ?? storeUnderTest();
    this.registry = new ProcessRegistry(definitions);
    this.engine = new CaseEngine(this.store, this.registry, options);
  }

  run(
    role: ActorRole,
    command: CaseCommand,
    extra: { commandId?: string; expectedRevision?: number; actorId?: string } = {},
  ): Promise<CommandResult> {
    return this.engine.execute(command, {
      actorId: extra.actorId ?? `user-${role}`,
      roles: [role],
      now: this.now,
      correlationId: randomUUID(),
      commandId: extra.commandId ?? randomUUID(),
      ...(extra.expectedRevision !== undefined ? { expectedRevision: extra.expectedRevision } : {}),
    });
  }

  async openCase(caseId: string = randomUUID(), unit = 'järva-1'): Promise<string> {
    await this.run('socialsekreterare', {
      type: 'OpenCase',
      caseId,
      reference: 'AB 6303',
      unit,
      socialWorkerId: 'user-socialsekreterare',
    });
    return caseId;
  }

  /** Rehabansvarig records a valid progressionsplan of the given category on the case. */
  recordPlan(caseId: string, category = 4) {
    return this.run('rehabansvarig', {
      type: 'RecordProgressionsplan',
      caseId,
      plan: {
        category,
        followUpOwner: category <= 2 ? 'bitradande_enhetschef' : 'rehabansvarig',
        items: PLAN.items,
      },
    });
  }

  send(role: LaneRole, caseId: string, instanceId: string, event: string, payload?: unknown) {
    return this.run(role, { type: 'SendProcessEvent', caseId, instanceId, event, payload });
  }

  events(caseId: string): Promise<RecordedEvent[]> {
    return collect(this.store.readStream(caseStream(caseId)));
  }

  async eventTypes(caseId: string): Promise<string[]> {
    return (await this.events(caseId)).map((e) => e.type);
  }

  async openDeadlines(caseId: string) {
    return [...(await this.engine.load(caseId)).deadlines.values()];
  }

  async stateOf(caseId: string, instanceId: string): Promise<unknown> {
    return (await this.engine.load(caseId)).instances.get(instanceId)?.snapshot.value;
  }

  /** Runs `act`, expects it to throw, and proves the case stream did not change. */
  async rejects(caseId: string, act: () => Promise<unknown>): Promise<unknown> {
    const before = await this.events(caseId);
    const error = await act().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error === undefined) throw new Error('expected the command to be rejected');
    const after = await this.events(caseId);
    if (after.length !== before.length)
      throw new Error(`a rejected command appended ${after.length - before.length} events`);
    return error;
  }
}
