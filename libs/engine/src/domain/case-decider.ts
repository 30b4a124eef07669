import { initialCaseState, CaseFold, type CaseState, type FoldableEvent } from './case-state';
import type { CaseCommand, CommandMetadata } from './commands';
import { decide, type DecideContext, type PendingEvent } from './decide';

/**
 * The case as a Decider: what a command decides given the case, how an
 * event changes it, and where a case starts. Pure, with no store, key or
 * clock: the engine is this plus loading, sealing, chaining and appending,
 * and the case's rules can be specified as given events, when a command,
 * then events or a refusal (`testing/case-spec.ts`).
 */
export interface CaseDecider {
  readonly initialState: (caseId: string) => CaseState;
  readonly decide: (command: CaseCommand, state: CaseState, meta: CommandMetadata) => PendingEvent[];
  readonly evolve: (state: CaseState, event: FoldableEvent) => CaseState;
}

export function caseDecider(ctx: DecideContext): CaseDecider {
  return {
    initialState: initialCaseState,
    decide: (command, state, meta) => decide(ctx, state, command, meta),
    evolve: (state, event) => new CaseFold(ctx.registry, state, ctx.effects).apply(event).state,
  };
}
