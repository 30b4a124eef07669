import type { CaseDecider } from '../domain/case-decider';
import type { CaseState } from '../domain/case-state';
import type { ActorRole, CaseCommand, CommandMetadata } from '../domain/commands';
import type { PendingEvent } from '../domain/decide';

/** An event as a spec states it: the type and data that matter, the role it was recorded in. */
export interface DecidedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly role?: ActorRole;
}

export interface Outcome {
  /** What the command decided; empty when it was refused. */
  readonly events: DecidedEvent[];
  /** The same events as decided, to be given to a later spec. */
  readonly decided: readonly PendingEvent[];
  /** Why it was refused, if it was. */
  readonly error?: unknown;
  /** The case after the decided events, or the given case when refused. */
  readonly state: CaseState;
}

const SPEC_CLOCK = '2026-03-02T08:00:00.000Z';

/**
 * Given events, when a command, then events or a refusal: the case's rules
 * run through the Decider alone, with no store, key or HTTP. Given events
 * are stamped the way the engine stamps them (revision, time, actor), so
 * the fold sees what it sees in production.
 */
export function givenCase(decider: CaseDecider, given: readonly PendingEvent[], caseId = 'case-spec-1') {
  let state = decider.initialState(caseId);
  let revision = 0;
  const fold = (events: readonly PendingEvent[], now: string, actorId: string, commandId: string) => {
    for (const event of events) {
      state = decider.evolve(state, {
        type: event.type,
        data: { ...event.data },
        metadata: { ...event.metadata, occurredAt: now, actorId, commandId },
        revision: revision++,
      });
    }
  };
  fold(given, SPEC_CLOCK, 'given', 'given');
  return {
    state,
    when(command: CaseCommand, meta: Partial<CommandMetadata> & Pick<CommandMetadata, 'roles'>): Outcome {
      const metadata: CommandMetadata = {
        actorId: 'ss-spec',
        now: SPEC_CLOCK,
        correlationId: 'corr-spec',
        commandId: `cmd-${revision}`,
        ...meta,
      };
      let decided: PendingEvent[];
      try {
        decided = decider.decide(command, state, metadata);
      } catch (error) {
        return { events: [], decided: [], error, state };
      }
      fold(decided, metadata.now, metadata.actorId, metadata.commandId);
      return {
        events: decided.map(({ type, data, metadata: { role } }) => ({ type, data, role })),
        decided,
        state,
      };
    },
  };
}
