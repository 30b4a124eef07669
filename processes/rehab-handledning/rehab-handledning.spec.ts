import { beforeEach, describe, expect, it } from 'vitest';
import { EngineHarness, PLAN } from '@app/engine/testing/engine-harness';
import { PROCESS_DEFINITIONS } from '../index';
import { rehabHandledningV1 } from './rehab-handledning.machine';

const RH = 'rh-1';

/** A follow-up of a category 1-2 plan with Bilaga 7's stödfrågor. */
const FOLLOW_UP = {
  heldOn: '2026-01-30',
  clientConfidence: 'Tror att det går med stöd',
  clientConfidenceLevel: 'medel',
  workerConfidence: 'Ser framsteg sedan förra mötet',
  nextSteps: 'Kontakt med vårdcentralen om intyget',
};

async function givenAtHandledning(h: EngineHarness): Promise<string> {
  const caseId = await h.openCase();
  await h.run('socialsekreterare', {
    type: 'StartProcess',
    caseId,
    instanceId: RH,
    definitionId: 'rehab-handledning',
  });
  await h.send('socialsekreterare', caseId, RH, 'ImpulsRegistered', {
    grounds: ['sjukskriven-utan-samordnade-insatser'],
  });
  await h.send('socialsekreterare', caseId, RH, 'RehabansvarigContacted');
  await h.send('rehabansvarig', caseId, RH, 'DocumentationReviewed', {
    findings: 'Sjukskriven sedan 2024, inga parallella insatser',
  });
  return caseId;
}

async function givenAtBedomning(h: EngineHarness): Promise<string> {
  const caseId = await givenAtHandledning(h);
  await h.send('rehabansvarig', caseId, RH, 'SupervisionHeld', {
    heldOn: '2026-01-30',
    progressionsplanNeeded: true,
  });
  return caseId;
}

