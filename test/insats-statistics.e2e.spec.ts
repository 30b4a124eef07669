import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY } from '@app/insatser/testing/entry';
import { ASSIGNED, FOLLOW_UP, STARTED } from '../processes/insats/testing/payloads';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';

const JARVA = 'jarva-1';
const RINKEBY = 'rinkeby-2';
const WOMAN = {
  kon: 'kvinna',
  ageBand: '25-29',
  reasonCode: 'arbetslos',
  targetGroup: 'arbetsmarknadsinsatser',
};

/**
 * The statistics of insatser over HTTP: exact for a unit's own biträdande
 * enhetschef, city-wide with every cell of one to four people withheld,
 * and the same report as CSV.
 */
describe('insatser: the statistics', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-05-04T09:00:00.000Z');
  let app: INestApplication;
  const chef = (unit = JARVA) => as(app, 'bitradande_enhetschef', `bec-${unit}`, unit);
  const report = (name: string, query: Record<string, string> = {}, who = chef()) =>
    who.get(`/api/statistics/insatser/${name}`).query({ from: '2026-01-01', to: '2026-12-31', ...query });

  /**
   * A client placed on the unit's insats on 2 March and, given an outcome,
   * closed on 30 April; given facts, recorded for the statistics first.
   */
  async function placement(
    unit: string,
    insatsId: string,
    outcome?: string,
    followUpOn?: string,
    facts?: Record<string, string>,
  ) {
    const worker = as(app, 'socialsekreterare', `ss-${unit}`, unit);
    const opened = await worker
      .post('/api/cases')
      .send({ reference: 'ST 7001', unit, socialWorkerId: `ss-${unit}` });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = opened.body.caseId as string;
    if (facts) await worker.post(`/api/cases/${caseId}/client-facts`).send(facts).expect(200);
    const instanceId = (await worker.post(`/api/cases/${caseId}/processes`).send({ definitionId: 'insats' }))
      .body.instanceId as string;
    const step = (event: string, payload: object) =>
      worker.post(`/api/cases/${caseId}/processes/${instanceId}/events`).send({ event, payload }).expect(200);
    await step('PlacementAssigned', { ...ASSIGNED, insatsId });
    await step('PlacementStarted', STARTED);
    if (followUpOn) await step('FollowUpHeld', { ...FOLLOW_UP, heldOn: followUpOn });
    if (outcome) await step('PlacementClosed', { outcome, endedOn: '2026-04-30', summary: 'Avslutad' });
    return { caseId, instanceId };
  }

  async function insatsOf(unit: string): Promise<string> {
    const registered = await as(app, 'insatsansvarig', `ia-${unit}`, unit)
      .post('/api/insatser')
      .send({ ...ENTRY, name: `Arbetsträning ${unit}`, providingUnit: unit });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const insatsId = registered.body.insatsId as string;
    await eventually(async () => expect((await chef().get(`/api/insatser/${insatsId}`)).status).toBe(200));
    return insatsId;
  }

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    const jarva = await insatsOf(JARVA);
    const rinkeby = await insatsOf(RINKEBY);
    // Järva: five women to work (one followed up in time, one late), a man to studies, one still running
    // whose facts were never recorded; Rinkeby: one.
    for (let i = 0; i < 5; i++)
      await placement(JARVA, jarva, 'arbete', i === 0 ? '2026-03-30' : undefined, {
        ...WOMAN,
        aktuellSedan: `2026-01-0${i + 1}`,
      });
    await placement(JARVA, jarva, 'studier', '2026-04-10', {
      kon: 'man',
      ageBand: '18-24',
      aktuellSedan: '2025-09-01',
      reasonCode: 'annat',
      targetGroup: 'etableringsprogrammet',
    });
    await placement(JARVA, jarva);
    await placement(RINKEBY, rinkeby, 'pension', undefined, { ...WOMAN, aktuellSedan: '2026-01-01' });
    await eventually(async () => expect((await report('outcomes')).body.rows).toHaveLength(2));
  }, 60_000);
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("given the unit's own biträdande enhetschef, then outcomes are exact counts and shares of the unit's closures", async () => {
    const { body } = await report('outcomes').expect(200);
    expect(body).toMatchObject({ scope: 'unit', suppressedCells: 0 });
    expect(body.rows).toEqual([
      { unit: JARVA, outcome: 'Arbete / egen försörjning', closures: 5, share: 5 / 6 },
      { unit: JARVA, outcome: 'Studier', closures: 1, share: 1 / 6 },
    ]);
  });

  it('given the city-wide view, then every unit is shown and each cell of one to four people is withheld', async () => {
    const { body } = await report(
      'outcomes',
      { scope: 'city' },
      as(app, 'statistik', 'stat-1', JARVA),
    ).expect(200);
    expect(body.rows).toEqual([
      { unit: JARVA, outcome: 'Arbete / egen försörjning', closures: 5, share: 5 / 6 },
      { unit: JARVA, outcome: 'Studier', closures: '<5', share: '<5' },
      { unit: RINKEBY, outcome: 'Pension', closures: '<5', share: '<5' },
    ]);
    expect(body.suppressedCells).toBe(4);
  });

  it('given lead times, follow-ups and participants, then they are worked out from the placements', async () => {
    const lead = (await report('lead-times').expect(200)).body.rows;
    // Beslut 26 February, anvisning and start 2 March.
    expect(lead).toEqual([
      {
        unit: JARVA,
        started: 7,
        decisionToAssignmentMedian: 4,
        decisionToAssignmentP80: 4,
        assignmentToStartMedian: 0,
        assignmentToStartP80: 0,
        // From aktuell på bistånd (1-5 January, 1 September) to the start on 2 March: 60, 59, 58, 57, 56
        // and 182 days; one never recorded. Nearest rank: the 3rd and the 5th of six.
        aktuellToStartMedian: 58,
        aktuellToStartP80: 60,
      },
    ]);
    // The first follow-up was due on 2 April: 30 March was in time, 10 April was not.
    expect((await report('follow-ups').expect(200)).body.rows).toEqual([
      { unit: JARVA, held: 2, onTime: 1, shareOnTime: 0.5 },
    ]);
    expect((await report('participants').expect(200)).body.rows).toEqual([
      expect.objectContaining({ unit: JARVA, insats: 'Arbetsträning jarva-1', participants: 7 }),
    ]);
    const occupancy = (await report('occupancy', { scope: 'city' }).expect(200)).body.rows;
    expect(occupancy.map((r: { insats: string; taken: number }) => [r.insats, r.taken])).toEqual([
      ['Arbetsträning jarva-1', 1],
      ['Arbetsträning rinkeby-2', 0],
    ]);
  });

  it('given the facts recorded for the statistics, then participants come out by kön and age band, and cases by target group and reason', async () => {
    expect((await report('participants-by-group').expect(200)).body.rows).toEqual([
      { unit: JARVA, kon: 'Uppgift saknas', ageBand: 'Uppgift saknas', participants: 1 },
      { unit: JARVA, kon: 'Kvinna', ageBand: '25–29 år', participants: 5 },
      { unit: JARVA, kon: 'Man', ageBand: '18–24 år', participants: 1 },
    ]);
    const city = (
      await report('participants-by-group', { scope: 'city' }, as(app, 'statistik', 'stat-1', JARVA)).expect(
        200,
      )
    ).body;
    expect(city.rows.map((r: { participants: unknown }) => r.participants)).toEqual(['<5', 5, '<5', '<5']);
    expect((await report('target-groups').expect(200)).body.rows).toEqual([
      {
        unit: JARVA,
        targetGroup: 'I målgruppen för arbetsmarknadsinsatser',
        reasonCode: 'Arbetslös',
        cases: 5,
      },
      { unit: JARVA, targetGroup: 'Etableringsprogrammet', reasonCode: 'Annat', cases: 1 },
    ]);
    expect((await report('cost').expect(200)).body.rows).toEqual([
      expect.objectContaining({ unit: JARVA, providingUnit: JARVA, billed: 'Nej', placements: 7 }),
    ]);
  });

  it('given the same facts recorded again, then it is refused as no change, and a bad field is a 400 naming it', async () => {
    const worker = as(app, 'socialsekreterare', `ss-${JARVA}`, JARVA);
    const opened = await worker
      .post('/api/cases')
      .send({ reference: 'FK 8103', unit: JARVA, socialWorkerId: `ss-${JARVA}` });
    const facts = `/api/cases/${opened.body.caseId}/client-facts`;
    const bad = await worker.post(facts).send({ ...WOMAN, aktuellSedan: '2026-01-01', ageBand: '17' });
    expect([bad.status, bad.body.details.violations[0].field]).toEqual([400, 'ageBand']);
    await worker
      .post(facts)
      .send({ ...WOMAN, aktuellSedan: '2026-01-01' })
      .expect(200);
    const again = await worker.post(facts).send({ ...WOMAN, aktuellSedan: '2026-01-01' });
    expect([again.status, again.body.details.failed[0].id]).toEqual([422, 'client-facts-unchanged']);
    const view = await worker.get(`/api/cases/${opened.body.caseId}`).expect(200);
    expect(view.body.clientFacts).toMatchObject({ kon: 'kvinna', labels: { ageBand: '25–29 år' } });
  });

  it('given the CSV download, then it is the same report with Swedish headers, semicolons and decimal commas', async () => {
    const response = await chef()
      .get('/api/statistics/insatser/outcomes/csv')
      .query({ from: '2026-01-01', to: '2026-12-31' })
      .expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.text.split('\n').filter(Boolean)).toEqual([
      '\uFEFFEnhet;Utfall;Avslutade;Andel av enhetens avslut',
      'jarva-1;Arbete / egen försörjning;5;83,3',
      'jarva-1;Studier;1;16,7',
    ]);
  });

  it('given the facts recorded after the placement started, then the lead time from aktuell på bistånd follows the latest date', async () => {
    const unit = 'husby-3';
    const { caseId } = await placement(unit, await insatsOf(unit));
    const worker = as(app, 'socialsekreterare', `ss-${unit}`, unit);
    const aktuell = async () => (await report('lead-times', {}, chef(unit)).expect(200)).body.rows[0];
    await worker
      .post(`/api/cases/${caseId}/client-facts`)
      .send({ ...WOMAN, aktuellSedan: '2026-02-01' })
      .expect(200);
    // 1 February to the start on 2 March.
    await eventually(async () => expect((await aktuell()).aktuellToStartMedian).toBe(29));
    await worker
      .post(`/api/cases/${caseId}/client-facts`)
      .send({ ...WOMAN, aktuellSedan: '2026-04-01' })
      .expect(200);
    await eventually(async () =>
      expect(await aktuell()).toMatchObject({ started: 1, aktuellToStartMedian: null }),
    );
  });

  it('given a placement ended early while running, then it counts, and costs, until the day it ended and not after', async () => {
    const unit = 'kista-4';
    const { caseId, instanceId } = await placement(unit, await insatsOf(unit));
    await as(app, 'socialsekreterare', `ss-${unit}`, unit)
      .post(`/api/cases/${caseId}/processes/${instanceId}/end`)
      .send({ reason: 'client-left-unit' })
      .expect(200);
    const rows = async (name: string, from: string) =>
      (await report(name, { from }, chef(unit)).expect(200)).body.rows as { placements?: number }[];
    // Started 2 March, ended on the day of the clock, 4 May.
    await eventually(async () => expect(await rows('participants', '2026-06-01')).toEqual([]));
    expect(await rows('participants', '2026-05-04')).toHaveLength(1);
    expect(await rows('cost', '2026-06-01')).toEqual([]);
    expect((await rows('cost', '2026-01-01')).map((r) => r.placements)).toEqual([1]);
  });

  it.each([
    [
      'the statistik role asking for a unit',
      () => report('outcomes', { scope: 'unit' }, as(app, 'statistik', 'stat-1', JARVA)),
      403,
    ],
    ['a biträdande enhetschef asking for another unit', () => report('outcomes', { unit: RINKEBY }), 403],
    ['a social worker', () => report('outcomes', {}, as(app, 'socialsekreterare', 'ss-jarva-1', JARVA)), 403],
    ['an unknown report', () => report('deltagare'), 400],
    [
      'a period that ends before it starts',
      () => report('outcomes', { from: '2026-06-01', to: '2026-05-01' }),
      400,
    ],
  ])('given %s, then it is refused', async (_who, call, status) => {
    await call().expect(status);
  });
});
