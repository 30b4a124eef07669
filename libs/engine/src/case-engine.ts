import { createHmac } from 'node:crypto';
import { uuidFromName } from '@app/common';
import { appendChained, ConcurrencyError, type EventStore, type NewEvent } from '@app/event-store';
import { caseStream } from './domain/case-events';
import { CaseFold, initialCaseState, type CaseState } from './domain/case-state';
import type { CaseCommand, CommandMetadata } from './domain/commands';
import { CaseErasedError, CaseNotFoundError, IdempotencyKeyReusedError } from './domain/errors';
import { InMemoryKeyStore } from './crypto/in-memory-key-store';
import type { KeyStore } from './crypto/key-store';
import { sealPersonalData, type SealedEvent } from './crypto/seal-events';
import type { CaseEffects } from './domain/case-effects';
import { TOOLBOX_EFFECTS } from './domain/toolbox-effects';
import { decide, type DeadlineOverrides, type PendingEvent } from './domain/decide';
import { decidedStepOf } from './domain/decided-snapshots';
import { defaultUnitSettings, type UnitSettingsLookup } from './domain/unit-settings';
import { isIsoDuration } from '@app/workflow';
import { staffNamedBy, type StaffLookup } from './domain/staff-fields';
import { unseal } from './crypto/sealing';
import { insatserNamedBy, type CatalogueLookup } from './domain/catalogue-fields';
import type { ProcessRegistry } from './domain/process-registry';

export interface CommandResult {
  readonly caseId: string;
  /** The case stream's revision after the command: the next If-Match. */
  readonly revision: number;
  /** Types of the events appended, in order; a replay returns those of the first execution. */
  readonly events: readonly string[];
  readonly replayed: boolean;
}

/** A command's metadata as a caller sends it: the acting roles known up front, or read off the loaded case. */
export type CommandRequest = Omit<CommandMetadata, 'roles'> & {
  readonly roles: CommandMetadata['roles'] | ((state: CaseState) => CommandMetadata['roles']);
};

export interface CaseEngineOptions {
  /** How often a command that lost an optimistic-concurrency race is retried on fresh state. */
  readonly maxRetries?: number;
  readonly deadlineOverrides?: DeadlineOverrides;
  /** Folded cases kept in memory (least recently used dropped first); 0 turns the cache off. */
  readonly cacheSize?: number;
  /** The cases' data keys; in memory unless given, which only tests and benches may rely on. */
  readonly keys?: KeyStore;
  /** The case model's cross-process effects; the toolbox's unless given. */
  readonly effects?: CaseEffects;
  /** What each unit configured for the rules that read it (its fördjupad-samverkan care units); Järva's unless given. */
  readonly unitSettings?: UnitSettingsLookup;
  /** Who works where in which role, for the steps that name a person of the unit; unchecked when absent. */
  readonly staff?: StaffLookup;
  /** The shared catalogue of insatser, for the steps that place a client on one; unchecked when absent. */
  readonly catalogue?: CatalogueLookup;
}

/**
 * Who sent what: a key reused by another actor or for another request must
 * not replay the first. Keyed with the case's key, because a plain hash of a
 * command with a short pseudonym in it could be reversed by guessing.
 */
