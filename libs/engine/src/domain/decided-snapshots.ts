import type { AnyMachineSnapshot } from 'xstate';

/**
 * The state `decide` worked out for a step event, kept beside the event so
 * the engine can fold what it appended without running the machine again.
 *
 * Only kept when the step left the machine's context as it was (no assign
 * ran). The log holds the payload sealed, so a step that copies payload
 * into its context would give a reader another context than the plaintext
 * `decide` saw; a step that copies nothing takes the same transitions on
 * either payload (the guards read no sealed field, or a replay of the log
 * would not reach the states the engine decided), so its next snapshot is
 * the same for both.
 */
export interface DecidedStep {
  readonly from: AnyMachineSnapshot;
  readonly next: AnyMachineSnapshot;
}

const decided = new WeakMap<object, DecidedStep>();

export function keepDecidedStep(event: object, from: AnyMachineSnapshot, next: AnyMachineSnapshot): void {
  if (next.context === from.context) decided.set(event, { from, next });
}

export const decidedStepOf = (event: object): DecidedStep | undefined => decided.get(event);

/** The same step event in a new object (stamped with more metadata): it keeps what was decided for it. */
export function withDecidedStepOf<T extends object>(from: object, to: T): T {
  const step = decided.get(from);
  if (step) decided.set(to, step);
  return to;
}
