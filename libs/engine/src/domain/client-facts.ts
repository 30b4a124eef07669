import { Label, OneOf, PastDay } from './fields';

/**
 * The case's facts for the statistics of insatser (insatser.md,
 * Statistics): kön and age band [004, 001], when the client became aktuell
 * på ekonomiskt bistånd (lead times [001]), the main reason for bistånd and
 * the target group, so the counts come out per unit. Coarse categories, as
 * the reports count them; no birth date or year is kept.
 */
export const KON = {
  kvinna: 'Kvinna',
  man: 'Man',
  annat: 'Annat',
  uppgift_saknas: 'Uppgift saknas',
} as const;

/** The bands the reports break participants down by; under 25 is the seeds' "yngre" and "unga vuxna". */
export const AGE_BANDS = {
  '18-24': '18–24 år',
  '25-29': '25–29 år',
  '30-39': '30–39 år',
  '40-49': '40–49 år',
  '50-59': '50–59 år',
  '60-': '60 år eller äldre',
} as const;

/** The main reason for bistånd, in the coarse groups the seeds count [001]. */
export const REASON_CODES = {
  arbetslos: 'Arbetslös',
  sjukskriven: 'Sjukskriven med läkarintyg',
  ohalsa_utan_intyg: 'Sjuk eller nedsatt arbetsförmåga utan läkarintyg',
  sociala_skal: 'Arbetshinder av sociala skäl',
  foraldraledig: 'Föräldraledig',
  otillracklig_inkomst: 'Otillräcklig inkomst eller ersättning',
  annat: 'Annat',
} as const;

/** In the target group of the labour-market insatser, or in one of the other groups [001]. */
export const TARGET_GROUPS = {
  arbetsmarknadsinsatser: 'I målgruppen för arbetsmarknadsinsatser',
  etableringsprogrammet: 'Etableringsprogrammet',
  sjukskriven_helt: 'Sjukskriven med helt nedsatt arbetsförmåga',
  omfattande_ohalsa: 'Omfattande ohälsa',
  foraldraledig: 'Föräldraledig',
  pension: 'Pension',
  gymnasiestuderande: 'Ensamkommande gymnasiestuderande',
  missbruk_planering: 'Missbruk med pågående planering',
  vard: 'I vård',
  frivarden: 'Frivården / SIG',
  ansokan_forsakringskassan: 'Ansökan hos Försäkringskassan',
} as const;

export class ClientFacts {
  @Label('Kön', { options: KON }) @OneOf(KON) kon!: keyof typeof KON;

  @Label('Åldersgrupp', {
    options: AGE_BANDS,
    help: 'Klientens ålder i dag. Registrera på nytt när den ändras.',
  })
  @OneOf(AGE_BANDS)
  ageBand!: keyof typeof AGE_BANDS;

  @Label('Aktuell på ekonomiskt bistånd sedan') @PastDay() aktuellSedan!: string;

  @Label('Huvudsaklig orsak till bistånd', { options: REASON_CODES })
  @OneOf(REASON_CODES)
  reasonCode!: keyof typeof REASON_CODES;

  @Label('Målgrupp', { options: TARGET_GROUPS })
  @OneOf(TARGET_GROUPS)
  targetGroup!: keyof typeof TARGET_GROUPS;
}

/** Recording the same facts again is no change; the history should not say it was one. */
export const sameClientFacts = (a: ClientFacts, b: ClientFacts) =>
  (['kon', 'ageBand', 'aktuellSedan', 'reasonCode', 'targetGroup'] as const).every(
    (field) => a[field] === b[field],
  );
