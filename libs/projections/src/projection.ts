import { Injectable, type Type } from '@nestjs/common';
import type { IEventHandler } from '@nestjs/cqrs';
import { ProcessRegistry } from '@app/engine';
import { ReadModelDb, type TableSpec } from './read-model-db';
import type { StoredEventMessage } from './stored-event-message';

/**
 * A read model: the tables it owns and how one stored event changes them.
 * `apply` is synchronous on purpose: the runner calls every projection inside
 * one SQLite transaction with the checkpoint, so rows and checkpoint commit
 * together or not at all. A failure is recorded on the message rather than
 * thrown into the EventBus, where it would be lost to RxJS.
 */
@Injectable()
export abstract class Projection implements IEventHandler<StoredEventMessage> {
  abstract readonly name: string;
  abstract readonly tables: readonly TableSpec[];

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
