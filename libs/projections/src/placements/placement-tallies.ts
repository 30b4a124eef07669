import { sqlDayNumber, tallyTable, tallyTriggers, type TallySpec } from '../tallies/calendar-tallies';

/** The placements projection's tallies: what the insats reports and the catalogue's occupancy read (ADR 0036). */
export const PLACEMENT_TALLIES = 'pl_tallies';

/** What a day of a place costs at the snapshotted price, whichever period the entry priced it by. */
const PRICE_PER_DAY = `(CASE WHEN $.price_period = 'year' THEN $.price_sek / 12.0 ELSE $.price_sek END) / (365.25 / 12)`;
const daysFrom = (from: string, to: string) =>
  `CAST(round(julianday(${to}) - julianday(${from})) AS INTEGER)`;
const BY_INSATS = ['$.unit', '$.insats_id', '$.providing_unit'];
const BY_PERSON = ['$.unit', '$.kon', '$.age_band'];

const SPECS: readonly TallySpec[] = [
  // Participants and cost: placements by the day they started and the day they ended.
  {
    tally: 'started',
    on: 'pl_placements',
    day: '$.started_on',
    keys: BY_INSATS,
    when: '$.started_on IS NOT NULL',
    w: PRICE_PER_DAY,
    wd: `${PRICE_PER_DAY} * ${sqlDayNumber('$.started_on')}`,
  },
  {
    tally: 'ended',
    on: 'pl_placements',
    day: '$.ended_on',
    keys: BY_INSATS,
    when: '$.started_on IS NOT NULL',
    w: PRICE_PER_DAY,
    wd: `${PRICE_PER_DAY} * ${sqlDayNumber('$.ended_on')}`,
  },
  {
    tally: 'outcome',
    on: 'pl_placements',
    day: '$.ended_on',
    keys: ['$.unit', '$.outcome'],
    when: '$.outcome IS NOT NULL',
  },
  // Lead times as counts per whole day, by the day the placement started.
  {
    tally: 'toAssigned',
    on: 'pl_placements',
    day: '$.started_on',
    keys: ['$.unit', daysFrom('$.decided_on', '$.assigned_on')],
    when: '$.decided_on IS NOT NULL AND $.assigned_on IS NOT NULL',
  },
  {
    tally: 'toStart',
    on: 'pl_placements',
    day: '$.started_on',
    keys: ['$.unit', daysFrom('$.assigned_on', '$.started_on')],
    when: '$.assigned_on IS NOT NULL',
  },
  {
    // The latest facts recorded can postdate an earlier placement's start: that one has no such lead time.
    tally: 'fromAktuell',
    on: 'pl_placements',
    day: '$.started_on',
    keys: ['$.unit', daysFrom('$.aktuell_sedan', '$.started_on')],
    when: '$.aktuell_sedan <= $.started_on',
  },
  // The waiting lists: everyone ever queued for an insats, those queued now, and the days each waited.
  {
    tally: 'everQueued',
    on: 'pl_placements',
    day: null,
    keys: ['$.unit', '$.insats_id'],
    when: '$.queued_at IS NOT NULL',
  },
  {
    tally: 'queuedNow',
    on: 'pl_placements',
    day: null,
    keys: ['$.unit', '$.insats_id'],
    when: "$.queued_at IS NOT NULL AND $.phase = 'ko'",
  },
  {
    tally: 'waited',
    on: 'pl_placements',
    day: '$.offered_on',
    keys: ['$.unit', '$.insats_id', daysFrom('substr($.queued_at, 1, 10)', '$.offered_on')],
    when: '$.queued_at IS NOT NULL',
  },
  // Occupancy, by insats: read by the catalogue, the engine's facts and the occupancy report.
  {
    tally: 'taken',
    on: 'pl_placements',
    day: null,
    keys: ['$.insats_id'],
    when: "$.insats_id IS NOT NULL AND $.phase IN ('forberedelse', 'pagar')",
  },
  {
    tally: 'queued',
    on: 'pl_placements',
    day: null,
    keys: ['$.insats_id'],
    when: "$.insats_id IS NOT NULL AND $.phase = 'ko'",
  },
  // People in placements, once each however many placements they had (see participation.ts).
  { tally: 'runStarted', on: 'pl_participation', day: '$.started_on', keys: BY_PERSON, when: 'true' },
  { tally: 'runEnded', on: 'pl_participation', day: '$.ended_on', keys: BY_PERSON, when: 'true' },
  {
    tally: 'runGap',
    on: 'pl_participation',
    day: '$.ended_on',
    until: '$.next_started_on',
    keys: BY_PERSON,
    when: 'true',
  },
  {
    tally: 'followUps',
    on: 'pl_follow_ups',
    day: '$.held_on',
    keys: ['$.unit'],
    when: 'true',
    w: '$.on_time',
  },
  {
    tally: 'unmetNeeds',
    on: 'pl_unmet_needs',
    day: '$.recorded_on',
    keys: ['$.unit', '$.category'],
    when: 'true',
  },
];

export const placementTalliesTable = tallyTable(PLACEMENT_TALLIES);
/** The triggers that keep the tallies from one of the projection's tables; part of that table's DDL. */
export const placementTallyTriggers = (on: string) => tallyTriggers(PLACEMENT_TALLIES, on, SPECS);
