import { useState } from 'react';
import type { NextStep } from '../api/types';

/** A step as the case view shows it: `taken` when it went away while its form was open. */
export type ShownStep = NextStep & { readonly taken?: true };

const keyOf = (step: NextStep) => `${step.instanceId}/${step.event}`;

/**
 * The step forms open on the page, kept when their step goes away (a
 * colleague took it, heard live or found by a 409): the form stays with
 * what was typed in it, marked taken, until its user closes it.
 */
export function useKeptSteps(current: readonly NextStep[]) {
  const [open, setOpen] = useState<ReadonlyMap<string, NextStep>>(new Map());
  const now = new Set(current.map(keyOf));
  const taken = [...open.values()].filter((step) => !now.has(keyOf(step)));
  return {
    stepsOf: (instanceId: string): ShownStep[] => [
      ...current.filter((step) => step.instanceId === instanceId),
      ...taken
        .filter((step) => step.instanceId === instanceId)
        .map((step) => ({ ...step, taken: true as const })),
    ],
    /** Whether an instance has a taken step's form open: its panel stays though the instance has ended. */
    keeps: (instanceId: string) => taken.some((step) => step.instanceId === instanceId),
    toggled: (step: NextStep, isOpen: boolean) =>
      setOpen((all) => {
        if (all.has(keyOf(step)) === isOpen) return all;
        const next = new Map(all);
        if (isOpen) next.set(keyOf(step), step);
        else next.delete(keyOf(step));
        return next;
      }),
  };
}

/** What a taken step's form says above what was typed. */
export const takenText = (step: NextStep) =>
  `Steget ”${step.label}” har redan registrerats av någon annan. Det du skrev finns kvar nedan så att du kan kopiera det.`;
