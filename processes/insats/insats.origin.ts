import type { StepEnvironment } from '@app/engine';
import type { PlacementAssigned } from './insats.events';

const facts = (environment: Readonly<Record<string, unknown>>) => (environment as StepEnvironment).facts;

/**
 * An anvisning entered from a progressionsplan row or a CM plan names one
 * the case has (insatser.md: "entered from a progressionsplan row, a CM plan
 * or a case directly"), so the placement can be traced to what it carries out.
 */
export const ORIGIN_RULES = [
  {
    id: 'plan-row-named',
    field: 'planRow',
    message: 'Ange vilken rad i progressionsplanen anvisningen utgår från.',
    holds: (p: PlacementAssigned) => p.origin !== 'progressionsplan' || p.planRow !== undefined,
  },
  {
    id: 'plan-row-exists',
    field: 'planRow',
    message: 'Ärendets progressionsplan har ingen sådan rad.',
    holds: (p: PlacementAssigned, _context: unknown, environment: Readonly<Record<string, unknown>>) => {
      if (p.origin !== 'progressionsplan' || p.planRow === undefined) return true;
      const { hasProgressionsplan, progressionsplanRows } = facts(environment);
      return hasProgressionsplan && p.planRow <= (progressionsplanRows ?? 50);
    },
  },
  {
    id: 'row-without-plan-origin',
    field: 'planRow',
    message: 'En rad i progressionsplanen anges bara när anvisningen utgår från progressionsplanen.',
    holds: (p: PlacementAssigned) => p.planRow === undefined || p.origin === 'progressionsplan',
  },
  {
    id: 'no-admission',
    field: 'origin',
    message: 'Placeringen startade inte efter en antagning; välj var anvisningen utgår från.',
    holds: (p: PlacementAssigned, context: Readonly<Record<string, unknown>>) =>
      p.origin !== 'aktualisering' || typeof context.referredBy === 'string',
  },
  {
    id: 'no-case-manager',
    field: 'origin',
    message: 'Ärendet har ingen pågående case manager-insats vars planering anvisningen kan utgå från.',
    holds: (p: PlacementAssigned, _context: unknown, environment: Readonly<Record<string, unknown>>) =>
      p.origin !== 'cm_plan' || facts(environment).runningProcesses.includes('case-manager'),
  },
];