describe('rehab-handledning', () => {
  let h: EngineHarness;
  beforeEach(() => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
  });

  it('given an impuls without grounds from the list, then the payload is refused naming grounds', async () => {
    const caseId = await h.openCase();
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: RH,
      definitionId: 'rehab-handledning',
    });
    const error = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, RH, 'ImpulsRegistered', { grounds: ['for-att-jag-vill'] }),
    );
    expect(error).toMatchObject({
      code: 'PAYLOAD.INVALID',
      violations: [{ field: 'grounds', rule: 'isIn' }],
    });
  });

  it('given a plan item without "vem", then the nested field is named', async () => {
    const caseId = await givenAtBedomning(h);
    await h.send('rehabansvarig', caseId, RH, 'CategoryDecided', {
      category: 4,
      motivation: 'Otydligt intyg',
    });
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, RH, 'ProgressionsplanShared', {
        items: [{ ...PLAN.items[0], vem: '' }],
      }),
    );
    expect(error).toMatchObject({ violations: [{ field: 'items.0.vem', rule: 'isNotEmpty' }] });
  });

  describe('given bedömning decides category 4 and the plan is shared', () => {
    let caseId: string;
    let types: readonly string[];
    beforeEach(async () => {
      caseId = await givenAtBedomning(h);
      await h.send('rehabansvarig', caseId, RH, 'CategoryDecided', {
        category: 4,
        motivation: 'Otydligt intyg',
      });
      types = (await h.send('rehabansvarig', caseId, RH, 'ProgressionsplanShared', PLAN)).events;
    });

    it('then one append records the plan, ends this process and starts förtroendeläkare, which owns the follow-up to come', async () => {
      expect(types).toEqual([
        'ProgressionsplanShared',
        'ProgressionsplanRecorded',
        'ProcessStarted',
        'ProcessCompleted',
      ]);
      const state = await h.engine.load(caseId);
      expect(state.hasProgressionsplan).toBe(true);
      expect(state.progressionsplan?.followUpOwner).toBe('rehabansvarig');
      // Counted while the rows were plain, so an anvisning from a row can be checked once they are sealed.
      expect(state.progressionsplan?.rows).toBe(PLAN.items.length);
      // Follow-up belongs to the process that continues the plan, from its own step on.
      expect(state.followUps.size).toBe(0);
      const started = [...state.instances.values()].find((i) => i.definitionId === 'fortroendelakare');
      expect(started?.snapshot.value).toBe('impuls');
      expect(state.instances.get(RH)?.snapshot.value).toBe('overlamnad');
    });

    it('then the started förtroendeläkare instance takes its first step', async () => {
      const state = await h.engine.load(caseId);
      const fl = [...state.instances.values()].find((i) => i.definitionId === 'fortroendelakare');
      const result = await h.send('socialsekreterare', caseId, fl?.instanceId ?? '', 'ImpulsRegistered', {
        reason: 'Enligt plan',
        sickListingCareUnit: 'Danderyds vårdcentral',
      });
      expect(result.events).toEqual(['ImpulsRegistered']);
    });
  });

  describe('given bedömning decides category 2', () => {
    let caseId: string;
    beforeEach(async () => {
      caseId = await givenAtBedomning(h);
      await h.send('rehabansvarig', caseId, RH, 'CategoryDecided', {
        category: 2,
        motivation: 'Enklare insatser',
      });
      await h.send('rehabansvarig', caseId, RH, 'ProgressionsplanShared', PLAN);
    });

    it('then the social worker executes, the biträdande enhetschef follows up, and a 2-month deadline runs', async () => {
      const state = await h.engine.load(caseId);
      expect(state.followUps.get(RH)?.role).toBe('bitradande_enhetschef');
      expect(state.instances.size).toBe(1);
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        // 10:00 Swedish time on both days; summer time has begun in between.
        ['executionDeadline', '2026-03-31T08:00:00.000Z'],
      ]);
    });

    it('when the deadline passes, then the plan is flagged overdue for the biträdande enhetschef', async () => {
      const [deadline] = await h.openDeadlines(caseId);
      h.now = deadline.dueAt;
      await h.run('system', { type: 'FireDeadline', caseId, deadlineId: deadline.deadlineId });
      expect(await h.stateOf(caseId, RH)).toEqual({ genomforande: 'overdue' });
    });

    it('when the plan is executed in time, then the deadline is cancelled and the biträdande enhetschef follows it up', async () => {
      const result = await h.send('socialsekreterare', caseId, RH, 'PlanExecuted', { summary: 'Klart' });
      expect(result.events).toEqual(['PlanExecuted', 'DeadlineCancelled']);
      expect(await h.stateOf(caseId, RH)).toBe('uppfoljning');
      expect((await h.engine.load(caseId)).followUps.get(RH)?.role).toBe('bitradande_enhetschef');
    });

    it('when the biträdande enhetschef follows up while the plan is carried out, then the stödfrågor are recorded and the deadline runs on', async () => {
      const before = await h.openDeadlines(caseId);
      const result = await h.send('bitradande_enhetschef', caseId, RH, 'PlanFollowUpRecorded', FOLLOW_UP);
      expect(result.events).toEqual(['PlanFollowUpRecorded']);
      expect(await h.stateOf(caseId, RH)).toEqual({ genomforande: 'inTime' });
      expect(await h.openDeadlines(caseId)).toEqual(before);
    });

    it('when someone but the biträdande enhetschef records the follow-up, then it is the wrong role', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('rehabansvarig', caseId, RH, 'PlanFollowUpRecorded', FOLLOW_UP),
      );
      expect(error).toMatchObject({ code: 'STEP.WRONG_ROLE' });
    });

    it('when a tilltro level is not låg, medel or hög, then the payload is refused naming it', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('bitradande_enhetschef', caseId, RH, 'PlanFollowUpRecorded', {
          ...FOLLOW_UP,
          clientConfidenceLevel: 'ganska',
        }),
      );
      expect(error).toMatchObject({
        code: 'PAYLOAD.INVALID',
        violations: [expect.objectContaining({ field: 'clientConfidenceLevel' })],
      });
    });

    it('when the plan is executed, then the follow-up closes only after a follow-up with the stödfrågor, and the process ends', async () => {
      await h.send('socialsekreterare', caseId, RH, 'PlanExecuted', { summary: 'Klart' });
      const early = await h.rejects(caseId, () =>
        h.send('bitradande_enhetschef', caseId, RH, 'PlanFollowUpClosed', { outcome: 'Klart' }),
      );
      expect(early).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'followed-up' }] });
      await h.send('bitradande_enhetschef', caseId, RH, 'PlanFollowUpRecorded', FOLLOW_UP);
      const closed = await h.send('bitradande_enhetschef', caseId, RH, 'PlanFollowUpClosed', {
        outcome: 'Enklare insatser genomförda',
      });
      expect(closed.events).toEqual(['PlanFollowUpClosed', 'ProcessCompleted']);
      expect(await h.stateOf(caseId, RH)).toBe('avslutad');
      expect((await h.engine.load(caseId)).followUps.has(RH)).toBe(false);
    });
  });

  describe('given handledning concludes that no progressionsplan is drawn up', () => {
    let caseId: string;
    beforeEach(async () => {
      caseId = await givenAtHandledning(h);
    });

    it('when the agreed planning or the reason is missing, then it is refused naming each, and nothing is appended', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('rehabansvarig', caseId, RH, 'SupervisionHeld', {
          heldOn: '2026-01-30',
          progressionsplanNeeded: false,
        }),
      );
      expect(error).toMatchObject({
        code: 'RULE.FAILED',
        failed: [
          { id: 'no-plan-agreedPlanning', field: 'agreedPlanning' },
          { id: 'no-plan-noPlanReason', field: 'noPlanReason' },
        ],
      });
    });

    it('when the planning agreed and the reason are given, then the instance ends with no category, no follow-up owner and no deadline', async () => {
      const result = await h.send('rehabansvarig', caseId, RH, 'SupervisionHeld', {
        heldOn: '2026-01-30',
        progressionsplanNeeded: false,
        agreedPlanning: 'Socialsekreteraren kontaktar vårdcentralen',
        noPlanReason: 'Klienten har redan parallella insatser',
      });
      expect(result.events).toEqual(['SupervisionHeld', 'ProcessCompleted']);
      const state = await h.engine.load(caseId);
      expect(await h.stateOf(caseId, RH)).toBe('ingenPlan');
      expect(state.hasProgressionsplan).toBe(false);
      expect(state.followUps.size).toBe(0);
      expect(await h.openDeadlines(caseId)).toEqual([]);
    });
  });

  describe('version 1, which the instances started before version 2 keep', () => {
    it('given a category 2 plan executed in time, then the process ends there', async () => {
      const v1 = new EngineHarness([
        rehabHandledningV1,
        ...PROCESS_DEFINITIONS.filter((d) => d.id !== 'rehab-handledning'),
      ]);
      const caseId = await givenAtBedomning(v1);
      await v1.send('rehabansvarig', caseId, RH, 'CategoryDecided', { category: 2, motivation: 'Enklare' });
      await v1.send('rehabansvarig', caseId, RH, 'ProgressionsplanShared', PLAN);
      const result = await v1.send('socialsekreterare', caseId, RH, 'PlanExecuted', { summary: 'Klart' });
      expect(result.events).toEqual(['PlanExecuted', 'DeadlineCancelled', 'ProcessCompleted']);
      expect(await v1.stateOf(caseId, RH)).toBe('genomford');
    });
  });

  it('given a category-1 plan is done, then the social worker can refer the case to Rehabansvarig again', async () => {
    const caseId = await givenAtBedomning(h);
    await h.send('rehabansvarig', caseId, RH, 'CategoryDecided', {
      category: 1,
      motivation: 'Samtycke till vårdkontakt saknas',
    });
    await h.send('rehabansvarig', caseId, RH, 'ProgressionsplanShared', PLAN);
    await h.send('socialsekreterare', caseId, RH, 'PlanExecuted', {
      summary: 'Samtycke till kontakt med vården inhämtat',
    });
    await h.send('bitradande_enhetschef', caseId, RH, 'PlanFollowUpRecorded', FOLLOW_UP);
    await h.send('bitradande_enhetschef', caseId, RH, 'PlanFollowUpClosed', {
      outcome: 'Kartläggningen klar',
    });
    expect(await h.stateOf(caseId, RH)).toBe('avslutad');
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: 'rh-2',
      definitionId: 'rehab-handledning',
    });
    const again = await h.send('socialsekreterare', caseId, 'rh-2', 'ImpulsRegistered', {
      grounds: ['kategori-1-plan-klar'],
    });
    expect(again.events).toEqual(['ImpulsRegistered']);
  });

  it.each([
    [3, 'samverkan-varden'],
    [4, 'fortroendelakare'],
    [5, 'afu'],
  ])(
    'given category %i, then sharing the plan starts %s in the same case',
    async (category, definitionId) => {
      const caseId = await givenAtBedomning(h);
      await h.send('rehabansvarig', caseId, RH, 'CategoryDecided', {
        category,
        motivation: 'Enligt bedömning',
      });
      await h.send('rehabansvarig', caseId, RH, 'ProgressionsplanShared', PLAN);
      const started = [...(await h.engine.load(caseId)).instances.values()].filter(
        (i) => i.instanceId !== RH,
      );
      expect(started.map((i) => [i.definitionId, i.snapshot.value])).toEqual([[definitionId, 'impuls']]);
    },
  );

  it.each([
    [0, 'isIn'],
    [6, 'isIn'],
    [2.5, 'isIn'],
  ])('given category %s, then it is refused by the %s rule', async (category, rule) => {
    const caseId = await givenAtBedomning(h);
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, RH, 'CategoryDecided', { category, motivation: 'x' }),
    );
    expect(error).toMatchObject({ violations: [{ field: 'category', rule }] });
  });
});
