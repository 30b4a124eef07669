import { beforeEach, describe, expect, it } from 'vitest';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { PROCESS_DEFINITIONS } from '../index';

const SR = 'sr-1';

describe('skriftliga rekommendationer och remisser', () => {
  let h: EngineHarness;
  let caseId: string;
  beforeEach(async () => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
    caseId = await h.openCase();
    await h.recordPlan(caseId, 5);
    await h.run('rehabansvarig', {
      type: 'StartProcess',
      caseId,
      instanceId: SR,
      definitionId: 'skriftliga-rekommendationer',
    });
    await h.send('socialsekreterare', caseId, SR, 'ImpulsRegistered', { reason: 'Oklar arbetsförmåga' });
    await h.send('rehabansvarig', caseId, SR, 'ContactAssessed', { assessment: 'Leverantören kontaktas' });
  });

  it('given only oral consent, then the consent rule is named', async () => {
    const error = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, SR, 'ConsentRecorded', { oral: true, written: false }),
    );
    expect(error).toMatchObject({ failed: [{ id: 'consent-required' }] });
  });

  it('given the supplier advises against an AFU, then recommendations are ordered, received and followed up', async () => {
    await h.send('socialsekreterare', caseId, SR, 'ConsentRecorded', { oral: true, written: true });
    await h.send('rehabansvarig', caseId, SR, 'RecommendationsOrdered', {
      kind: 'bada',
      supplierAdvice: 'AFU ej relevant',
    });
    h.now = '2026-02-01T09:00:00.000Z';
    await h.send('rehabansvarig', caseId, SR, 'OrderSent', {
      sentOn: '2026-02-01',
      consentForm: true,
      powerOfAttorney: true,
    });
    h.now = '2026-03-02T09:00:00.000Z';
    await h.send('rehabansvarig', caseId, SR, 'RecommendationsReceived', {
      receivedOn: '2026-03-01',
      summary: 'Fysioterapi och arbetsträning',
      referralToOtherCare: true,
    });
    expect((await h.engine.load(caseId)).followUps.get(SR)?.role).toBe('rehabansvarig');
    const done = await h.send('rehabansvarig', caseId, SR, 'FollowUpCompleted', {
      bipPhase: 2,
      outcome: 'Remiss följd upp',
    });
    expect(done.events).toEqual(['FollowUpCompleted', 'ProcessCompleted']);
  });
});
