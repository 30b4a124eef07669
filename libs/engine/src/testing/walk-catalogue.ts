import type { CatalogueFacts, CatalogueLookup } from '../domain/catalogue-fields';
import { WALK_INSATS } from './payloads';

/** The catalogue walks place clients on: one entry of `unit` with room for every walk. */
export function walkCatalogue(unit: string): CatalogueLookup {
  const entry: CatalogueFacts = {
    insatsId: WALK_INSATS,
    version: 1,
    name: 'Arbetsträning',
    providingUnit: unit,
    status: 'active',
    kind: 'arbetstraning',
    trappsteg: 'arbetsinriktad_rehabilitering',
    bipType: 'jobbfokuserande',
    places: 10_000,
    placesFree: 10_000,
    queuedAhead: 0,
    price: { amountSek: 4500, period: 'month' },
    openToAsker: true,
  };
  return (insatsId) => Promise.resolve(insatsId === WALK_INSATS ? entry : undefined);
}
