import { ProcessNotFoundError } from './errors';
import type { WorkflowDefinition } from './definition';

/**
 * Every registered version of every process. Old versions stay registered
 * while instances started on them may still be open: an instance always
 * folds with the version it started on; new instances start on the latest.
 */
export class WorkflowRegistry<D extends WorkflowDefinition = WorkflowDefinition> {
  private readonly byId = new Map<string, Map<number, D>>();

  constructor(definitions: readonly D[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: D): this {
    if (!Number.isInteger(definition.version) || definition.version < 1) {
      throw new RangeError(`${definition.id}: version must be a positive integer`);
    }
    const versions = this.byId.get(definition.id) ?? new Map<number, D>();
    if (versions.has(definition.version)) {
      throw new RangeError(`${definition.id} version ${definition.version} is already registered`);
    }
    versions.set(definition.version, definition);
    this.byId.set(definition.id, versions);
    return this;
  }

  get(id: string, version: number): D {
    const definition = this.byId.get(id)?.get(version);
    if (!definition) throw new ProcessNotFoundError(id, version);
    return definition;
  }

  latest(id: string): D {
    const versions = this.byId.get(id);
    if (!versions) throw new ProcessNotFoundError(id);
    return versions.get(Math.max(...versions.keys())) as D;
  }

  all(): D[] {
    return [...this.byId.values()].flatMap((versions) => [...versions.values()]);
  }

  /** The id of every registered process, in registration order. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The registered versions of a process, oldest first; none for an unknown id. */
  versions(id: string): number[] {
    return [...(this.byId.get(id)?.keys() ?? [])].sort((a, b) => a - b);
  }
}
