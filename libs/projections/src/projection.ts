import { Injectable, type Type } from '@nestjs/common';
import { ProcessRegistry } from '@app/engine';
import { ReadModelDb, type TableSpec } from './read-model-db';
import type { MessageClass, StoredEventMessage } from './stored-event-message';

/**
 * A read model: the tables it owns, the stored event types it follows, and
 * how one of them changes its rows. The runner calls `handle` directly,
 * only for those types, inside the SQLite transaction that also moves the
 * checkpoint, so rows and checkpoint commit together or not at all.
 * `apply` is synchronous for that reason. A failure is recorded on the
 * message, for the runner to roll the batch back.
 */
@Injectable()
export abstract class Projection {
  abstract readonly name: string;
  abstract readonly tables: readonly TableSpec[];
  /** The stored event types this read model follows; it is never called for others. */
  abstract readonly handles: readonly MessageClass[];

  constructor(
    protected readonly db: ReadModelDb,
    protected readonly registry: ProcessRegistry,
  ) {}

  handle(message: StoredEventMessage): void {
    try {
      this.apply(message);
    } catch (error) {
      message.failures.push({ projection: this.name, error });
    }
  }

  protected abstract apply(message: StoredEventMessage): void;
}

export type ProjectionClass = Type<Projection>;
