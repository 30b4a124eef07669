import { beforeEach, describe, expect, it } from 'vitest';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { PROCESS_DEFINITIONS } from '../index';

const AFU = 'afu-1';
const CONSENT = { oral: true, written: true, scanned: true, clientUnderstandsProcess: true };
const ORDER = {
  sentOn: '2026-01-31',
  orderForm: true,
  powerOfAttorney: true,
  forsakringskassanRequest: false,
  consentForm: true,
};

async function givenApproved(h: EngineHarness): Promise<string> {
  const caseId = await h.openCase();
  await h.recordPlan(caseId, 5);
  await h.run('rehabansvarig', { type: 'StartProcess', caseId, instanceId: AFU, definitionId: 'afu' });
  await h.send('rehabansvarig', caseId, AFU, 'ImpulsRegistered', { reason: 'Utreda sjukersättning' });
  await h.send('rehabansvarig', caseId, AFU, 'AfuApproved', { order: 'samtycke-forst' });
  return caseId;
}

describe('aktivitetsförmågeutredning (AFU)', () => {
  let h: EngineHarness;
  let caseId: string;
  beforeEach(async () => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
    caseId = await givenApproved(h);
  });

  it('given bedömning finds an AFU not relevant, then the process ends with the reason', async () => {
    const fresh = await h.openCase();
    await h.recordPlan(fresh, 5);
    await h.run('rehabansvarig', {
      type: 'StartProcess',
      caseId: fresh,
      instanceId: AFU,
      definitionId: 'afu',
    });
    await h.send('rehabansvarig', fresh, AFU, 'ImpulsRegistered', { reason: 'Utreda sjukersättning' });
    const result = await h.send('rehabansvarig', fresh, AFU, 'AfuRejected', {
      reason: 'Tidigare utredning räcker',
    });
    expect(result.events).toEqual(['AfuRejected', 'ProcessCompleted']);
    expect(await h.stateOf(fresh, AFU)).toBe('notRelevant');
  });

  it('given consent without the scanned copy, then the rule is named and nothing is appended', async () => {
    const error = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, AFU, 'ConsentRecorded', { ...CONSENT, scanned: false }),
    );
    expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'consent-scanned' }] });
  });

  it("given an order sent on 31 January and recorded on 4 February, then the supplier's 2 weeks run from the sending", async () => {
    await h.send('socialsekreterare', caseId, AFU, 'ConsentRecorded', CONSENT);
    h.now = '2026-02-04T09:00:00.000Z';
    await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
    expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
      ['supplierOffersTimes', '2026-02-14T09:00:00.000Z'],
    ]);
  });

  it('given an order missing two documents, then both are named', async () => {
    await h.send('socialsekreterare', caseId, AFU, 'ConsentRecorded', CONSENT);
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, AFU, 'OrderSent', { ...ORDER, orderForm: false, consentForm: false }),
    );
    expect((error as { failed: { id: string }[] }).failed.map((f) => f.id)).toEqual([
      'order-form',
      'consent-form',
    ]);
  });

  describe('given the order is sent on 31 January', () => {
    beforeEach(async () => {
      await h.send('socialsekreterare', caseId, AFU, 'ConsentRecorded', CONSENT);
      await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
    });

    it('when no times are offered in 2 weeks, then the step is flagged overdue', async () => {
      const [deadline] = await h.openDeadlines(caseId);
      expect(deadline.dueAt).toBe('2026-02-14T09:00:00.000Z');
      h.now = deadline.dueAt;
      await h.run('system', { type: 'FireDeadline', caseId, deadlineId: deadline.deadlineId });
      expect(await h.stateOf(caseId, AFU)).toEqual({ tider: 'overdue' });
    });

    it('when times are offered, an interpreter booked and the investigation completed, then the answers are recorded', async () => {
      await h.send('rehabansvarig', caseId, AFU, 'TimesOffered', { firstAppointment: '2026-02-10' });
      h.now = '2026-02-05T09:00:00.000Z';
      await h.send('socialsekreterare', caseId, AFU, 'InterpreterBooked', {
        language: 'tigrinja',
        confirmedToSupplierOn: '2026-02-05',
      });
      await h.send('socialsekreterare', caseId, AFU, 'ClientPrepared', { notes: 'Påmind per telefon' });
      const done = await h.send('rehabansvarig', caseId, AFU, 'InvestigationCompleted', {
        workCapacity: 'delvis',
        workCapacityReason: 'Smärta vid långvarigt stående',
        activityWithAdjustments: 'Stillasittande 4 timmar per dag',
        medicalObstacles: 'Inga hinder för att starta aktivitet',
        neededForReturnToWork: 'Arbetsträning med anpassning',
        sjukersattningRelevant: 'partiell',
        reviewOfRejectionRelevant: false,
      });
      expect(done.events).toEqual(['InvestigationCompleted', 'ProcessCompleted']);
      const stored = (await h.events(caseId)).find((e) => e.type === 'InvestigationCompleted');
      expect(stored?.data.payload).toMatchObject({
        workCapacity: 'delvis',
        sjukersattningRelevant: 'partiell',
      });
    });
  });
});

