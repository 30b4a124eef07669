import type { ProcessRegistry } from '@app/engine';

/**
 * The steps a partner may take now, by the names its routes give them: those
 * the process accepts in the instance's top state, in a lane the partner
 * holds in its own unit. A hint for its list; the engine decides on the
 * instance itself.
 */
export function partnerActions<Name extends string>(
  registry: ProcessRegistry,
  definitionId: string,
  phase: string,
  roles: readonly string[],
  steps: Readonly<Record<Name, string>>,
): Name[] {
  const definition = registry.latest(definitionId);
  const accepted = definition.machine.states[phase]?.events ?? [];
  return (Object.keys(steps) as Name[]).filter(
    (name) =>
      accepted.includes(steps[name]) &&
      definition.events[steps[name]]?.lanes.some((lane) => roles.includes(lane)),
  );
}
