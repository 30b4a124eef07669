import { IsIn, IsOptional } from 'class-validator';
import type { StateValue } from 'xstate';
import { Label, PastDay, Text } from './fields';

/**
 * Why a step waits when the client's need is not the cause (seed 002): on
 * another party ("Två års väntetid", "Man kan inte få insatserna i rätt
 * tid"), or an interruption "som har med annat att göra än det fortsatta
 * behovet", such as a benefit or an agreement ending. A list, not free
 * text, so it can be counted and travel unsealed to the statistics; the
 * list is a default, not in the seed.
 */
export const WAIT_REASONS = {
  'vantar-varden': 'Väntar på vården',
  'vantar-forsakringskassan': 'Väntar på Försäkringskassan',
  'vantar-arbetsformedlingen': 'Väntar på Arbetsförmedlingen / Jobbtorg',
  'vantar-leverantor': 'Väntar på leverantören',
  'vantar-annan-part': 'Väntar på annan part',
  'avbrott-ersattning': 'Avbrott: en ersättning har upphört',
  'avbrott-avtal': 'Avbrott: ett avtal har upphört',
  'avbrott-annat': 'Avbrott av annat skäl än behovet',
} as const;
export type WaitReason = keyof typeof WAIT_REASONS;

/** Waiting on someone else, or interrupted for a reason that is not the need: counted apart. */
export type WaitKind = 'annan-part' | 'avbrott';
export const waitKindOf = (reason: WaitReason): WaitKind =>
  reason.startsWith('avbrott-') ? 'avbrott' : 'annan-part';

export class StepWait {
  @Label('Varför väntar steget?', { options: WAIT_REASONS })
  @IsIn(Object.keys(WAIT_REASONS), {
    message: `reason must be one of: ${Object.keys(WAIT_REASONS).join(', ')}`,
  })
  reason!: WaitReason;

  @Label('Sedan') @PastDay() since!: string;

  @Label('Anteckning', { help: 'Till exempel vem ni väntar på och vad ni har gjort.' })
  @IsOptional()
  @Text()
  note?: string;
}

/** The top-level step a state value stands at: where waits are recorded and counted. */
export const topStepOf = (value: StateValue): string =>
  typeof value === 'string' ? value : Object.keys(value)[0];
