/**
 * How many places of an insats are taken (placements assigned or running)
 * and how many wait for one, counted from the placements read model for
 * the entry in `insatsColumn`: one definition for the catalogue, the
 * engine's facts and the occupancy report. Each is a search of the
 * placements' insats index, so it costs the same at any size of the city.
 */
export const placesTaken = (insatsColumn: string) =>
  `(SELECT count(*) FROM pl_placements p WHERE p.insats_id = ${insatsColumn} AND p.phase IN ('forberedelse', 'pagar'))`;

export const placesQueued = (insatsColumn: string) =>
  `(SELECT count(*) FROM pl_placements p WHERE p.insats_id = ${insatsColumn} AND p.phase = 'ko')`;
