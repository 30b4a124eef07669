/** The app's notion of now. Injected so tests (and the escalation worker's tests) move time without waiting. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
