import { IsIn } from 'class-validator';
import type { CaseState } from './case-state';
import { applyInOrder, Label } from './fields';
import type { ActorRole } from './commands';

/** The roles that share follow-up: whoever owns an instance's follow-up now does the steps of either. */
export const FOLLOW_UP_LANES: readonly ActorRole[] = ['rehabansvarig', 'bitradande_enhetschef'];

/**
 * Who may do a step of an instance: its lanes and, for a follow-up step,
 * the instance's follow-up owner. The biträdande enhetschef who took a
 * follow-up over by escalation so acts in the process (records check-ins
 * and follow-ups, closes it) as Rehabansvarig would, until they hand it back.
 */
export function stepLanes(
  state: CaseState,
  instanceId: string,
  lanes: readonly ActorRole[],
): readonly ActorRole[] {
  const owner = state.followUps.get(instanceId)?.role;
  if (owner === undefined || lanes.includes(owner) || !FOLLOW_UP_LANES.includes(owner)) return lanes;
  return lanes.some((lane) => FOLLOW_UP_LANES.includes(lane)) ? [...lanes, owner] : lanes;
}

/**
 * Why the biträdande enhetschef hands an escalated follow-up back to
 * Rehabansvarig (a default; the seed names no hand-back). A list, not free
 * text: the reason travels unsealed to queues and notifications, so it may
 * hold no personal data.
 */
export const HAND_BACK_REASONS = {
  'actions-taken': 'Åtgärderna är vidtagna',
  'planning-carried-out': 'Planeringen är genomförd',
  'agreed-with-rehabansvarig': 'Överenskommet att Rehabansvarig fortsätter uppföljningen',
} as const;
export type HandBackReason = keyof typeof HAND_BACK_REASONS;

export class HandBack {
  @applyInOrder(
    IsIn(Object.keys(HAND_BACK_REASONS), {
      message: `reason must be one of: ${Object.keys(HAND_BACK_REASONS).join(', ')}`,
    }),
    Label('Varför lämnas uppföljningen tillbaka?', { options: HAND_BACK_REASONS }),
  )
  reason!: HandBackReason;
}
