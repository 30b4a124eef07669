import type { InstanceState } from './case-state';
import type { ProcessRegistry } from './process-registry';

/** The unit whose people hold the instance's partner lanes now, if its definition and context name one. */
export const partnerUnitOf = (registry: ProcessRegistry, instance: InstanceState): string | undefined =>
  registry.get(instance.definitionId, instance.version).partnerUnit?.(instance.snapshot.context);
