import type { CaseEffects, ProcessRegistry } from '@app/engine';
import type { ReadModelDb, TableSpec } from './read-model-db';
import type { MessageClass, StoredEventMessage } from './stored-event-message';

/**
 * A read model: the tables it owns, the stored event types it follows, and
 * how one of them changes its rows. A plain object: the runner calls
 * `apply` directly, only for those types, inside the SQLite transaction
 * that also moves the checkpoint, so rows and checkpoint commit together
 * or not at all. `apply` is synchronous for that reason, and throws to
 * roll the batch back.
 */
export interface Projection {
  readonly name: string;
  readonly tables: readonly TableSpec[];
  /** The stored event types this read model follows; it is never called for others. */
  readonly handles: readonly MessageClass[];
  apply(db: ReadModelDb, message: StoredEventMessage): void;
}

/** What a read model may need besides its rows: the process definitions and the case model's effects. */
export interface ProjectionContext {
  readonly registry: ProcessRegistry;
  readonly effects: CaseEffects;
}

export type ProjectionFactory = (context: ProjectionContext) => Projection;
