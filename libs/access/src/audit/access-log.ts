import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { grantsOf, type Principal } from '../rules/principal';
import {
  appendChained,
  ConcurrencyError,
  EVENT_STORE,
  readChainTail,
  type ChainTail,
  type EventStore,
} from '@app/event-store';
import { ACCESS_EVENTS, accessStream } from '@app/engine';
import { CLOCK, type Clock } from '@app/common';

export interface AccessEntry {
  readonly principal: Principal;
  /** What was shown: `case`, `history`, `as-of`, `case-list`, `queue`, `access-log`, ... */
  readonly view: string;
  readonly caseIds: readonly string[];
  readonly correlationId: string;
  /** What the view was asked for, when that is not the case ids (a user's access log, say). */
  readonly subject?: Readonly<Record<string, string>>;
}

/** Followed streams kept in memory; a forgotten one costs one read of its last event. */
const MAX_TAILS = 10_000;
const MAX_RETRIES = 5;

/**
 * Appends who looked at which cases, hash-chained per stream like the case
 * streams. Appends to one stream are serialised in this process; another
 * node appending to the same stream meets a conflict, and the entry is
 * chained again onto the new tail.
 */
@Injectable()
export class AccessLog {
  private readonly tails = new Map<string, ChainTail>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  record(entry: AccessEntry): Promise<void> {
    const stream = accessStream(entry.principal.id);
    const appended = (this.queues.get(stream) ?? Promise.resolve()).then(() => this.append(stream, entry));
    const settled = appended.catch(() => undefined);
    this.queues.set(stream, settled);
    void settled.then(() => {
      if (this.queues.get(stream) === settled) this.queues.delete(stream);
    });
    return appended;
  }

  private async append(stream: string, entry: AccessEntry): Promise<void> {
    const at = this.clock.now().toISOString();
    const id = randomUUID();
    const event = {
      id,
      type: ACCESS_EVENTS.caseDataViewed,
      data: {
        userId: entry.principal.id,
        roles: grantsOf(entry.principal),
        view: entry.view,
        caseIds: [...entry.caseIds],
        ...(entry.subject ? { subject: { ...entry.subject } } : {}),
      },
      metadata: { occurredAt: at, correlationId: entry.correlationId, actorId: entry.principal.id },
    };
    for (let attempt = 0; ; attempt++) {
      const tail = this.tails.get(stream) ?? (await readChainTail(this.store, stream));
      try {
        this.remember(stream, (await appendChained(this.store, stream, tail, [event])).tail);
        return;
      } catch (error) {
        this.tails.delete(stream);
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_RETRIES) throw error;
      }
    }
  }

  private remember(stream: string, tail: ChainTail): void {
    this.tails.delete(stream);
    this.tails.set(stream, tail);
    if (this.tails.size > MAX_TAILS) this.tails.delete(this.tails.keys().next().value as string);
  }
}
