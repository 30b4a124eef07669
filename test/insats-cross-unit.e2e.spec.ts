import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { collect } from '@app/event-store/testing';
import { ENTRY } from '@app/insatser/testing/entry';
import { ASSIGNED, STARTED } from '../processes/insats/testing/payloads';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';

const KISTA = 'kista-1';

/**
 * One unit placing a client on another unit's insats over HTTP (insatser.md,
 * One unit using another unit's insats): the providing unit accepts or
 * declines, its arbetsledare reports attendance, both units see the monthly
 * billing basis at the snapshotted price, and the providing unit never sees
 * the case.
 */
describe('insatser: a placement on another unit’s insats', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let insatsId: string;
  let driver: CaseDriver;
  let pl: string;
  let placementId: string;
  // The case's own stream: a first sign-in writes the person's stream, which is not the case's.
  const caseEvents = async () =>
    (await collect(app.get<EventStore>(EVENT_STORE).readStream(`case-${driver.caseId}`))).length;
  const keeper = () => as(app, 'insatsansvarig', 'ia-kista', KISTA);
  const supervisor = () => as(app, 'arbetsledare', 'al-kista', KISTA);
  const socialWorker = () => as(app, 'socialsekreterare', 'ss-anna', UNIT);
  const step = (who: ReturnType<typeof keeper>, name: string, body: object) =>
    who.post(`/api/partner-placements/${placementId}/${name}`).send(body);
  const phase = async () => {
    const view = await driver.view();
    return view.processes.find((i: { instanceId: string }) => i.instanceId === pl)?.state;
  };

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    const registered = await keeper()
      .post('/api/insatser')
      .send({
        ...ENTRY,
        name: 'Cykelverkstan Kista',
        providingUnit: KISTA,
        openTo: 'alla_enheter',
        priceForOtherUnitsSek: 6000,
      });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    insatsId = registered.body.insatsId;
    await eventually(async () => expect((await keeper().get(`/api/insatser/${insatsId}`)).status).toBe(200));
    driver = await CaseDriver.open(app, 'KX 7001');
    pl = await driver.start('insats');
    await driver.send('socialsekreterare', pl, 'PlacementAssigned', { ...ASSIGNED, insatsId });
    placementId = await eventually(async () => {
      const page = await keeper().get('/api/partner-placements?awaitingAnswer=true').expect(200);
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0].placementId as string;
    });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given an anvisning, then it waits for the providing unit, whose list names the placement and never the case', async () => {
    expect(await phase()).toBe('godkannande');
    const page = await keeper().get('/api/partner-placements').expect(200);
    expect(page.body.items[0]).toMatchObject({
      placingUnit: UNIT,
      providingUnit: KISTA,
      insatsName: 'Cykelverkstan Kista',
      phase: 'godkannande',
      phaseLabel: 'Väntar på ert svar',
      price: { amountSek: 6000, period: 'month' },
      actions: ['accept', 'decline'],
    });
    const text = JSON.stringify(page.body);
    for (const secret of [driver.caseId, pl, 'KX 7001', 'ss-anna']) expect(text).not.toContain(secret);
  });

  it('given the providing unit, then the case itself is not found, and a social worker of that unit cannot act in it', async () => {
    await keeper().get(`/api/cases/${driver.caseId}`).expect(403);
    await as(app, 'bitradande_enhetschef', 'bec-kista', KISTA).get(`/api/cases/${driver.caseId}`).expect(404);
    await as(app, 'socialsekreterare', 'ss-kista', KISTA)
      .post(`/api/cases/${driver.caseId}/processes/${pl}/events`)
      .send({ event: 'PlacementAccepted', payload: { insatsId, acceptedOn: '2026-03-02' } })
      .expect(404);
  });

  it('given the placing social worker, an arbetsledare, or another unit’s insatsansvarig, then none of them can accept', async () => {
    const before = await caseEvents();
    const viaCase = await socialWorker()
      .post(`/api/cases/${driver.caseId}/processes/${pl}/events`)
      .send({ event: 'PlacementAccepted', payload: { insatsId, acceptedOn: '2026-03-02' } });
    expect(viaCase.status).toBe(403);
    expect((await step(supervisor(), 'accept', { acceptedOn: '2026-03-02' })).status).toBe(403);
    const elsewhere = as(app, 'insatsansvarig', 'ia-rinkeby', 'rinkeby-1');
    expect((await step(elsewhere, 'accept', { acceptedOn: '2026-03-02' })).status).toBe(404);
    expect((await step(keeper(), 'skip', {})).status).toBe(404);
    expect(await caseEvents()).toEqual(before);
  });

  it('given an acceptance without its date, then it is a 400 naming the field, and nothing is stored', async () => {
    const before = await caseEvents();
    const refused = await step(keeper(), 'accept', {});
    expect(refused.status).toBe(400);
    expect(refused.body.details.violations.map((v: { field: string }) => v.field)).toContain('acceptedOn');
    expect(await caseEvents()).toEqual(before);
  });

  it('given the insatsansvarig accepts, then the social worker starts it, and the arbetsledare reads only mål, delmål and arbetsuppgifter, logged', async () => {
    const accepted = await step(keeper(), 'accept', { acceptedOn: '2026-03-02' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toEqual({ placementId, events: ['PlacementAccepted'] });
    expect(await phase()).toBe('forberedelse');
    await driver.send('socialsekreterare', pl, 'PlacementStarted', STARTED);

    const detail = await eventually(async () => {
      const answer = await supervisor().get(`/api/partner-placements/${placementId}`).expect(200);
      expect(answer.body.phase).toBe('pagar');
      return answer.body;
    });
    expect(detail.plan).toEqual({
      mal: STARTED.plan.mal,
      delmal: STARTED.plan.delmal,
      arbetsuppgifter: STARTED.plan.arbetsuppgifter,
    });
    expect(detail.actions).toEqual(['attendance', 'observation']);
    const text = JSON.stringify(detail);
    for (const secret of [STARTED.plan.clientView, STARTED.plan.syfte, driver.caseId, 'KX 7001'])
      expect(text).not.toContain(secret);
    const chef = as(app, 'bitradande_enhetschef', 'bec-1', UNIT);
    await eventually(async () => {
      const log = (await chef.get(`/api/access-log/cases/${driver.caseId}`).expect(200)).body.items;
      expect(log).toContainEqual(expect.objectContaining({ userId: 'al-kista', view: 'partner-placement' }));
    });
  });

  it('given the placement runs, then the arbetsledare reports attendance and an observation into the case, and a period backwards is refused', async () => {
    clock.set('2026-03-20T09:00:00.000Z');
    const backwards = await step(supervisor(), 'attendance', {
      from: '2026-03-10',
      to: '2026-03-09',
      plannedHours: 20,
      attendedHours: 16,
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.details.failed.map((f: { id: string }) => f.id)).toEqual(['period-in-order']);
    await step(supervisor(), 'attendance', {
      from: '2026-03-02',
      to: '2026-03-13',
      plannedHours: 40,
      attendedHours: 32,
    }).expect(200);
    await step(supervisor(), 'observation', {
      observedOn: '2026-03-13',
      text: 'Arbetar noggrant med reparationerna',
    }).expect(200);
    const history = await socialWorker().get(`/api/cases/${driver.caseId}/history`).expect(200);
    const recorded = history.body.entries.filter((e: { type: string }) =>
      ['AttendanceRecorded', 'ObservationRecorded'].includes(e.type),
    );
    expect(recorded.map((e: { actor: { id: string; role: string } }) => [e.actor.id, e.actor.role])).toEqual([
      ['al-kista', 'arbetsledare'],
      ['al-kista', 'arbetsledare'],
    ]);
    expect(await phase()).toEqual({ pagar: 'forstaUppfoljning' });
  });

  it('given a month placed, then both units see the same billing basis at the price accepted, and it downloads as CSV', async () => {
    clock.set('2026-04-15T09:00:00.000Z');
    const expected = {
      month: '2026-03',
      lines: [
        {
          placementId,
          placingUnit: UNIT,
          providingUnit: KISTA,
          insatsName: 'Cykelverkstan Kista',
          from: '2026-03-02',
          to: '2026-03-31',
          days: 30,
          priceSek: 6000,
          pricePeriod: 'month',
          amountSek: Math.round((6000 * 30) / 31),
        },
      ],
      totals: [
        { placingUnit: UNIT, providingUnit: KISTA, placements: 1, amountSek: Math.round((6000 * 30) / 31) },
      ],
    };
    const paying = await as(app, 'bitradande_enhetschef', 'bec-1', UNIT).get('/api/billing?month=2026-03');
    expect(paying.status, JSON.stringify(paying.body)).toBe(200);
    expect(paying.body).toEqual(expected);
    expect((await keeper().get('/api/billing?month=2026-03').expect(200)).body).toEqual(expected);
    const neither = await as(app, 'insatsansvarig', 'ia-rinkeby', 'rinkeby-1').get(
      '/api/billing?month=2026-03',
    );
    expect(neither.body.lines).toEqual([]);
    const bad = await keeper().get('/api/billing?month=2026-13').expect(400);
    expect(bad.body.details.violations.map((v: { field: string }) => v.field)).toEqual(['month']);
    const csv = await keeper().get('/api/billing/csv?month=2026-03').expect(200);
    expect(csv.text.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'Placering;Placerande enhet;Anordnande enhet;Insats;Från och med;Till och med;Dagar;Pris (kr);Prisperiod;Belopp (kr)',
    );
    expect(csv.text).toContain(
      `${placementId};${UNIT};${KISTA};Cykelverkstan Kista;2026-03-02;2026-03-31;30;6000`,
    );
    // The placing unit's cost report names the pair, and that it is billed between them.
    const cost = await as(app, 'bitradande_enhetschef', 'bec-1', UNIT)
      .get('/api/statistics/insatser/cost')
      .query({ from: '2026-03-01', to: '2026-03-31' })
      .expect(200);
    expect(cost.body.rows).toEqual([
      expect.objectContaining({ unit: UNIT, providingUnit: KISTA, billed: 'Ja', placements: 1 }),
    ]);
  });

  it('given a decline, then the social worker’s placement is back at anvisning and the providing unit’s list no longer has it', async () => {
    const second = await CaseDriver.open(app, 'KY 8102');
    const other = await second.start('insats');
    await second.send('socialsekreterare', other, 'PlacementAssigned', {
      ...ASSIGNED,
      insatsId,
      assignedOn: '2026-04-15',
    });
    const waiting = await eventually(async () => {
      const page = await keeper().get('/api/partner-placements?awaitingAnswer=true').expect(200);
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0].placementId as string;
    });
    const declined = await keeper()
      .post(`/api/partner-placements/${waiting}/decline`)
      .send({ reason: 'utanfor_malgrupp', declinedOn: '2026-04-15' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    const view = await second.view();
    expect(view.processes.find((i: { instanceId: string }) => i.instanceId === other)?.state).toBe(
      'anvisning',
    );
    await eventually(async () => {
      const page = await keeper().get('/api/partner-placements').expect(200);
      expect(page.body.items.map((i: { placementId: string }) => i.placementId)).toEqual([placementId]);
    });
  });
});
