import type { CaseState } from './domain/case-state';
import { acceptedEventTypes } from '@app/workflow';
import type { Role } from './domain/process-definition';
import type { ProcessRegistry } from './domain/process-registry';
import { payloadSchema } from './payload-schema';
import { EndProcessPayload, endReasonsFor, isRunning } from './domain/process-ending';

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
  return [...state.instances.values()].filter(isRunning).flatMap((instance) => {
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

export interface ProcessEnding {
  readonly instanceId: string;
  readonly process: string;
  readonly label: string;
  /** The form: the reasons the caller's roles may end it for, and a comment. */
  readonly schema: Record<string, unknown>;
}

/**
 * Which running instances any of the roles may end early, each with the
 * schema of the reasons open to them: a reason another role must give is
 * not offered rather than refused after the form is filled in.
 */
export function processEndings(
  registry: ProcessRegistry,
  state: CaseState,
  roles: readonly Role[],
): ProcessEnding[] {
  const schema = payloadSchema(EndProcessPayload) as { properties: Record<string, Record<string, unknown>> };
  return [...state.instances.values()].filter(isRunning).flatMap((instance) => {
    const definition = registry.get(instance.definitionId, instance.version);
    const reasons = endReasonsFor(definition, roles);
    if (reasons.length === 0) return [];
    const reason = schema.properties.reason;
    const labels = reason['x-enumLabels'] as Record<string, string>;
    return [
      {
        instanceId: instance.instanceId,
        process: definition.title,
        label: 'Avsluta processen',
        schema: {
          ...schema,
          properties: {
            ...schema.properties,
            reason: {
              ...reason,
              enum: reasons,
              'x-enumLabels': Object.fromEntries(reasons.map((r) => [r, labels[r]])),
            },
          },
        },
      },
    ];
  });
}
