/** Beredningsgruppens beslut: the seed's two outcomes (referral.md, Decision). */
export const DECISION_OUTCOMES = {
  rekommenderasAntagning: 'Rekommenderas antagning',
  rekommenderasInteAntagning: 'Rekommenderas inte antagning',
} as const;

/** Why the receiving unit returns a referral without a decision [default]. */
export const RETURN_REASONS = {
  utanfor_malgrupp: 'Utanför enhetens målgrupp',
  ej_avidentifierad: 'Inte avidentifierad',
} as const;

export const WITHDRAW_REASONS = {
  behovet_ar_tillgodosett: 'Behovet är tillgodosett på annat sätt',
  klienten_vill_inte: 'Klienten vill inte längre',
  fel_mottagare: 'Fel mottagande enhet',
  annat: 'Annat',
} as const;

/** Why a recommendation did not become an admission [default]. */
export const ADMISSION_DECLINED_REASONS = {
  ingen_plats: 'Ingen plats inom rimlig tid',
  klienten_tackade_nej: 'Klienten tackade nej',
  annat: 'Annat',
} as const;

/** Where a referral stands, as both sides read it. */
export const REFERRAL_PHASE_LABELS: Readonly<Record<string, string>> = {
  upprattande: 'Utkast',
  beredning: 'Att pröva',
  komplettering: 'Väntar på komplettering',
  rekommenderad: 'Rekommenderas antagning, väntar på antagning',
  antagen: 'Antagen',
  beslutad: 'Beslutad',
  returnerad: 'Återsänd till avsändaren',
  aterkallad: 'Återkallad av avsändaren',
  avbruten: 'Avbruten',
};
