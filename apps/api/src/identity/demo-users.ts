import type { AccessRole, Principal } from '@app/access';

/** The development sign-in's two units; the same ids as the README walkthrough and the tests use. */
export const DEMO_UNITS = [
  { id: 'jarva-1', name: 'Järva' },
  { id: 'rinkeby-2', name: 'Rinkeby' },
] as const;

const PEOPLE: readonly { key: string; title: string; roles: readonly AccessRole[] }[] = [
  { key: 'ss', title: 'Socialsekreterare', roles: ['socialsekreterare'] },
  { key: 'ss2', title: 'Socialsekreterare 2', roles: ['socialsekreterare'] },
  { key: 'rehab', title: 'Rehabansvarig', roles: ['rehabansvarig'] },
  { key: 'cm', title: 'Case manager', roles: ['case_manager'] },
  { key: 'sip', title: 'SIP-stödjare', roles: ['sip_stodjare'] },
  { key: 'mentor', title: 'Mentor', roles: ['mentor'] },
  { key: 'bec', title: 'Biträdande enhetschef', roles: ['bitradande_enhetschef'] },
  { key: 'insats', title: 'Insatsansvarig', roles: ['insatsansvarig'] },
  { key: 'ak', title: 'Arbetskonsulent', roles: ['arbetskonsulent'] },
  { key: 'al', title: 'Arbetsledare', roles: ['arbetsledare'] },
  { key: 'stat', title: 'Statistik', roles: ['statistik'] },
  { key: 'revisor', title: 'Granskare (läsbehörighet)', roles: ['auditor'] },
  { key: 'drift', title: 'Drift (IT)', roles: ['operator'] },
];

/** Seeded staff for every role in both units: fictional, and only ever offered when no issuer is configured. */
export const DEMO_USERS: readonly Principal[] = DEMO_UNITS.flatMap((unit) =>
  PEOPLE.map((person) => ({
    id: `${unit.id}-${person.key}`,
    name: `${person.title}, ${unit.name}`,
    memberships: [{ unit: unit.id, roles: person.roles }],
  })),
);
