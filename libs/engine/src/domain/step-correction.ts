import { Label, Text } from './fields';
import type { ActorRole } from './commands';
import type { InstanceState, OpenDeadline } from './case-state';

/** Why a step is corrected: free text, case text and so sealed. */
export class StepCorrection {
  @Label('Vad blev fel', {
    help: 'Till exempel att steget registrerades för tidigt, i fel ärende eller med fel svar.',
  })
  @Text()
  reason!: string;
}

/** What a step's command did beyond its instance, so undoing the step alone would leave the case wrong. */
export type ReachBeyond = 'completed' | 'started-process' | 'plan' | 'follow-up' | 'handed-over';

/**
 * An instance's latest step as the fold saw it: enough to put the instance
 * back where it stood before it (a correction appends an event, it never
 * edits one), and what else the step's command did.
 */
export interface LastStep {
  readonly revision: number;
  readonly type: string;
  readonly commandId?: string;
  readonly actorId: string;
  readonly role?: ActorRole;
  readonly at: string;
  readonly before: {
    readonly snapshot: InstanceState['snapshot'];
    readonly waiting?: InstanceState['waiting'];
  };
  /** Deadlines the command scheduled for the instance: a correction cancels those still open. */
  readonly scheduled: readonly string[];
  /** Deadlines the command cancelled: a correction schedules them again, due when they were. */
  readonly cancelled: readonly OpenDeadline[];
  readonly reached?: ReachBeyond;
  /** Set when the step recorded a BIP phase: the case's phase before it, null when it had none. */
  readonly bipPhaseBefore?: { readonly phase: number; readonly recordedAt: string } | null;
}

/** Why each reach puts a step beyond correction, and what to do instead. */
export const REACH_MESSAGES: Readonly<Record<ReachBeyond, string>> = {
  completed:
    'Steget avslutade processen och kan inte rättas. Skriv en anteckning om misstaget och starta processen igen om det behövs.',
  'started-process':
    'Steget startade en annan process och kan inte rättas. Avsluta den processen i förtid och skriv en anteckning om misstaget.',
  plan: 'Steget registrerade progressionsplanen och kan inte rättas. Justera planen i stället.',
  'follow-up':
    'Steget ändrade vem som har uppföljningsansvaret och kan inte rättas. Skriv en anteckning om misstaget.',
  'handed-over':
    'Steget kom med överlämningen från en annan process och kan inte rättas för sig. Skriv en anteckning om misstaget, eller avsluta processen i förtid.',
};

/** The slice of an event the tracking reads. */
interface Seen {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: { readonly commandId?: string };
}

/**
 * What an event is to a last step: a deadline its command set or lifted, a
 * reach beyond the instance, nothing (a task taken, a note), or a move of
 * the instance by something else (a deadline reached, a wait, an ending).
 */
export type StepTouch = 'scheduled' | 'cancelled' | ReachBeyond | 'neutral' | 'moves';

/**
 * How an event touches an instance's last step, judged before it is folded
 * (a cancelled deadline is still open then): from the step's own command it
 * adds to what the step did; from any other command that concerns the
 * instance it means the instance has moved on, and the step is no longer
 * the latest thing to correct.
 */
export function trackLastStep(
  instance: InstanceState,
  event: Seen,
  kind: StepTouch,
  deadlines: ReadonlyMap<string, OpenDeadline>,
): InstanceState {
  const last = instance.lastStep;
  if (!last) return instance;
  const sameCommand = last.commandId !== undefined && event.metadata.commandId === last.commandId;
  const concernsIt = event.data.instanceId === instance.instanceId;
  if (!sameCommand) {
    if (!concernsIt || kind === 'neutral') return instance;
    const { lastStep: _movedOn, ...rest } = instance;
    return rest;
  }
  switch (kind) {
    case 'scheduled':
      if (!concernsIt) return instance;
      return {
        ...instance,
        lastStep: { ...last, scheduled: [...last.scheduled, String(event.data.deadlineId)] },
      };
    case 'cancelled': {
      const open = deadlines.get(String(event.data.deadlineId));
      if (!concernsIt || !open) return instance;
      return { ...instance, lastStep: { ...last, cancelled: [...last.cancelled, open] } };
    }
    case 'neutral':
    case 'moves':
      return instance;
    default:
      if (kind === 'completed' && !concernsIt) return instance;
      return { ...instance, lastStep: { ...last, reached: last.reached ?? kind } };
  }
}

/** Where the instance stands once its last step is corrected: as before it, with nothing to correct. */
export function corrected(instance: InstanceState): InstanceState {
  const before = instance.lastStep?.before;
  if (!before) return instance;
  const { lastStep: _corrected, waiting: _waiting, ...rest } = instance;
  return { ...rest, snapshot: before.snapshot, ...(before.waiting ? { waiting: before.waiting } : {}) };
}
