import type { Me, NextSteps } from './api/types';

/** Role names as the unit says them (toolbox.md glossary). */
export const ROLE_NAMES: Readonly<Record<string, string>> = {
  socialsekreterare: 'Socialsekreterare',
  rehabansvarig: 'Rehabansvarig',
  case_manager: 'Case manager',
  sip_stodjare: 'SIP-stödjare',
  mentor: 'Mentor',
  bitradande_enhetschef: 'Biträdande enhetschef',
  auditor: 'Granskare',
  insatsansvarig: 'Insatsansvarig',
  arbetskonsulent: 'Arbetskonsulent',
  arbetsledare: 'Arbetsledare',
  statistik: 'Statistik',
  mottagning: 'Mottagning',
  beredningsgrupp: 'Beredningsgrupp',
  system: 'Systemet',
};

export const roleName = (role: string) => ROLE_NAMES[role] ?? role;

const CASEWORK = [
  'socialsekreterare',
  'rehabansvarig',
  'case_manager',
  'sip_stodjare',
  'mentor',
  'bitradande_enhetschef',
];
const SUPERVISORS = ['bitradande_enhetschef', 'auditor'];
const OPENS_CASES = ['socialsekreterare', 'bitradande_enhetschef'];

const holds = (me: Me, roles: readonly string[]) =>
  me.memberships.some((membership) => membership.roles.some((role) => roles.includes(role)));

export const unitsWhere = (me: Me, roles: readonly string[]) =>
  me.memberships.filter((m) => m.roles.some((role) => roles.includes(role))).map((m) => m.unit);

/** Those who keep the shared catalogue of insatser for their unit. */
const KEEPS_CATALOGUE = ['insatsansvarig'];
/** Those who read case data at all: the insatser roles and the operator see no case. */
const READS_CASES = [...CASEWORK, 'auditor'];

/** What the navigation offers; the API decides what each role may really do. */
export const canWork = (me: Me) => holds(me, CASEWORK);
export const canSupervise = (me: Me) => holds(me, SUPERVISORS);
export const canOpenCases = (me: Me) => holds(me, OPENS_CASES);
export const canReadCases = (me: Me) => holds(me, READS_CASES);
/** Only social workers are responsible for cases, so only they have the plans' rows as tasks. */
export const isSocialWorker = (me: Me) => holds(me, ['socialsekreterare']);

/** Those who close, reopen and correct the reference of a case (the API's CloseCase, ReopenCase, ChangeReference). */
export const MANAGES_CASE = ['socialsekreterare', 'bitradande_enhetschef'];
/** Those who tick a plan's row as done. */
export const TICKS_PLAN_ROWS = ['socialsekreterare', 'rehabansvarig', 'bitradande_enhetschef'];
/** The biträdande enhetschef may correct anyone's step in the unit; others only their own. */
export const CORRECTS_ANY_STEP = ['bitradande_enhetschef'];

/** Whether my roles in the case's own unit (as next-steps names them) include one of these. */
export const actsAs = (roles: NextSteps['roles'], allowed: readonly string[]) =>
  roles.some((held) => allowed.includes(held.role));
/**
 * Live updates (GET /api/live) name the cases that changed, so only case
 * readers may listen; for anyone else the stream is refused and an
 * indicator could only ever say it is not connected.
 */
export const hearsLiveUpdates = canReadCases;
export const canReadInsatsStatistics = (me: Me) => holds(me, [...SUPERVISORS, 'statistik']);
/** The providing unit's side of placements: who answers them and who reports from the insats. */
export const worksAtInsats = (me: Me) => holds(me, ['insatsansvarig', 'arbetsledare']);
export const readsBilling = (me: Me) => holds(me, ['insatsansvarig', 'bitradande_enhetschef', 'statistik']);
/** The receiving unit of a referral (referral.md): its reception and its Beredningsgrupp, who see no case. */
export const receivesReferrals = (me: Me) => holds(me, ['mottagning', 'beredningsgrupp']);
export const catalogueUnits = (me: Me) => unitsWhere(me, KEEPS_CATALOGUE);
export const openingUnits = (me: Me) => unitsWhere(me, OPENS_CASES);
export const supervisedUnits = (me: Me) => unitsWhere(me, SUPERVISORS);
