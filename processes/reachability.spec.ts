import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { getNextTransitions, type AnyMachineSnapshot, type AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { PROCESS_DEFINITIONS } from './index';

/** Payload variants for events whose guards route on the payload; every other event needs none to move. */
const VARIANTS: Record<string, Record<string, unknown>[]> = {
  CategoryDecided: [1, 2, 3, 4, 5].map((category) => ({ category })),
  SupervisionHeld: [true, false].map((progressionsplanNeeded) => ({ progressionsplanNeeded })),
  AfuApproved: ['samtycke-forst', 'leverantor-forst'].map((order) => ({ order })),
  SupplierConsulted: [true, false].map((afuRelevant) => ({ afuRelevant })),
  PlacementAssigned: [
    ...[0, 1].map((placesFree) => ({ insats: { placesFree } })),
    { insats: { placesFree: 1, placingUnit: 'jarva-1', providingUnit: 'kista-1' } },
  ],
  PlacementAccepted: [0, 1].map((placesFree) => ({ insats: { placesFree } })),
  FollowUpHeld: [undefined, '2026-05-01'].map((nextFollowUpOn) => ({ nextFollowUpOn })),
  ReferralDecided: ['rekommenderasAntagning', 'rekommenderasInteAntagning'].map((outcome) => ({ outcome })),
};

/**
 * States with no title of their own, by design: the regions of a parallel
 * step (the step itself is titled) and the "this branch is done" state in
 * each. Any other state without a title fails the test below.
 */
/** By process, or by process and version where one version alone has them. */
const STRUCTURE_ONLY: Record<string, readonly string[]> = {
  'samverkan-varden@3': [
    'genomforande.planering',
    'genomforande.sip',
    'genomforande.sip.ingenSip',
    'genomforande.sip.sipHallet',
  ],
  fortroendelakare: [
    'uppfoljning.avstamning',
    'uppfoljning.avstamning.held',
    'uppfoljning.atgarder',
    'uppfoljning.atgarder.taken',
  ],
};

function eventsFrom(snapshot: AnyMachineSnapshot) {
  // Delayed transitions are kept (their `xstate.after.` events stand for the clock); eventless ones have no type.
  const types = [...new Set(getNextTransitions(snapshot).map((t) => t.eventType))].filter(
    (type) => type !== '',
  );
  return types.flatMap((type) => (VARIANTS[type] ?? [{}]).map((payload) => ({ type, payload })));
}

describe.each(PROCESS_DEFINITIONS.map((d) => [`${d.id} v${d.version}`, d] as const))(
  'process %s',
  (_, definition) => {
    // Context is part of the key so routing values (category 1-5) stay distinct, but numbers are
    // clamped at 5 and records kept in context (the CM plan's meetings) count only by how many,
    // so neither a counter nor a growing list can make the state space infinite.
    const paths = getShortestPaths(definition.machine, {
      events: eventsFrom,
      serializeState: (snapshot) => {
        const { value, context } = snapshot as AnyMachineSnapshot;
        return JSON.stringify({ value, context }, (_, v) =>
          typeof v === 'number' ? Math.min(v, 5) : Array.isArray(v) ? Math.min(v.length, 5) : v,
        );
      },
    });
    const nodes = getStateNodes(definition.machine) as AnyStateNode[];
    const reached = new Set(
      nodes
        .filter((node) =>
          paths.some((path) => (path.state as AnyMachineSnapshot).matches(node.path.join('.'))),
        )
        .map((node) => node.id),
    );
    const declared = nodes.map((node) => node.id);

    it('reaches every state it declares', () => {
      expect(declared.filter((id) => !reached.has(id))).toEqual([]);
    });

    it('reaches every final state', () => {
      const finals = getStateNodes(definition.machine).filter((node) => node.type === 'final');
      expect(finals.length).toBeGreaterThan(0);
      for (const final of finals) expect(reached).toContain(final.id);
    });

    it('names a lane for every step and a Swedish title for every state, but the few that are structure only', () => {
      const untitled: string[] = [];
      for (const node of getStateNodes(definition.machine)) {
        const meta = node.meta as { title?: string; kind?: string; lane?: string } | undefined;
        if (!meta) {
          untitled.push(node.path.join('.'));
          continue;
        }
        expect(meta.title, node.id).toMatch(/\S/);
        if (meta.kind !== 'end') expect(meta.lane, node.id).toBeDefined();
      }
      const structure =
        STRUCTURE_ONLY[`${definition.id}@${definition.version}`] ?? STRUCTURE_ONLY[definition.id] ?? [];
      expect(untitled.sort()).toEqual([...structure].sort());
    });

    it('has a deadline spec for every delay and a step spec for every event it accepts', () => {
      const delays = Object.keys(definition.machine.implementations.delays ?? {});
      expect(delays.sort()).toEqual(Object.keys(definition.deadlines).sort());
      const accepted = new Set(getStateNodes(definition.machine).flatMap((n) => n.ownEvents));
      const userEvents = [...accepted].filter((type) => !type.startsWith('xstate.'));
      expect(userEvents.sort()).toEqual(Object.keys(definition.events).sort());
    });
  },
);
