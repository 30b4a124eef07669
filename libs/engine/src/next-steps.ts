import type { CaseState } from './domain/case-state';
import { acceptedEventTypes } from '@app/workflow';
import type { Role } from './domain/process-definition';
import type { ProcessRegistry } from './domain/process-registry';
import { payloadSchema } from './payload-schema';
import { personalOfCase, replacePersonalValues, WITHHELD } from './crypto/personal-value';

/** A suggestion's sealed values marked for opening, and only this case's: another case's stays withheld. */
const ofThisCase = (caseId: string, suggestion: unknown) =>
  replacePersonalValues(personalOfCase(caseId, suggestion), (value) =>
    value.caseId === caseId ? value : WITHHELD,
  );
import { HandBack, stepLanes } from './domain/follow-up';
import { EndProcessPayload, endReasonsFor, isRunning } from './domain/process-ending';
import { StepWait } from './domain/step-wait';
import { CASE_COMMAND_ROLES } from './domain/commands';

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
  /** The form's starting values, when the process suggests some; sealed parts marked for the disclosure step. */
  readonly initial?: unknown;
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
      const lanes = step && stepLanes(state, instance.instanceId, step.lanes);
      if (!step || !lanes?.some((lane) => roles.includes(lane as Role))) return [];
      const initial = step.suggest?.(
        instance.snapshot.context,
        (id) => state.instances.get(id)?.snapshot.context,
      );
      return [
        {
          instanceId: instance.instanceId,
          definitionId: definition.id,
          definitionVersion: definition.version,
          process: definition.title,
          state: instance.snapshot.value,
          event,
          label: step.label,
          lanes,
          schema: payloadSchema(step.payload),
          ...(initial === undefined ? {} : { initial: ofThisCase(state.caseId, initial) }),
        },
      ];
    });
  });
}

/** What a role may do to a running instance as a whole, beside its steps: end it early, hand its follow-up back. */
export interface InstanceAction {
  readonly instanceId: string;
  readonly process: string;
  readonly command: 'EndProcess' | 'HandBackFollowUp' | 'RecordStepWait';
  readonly label: string;
  readonly schema: Record<string, unknown>;
}

type Schema = { properties: Record<string, Record<string, unknown>> };

/** The reason field offering only `reasons`, with their labels. */
function offering(schema: Schema, reasons: readonly string[]): Record<string, unknown> {
  const reason = schema.properties.reason;
  const labels = reason['x-enumLabels'] as Record<string, string>;
  return {
    ...schema,
    properties: {
      ...schema.properties,
      reason: {
        ...reason,
        enum: reasons,
        'x-enumLabels': Object.fromEntries(reasons.map((r) => [r, labels[r]])),
      },
    },
  };
}

/**
 * Per running instance, what the roles may do to it as a whole: end it,
 * with only the reasons open to them (a reason another role must give is
 * not offered rather than refused after the form is filled in), and, for
 * the biträdande enhetschef holding an escalated follow-up, hand it back.
 */
export function instanceActions(
  registry: ProcessRegistry,
  state: CaseState,
  roles: readonly Role[],
): InstanceAction[] {
  const ending = payloadSchema(EndProcessPayload) as Schema;
  return [...state.instances.values()].filter(isRunning).flatMap((instance) => {
    const definition = registry.get(instance.definitionId, instance.version);
    const actions: InstanceAction[] = [];
    const of = { instanceId: instance.instanceId, process: definition.title };
    if (state.followUps.get(instance.instanceId)?.escalated && roles.includes('bitradande_enhetschef')) {
      actions.push({
        ...of,
        command: 'HandBackFollowUp',
        label: 'Lämna tillbaka uppföljningen till Rehabansvarig',
        schema: payloadSchema(HandBack),
      });
    }
    if (roles.some((role) => (CASE_COMMAND_ROLES.RecordStepWait as readonly string[]).includes(role))) {
      actions.push({
        ...of,
        command: 'RecordStepWait',
        label: instance.waiting ? 'Ändra varför steget väntar' : 'Registrera att steget väntar',
        schema: payloadSchema(StepWait),
      });
    }
    const reasons = endReasonsFor(definition, roles);
    if (reasons.length > 0)
      actions.push({
        ...of,
        command: 'EndProcess',
        label: 'Avsluta processen',
        schema: offering(ending, reasons),
      });
    return actions;
  });
}
