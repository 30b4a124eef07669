import type { CaseState } from './case-state';

/** Where an effect happens: the instance whose step returned it, and the case as it stands. */
export interface EffectContext {
  readonly instanceId: string;
  readonly state: CaseState;
}

/** The parts of the case an effect's event may change. */
export type CasePatch = Partial<Pick<CaseState, 'followUps' | 'hasProgressionsplan' | 'progressionsplan'>>;

/**
 * A cross-process effect: a case event that machines record by returning a
 * named action, and that every process, the case and the read models then
 * see. Everything about it is in its definition: which actions record it
 * and with what data, what folding it changes on the case, how the history
 * names it, and which fields are personal and so sealed in the log.
 */
export interface CaseEffect<D extends object = Record<string, unknown>> {
  /** The case event, e.g. `FollowUpOwnerChanged`. */
  readonly event: string;
  /** Action name in the machine → the event's data from the action's params. */
  readonly intents: Readonly<Record<string, (params: never, at: EffectContext) => D>>;
  /** Given the case as folded so far; returns new values, never changes the ones it was given. */
  readonly evolve?: (data: D, occurredAt: string, state: CaseState) => CasePatch;
  /** The case history's line for it, in Swedish. */
  readonly label: (data: D) => string;
  readonly personal?: readonly string[];
}

export const defineEffect = <D extends object>(effect: CaseEffect<D>): AnyCaseEffect => effect;

/** An effect with its data type forgotten, so effects of different shapes can be listed together. */
export interface AnyCaseEffect {
  readonly event: string;
  readonly intents: Readonly<Record<string, (params: never, at: EffectContext) => object>>;
  readonly evolve?: (data: never, occurredAt: string, state: CaseState) => CasePatch;
  readonly label: (data: never) => string;
  readonly personal?: readonly string[];
}

/**
 * The effects a case model knows, found by the action that records them or
 * by their event. Data read back from the log is taken to be the shape its
 * effect wrote, as everywhere in the fold (`asCaseEvent`).
 */
export class CaseEffects {
  private readonly byIntent = new Map<string, AnyCaseEffect>();
  private readonly byEvent = new Map<string, AnyCaseEffect>();

  constructor(readonly effects: readonly AnyCaseEffect[]) {
    for (const effect of effects) {
      if (this.byEvent.has(effect.event)) throw new RangeError(`${effect.event} is defined twice`);
      this.byEvent.set(effect.event, effect);
      for (const intent of Object.keys(effect.intents)) {
        if (this.byIntent.has(intent)) throw new RangeError(`action ${intent} records two effects`);
        this.byIntent.set(intent, effect);
      }
    }
  }

  /** These effects and more, as a test or a new case model adds them. */
  with(...more: readonly AnyCaseEffect[]): CaseEffects {
    return new CaseEffects([...this.effects, ...more]);
  }

  /** The event an action records and its data; undefined when the action is no effect. */
  record(intent: string, params: unknown, at: EffectContext): { type: string; data: object } | undefined {
    const effect = this.byIntent.get(intent);
    const data = effect?.intents[intent] as ((params: unknown, at: EffectContext) => object) | undefined;
    return effect && data ? { type: effect.event, data: data(params, at) } : undefined;
  }

  has(type: string): boolean {
    return this.byEvent.has(type);
  }

  /** What folding an effect's event changes on the case. */
  evolve(type: string, data: unknown, occurredAt: string, state: CaseState): CasePatch {
    const evolve = this.byEvent.get(type)?.evolve as
      ((data: unknown, at: string, state: CaseState) => CasePatch) | undefined;
    return evolve?.(data, occurredAt, state) ?? {};
  }

  /** The history line of an effect's event; undefined for any other event. */
  label(type: string, data: unknown): string | undefined {
    return (this.byEvent.get(type)?.label as ((data: unknown) => string) | undefined)?.(data);
  }

  personal(type: string): readonly string[] | undefined {
    return this.byEvent.get(type)?.personal;
  }
}
