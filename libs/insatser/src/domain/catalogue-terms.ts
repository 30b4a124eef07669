/**
 * The catalogue's vocabulary (insatser.md, "Catalogue entry"), each value
 * with the Swedish name the forms and lists show. Identifiers are ASCII so
 * they travel unchanged through URLs, CSV and the log.
 */

/** Who provides an insats: a unit of the municipality or a partner with an agreement [004], [001]. */
export const PROVIDER_KINDS = {
  stadsdelsforvaltning: 'Stadsdelsförvaltning',
  arbetsmarknadsenhet: 'Arbetsmarknadsenhet',
  forvaltning: 'Annan förvaltning',
  iop: 'IOP-partner',
  forening: 'Förening',
} as const;

/** Inriktning, as [004] lists the most common kinds. */
export const INSATS_KINDS = {
  arbetstraning: 'Arbetsträning',
  arbetsprovning: 'Arbetsprövning',
  osa: 'OSA (offentligt skyddat arbete)',
  utomhusarbete: 'Utomhusarbete (städning, parkarbete)',
  malning: 'Målning',
  flytt: 'Flytt',
  snickeri: 'Snickeri',
  textil: 'Textil',
  second_hand: 'Loppmarknad / second hand',
  atervinning: 'Återvinning',
  data: 'Data',
  svets: 'Svets',
  cykelverkstad: 'Cykelverkstad',
  bakverk: 'Bakverk',
  konferens: 'Konferens',
  bokvard: 'Bokvård',
  administration: 'Administration',
  halsa: 'Hälsa / friskvård',
  motivation: 'Motivation / kom-i-gång',
  kommunikativ_svenska: 'Kommunikativ svenska',
} as const;

/** Branschområde [001] (Karlskrona). */
export const BRANSCHOMRADEN = {
  kost_hygien_service: 'Kost, hygien och service',
  tillverkning_underhall: 'Tillverkning, underhåll/återbruk och service',
  park_tradgard: 'Park, trädgård och hållbarhet',
} as const;

/** Samordningsförbundets funktionstrappa [001]. */
export const TRAPPSTEG = {
  sysselsattning: 'Sysselsättning',
  arbetsinriktad_rehabilitering: 'Arbetsinriktad rehabilitering',
  arbete_med_samhallsstod: 'Arbete med samhällsstöd',
} as const;

/** The BIP types (toolbox.md, Bilaga 7): a job-focused insats is what moves a client to fas 2-3. */
export const BIP_TYPES = {
  jobbfokuserande: 'Jobbfokuserande',
  kompetenshojande: 'Kompetenshöjande',
  social: 'Social',
  halsorelaterad: 'Hälsorelaterad',
} as const;

export const ADAPTATIONS = {
  sprakstod: 'Språkstöd',
  fysisk_funktionsnedsattning: 'Fysisk funktionsnedsättning',
  unga_under_25: 'Unga under 25',
  psykisk_ohalsa: 'Psykisk ohälsa',
  parallellt_med_behandling: 'Parallellt med behandling',
} as const;

export const FUNDING = {
  anslag: 'Anslag',
  projektmedel: 'Projektmedel',
  esf: 'ESF',
} as const;

/** Who else may place clients: [004] says the using unit pays for the place. */
export const OPEN_TO = {
  egen_enhet: 'Bara den egna enheten',
  alla_enheter: 'Alla enheter i kommunen',
  utvalda_enheter: 'Utvalda enheter',
} as const;

export const COST_PERIODS = { month: 'per månad', year: 'per år' } as const;
export const SCOPE_PERIODS = { day: 'per dag', week: 'per vecka' } as const;

export const INSATS_STATUSES = {
  active: 'Aktiv',
  paused: 'Pausad',
  closed: 'Avslutad',
} as const;

export type ProviderKind = keyof typeof PROVIDER_KINDS;
export type InsatsKind = keyof typeof INSATS_KINDS;
export type Branschomrade = keyof typeof BRANSCHOMRADEN;
export type Trappsteg = keyof typeof TRAPPSTEG;
export type BipType = keyof typeof BIP_TYPES;
export type Adaptation = keyof typeof ADAPTATIONS;
export type Funding = keyof typeof FUNDING;
export type OpenTo = keyof typeof OPEN_TO;
export type CostPeriod = keyof typeof COST_PERIODS;
export type ScopePeriod = keyof typeof SCOPE_PERIODS;
export type InsatsStatus = keyof typeof INSATS_STATUSES;
