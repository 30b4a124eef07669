import { beforeEach, describe, expect, it } from 'vitest';
import {
  BusinessRuleError,
  InMemoryKeyStore,
  InvalidPayloadError,
  nextSteps,
  PersonalValue,
  unseal,
  StepNotAllowedError,
  WrongRoleError,
  type CatalogueFacts,
  type InsatsSnapshot,
} from '@app/engine';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { PROCESS_DEFINITIONS } from '../index';
import { ASSIGNED, FOLLOW_UP, STARTED } from './testing/payloads';

const PL = 'pl-1';

/** The catalogue as the engine sees it: one entry per id, its free places and queue set by each test. */
function catalogue(entries: Record<string, Partial<CatalogueFacts>>) {
  return async (insatsId: string): Promise<CatalogueFacts | undefined> =>
    entries[insatsId] && {
      insatsId,
      version: 2,
      name: 'Parkarbete Järva',
      providingUnit: 'järva-1',
      status: 'active',
      kind: 'utomhusarbete',
      trappsteg: 'arbetsinriktad_rehabilitering',
      bipType: 'jobbfokuserande',
      places: 10,
      placesFree: 3,
      queuedAhead: 0,
      price: { amountSek: 4500, period: 'month' },
      openToAsker: true,
      ...entries[insatsId],
    };
}