export function commandFingerprint(command: CaseCommand, actorId: string, caseKey: Buffer): string {
  return createHmac('sha256', caseKey)
    .update(JSON.stringify([actorId, command]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Same case and command, same event ids: a retried append is recognised by
 * the store too. The case is part of it because command ids are the
 * clients' Idempotency-Keys, which two cases may share.
 */
const eventId = (caseId: string, commandId: string, index: number) =>
  uuidFromName(`${caseId}/${commandId}/${index}`);

/**
 * A bad override would otherwise surface only when a caseworker's command
 * schedules that deadline; refusing it here stops a misconfigured start.
 */
function assertOverrides(registry: ProcessRegistry, overrides: DeadlineOverrides): void {
  for (const [unit, byProcess] of Object.entries(overrides)) {
    for (const [definitionId, byName] of Object.entries(byProcess)) {
      const deadlines = registry.latest(definitionId).deadlines;
      for (const [name, duration] of Object.entries(byName)) {
        const where = `deadline override ${unit}/${definitionId}/${name}`;
        if (!(name in deadlines)) {
          throw new RangeError(
            `${where}: ${definitionId} has no deadline '${name}' (it has: ${Object.keys(deadlines).join(', ')})`,
          );
        }
        if (!isIsoDuration(duration))
          throw new RangeError(`${where}: '${duration}' is not an ISO-8601 duration such as P2W or P1M`);
      }
    }
  }
}

/** Load → fold → decide → append. Thin on purpose: every rule lives in `decide` and the definitions. */
export class CaseEngine {
  private readonly maxRetries: number;
  private readonly overrides: DeadlineOverrides;
  private readonly cacheSize: number;
  private readonly cache = new Map<string, CaseState>();
  private readonly keys: KeyStore;
  private readonly effects: CaseEffects;
  private readonly unitSettings: UnitSettingsLookup;
  private readonly staff: StaffLookup | undefined;
  private readonly catalogue: CatalogueLookup | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly registry: ProcessRegistry,
    options: CaseEngineOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 3;
    this.overrides = options.deadlineOverrides ?? {};
    assertOverrides(registry, this.overrides);
    this.cacheSize = options.cacheSize ?? 1000;
    this.keys = options.keys ?? new InMemoryKeyStore();
    this.effects = options.effects ?? TOOLBOX_EFFECTS;
    this.unitSettings = options.unitSettings ?? defaultUnitSettings;
    this.staff = options.staff;
    this.catalogue = options.catalogue;
  }

  /**
   * The case folded up to the newest event in the store. A cached fold is
   * only a starting point: the events after its revision are always read, so
   * the cache can never hide another node's writes. Folded states are
   * immutable, so sharing one is safe.
   */
  async load(caseId: string): Promise<CaseState> {
    const cached = this.cache.get(caseId) ?? initialCaseState(caseId);
    const fromRevision = cached.revision === 'no_stream' ? 0 : cached.revision + 1;
    const fold = new CaseFold(this.registry, cached, this.effects);
    for await (const event of this.store.readStream(caseStream(caseId), { fromRevision })) fold.apply(event);
    const state = fold.state;
    this.remember(caseId, state);
    return state;
  }

  /** The reference opened for a step that inspects what leaves the case; nothing for any other command. */
  private referenceFor(state: CaseState, command: CaseCommand, key: Buffer | undefined) {
    if (command.type !== 'SendProcessEvent' || !key || state.reference === undefined) return {};
    const instance = state.instances.get(command.instanceId);
    const step = instance && this.registry.get(instance.definitionId, instance.version).events[command.event];
    if (!step?.inspect) return {};
    const opened = unseal(key, state.reference);
    return typeof opened === 'string' ? { clientReference: opened } : {};
  }

  /**
   * The case with what the command just appended folded in, so the next
   * command on it reads nothing back. Folded from the events as appended:
   * a store takes nothing but JSON values (`prepareEvents` refuses the
   * rest), so they are what a reader of the log gets back, and the cache
   * can never hold a state the log would not give.
   */
  private rememberAppended(
    state: CaseState,
    pending: readonly PendingEvent[],
    appended: readonly NewEvent[],
  ): void {
    if (this.cacheSize === 0) return;
    const first = state.revision === 'no_stream' ? 0 : state.revision + 1;
    const fold = new CaseFold(this.registry, state, this.effects);
    appended.forEach(({ type, data, metadata }, index) => {
      fold.apply(
        { type, data, metadata: metadata ?? {}, revision: first + index },
        decidedStepOf(pending[index]),
      );
    });
    this.remember(state.caseId, fold.state);
  }

  private remember(caseId: string, state: CaseState): void {
    if (this.cacheSize === 0 || state.revision === 'no_stream') return;
    this.cache.delete(caseId);
    this.cache.set(caseId, state);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }

  /**
   * `roles` may be a function of the loaded case: it says which roles the
   * sender acts in there (and refuses a case they may not see), so the
   * caller's access check and the command share one load of the case.
   */
  async execute(command: CaseCommand, metadata: CommandRequest): Promise<CommandResult> {
    for (let attempt = 0; ; attempt++) {
      const state = await this.load(command.caseId);
      if (state.revision === 'no_stream' && command.type !== 'OpenCase')
        throw new CaseNotFoundError(command.caseId);
      const meta = {
        ...metadata,
        now: new Date(metadata.now).toISOString(),
        roles: typeof metadata.roles === 'function' ? metadata.roles(state) : metadata.roles,
      };
      const existing = state.revision !== 'no_stream';
      const existingKey = existing && !state.erased ? await this.keys.dataKey(command.caseId) : undefined;
      if (existing && !existingKey) {
        // A crash between erasing and destroying the key is finished by erasing again.
        if (command.type === 'EraseCase' && state.erased) await this.keys.destroy(command.caseId);
        throw new CaseErasedError(command.caseId);
      }
      const earlier = state.applied.get(meta.commandId);
      if (earlier !== undefined && existingKey) {
        if (
          earlier.fingerprint !== undefined &&
          earlier.fingerprint !== commandFingerprint(command, meta.actorId, existingKey)
        )
          throw new IdempotencyKeyReusedError(meta.commandId);
        return { caseId: command.caseId, revision: earlier.revision, events: earlier.events, replayed: true };
      }
      if (meta.expectedRevision !== undefined && meta.expectedRevision !== state.revision) {
        throw new ConcurrencyError(caseStream(command.caseId), meta.expectedRevision, state.revision);
      }
      const pending = decide(
        {
          registry: this.registry,
          overrides: this.overrides,
          effects: this.effects,
          unitSettings: this.unitSettings,
          ...(this.staff ? { staff: await staffNamedBy(this.registry, state, command, this.staff) } : {}),
          ...(this.catalogue
            ? { insatser: await insatserNamedBy(this.registry, state, command, this.catalogue) }
            : {}),
          ...this.referenceFor(state, command, existingKey),
        },
        state,
        command,
        meta,
      );
      // A new case gets its key only once the decision accepts, so a refused request leaves nothing behind.
      // A crash before the append leaves a key that a retry (same Idempotency-Key, same case id) reuses.
      const key = existingKey ?? (await this.keys.dataKey(command.caseId));
      if (!key) throw new CaseErasedError(command.caseId);
      const fingerprint = commandFingerprint(command, meta.actorId, key);
      const streamName = caseStream(command.caseId);
      const events = sealPersonalData(this.registry, command.caseId, key, pending, this.effects).map(
        (event, index) => stampEvent(command.caseId, event, index, meta, fingerprint),
      );
      try {
        const result = await appendChained(
          this.store,
          streamName,
          { revision: state.revision, hash: state.chainHash },
          events,
        );
        if (command.type === 'EraseCase') await this.keys.destroy(command.caseId);
        this.rememberAppended(state, pending, result.appended);
        return {
          caseId: command.caseId,
          revision: result.nextExpectedRevision,
          events: pending.map((e) => e.type),
          replayed: false,
        };
      } catch (error) {
        const retry =
          error instanceof ConcurrencyError &&
          meta.expectedRevision === undefined &&
          attempt < this.maxRetries;
        if (!retry) throw error;
      }
    }
  }
}

/**
 * A sealed event as the engine appends it: its id from the case and
 * command, and who, when, why and in answer to what in its metadata. The
 * engine stamps every event with this; benches that clone a case as a real
 * log use it too, so theirs are shaped the same.
 */
export function stampEvent(
  caseId: string,
  event: SealedEvent,
  index: number,
  meta: CommandMetadata,
  fingerprint: string,
) {
  return {
    id: eventId(caseId, meta.commandId, index),
    type: event.type,
    data: event.data as never,
    metadata: {
      caseId,
      ...event.metadata,
      actorId: meta.actorId,
      occurredAt: meta.now,
      correlationId: meta.correlationId,
      causationId: meta.commandId,
      commandId: meta.commandId,
      commandFingerprint: fingerprint,
    } as never,
  };
}
