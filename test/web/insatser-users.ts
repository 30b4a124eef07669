/** The principals the insatser browser tests act as over the API, in the demo users' unit. */
export const UNIT = 'jarva-1';
export const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'SS',
  memberships: [{ unit: UNIT, roles: ['socialsekreterare' as const] }],
};
export const KEEPER = {
  id: 'jarva-1-insats',
  name: 'IA',
  memberships: [{ unit: UNIT, roles: ['insatsansvarig' as const] }],
};
