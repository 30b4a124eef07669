import { beforeEach, describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { EngineHarness, PLAN } from '../testing/engine-harness';

/**
 * Why a step waits, when the need is not the cause (seed 002): recorded on
 * the instance, with the step it waits in; its next step ends it.
 */
describe('a step that waits for a reason other than the need', () => {
  let h: EngineHarness;
  let caseId: string;
  const AFU = 'afu-1';
  const wait = (role: 'socialsekreterare' | 'rehabansvarig' | 'auditor', wait: object, instanceId = AFU) =>
    h.run(role as 'socialsekreterare', { type: 'RecordStepWait', caseId, instanceId, wait: { ...wait } });
  const waitingOf = async () => (await h.engine.load(caseId)).instances.get(AFU)?.waiting;

  beforeEach(async () => {
    h = new EngineHarness(createProcessRegistry().all());
    caseId = await h.openCase();
    const plan = { category: 4, followUpOwner: 'rehabansvarig', items: PLAN.items };
    await h.run('rehabansvarig', { type: 'RecordProgressionsplan', caseId, plan });
    await h.run('rehabansvarig', { type: 'StartProcess', caseId, instanceId: AFU, definitionId: 'afu' });
  });

  it('given the supplier has no times, when Rehabansvarig records that the step waits on them, then the instance waits there, for that reason and since that day', async () => {
    const result = await wait('rehabansvarig', {
      reason: 'vantar-leverantor',
      since: '2026-01-20',
      note: 'Leverantören har kö',
    });
    expect(result.events).toEqual(['StepWaitRecorded']);
    expect(await waitingOf()).toMatchObject({
      reason: 'vantar-leverantor',
      kind: 'annan-part',
      since: '2026-01-20',
      step: 'impuls',
    });
    // The note is personal: the log holds it sealed with the case's key.
    expect(String((await waitingOf())?.note)).not.toContain('Leverantören');
  });

  it('given a benefit ends, then it is recorded as an interruption, not as waiting on someone', async () => {
    await wait('socialsekreterare', { reason: 'avbrott-ersattning', since: '2026-01-25' });
    expect((await waitingOf())?.kind).toBe('avbrott');
  });

  it('when the process takes its next step, then the wait is over', async () => {
    await wait('socialsekreterare', { reason: 'vantar-varden', since: '2026-01-25' });
    await h.send('socialsekreterare', caseId, AFU, 'ImpulsRegistered', { reason: 'Oklar arbetsförmåga' });
    expect(await waitingOf()).toBeUndefined();
  });

  it('given a reason outside the list, a day after today, a role that does casework in no lane, or an instance that has ended, then it is refused naming what, and nothing is appended', async () => {
    const reason = await h.rejects(caseId, () =>
      wait('socialsekreterare', { reason: 'orkar-inte', since: '2026-01-25' }),
    );
    expect(reason).toMatchObject({
      code: 'PAYLOAD.INVALID',
      violations: [expect.objectContaining({ field: 'reason' })],
    });
    const future = await h.rejects(caseId, () =>
      wait('socialsekreterare', { reason: 'vantar-varden', since: '2026-12-24' }),
    );
    expect(future).toMatchObject({
      violations: [expect.objectContaining({ field: 'since', rule: 'notAfterToday' })],
    });
    const auditor = await h.rejects(caseId, () =>
      wait('auditor', { reason: 'vantar-varden', since: '2026-01-25' }),
    );
    expect(auditor).toMatchObject({ code: 'STEP.WRONG_ROLE' });
    await h.run('socialsekreterare', {
      type: 'EndProcess',
      caseId,
      instanceId: AFU,
      ending: { reason: 'client-left-unit' },
    });
    const ended = await h.rejects(caseId, () =>
      wait('socialsekreterare', { reason: 'vantar-varden', since: '2026-01-25' }),
    );
    expect(ended).toMatchObject({ code: 'STEP.NOT_ALLOWED' });
  });
});
