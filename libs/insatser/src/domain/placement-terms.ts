/** The placement's vocabulary (insatser.md), each value with the Swedish name forms and reports show. */

export const UTREDNING_KINDS = {
  fia: 'FIA (Förutsättningar inför arbete)',
  afu: 'Aktivitetsförmågeutredning (AFU)',
  annan: 'Annan utredning',
} as const;

/** Why Jobbtorg Resurs is not the route: the seed's two examples and a free one [004]. */
export const NOT_JOBBTORG_RESURS_REASONS = {
  aktivt_missbruk: 'Aktivt eller obearbetat missbruk',
  langvarig_sjukdom: 'Långvarig sjukdom där ingen rehabilitering skett',
  annat: 'Annat',
} as const;

/**
 * State programmes where the municipality may not offer its own insatser
 * [001]. `inget` is the usual answer; any other gives a warning.
 */
export const STATE_PROGRAMMES = {
  inget: 'Nej',
  jobb_och_utvecklingsgarantin: 'Ja, jobb- och utvecklingsgarantin',
  jobbgaranti_for_ungdomar: 'Ja, jobbgarantin för ungdomar',
} as const;

/** Where an anvisning comes from (insatser.md, "Placing a client") [default]. */
export const PLACEMENT_ORIGINS = {
  arende: 'Ärendet direkt',
  progressionsplan: 'En rad i progressionsplanen',
  cm_plan: 'Case managers planering',
  aktualisering: 'En aktualisering som ledde till antagning',
} as const;

/** Where a placement stands, as the providing unit says it. */
export const PARTNER_PHASE_LABELS: Readonly<Record<string, string>> = {
  godkannande: 'Väntar på ert svar',
  ko: 'Godkänd, i kö',
  forberedelse: 'Godkänd, väntar på start',
  pagar: 'Pågår',
  avslutad: 'Avslutad',
  avbruten: 'Avbruten',
};

/** Why a providing unit declines a placement from another unit: capacity or målgrupp (insatser.md) [default]. */
export const DECLINE_REASONS = {
  ingen_plats: 'Ingen plats inom rimlig tid',
  utanfor_malgrupp: 'Klienten hör inte till insatsens målgrupp',
  kriterier: 'Kriterierna för att delta är inte uppfyllda',
  annat: 'Annat',
} as const;

/** Gaps the seeds name [004], [001], counted when nothing in the catalogue fits. */
export const UNMET_NEED_CATEGORIES = {
  arbetstraning_med_observation: 'Arbetsträning med observation',
  kultur_rehabilitering: 'Kultur och rehabilitering',
  kommunikativ_svenska: 'Kommunikativ svenska',
  unga_missbrukare: 'Sysselsättning för unga missbrukare under 25',
  unga_psykisk_ohalsa: 'Uppsökande för unga med psykisk ohälsa',
  finmotorik: 'Finmotoriska uppgifter',
  lagtroskel_motivation: 'Lågtröskel / motivation',
  halsa_fysisk_aktivitet: 'Hälsa och fysisk aktivitet',
  fysisk_funktionsnedsattning: 'Insatser vid fysisk funktionsnedsättning',
  datakunskap: 'Datakunskap',
  intervjutraning: 'Intervjuträning',
  sfi_sprakpraktik: 'Sfi med språkpraktik',
  annat: 'Annat',
} as const;

/** Trepartssamtal and follow-up: the client, the social worker, the arbetskonsulent, the arbetsledare [004]. */
export const PARTICIPANTS = {
  klienten: 'Klienten',
  socialsekreterare: 'Socialsekreterare',
  arbetskonsulent: 'Arbetskonsulent',
  arbetsledare: 'Arbetsledare',
} as const;

export const GOAL_STATUSES = {
  uppnatt: 'Uppnått',
  pagar: 'Pågår',
  ej_paborjat: 'Ej påbörjat',
  andrat: 'Ändrat',
} as const;

/** Arbetsförmåga, ordinal 1-4 [default scale]. */
export const WORK_CAPACITY_SCALE = {
  1: '1 – Ingen eller mycket liten',
  2: '2 – Begränsad',
  3: '3 – God med stöd',
  4: '4 – God',
} as const;

export const READINESS_ANSWERS = { ja: 'Ja', delvis: 'Delvis', nej: 'Nej' } as const;

/** The seed's examples of readiness for Jobbtorg Resurs ("exempelvis") [004]. */
export const READINESS_CRITERIA = {
  deltagit: 'Har klarat att delta i stadsdelens arbetsmarknadsverksamhet',
  resor: 'Hanterar att resa till och från en insats',
  missbruk: 'Har inte ett pågående aktivt missbruk',
  samspel: 'Kan hantera konflikter och det sociala samspelet',
  motivation: 'Är tillräckligt motiverad',
} as const;

/** Closure outcomes every unit maps its own onto (insatser.md, "Closure"). */
export const CLOSURE_OUTCOMES = {
  arbete: 'Arbete / egen försörjning',
  studier: 'Studier',
  jobbtorg: 'Jobbtorg (Jobbtorg Resurs eller Jobbtorg Stockholm)',
  forsakringskassan: 'Ersättning via Försäkringskassan',
  pension: 'Pension',
  annan_forsorjning: 'Annan försörjning',
  annan_insats: 'Annan insats (nästa steg på trappan)',
  annan_huvudman: 'Annan myndighet eller huvudman',
  passar_inte: 'Passar inte / önskar inte insatsen',
  avslutad_pa_enheten: 'Avslutad på enheten / flyttat',
  avbrott_annat_skal: 'Avbrott av annat skäl än behovet (ersättning eller avtal upphör)',
  okant: 'Okänt / kontakten upphörde',
} as const;

/** True when every readiness criterion is answered ja: the product then suggests Jobbtorg Resurs [004]. */
export function readyForJobbtorgResurs(readiness: Readonly<Record<string, unknown>> | undefined): boolean {
  return (
    readiness !== undefined &&
    Object.keys(READINESS_CRITERIA).every((criterion) => readiness[criterion] === 'ja')
  );
}
