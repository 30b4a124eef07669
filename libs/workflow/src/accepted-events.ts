import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';

/** Events the current state accepts, from its active state nodes (guards not evaluated). */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  // Eventless transitions have an empty type and delayed ones an `xstate.` one: neither is a step.
  const types = getNextTransitions(snapshot).map((t) => t.eventType);
  return [...new Set(types)].filter((type) => type !== '' && !type.startsWith('xstate.'));
}
