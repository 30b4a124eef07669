import { PLACEMENT_TALLIES } from './placement-tallies';

const tallied = (tally: string, insatsColumn: string) =>
  `(SELECT coalesce(sum(t.n), 0) FROM ${PLACEMENT_TALLIES} t
    WHERE t.tally = '${tally}' AND t.k1 = ${insatsColumn} AND t.bucket = '')`;

/**
 * How many places of an insats are taken (placements assigned or running)
 * and how many wait for one, for the entry in `insatsColumn`: one
 * definition for the catalogue, the engine's facts and the occupancy
 * report. Each reads the one tally row the placements' triggers keep for
 * the insats, so it costs the same at any size of the city.
 */
export const placesTaken = (insatsColumn: string) => tallied('taken', insatsColumn);

export const placesQueued = (insatsColumn: string) => tallied('queued', insatsColumn);
