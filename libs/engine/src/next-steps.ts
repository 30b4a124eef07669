import type { CaseState } from './domain/case-state';
import { acceptedEventTypes } from '@app/workflow';
import type { Role } from './domain/process-definition';
import type { ProcessRegistry } from './domain/process-registry';
import { payloadSchema } from './payload-schema';

export interface NextStep {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly definitionVersion: number;
  /** Swedish title of the process. */
  readonly process: string;
  readonly state: unknown;
  readonly event: string;
  /** Swedish label of the action, e.g. "Registrera impuls". */
  readonly label: string;
  readonly lanes: readonly string[];
  readonly schema: Record<string, unknown>;
}

/**
 * What any of the given roles may do now, per open process instance: the events the
 * current state accepts whose lane includes the role, each with the JSON
 * Schema of its payload. The UI renders one action per entry and never
 * hard-codes steps. Guards on the payload are checked when the step is sent.
 */
export function nextSteps(registry: ProcessRegistry, state: CaseState, roles: readonly Role[]): NextStep[] {
  return [...state.instances.values()].flatMap((instance) => {
    const definition = registry.get(instance.definitionId, instance.version);
    return acceptedEventTypes(instance.snapshot).flatMap((event): NextStep[] => {
      const step = definition.events[event];
      if (!step || !step.lanes.some((lane) => roles.includes(lane))) return [];
      return [
        {
          instanceId: instance.instanceId,
          definitionId: definition.id,
          definitionVersion: definition.version,
          process: definition.title,
          state: instance.snapshot.value,
          event,
          label: step.label,
          lanes: step.lanes,
          schema: payloadSchema(step.payload),
        },
      ];
    });
  });
}
