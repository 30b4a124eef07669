import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { collect } from '@app/event-store/testing';
import { ENTRY } from '@app/insatser/testing/entry';
import { ASSIGNED, FOLLOW_UP, STARTED } from '../processes/insats/testing/payloads';
import { DeadlineWorker } from '../apps/api/src/escalation/deadline-worker';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';

/**
 * Insatser over HTTP (insatser.md): the providing unit's insatsansvarig
 * keeps the shared catalogue; a social worker places a client on an entry,
 * starts it with an arbetsplan, follows up after a month and then every
 * three, and closes it, freeing the place for the first on the waiting list.
 */
describe('insatser: the catalogue and a placement from anvisning to avslut', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  const keeper = () => as(app, 'insatsansvarig', 'ia-1', UNIT);
  const head = () => app.get<EventStore>(EVENT_STORE).headPosition();
  const register = async (entry: object) => {
    const response = await keeper()
      .post('/api/insatser')
      .send({ ...entry, providingUnit: UNIT });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.insatsId as string;
  };
  const entryOf = (insatsId: string) => keeper().get(`/api/insatser/${insatsId}`).expect(200);

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  describe('the catalogue', () => {
    it('given a whole entry from the unit’s insatsansvarig, then it is version 1, active, and every unit can find it', async () => {
      const insatsId = await register({ ...ENTRY, name: 'Målarverkstan', kind: 'malning' });
      const found = await eventually(async () => {
        const page = await as(app, 'socialsekreterare', 'ss-other', 'kista-1')
          .get('/api/insatser?kind=malning&adaptations=sprakstod,psykisk_ohalsa&freePlaces=true')
          .expect(200);
        expect(page.body.items).toHaveLength(1);
        return page.body.items[0];
      });
      expect(found).toMatchObject({
        insatsId,
        version: 1,
        status: 'active',
        places: 10,
        taken: 0,
        placesFree: 10,
      });
      const none = await keeper().get('/api/insatser?kind=malning&adaptations=unga_under_25').expect(200);
      expect(none.body.items).toEqual([]);
    });

    it('given a trappsteg or a providing unit to search by, then only the entries that match are listed', async () => {
      await register({ ...ENTRY, name: 'Trappstegsverkstan' });
      const names = async (query: string) =>
        (
          (
            await as(app, 'socialsekreterare', 'ss-other', 'kista-1')
              .get(`/api/insatser?text=Trappstegsverkstan&${query}`)
              .expect(200)
          ).body.items as { name: string }[]
        ).map((item) => item.name);
      await eventually(async () =>
        expect(await names(`trappsteg=${ENTRY.trappsteg}&unit=${UNIT}`)).toEqual(['Trappstegsverkstan']),
      );
      expect(await names('trappsteg=sysselsattning')).toEqual([]);
      expect(await names('unit=kista-1')).toEqual([]);
      const bad = await keeper().get('/api/insatser?trappsteg=trappa-9');
      expect([bad.status, bad.body.details.violations[0].field]).toEqual([400, 'trappsteg']);
    });

    it.each([
      ['places below one', { places: 0 }, 'places'],
      ['a kind not in the list', { kind: 'dans' }, 'kind'],
      ['no period on the cost', { cost: { amountSek: 4500, validFrom: '2026-01-01' } }, 'cost.period'],
      [
        'open to listed units with none listed',
        { openTo: 'utvalda_enheter', priceForOtherUnitsSek: 5000 },
        'openToUnits',
      ],
    ])('given %s, then it is a 400 naming the field, and nothing is stored', async (_what, change, field) => {
      const before = await head();
      const refused = await keeper()
        .post('/api/insatser')
        .send({ ...ENTRY, ...change, providingUnit: UNIT });
      expect(refused.status).toBe(400);
      expect(refused.body.details.violations.map((v: { field: string }) => v.field)).toContain(field);
      expect(await head()).toEqual(before);
    });

    it('given a social worker, or the insatsansvarig of another unit, then registering is refused', async () => {
      await as(app, 'socialsekreterare', 'ss-1', UNIT)
        .post('/api/insatser')
        .send({ ...ENTRY, providingUnit: UNIT })
        .expect(403);
      await as(app, 'insatsansvarig', 'ia-kista', 'kista-1')
        .post('/api/insatser')
        .send({ ...ENTRY, providingUnit: UNIT })
        .expect(403);
    });

    it('given version 1, when revised with If-Match 1, then it is version 2; a second revision against 1 is a 409 with the current version', async () => {
      const insatsId = await register(ENTRY);
      await keeper().put(`/api/insatser/${insatsId}`).send(ENTRY).expect(400);
      const revised = await keeper()
        .put(`/api/insatser/${insatsId}`)
        .set('If-Match', '"1"')
        .send({ ...ENTRY, places: 12 });
      expect(revised.status, JSON.stringify(revised.body)).toBe(200);
      expect(revised.body).toEqual({ insatsId, version: 2, status: 'active' });
      const conflict = await keeper()
        .put(`/api/insatser/${insatsId}`)
        .set('If-Match', '"1"')
        .send(ENTRY)
        .expect(409);
      expect(conflict.body.details).toMatchObject({ currentVersion: 2 });
      const entry = await eventually(async () => {
        const body = (await entryOf(insatsId)).body;
        expect(body.version).toBe(2);
        return body;
      });
      expect(
        entry.versions.map((v: { version: number; entry: { places: number } }) => [
          v.version,
          v.entry.places,
        ]),
      ).toEqual([
        [2, 12],
        [1, 10],
      ]);
    });
  });

  describe('a placement', () => {
    let insatsId: string;
    let first: CaseDriver;
    let pl: string;
    let otherInsats: string;

    beforeAll(async () => {
      insatsId = await register({ ...ENTRY, name: 'Parken', places: 1 });
      otherInsats = await register({ ...ENTRY, name: 'Snickeriet' });
      await eventually(async () => expect((await entryOf(insatsId)).body.version).toBe(1));
      first = await CaseDriver.open(app, 'PL 7104');
      pl = await first.start('insats');
    });

    it('given no beslut om bistånd, then anvisning is a 400 naming decision; without an utredning it warns until acknowledged', async () => {
      const { decision: _none, utredning: _noUtredning, ...rest } = { ...ASSIGNED, insatsId };
      const noDecision = await as(app, 'socialsekreterare', 'ss-anna', UNIT)
        .post(`/api/cases/${first.caseId}/processes/${pl}/events`)
        .send({ event: 'PlacementAssigned', payload: rest });
      expect([noDecision.status, noDecision.body.details.violations[0].field]).toEqual([400, 'decision']);
      const warned = await as(app, 'socialsekreterare', 'ss-anna', UNIT)
        .post(`/api/cases/${first.caseId}/processes/${pl}/events`)
        .send({ event: 'PlacementAssigned', payload: { ...rest, decision: ASSIGNED.decision } });
      expect([warned.status, warned.body.details.failed]).toEqual([
        422,
        [expect.objectContaining({ id: 'no-utredning', warning: true })],
      ]);
      await first.send('socialsekreterare', pl, 'PlacementAssigned', {
        ...rest,
        decision: ASSIGNED.decision,
        acknowledgedWarnings: ['no-utredning'],
      });
    });

    it('given the anvisning, then the place is taken in the catalogue, and the entry cannot be closed while it runs', async () => {
      await eventually(async () =>
        expect((await entryOf(insatsId)).body).toMatchObject({ taken: 1, placesFree: 0 }),
      );
      const refused = await keeper().post(`/api/insatser/${insatsId}/close`).expect(422);
      expect(refused.body.details.failed[0].id).toBe('active-placements');
    });

    it('given the insats is full, then a second client goes onto the waiting list and is not refused', async () => {
      const second = await CaseDriver.open(app, 'KÖ 8802');
      const queued = await second.start('insats');
      await second.send('socialsekreterare', queued, 'PlacementAssigned', { ...ASSIGNED, insatsId });
      expect((await second.view()).processes.find((p) => p.instanceId === queued)?.state).toBe('ko');
      await eventually(async () => expect((await entryOf(insatsId)).body.queued).toBe(1));
      const early = await as(app, 'socialsekreterare', 'ss-anna', UNIT)
        .post(`/api/cases/${second.caseId}/processes/${queued}/events`)
        .send({ event: 'PlaceOffered', payload: { offeredOn: '2026-03-02' } });
      expect([early.status, early.body.details.failed[0].id]).toEqual([422, 'no-free-place']);
    });

    it('given the start and two follow-ups, then each schedules the next: one month after start, then three after each', async () => {
      await first.send('socialsekreterare', pl, 'PlacementStarted', { ...STARTED, startedOn: '2026-03-02' });
      expect((await first.deadline('firstFollowUp')).dueAt).toBe('2026-04-02T08:00:00.000Z');
      clock.set('2026-03-30T10:00:00.000Z');
      await first.send('socialsekreterare', pl, 'FollowUpHeld', FOLLOW_UP);
      expect((await first.deadline('nextFollowUp')).dueAt).toBe('2026-06-30T10:00:00.000Z');
      clock.set('2026-06-22T10:00:00.000Z');
      await first.send('socialsekreterare', pl, 'FollowUpHeld', {
        ...FOLLOW_UP,
        heldOn: '2026-06-22',
        readiness: { deltagit: 'ja', resor: 'ja', missbruk: 'ja', samspel: 'ja', motivation: 'ja' },
      });
      expect((await first.view()).deadlines.map((d) => [d.name, d.dueAt])).toEqual([
        ['nextFollowUp', '2026-09-22T10:00:00.000Z'],
      ]);
      const mine = await eventually(async () => {
        const page = await as(app, 'socialsekreterare', 'ss-anna', UNIT)
          .get('/api/placements?mine=true&phase=pagar')
          .expect(200);
        expect(page.body.items[0]?.followUpsHeld).toBe(2);
        return page.body.items[0];
      });
      expect(mine).toMatchObject({
        caseId: first.caseId,
        reference: 'PL 7104',
        followUpDueAt: '2026-09-22T10:00:00.000Z',
        followUpOverdue: false,
        readyForJobbtorgResurs: true,
        insats: { insatsId, version: 1, price: { amountSek: 4500, period: 'month' } },
      });
    });

    it('given the follow-up is missed, then it is overdue for the social worker, and flagged to the biträdande enhetschef 14 days later', async () => {
      clock.set('2026-09-23T10:00:00.000Z');
      await app.get(DeadlineWorker).runOnce();
      await eventually(async () => {
        const overdue = await as(app, 'socialsekreterare', 'ss-anna', UNIT)
          .get('/api/placements?overdue=true')
          .expect(200);
        expect(
          overdue.body.items.map((p: { caseId: string; followUp: string }) => [p.caseId, p.followUp]),
        ).toEqual([[first.caseId, 'forsenad']]);
      });
      clock.set('2026-10-08T10:00:00.000Z');
      await app.get(DeadlineWorker).runOnce();
      const flagged = await eventually(async () => {
        const page = await as(app, 'bitradande_enhetschef', 'bec-1', UNIT)
          .get('/api/placements?flagged=true')
          .expect(200);
        expect(page.body.items).toHaveLength(1);
        return page.body.items[0];
      });
      expect(flagged).toMatchObject({ caseId: first.caseId, flagged: true, followUpOverdue: true });
    });

    it('given the closure, then the place is freed and the first on the waiting list can be offered it', async () => {
      await first.send('socialsekreterare', pl, 'PlacementClosed', {
        outcome: 'jobbtorg',
        endedOn: '2026-10-08',
        summary: 'Redo för Jobbtorg Resurs',
      });
      await eventually(async () =>
        expect((await entryOf(insatsId)).body).toMatchObject({ taken: 0, queued: 1 }),
      );
      const queued = (
        await as(app, 'socialsekreterare', 'ss-anna', UNIT).get('/api/placements?phase=ko').expect(200)
      ).body.items[0] as { caseId: string; instanceId: string };
      const offer = { event: 'PlaceOffered', payload: { offeredOn: '2026-10-08' } };
      const events = `/api/cases/${queued.caseId}/processes/${queued.instanceId}/events`;
      await as(app, 'rehabansvarig', 'rehab-1', UNIT).post(events).send(offer).expect(403);
      await as(app, 'socialsekreterare', 'ss-anna', UNIT).post(events).send(offer).expect(200);
      await eventually(async () =>
        expect((await entryOf(insatsId)).body).toMatchObject({ taken: 1, queued: 0 }),
      );
    });

    it('given the insatsansvarig, then they see no placement and no case', async () => {
      await as(app, 'insatsansvarig', 'ia-1', UNIT).get('/api/placements').expect(403);
      const theCase = await as(app, 'insatsansvarig', 'ia-1', UNIT).get(`/api/cases/${first.caseId}`);
      expect([403, 404]).toContain(theCase.status);
    });

    it('given a placement, then its plan is sealed in the store, every answer naming it is in the access log, and erasing the case erases it', async () => {
      const sealed = await CaseDriver.open(app, 'SL 6612');
      const p = await sealed.start('insats');
      await sealed.send('socialsekreterare', p, 'PlacementAssigned', { ...ASSIGNED, insatsId: otherInsats });
      clock.set('2026-10-08T10:00:00.000Z');
      await sealed.send('socialsekreterare', p, 'PlacementStarted', { ...STARTED, startedOn: '2026-10-08' });
      const stored = (
        await collect(app.get<EventStore>(EVENT_STORE).readStream(`case-${sealed.caseId}`))
      ).find((e) => e.type === 'PlacementStarted');
      expect(JSON.stringify(stored?.data)).not.toContain(STARTED.plan.clientView);
      expect((stored?.data as { payload: { plan: unknown } }).payload.plan).toMatch(/^enc:v1:/);

      const listed = await eventually(async () => {
        const page = await as(app, 'socialsekreterare', 'ss-anna', UNIT)
          .get(`/api/placements?caseId=${sealed.caseId}`)
          .expect(200);
        expect(page.body.items).toHaveLength(1);
        return page.body.items[0];
      });
      expect(listed.reference).toBe('SL 6612');
      const chef = as(app, 'bitradande_enhetschef', 'bec-1', UNIT);
      await eventually(async () => {
        const log = (await chef.get(`/api/access-log/cases/${sealed.caseId}`).expect(200)).body.items;
        expect(log).toContainEqual(expect.objectContaining({ userId: 'ss-anna', view: 'placements' }));
      });

      await chef
        .post(`/api/cases/${sealed.caseId}/erasure`)
        .send({ reason: 'gallringsbeslut', decision: 'SN 2026/0412' })
        .expect(200);
      await eventually(async () => {
        const page = await chef.get(`/api/placements?caseId=${sealed.caseId}`).expect(200);
        expect(page.body.items).toEqual([]);
      });
    });

    it('given a paused entry, then a new anvisning is refused with the reason', async () => {
      await keeper()
        .post(`/api/insatser/${insatsId}/pause`)
        .send({ reason: 'Handledaren är föräldraledig' })
        .expect(200);
      await eventually(async () => expect((await entryOf(insatsId)).body.status).toBe('paused'));
      const third = await CaseDriver.open(app, 'TP 9001');
      const p = await third.start('insats');
      const refused = await as(app, 'socialsekreterare', 'ss-anna', UNIT)
        .post(`/api/cases/${third.caseId}/processes/${p}/events`)
        .send({ event: 'PlacementAssigned', payload: { ...ASSIGNED, insatsId } });
      expect([refused.status, refused.body.details.failed[0].id]).toEqual([422, 'insats-not-active']);
    });
  });
});
