import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock, type JsonObject } from '@app/common';
import { appendChained, EVENT_STORE, NO_STREAM, type EventStore } from '@app/event-store';
import { insatsStream } from '@app/engine';
import { rolesIn, type Principal } from '@app/access';
import {
  decideCatalogue,
  evolveCatalogue,
  type CatalogueCommand,
  type CatalogueEntryState,
} from '../domain/catalogue';
import { OccupancyQuery } from '@app/projections';
import { CatalogueAccessDeniedError, InsatsNotFoundError } from './catalogue.errors';

/** Who keeps an entry: the providing unit's insatsansvarig (insatser.md, Roles). */
export const CATALOGUE_KEEPER = 'insatsansvarig';

/**
 * The shared catalogue's writes. Each entry is a stream of its own, hash
 * chained like a case's, and not sealed: a catalogue names measures, never
 * people. Decisions are pure (`decideCatalogue`); this reads the stream,
 * checks who asks, and appends at the revision it read.
 */
@Injectable()
export class CatalogueService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async register(actor: Principal, providingUnit: string, entry: unknown): Promise<{ insatsId: string }> {
    this.requireKeeper(actor, providingUnit);
    const insatsId = randomUUID();
    const events = decideCatalogue(insatsId, undefined, { type: 'RegisterInsats', providingUnit, entry });
    await this.append(insatsId, { revision: NO_STREAM }, events, actor);
    return { insatsId };
  }

  async revise(actor: Principal, insatsId: string, expectedVersion: number, entry: unknown) {
    return this.change(actor, insatsId, () => ({ type: 'ReviseInsats', expectedVersion, entry }));
  }

  async pause(actor: Principal, insatsId: string, reason: string) {
    return this.change(actor, insatsId, () => ({ type: 'PauseInsats', reason }));
  }

  async resume(actor: Principal, insatsId: string) {
    return this.change(actor, insatsId, () => ({ type: 'ResumeInsats' }));
  }

  async close(actor: Principal, insatsId: string) {
    const occupancy = await this.queries.execute(new OccupancyQuery([insatsId]));
    return this.change(actor, insatsId, () => ({
      type: 'CloseInsats',
      closedOn: this.clock.now().toISOString().slice(0, 10),
      activePlacements: occupancy.get(insatsId)?.taken ?? 0,
    }));
  }

  /** The entry as its stream holds it now, read from the log rather than a read model. */
  async load(insatsId: string) {
    let state: CatalogueEntryState | undefined;
    let tail: { revision: number; hash: string } | undefined;
    for await (const event of this.store.readStream(insatsStream(insatsId))) {
      state = evolveCatalogue(state, { type: event.type, data: event.data as Record<string, unknown> });
      tail = { revision: event.revision, hash: String(event.metadata.chainHash) };
    }
    return { state, tail };
  }

  private async change(actor: Principal, insatsId: string, command: () => CatalogueCommand) {
    const { state, tail } = await this.load(insatsId);
    if (!state || !tail) throw new InsatsNotFoundError(insatsId);
    this.requireKeeper(actor, state.providingUnit);
    const events = decideCatalogue(insatsId, state, command());
    await this.append(insatsId, tail, events, actor);
    const after = events.reduce(evolveCatalogue, state);
    return { insatsId, version: after?.version ?? state.version, status: after?.status ?? state.status };
  }

  private requireKeeper(actor: Principal, unit: string): void {
    if (!rolesIn(actor, unit).includes(CATALOGUE_KEEPER)) throw new CatalogueAccessDeniedError(unit);
  }

  private async append(
    insatsId: string,
    tail: Parameters<typeof appendChained>[2],
    events: ReturnType<typeof decideCatalogue>,
    actor: Principal,
  ): Promise<void> {
    const occurredAt = this.clock.now().toISOString();
    await appendChained(
      this.store,
      insatsStream(insatsId),
      tail,
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data as JsonObject,
        metadata: { occurredAt, actorId: actor.id, insatsId },
      })),
    );
  }
}
