import type { StateValue } from 'xstate';
import type { CaseState, InstanceState } from './case-state';
import type { ActorRole, CommandMetadata } from './commands';
import type { PendingMetadata } from './decide';
import { BusinessRuleError, CaseNotFoundError, InstanceNotFoundError, WrongRoleError } from './errors';

/** The metadata every event of an instance carries: which instance, on which definition, from where to where. */
export function instanceMetadata(
  instance: InstanceState,
  before: StateValue | null,
  after: StateValue,
): PendingMetadata {
  return {
    processInstanceId: instance.instanceId,
    definitionId: instance.definitionId,
    definitionVersion: instance.version,
    stateBefore: before,
    stateAfter: after,
  };
}

export function requireCase(state: CaseState): void {
  if (state.revision === 'no_stream') throw new CaseNotFoundError(state.caseId);
}

export function requireInstance(state: CaseState, instanceId: string): InstanceState {
  const instance = state.instances.get(instanceId);
  if (!instance) throw new InstanceNotFoundError(state.caseId, instanceId);
  return instance;
}

/** The role the actor acts in: the first of the lanes they hold. */
export function actingRole(meta: CommandMetadata, action: string, lanes: readonly ActorRole[]): ActorRole {
  const role = lanes.find((lane) => meta.roles.includes(lane));
  if (role === undefined) throw new WrongRoleError(action, meta.roles, lanes);
  return role;
}

/** A closed case takes nothing that starts new work until it is opened again. */
export function requireOpen(state: CaseState, action: string): void {
  if (!state.closed) return;
  throw new BusinessRuleError([
    {
      id: 'case-closed',
      message: `Ärendet är avslutat. Öppna det igen för att ${action}.`,
    },
  ]);
}