describe('AFU version 2: consulting the supplier, and the supplier advising against an AFU', () => {
  let h: EngineHarness;
  beforeEach(() => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
  });

  async function givenConsultingFirst(): Promise<string> {
    const caseId = await h.openCase();
    await h.recordPlan(caseId, 5);
    await h.run('rehabansvarig', { type: 'StartProcess', caseId, instanceId: AFU, definitionId: 'afu' });
    await h.send('rehabansvarig', caseId, AFU, 'ImpulsRegistered', { reason: 'Utreda sjukersättning' });
    await h.send('rehabansvarig', caseId, AFU, 'AfuApproved', { order: 'leverantor-forst' });
    return caseId;
  }

  const writtenRecommendations = async (caseId: string) =>
    [...(await h.engine.load(caseId)).instances.values()].find(
      (i) => i.definitionId === 'skriftliga-rekommendationer',
    );

  it('given Rehabansvarig consults the supplier first, then the consent waits until the supplier has judged an AFU relevant', async () => {
    const caseId = await givenConsultingFirst();
    expect(await h.stateOf(caseId, AFU)).toBe('konsultation');
    const early = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, AFU, 'ConsentRecorded', CONSENT),
    );
    expect(early).toMatchObject({ code: 'STEP.NOT_ALLOWED' });
    await h.send('rehabansvarig', caseId, AFU, 'SupplierConsulted', {
      supplierView: 'En AFU kan besvara frågan om arbetsförmåga',
      afuRelevant: true,
    });
    expect(await h.stateOf(caseId, AFU)).toBe('samtycke');
  });

  it('given the supplier judges an AFU not relevant at the consultation, then AFU ends and skriftliga rekommendationer continues at the consent, in one append', async () => {
    const caseId = await givenConsultingFirst();
    const result = await h.send('rehabansvarig', caseId, AFU, 'SupplierConsulted', {
      supplierView: 'Rekommendationer räcker',
      afuRelevant: false,
    });
    expect(result.events).toEqual([
      'SupplierConsulted',
      'ProcessStarted',
      'ContinuedFromAfuConsultation',
      'ProcessCompleted',
    ]);
    expect(await h.stateOf(caseId, AFU)).toBe('tillSkriftligaRekommendationer');
    const next = await writtenRecommendations(caseId);
    expect(next?.snapshot.value).toBe('samtycke');
    const entry = (await h.events(caseId)).find((e) => e.type === 'ContinuedFromAfuConsultation');
    expect(entry?.data).toMatchObject({ payload: { fromInstanceId: AFU, fromDefinitionId: 'afu' } });
  });

  it('given the supplier advises against an AFU after the order, then the deadline for times closes and skriftliga rekommendationer continues at the recommendations, reusing the consent and order', async () => {
    const caseId = await givenApproved(h);
    await h.send('socialsekreterare', caseId, AFU, 'ConsentRecorded', CONSENT);
    await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
    expect((await h.openDeadlines(caseId)).map((d) => d.name)).toEqual(['supplierOffersTimes']);
    const result = await h.send('rehabansvarig', caseId, AFU, 'SupplierAdvisedAgainst', {
      reason: 'Underlaget visar att en AFU inte behövs',
    });
    expect(result.events).toEqual([
      'SupplierAdvisedAgainst',
      'DeadlineCancelled',
      'ProcessStarted',
      'ContinuedFromAfuOrder',
      'ProcessCompleted',
    ]);
    expect(await h.openDeadlines(caseId)).toEqual([]);
    const next = await writtenRecommendations(caseId);
    expect(next?.snapshot.value).toBe('rekommendationer');
    await h.send('rehabansvarig', caseId, next?.instanceId ?? '', 'RecommendationsReceived', {
      receivedOn: '2026-01-31',
      summary: 'Arbetsträning med stöd',
      referralToOtherCare: false,
    });
    expect((await h.engine.load(caseId)).followUps.get(next?.instanceId ?? '')?.role).toBe('rehabansvarig');
  });

  it('given anyone sends the hand-over step by hand, then no role may: only AFU continues a case that way', async () => {
    const caseId = await h.openCase();
    await h.recordPlan(caseId, 5);
    await h.run('rehabansvarig', {
      type: 'StartProcess',
      caseId,
      instanceId: 'sr-1',
      definitionId: 'skriftliga-rekommendationer',
    });
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, 'sr-1', 'ContinuedFromAfuOrder', {
        fromInstanceId: 'afu-x',
        fromDefinitionId: 'afu',
      }),
    );
    expect(error).toMatchObject({ code: 'STEP.WRONG_ROLE' });
  });
});
