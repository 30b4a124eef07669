import { IsIn } from 'class-validator';
import { Label, PastDay } from './fields';

/**
 * An application for sjukersättning or aktivitetsersättning (SA/AE): a case
 * fact with a start and an end, Försäkringskassan's decision (toolbox.md,
 * Case data). While it is open, Rehabansvarig keeps follow-up in samverkan.
 */
export const SA_AE_KINDS = {
  sjukersattning: 'Sjukersättning',
  aktivitetsersattning: 'Aktivitetsersättning',
} as const;
export type SaAeKind = keyof typeof SA_AE_KINDS;

export const SA_AE_OUTCOMES = {
  beviljad: 'Beviljad',
  'delvis-beviljad': 'Delvis beviljad',
  avslag: 'Avslag',
  aterkallad: 'Ansökan återkallad',
} as const;
export type SaAeOutcome = keyof typeof SA_AE_OUTCOMES;

export class SaAeApplication {
  @Label('Ansökan gäller', { options: SA_AE_KINDS })
  @IsIn(Object.keys(SA_AE_KINDS))
  kind!: SaAeKind;

  @Label('Ansökan lämnades in') @PastDay() appliedOn!: string;
}

export class SaAeDecision {
  @Label('Försäkringskassans beslut', { options: SA_AE_OUTCOMES })
  @IsIn(Object.keys(SA_AE_OUTCOMES))
  outcome!: SaAeOutcome;

  @Label('Beslutsdatum') @PastDay() decidedOn!: string;
}