describe('insats: a placement on a labour-market measure', () => {
  let h: EngineHarness;
  let entries: Record<string, Partial<CatalogueFacts>>;
  let caseId: string;
  let keys: InMemoryKeyStore;

  beforeEach(async () => {
    entries = { 'park-1': {} };
    keys = new InMemoryKeyStore();
    h = new EngineHarness(PROCESS_DEFINITIONS, { catalogue: catalogue(entries), keys });
    h.now = '2026-03-02T09:00:00.000Z';
    caseId = await h.openCase();
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: PL,
      definitionId: 'insats',
    });
  });

  const assign = (payload: Record<string, unknown> = ASSIGNED) =>
    h.send('socialsekreterare', caseId, PL, 'PlacementAssigned', payload);

  /** A second placement in the case, assigned and waiting for its start. */
  async function secondPlacementAssigned(): Promise<string> {
    const other = 'pl-2';
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: other,
      definitionId: 'insats',
    });
    await h.send('socialsekreterare', caseId, other, 'PlacementAssigned', ASSIGNED);
    return other;
  }

  describe('anvisning', () => {
    it('given an insats with a free place, when assigned with a beslut and an utredning, then the placement keeps the version and price and waits for its start', async () => {
      await assign();
      expect(await h.stateOf(caseId, PL)).toBe('forberedelse');
      const [, , assigned] = await h.events(caseId);
      expect((assigned.data as { payload: { insats: unknown } }).payload.insats).toEqual({
        insatsId: 'park-1',
        version: 2,
        name: 'Parkarbete Järva',
        providingUnit: 'järva-1',
        kind: 'utomhusarbete',
        trappsteg: 'arbetsinriktad_rehabilitering',
        bipType: 'jobbfokuserande',
        price: { amountSek: 4500, period: 'month' },
        placesFree: 3,
        placingUnit: 'järva-1',
      });
    });

    it('given no beslut om bistånd, then it is refused naming the field and nothing is appended', async () => {
      const { decision: _none, ...withoutDecision } = ASSIGNED;
      const error = (await h.rejects(caseId, () => assign(withoutDecision))) as InvalidPayloadError;
      expect(error).toBeInstanceOf(InvalidPayloadError);
      expect(error.violations.map((v) => v.field)).toContain('decision');
    });

    it('given no utredning, then it warns and refuses until the warning is acknowledged, and then keeps the acknowledgement', async () => {
      const { utredning: _none, ...withoutUtredning } = ASSIGNED;
      const error = (await h.rejects(caseId, () => assign(withoutUtredning))) as BusinessRuleError;
      expect(error.failed).toEqual([
        expect.objectContaining({ id: 'no-utredning', warning: true, field: 'utredning' }),
      ]);
      await assign({ ...withoutUtredning, acknowledgedWarnings: ['no-utredning'] });
      expect(await h.stateOf(caseId, PL)).toBe('forberedelse');
    });

    it('given the client is in a state programme, then it warns before assigning', async () => {
      const error = (await h.rejects(caseId, () =>
        assign({ ...ASSIGNED, stateProgramme: 'jobb_och_utvecklingsgarantin' }),
      )) as BusinessRuleError;
      expect(error.failed.map((f) => [f.id, f.warning])).toEqual([['state-programme', true]]);
    });

    it('given a paused insats, an unknown one, or one of another unit not open to this one, then it is refused with the reason', async () => {
      entries['paused-1'] = { status: 'paused', name: 'Snickeriet' };
      entries['other-1'] = { providingUnit: 'kista-1', name: 'Cykelverkstan', openToAsker: false };
      for (const [insatsId, rule] of [
        ['paused-1', 'insats-not-active'],
        ['missing-1', 'unknown-insats'],
        ['other-1', 'insats-not-open-to-unit'],
      ]) {
        const error = (await h.rejects(caseId, () => assign({ ...ASSIGNED, insatsId }))) as BusinessRuleError;
        expect(error.failed).toEqual([expect.objectContaining({ id: rule, field: 'insatsId' })]);
      }
    });

    it('given a full insats, when assigned, then the placement goes onto the waiting list and is not refused', async () => {
      entries['park-1'] = { placesFree: 0 };
      await assign();
      expect(await h.stateOf(caseId, PL)).toBe('ko');
    });

    it('given free places all wanted by those already waiting, when a new one is assigned, then it queues behind them', async () => {
      entries['park-1'] = { placesFree: 1, queuedAhead: 1 };
      await assign();
      expect(await h.stateOf(caseId, PL)).toBe('ko');
    });

    it('given an anvisning from a progressionsplan row, then the row must be one the case has; one from the CM plan needs a running CM', async () => {
      const failedOn = async (payload: Record<string, unknown>) =>
        (
          (await h.rejects(caseId, () => assign({ ...ASSIGNED, ...payload }))) as BusinessRuleError
        ).failed.map((f) => [f.id, f.field]);
      expect(await failedOn({ origin: 'progressionsplan', planRow: 1 })).toEqual([
        ['plan-row-exists', 'planRow'],
      ]);
      expect(await failedOn({ origin: 'progressionsplan' })).toEqual([['plan-row-named', 'planRow']]);
      expect(await failedOn({ planRow: 1 })).toEqual([['row-without-plan-origin', 'planRow']]);
      expect(await failedOn({ origin: 'cm_plan' })).toEqual([['no-case-manager', 'origin']]);
      // Only a placement an admission started may say it came from a referral.
      expect(await failedOn({ origin: 'aktualisering' })).toEqual([['no-admission', 'origin']]);
      await h.recordPlan(caseId);
      expect(await failedOn({ origin: 'progressionsplan', planRow: 2 })).toEqual([
        ['plan-row-exists', 'planRow'],
      ]);
      await assign({ ...ASSIGNED, origin: 'progressionsplan', planRow: 1 });
      expect(await h.stateOf(caseId, PL)).toBe('forberedelse');
    });

    it('given nothing fits, when the unmet need is recorded, then the placement ends there', async () => {
      await h.send('socialsekreterare', caseId, PL, 'UnmetNeedRecorded', {
        category: 'kommunikativ_svenska',
        need: 'Behöver språkträning i arbete',
        recordedOn: '2026-03-02',
      });
      expect(await h.stateOf(caseId, PL)).toBe('behovUtanInsats');
    });
  });

  describe('the waiting list', () => {
    beforeEach(async () => {
      entries['park-1'] = { placesFree: 0 };
      await assign();
    });

    it('given no free place for it yet, when offered, then it is refused', async () => {
      entries['park-1'] = { placesFree: 1, queuedAhead: 1 };
      const error = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, PL, 'PlaceOffered', { offeredOn: '2026-03-02' }),
      )) as BusinessRuleError;
      expect(error.failed.map((f) => f.id)).toEqual(['no-free-place']);
    });

    it('given a place frees and it is first in line, when offered, then it goes on to its start', async () => {
      entries['park-1'] = { placesFree: 1, queuedAhead: 0 };
      await h.send('socialsekreterare', caseId, PL, 'PlaceOffered', { offeredOn: '2026-03-02' });
      expect(await h.stateOf(caseId, PL)).toBe('forberedelse');
    });
  });

  describe('start and recurring follow-up', () => {
    beforeEach(async () => {
      await assign();
      await h.send('socialsekreterare', caseId, PL, 'PlacementStarted', STARTED);
    });

    it('given no client view in the arbetsplan, then the start is refused naming the field', async () => {
      const other = await secondPlacementAssigned();
      const { clientView: _none, ...plan } = STARTED.plan;
      const error = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, other, 'PlacementStarted', { ...STARTED, plan }),
      )) as InvalidPayloadError;
      expect(error.violations.map((v) => v.field)).toContain('plan.clientView');
    });

    it('given a start on 31 January, then the first follow-up is due on the last day of February, a calendar month', async () => {
      const other = await secondPlacementAssigned();
      await h.send('socialsekreterare', caseId, other, 'PlacementStarted', {
        ...STARTED,
        startedOn: '2026-01-31',
      });
      const first = (await h.openDeadlines(caseId)).find((d) => d.instanceId === other);
      expect([first?.name, first?.dueAt]).toEqual(['firstFollowUp', '2026-02-28T09:00:00.000Z']);
    });

    it('given the start, then the first follow-up is due one month after the first day', async () => {
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        ['firstFollowUp', '2026-04-02T08:00:00.000Z'],
      ]);
    });

    it('given a follow-up held, then the first deadline is cancelled and the next is three months after the day it was held', async () => {
      h.now = '2026-03-30T10:00:00.000Z';
      const result = await h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', FOLLOW_UP);
      expect(result.events).toEqual(['FollowUpHeld', 'DeadlineCancelled', 'DeadlineScheduled']);
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        ['nextFollowUp', '2026-06-30T10:00:00.000Z'],
      ]);
      expect(await h.stateOf(caseId, PL)).toEqual({ pagar: 'nastaUppfoljning' });
    });

    it('given two follow-ups, then each schedules the next from its own day and only one deadline is ever open', async () => {
      h.now = '2026-03-30T10:00:00.000Z';
      await h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', FOLLOW_UP);
      h.now = '2026-06-15T10:00:00.000Z';
      await h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', { ...FOLLOW_UP, heldOn: '2026-06-15' });
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        ['nextFollowUp', '2026-09-15T10:00:00.000Z'],
      ]);
    });

    it('given a next date agreed at the follow-up, then that day is the deadline rather than the interval', async () => {
      h.now = '2026-03-30T10:00:00.000Z';
      await h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', {
        ...FOLLOW_UP,
        nextFollowUpOn: '2026-04-27',
      });
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        ['agreedFollowUp', '2026-04-28T10:00:00.000Z'],
      ]);
    });

    it('given a unit that follows up monthly, then the next follow-up is a month after the last', async () => {
      const monthly = new EngineHarness(PROCESS_DEFINITIONS, {
        catalogue: catalogue(entries),
        deadlineOverrides: { 'järva-1': { insats: { nextFollowUp: 'P1M' } } },
      });
      monthly.now = h.now;
      const id = await monthly.openCase();
      await monthly.run('socialsekreterare', {
        type: 'StartProcess',
        caseId: id,
        instanceId: PL,
        definitionId: 'insats',
      });
      await monthly.send('socialsekreterare', id, PL, 'PlacementAssigned', ASSIGNED);
      await monthly.send('socialsekreterare', id, PL, 'PlacementStarted', STARTED);
      monthly.now = '2026-03-30T10:00:00.000Z';
      await monthly.send('socialsekreterare', id, PL, 'FollowUpHeld', FOLLOW_UP);
      expect((await monthly.openDeadlines(id)).map((d) => [d.name, d.dueAt])).toEqual([
        ['nextFollowUp', '2026-04-30T10:00:00.000Z'],
      ]);
    });

    it('given the follow-up is missed, then it is an overdue task, and 14 days later it is flagged to the biträdande enhetschef; a follow-up then hands it back', async () => {
      const [first] = await h.openDeadlines(caseId);
      h.now = first.dueAt;
      await h.run('system', { type: 'FireDeadline', caseId, deadlineId: first.deadlineId });
      expect(await h.stateOf(caseId, PL)).toEqual({ pagar: 'forsenad' });
      const [flag] = await h.openDeadlines(caseId);
      expect([flag.name, flag.dueAt]).toEqual(['followUpFlag', '2026-04-16T08:00:00.000Z']);
      h.now = flag.dueAt;
      const flagged = await h.run('system', { type: 'FireDeadline', caseId, deadlineId: flag.deadlineId });
      expect(flagged.events).toContain('FollowUpOwnerChanged');
      expect((await h.engine.load(caseId)).followUps.get(PL)).toMatchObject({
        role: 'bitradande_enhetschef',
        escalated: true,
      });
      await h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', { ...FOLLOW_UP, heldOn: '2026-04-16' });
      expect((await h.engine.load(caseId)).followUps.get(PL)).toMatchObject({
        role: 'socialsekreterare',
        escalated: false,
      });
      expect(await h.stateOf(caseId, PL)).toEqual({ pagar: 'nastaUppfoljning' });
    });

    it('given the same deadline fired twice, then the second is refused and nothing is appended', async () => {
      const [first] = await h.openDeadlines(caseId);
      h.now = first.dueAt;
      await h.run('system', { type: 'FireDeadline', caseId, deadlineId: first.deadlineId });
      await h.rejects(caseId, () =>
        h.run('system', { type: 'FireDeadline', caseId, deadlineId: first.deadlineId }),
      );
    });

    it('given a revised plan with no description of the change, then the follow-up is refused', async () => {
      h.now = '2026-03-30T10:00:00.000Z';
      const error = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', { ...FOLLOW_UP, planRevised: true }),
      )) as BusinessRuleError;
      expect(error.failed.map((f) => f.id)).toEqual(['plan-changes-described']);
    });

    it('given a follow-up without the client view, then it is refused naming the field', async () => {
      h.now = '2026-03-30T10:00:00.000Z';
      const { clientView: _none, ...followUp } = FOLLOW_UP;
      const error = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', followUp),
      )) as InvalidPayloadError;
      expect(error.violations.map((v) => v.field)).toContain('clientView');
    });

    it('given a new arbetsledare with the reason and hand-over, then it is recorded and the follow-up deadline stays', async () => {
      const before = (await h.openDeadlines(caseId)).map((d) => d.deadlineId);
      const change = {
        reason: 'omfordelning',
        clientInformed: true,
        handover: 'Trivs med parkarbetet, behöver tydliga instruktioner',
        arbetsledareId: 'arbetsledare-2',
      };
      const result = await h.send('socialsekreterare', caseId, PL, 'ArbetsledareChanged', change);
      expect(result.events).toEqual(['ArbetsledareChanged']);
      expect((await h.openDeadlines(caseId)).map((d) => d.deadlineId)).toEqual(before);
      const again = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, PL, 'ArbetsledareChanged', change),
      )) as BusinessRuleError;
      expect(again.failed.map((f) => f.id)).toEqual(['same-arbetsledare']);
    });

    it('given the reason "annat" without a note, then a change of arbetskonsulent is refused', async () => {
      const error = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, PL, 'ArbetskonsulentChanged', {
          reason: 'annat',
          clientInformed: true,
          handover: 'Fortsätter med samma plan',
          arbetskonsulentId: 'arbetskonsulent-2',
        }),
      )) as BusinessRuleError;
      expect(error.failed.map((f) => f.id)).toEqual(['reason-note-for-annat']);
    });

    it('given a closure, then the open follow-up deadline is cancelled and the placement ends with its outcome', async () => {
      const result = await h.send('socialsekreterare', caseId, PL, 'PlacementClosed', {
        outcome: 'studier',
        endedOn: '2026-03-02',
        summary: 'Börjar på komvux',
      });
      expect(result.events).toEqual(['PlacementClosed', 'DeadlineCancelled', 'ProcessCompleted']);
      expect(await h.openDeadlines(caseId)).toEqual([]);
    });
  });

  describe("another unit's insats", () => {
    const ACCEPTED = { insatsId: 'kista-cykel', acceptedOn: '2026-03-02' };
    const DECLINED = { reason: 'utanfor_malgrupp', declinedOn: '2026-03-02' };
    const ATTENDANCE = { from: '2026-03-02', to: '2026-03-02', plannedHours: 4, attendedHours: 3 };
    const placedOn = async () =>
      (await h.engine.load(caseId)).instances.get(PL)?.snapshot.context.insats as InsatsSnapshot | undefined;

    beforeEach(async () => {
      entries['kista-cykel'] = {
        providingUnit: 'kista-1',
        name: 'Cykelverkstan',
        price: { amountSek: 6200, period: 'month' },
      };
      await assign({ ...ASSIGNED, insatsId: 'kista-cykel' });
    });

    it('given a placement on it, then it waits for the providing unit, with the price the placing unit pays', async () => {
      expect(await h.stateOf(caseId, PL)).toBe('godkannande');
      expect(await placedOn()).toEqual(
        expect.objectContaining({
          providingUnit: 'kista-1',
          placingUnit: 'järva-1',
          price: { amountSek: 6200, period: 'month' },
        }),
      );
    });

    it("given the social worker, then they cannot accept on the providing unit's behalf", async () => {
      const error = await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, PL, 'PlacementAccepted', ACCEPTED),
      );
      expect(error).toBeInstanceOf(WrongRoleError);
    });

    it('given the insatsansvarig accepts, then it goes on to its start, on the price at acceptance', async () => {
      entries['kista-cykel'] = { ...entries['kista-cykel'], price: { amountSek: 6500, period: 'month' } };
      await h.send('insatsansvarig', caseId, PL, 'PlacementAccepted', ACCEPTED);
      expect(await h.stateOf(caseId, PL)).toBe('forberedelse');
      expect((await placedOn())?.price.amountSek).toBe(6500);
    });

    it('given the insats is full when accepted, then the placement goes onto its waiting list', async () => {
      entries['kista-cykel'] = { ...entries['kista-cykel'], placesFree: 0 };
      await h.send('insatsansvarig', caseId, PL, 'PlacementAccepted', ACCEPTED);
      expect(await h.stateOf(caseId, PL)).toBe('ko');
    });

    it('given an acceptance naming another insats, then it is refused', async () => {
      const error = (await h.rejects(caseId, () =>
        h.send('insatsansvarig', caseId, PL, 'PlacementAccepted', { ...ACCEPTED, insatsId: 'park-1' }),
      )) as BusinessRuleError;
      expect(error.failed.map((f) => [f.id, f.field])).toEqual([['same-insats', 'insatsId']]);
    });

    it('given a decline, then the social worker assigns again, and "annat" needs a comment', async () => {
      const error = (await h.rejects(caseId, () =>
        h.send('insatsansvarig', caseId, PL, 'PlacementDeclined', { ...DECLINED, reason: 'annat' }),
      )) as BusinessRuleError;
      expect(error.failed.map((f) => f.id)).toEqual(['comment-for-annat']);
      await h.send('insatsansvarig', caseId, PL, 'PlacementDeclined', DECLINED);
      expect(await h.stateOf(caseId, PL)).toBe('anvisning');
      expect(await placedOn()).toBeUndefined();
      await assign();
      expect(await h.stateOf(caseId, PL)).toBe('forberedelse');
    });

    it('given the placement runs, then the arbetsledare records attendance and observations, and nothing moves the follow-up', async () => {
      await h.send('insatsansvarig', caseId, PL, 'PlacementAccepted', ACCEPTED);
      const early = await h.rejects(caseId, () =>
        h.send('arbetsledare', caseId, PL, 'AttendanceRecorded', ATTENDANCE),
      );
      expect(early).toBeInstanceOf(StepNotAllowedError);
      await h.send('socialsekreterare', caseId, PL, 'PlacementStarted', STARTED);
      h.now = '2026-03-10T09:00:00.000Z';
      const before = await h.openDeadlines(caseId);
      const backwards = (await h.rejects(caseId, () =>
        h.send('arbetsledare', caseId, PL, 'AttendanceRecorded', {
          ...ATTENDANCE,
          from: '2026-03-05',
          to: '2026-03-04',
        }),
      )) as BusinessRuleError;
      expect(backwards.failed.map((f) => f.id)).toEqual(['period-in-order']);
      await h.send('arbetsledare', caseId, PL, 'AttendanceRecorded', ATTENDANCE);
      await h.send('arbetsledare', caseId, PL, 'ObservationRecorded', {
        observedOn: '2026-03-02',
        text: 'Kom i tid och arbetade självständigt',
      });
      expect(await h.stateOf(caseId, PL)).toEqual({ pagar: 'forstaUppfoljning' });
      expect(await h.openDeadlines(caseId)).toEqual(before);
    });
  });
  describe('closure to another insats, and what the forms start from', () => {
    /** The starting values of a step's form for the social worker, with sealed parts opened as the disclosure step would. */
    async function suggested(instanceId: string, event: string): Promise<unknown> {
      const state = await h.engine.load(caseId);
      const step = nextSteps(h.registry, state, ['socialsekreterare']).find(
        (s) => s.instanceId === instanceId && s.event === event,
      );
      if (!step) throw new Error(`${event} is not a next step of ${instanceId}`);
      const key = await keys.findKey(caseId);
      const open = (value: unknown): unknown => {
        if (value instanceof PersonalValue) {
          const opened = unseal(key, value.stored as string);
          return value.part ? value.part(opened) : opened;
        }
        if (Array.isArray(value)) return value.map(open);
        if (value !== null && typeof value === 'object')
          return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, open(v)]));
        return value;
      };
      return open(step.initial);
    }

    async function running() {
      await assign();
      await h.send('socialsekreterare', caseId, PL, 'PlacementStarted', STARTED);
      h.now = '2026-03-30T09:00:00.000Z';
      await h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', FOLLOW_UP);
    }

    it('given a closure to "annan insats", then the next placement opens at anvisning, naming the one it continues', async () => {
      await running();
      const result = await h.send('socialsekreterare', caseId, PL, 'PlacementClosed', {
        outcome: 'annan_insats',
        endedOn: '2026-03-30',
        summary: 'Redo för nästa steg på trappan',
      });
      expect(result.events).toEqual([
        'PlacementClosed',
        'DeadlineCancelled',
        'ProcessStarted',
        'PlacementContinued',
        'ProcessCompleted',
      ]);
      const state = await h.engine.load(caseId);
      const next = [...state.instances.values()].find((i) => i.instanceId !== PL);
      expect(next?.definitionId).toBe('insats');
      expect(next?.snapshot.value).toBe('anvisning');
      expect(next?.snapshot.context.continuesFrom).toBe(PL);
      expect(await suggested(next!.instanceId, 'PlacementAssigned')).toEqual({
        decision: ASSIGNED.decision,
        utredning: ASSIGNED.utredning,
      });
      await h.send('socialsekreterare', caseId, next!.instanceId, 'PlacementAssigned', ASSIGNED);
      expect(await suggested(next!.instanceId, 'PlacementStarted')).toEqual({
        plan: STARTED.plan,
        scope: STARTED.scope,
      });
    });

    it('given any other outcome, then no placement follows', async () => {
      await running();
      const result = await h.send('socialsekreterare', caseId, PL, 'PlacementClosed', {
        outcome: 'arbete',
        endedOn: '2026-03-30',
        summary: 'Fick anställning',
      });
      expect(result.events).not.toContain('ProcessStarted');
      expect((await h.engine.load(caseId)).instances.size).toBe(1);
    });

    it("given a context holding another case's sealed value, then the suggestion withholds it rather than open it", async () => {
      await assign();
      await h.send('socialsekreterare', caseId, PL, 'PlacementStarted', STARTED);
      const other = await h.openCase();
      await h.run('socialsekreterare', {
        type: 'StartProcess',
        caseId: other,
        instanceId: PL,
        definitionId: 'insats',
      });
      await h.send('socialsekreterare', other, PL, 'PlacementAssigned', ASSIGNED);
      await h.send('socialsekreterare', other, PL, 'PlacementStarted', STARTED);
      const foreign = (await h.engine.load(other)).instances.get(PL)!.snapshot.context.plan;
      const state = await h.engine.load(caseId);
      const instance = state.instances.get(PL)!;
      // As if a process had copied a value sealed for another case into this one's context.
      const tampered = instance.snapshot.machine.resolveState({
        value: instance.snapshot.value,
        context: { ...instance.snapshot.context, plan: foreign },
      });
      const step = nextSteps(
        h.registry,
        { ...state, instances: new Map([[PL, { ...instance, snapshot: tampered }]]) },
        ['socialsekreterare'],
      ).find((s) => s.event === 'FollowUpHeld');
      expect(step?.initial).toEqual({ goals: '[skyddad]' });
    });

    it('given a first placement, then its start form starts empty', async () => {
      await assign();
      expect(await suggested(PL, 'PlacementStarted')).toBeUndefined();
    });

    it("given the arbetsledare's attendance since the last follow-up, then the follow-up form starts from those hours and the plan's goals, and a follow-up held starts the count again", async () => {
      await assign();
      await h.send('socialsekreterare', caseId, PL, 'PlacementStarted', STARTED);
      h.now = '2026-03-20T09:00:00.000Z';
      for (const [from, to] of [
        ['2026-03-02', '2026-03-08'],
        ['2026-03-09', '2026-03-15'],
      ])
        await h.send('arbetsledare', caseId, PL, 'AttendanceRecorded', {
          from,
          to,
          plannedHours: 12,
          attendedHours: 8,
        });
      expect(await suggested(PL, 'FollowUpHeld')).toEqual({
        goals: [
          { goal: STARTED.plan.mal },
          { goal: STARTED.plan.delmal[0] },
          { goal: STARTED.plan.delmal[1] },
        ],
        attendance: { plannedHours: 24, attendedHours: 16 },
      });
      await h.send('socialsekreterare', caseId, PL, 'FollowUpHeld', { ...FOLLOW_UP, heldOn: '2026-03-20' });
      expect(await suggested(PL, 'FollowUpHeld')).not.toHaveProperty('attendance');
    });
  });
});
