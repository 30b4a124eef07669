import { getStateNodes } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { PROCESS_DEFINITIONS } from './index';

/**
 * The workflow library steps every machine on one shared inert actor scope
 * (ADR 0035): that is only safe while no process invokes or spawns an
 * actor, which would register in the scope's system.
 */
describe('every process runs without child actors', () => {
  it.each(PROCESS_DEFINITIONS.map((d) => [`${d.id}@${d.version}`, d] as const))('%s', (_name, definition) => {
    const machine = definition.machine;
    expect(Object.keys(machine.implementations.actors)).toEqual([]);
    const invoking = getStateNodes(machine.root).filter((node) => node.invoke.length > 0);
    expect(invoking.map((node) => node.id)).toEqual([]);
  });
});
