import { beforeEach, describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { EngineHarness, PLAN } from '../testing/engine-harness';

const AFU = 'afu-1';
const DUE = PLAN.items[0]?.nar ?? '';
const ORDER = {
  sentOn: '2026-01-30',
  orderForm: true,
  powerOfAttorney: true,
  forsakringskassanRequest: false,
  consentForm: true,
};

/** Closing, reopening, a corrected reference, a step undone, plan rows ticked (issue 18). */
describe('the case beside its processes', () => {
  let h: EngineHarness;
  let caseId: string;

  beforeEach(async () => {
    h = new EngineHarness(createProcessRegistry().all());
    caseId = await h.openCase();
  });

  const toOrder = async () => {
    await h.recordPlan(caseId, 5);
    await h.run('rehabansvarig', { type: 'StartProcess', caseId, instanceId: AFU, definitionId: 'afu' });
    await h.send('socialsekreterare', caseId, AFU, 'ImpulsRegistered', { reason: 'Oklar arbetsförmåga' });
    await h.send('rehabansvarig', caseId, AFU, 'AfuApproved', { order: 'samtycke-forst' });
    await h.send('socialsekreterare', caseId, AFU, 'ConsentRecorded', {
      oral: true,
      written: true,
      scanned: true,
      clientUnderstandsProcess: true,
    });
  };
  const lastStepRevision = async () =>
    (await h.engine.load(caseId)).instances.get(AFU)?.lastStep?.revision ?? -1;
  const correct = async (
    role: 'rehabansvarig' | 'bitradande_enhetschef' | 'socialsekreterare',
    actorId?: string,
  ) =>
    h.run(
      role,
      {
        type: 'CorrectStep',
        caseId,
        instanceId: AFU,
        stepRevision: await lastStepRevision(),
        correction: { reason: 'Beställningen gick inte iväg' },
      },
      actorId ? { actorId } : {},
    );

  describe('closing', () => {
    it('given nothing runs, when the social worker closes the case, then it is closed, takes no new process, and opens again with a comment', async () => {
      await h.run('socialsekreterare', { type: 'CloseCase', caseId, closing: { reason: 'self-supporting' } });
      expect((await h.engine.load(caseId)).closed).toMatchObject({ reason: 'self-supporting' });
      const start = await h.rejects(caseId, () =>
        h.run('rehabansvarig', { type: 'StartProcess', caseId, instanceId: AFU, definitionId: 'afu' }),
      );
      expect(start).toMatchObject({
        code: 'RULE.FAILED',
        failed: [expect.objectContaining({ id: 'case-closed' })],
      });
      const again = await h.rejects(caseId, () =>
        h.run('socialsekreterare', { type: 'CloseCase', caseId, closing: { reason: 'moved' } }),
      );
      expect(again).toMatchObject({ failed: [expect.objectContaining({ id: 'case-already-closed' })] });
      await h.run('bitradande_enhetschef', {
        type: 'ReopenCase',
        caseId,
        reopening: { note: 'Ansöker igen' },
      });
      expect((await h.engine.load(caseId)).closed).toBeUndefined();
      const events = await h.events(caseId);
      expect(JSON.stringify(events.at(-1)?.data)).not.toContain('Ansöker igen');
    });

    it('a retention rule erases the case only if it is still closed since the time the rule counted from', async () => {
      await h.run('socialsekreterare', { type: 'CloseCase', caseId, closing: { reason: 'moved' } });
      const closedAt = (await h.engine.load(caseId)).closed?.at ?? '';
      h.now = '2026-02-01T09:00:00.000Z';
      await h.run('socialsekreterare', { type: 'ReopenCase', caseId, reopening: { note: 'Tillbaka' } });
      const erase = () =>
        h.run('system', {
          type: 'EraseCase',
          caseId,
          reason: 'retention-expired',
          decision: 'gallringsregel P1Y',
          closedAt,
        });
      const reopened = await h.rejects(caseId, erase);
      expect(reopened).toMatchObject({ failed: [expect.objectContaining({ id: 'not-closed-then' })] });
      h.now = '2026-02-02T09:00:00.000Z';
      await h.run('socialsekreterare', { type: 'CloseCase', caseId, closing: { reason: 'moved' } });
      // Closed again later: the rule counts from the new closing, not the old.
      expect(await h.rejects(caseId, erase)).toMatchObject({
        failed: [expect.objectContaining({ id: 'not-closed-then' })],
      });
    });

    it('given a process runs, a reason outside the list, or Annat skäl without a comment, then closing is refused and nothing is appended', async () => {
      await h.recordPlan(caseId, 5);
      await h.run('rehabansvarig', { type: 'StartProcess', caseId, instanceId: AFU, definitionId: 'afu' });
      const running = await h.rejects(caseId, () =>
        h.run('socialsekreterare', { type: 'CloseCase', caseId, closing: { reason: 'moved' } }),
      );
      expect(running).toMatchObject({ failed: [expect.objectContaining({ id: 'processes-running' })] });
      const unknown = await h.rejects(caseId, () =>
        h.run('socialsekreterare', { type: 'CloseCase', caseId, closing: { reason: 'tired' } }),
      );
      expect(unknown).toMatchObject({ violations: [expect.objectContaining({ field: 'reason' })] });
      const bare = await h.rejects(caseId, () =>
        h.run('socialsekreterare', { type: 'CloseCase', caseId, closing: { reason: 'other' } }),
      );
      expect(bare).toMatchObject({
        violations: [expect.objectContaining({ field: 'note', rule: 'requiredForOther' })],
      });
      const rehab = await h.rejects(caseId, () =>
        h.run('rehabansvarig', { type: 'CloseCase', caseId, closing: { reason: 'moved' } }),
      );
      expect(rehab).toMatchObject({ code: 'STEP.WRONG_ROLE' });
    });
  });

  it('a corrected reference replaces the one before, sealed; a name or nothing at all is refused', async () => {
    await h.run('socialsekreterare', {
      type: 'ChangeReference',
      caseId,
      change: { reference: 'AB 6304', journalRef: 'DH-2026/77' },
    });
    const events = await h.events(caseId);
    expect(events.at(-1)?.type).toBe('CaseReferenceChanged');
    expect(JSON.stringify(events.at(-1)?.data)).not.toContain('AB 6304');
    expect((await h.engine.load(caseId)).reference).toEqual(events.at(-1)?.data.reference);
    const name = await h.rejects(caseId, () =>
      h.run('socialsekreterare', { type: 'ChangeReference', caseId, change: { reference: 'Anna Berg' } }),
    );
    expect(name).toMatchObject({ violations: [expect.objectContaining({ field: 'reference' })] });
    const nothing = await h.rejects(caseId, () =>
      h.run('socialsekreterare', { type: 'ChangeReference', caseId, change: {} }),
    );
    expect(nothing).toMatchObject({ violations: [expect.objectContaining({ rule: 'oneRequired' })] });
  });

  describe('a step recorded by mistake', () => {
    beforeEach(toOrder);

    it('when Rehabansvarig corrects the order they sent, then the instance is back at the order and the deadline it set is lifted', async () => {
      await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
      expect(await h.openDeadlines(caseId)).toHaveLength(1);
      const result = await correct('rehabansvarig');
      expect(result.events).toEqual(['StepCorrected', 'DeadlineCancelled']);
      expect(await h.stateOf(caseId, AFU)).toBe('bestallning');
      expect(await h.openDeadlines(caseId)).toHaveLength(0);
      const corrected = (await h.events(caseId)).find((e) => e.type === 'StepCorrected');
      expect(corrected?.data).toMatchObject({ step: 'OrderSent', instanceId: AFU });
      expect(JSON.stringify(corrected?.data)).not.toContain('Beställningen');
      // The order is recorded again, as it should have been.
      await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
      expect(await h.stateOf(caseId, AFU)).toEqual({ tider: 'inTime' });
    });

    it('when a step that lifted a deadline is corrected, then the deadline is set again, due when it was', async () => {
      await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
      const [due] = await h.openDeadlines(caseId);
      await h.send('rehabansvarig', caseId, AFU, 'TimesOffered', { firstAppointment: '2026-02-10' });
      expect(await h.openDeadlines(caseId)).toHaveLength(0);
      await correct('bitradande_enhetschef');
      expect(await h.stateOf(caseId, AFU)).toEqual({ tider: 'inTime' });
      const [again] = await h.openDeadlines(caseId);
      expect(again).toMatchObject({ name: due?.name, dueAt: due?.dueAt, machineEvent: due?.machineEvent });
    });

    it('only the latest step, once, by the one who recorded it or the biträdande enhetschef, and not a step that ended the process', async () => {
      await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
      const stale = await h.rejects(caseId, () =>
        h.run('rehabansvarig', {
          type: 'CorrectStep',
          caseId,
          instanceId: AFU,
          stepRevision: 3,
          correction: { reason: 'Fel' },
        }),
      );
      expect(stale).toMatchObject({
        failed: [expect.objectContaining({ id: 'step-not-latest', field: 'stepRevision' })],
      });
      const colleague = await h.rejects(caseId, () => correct('rehabansvarig', 'another-rehabansvarig'));
      expect(colleague).toMatchObject({ failed: [expect.objectContaining({ id: 'not-your-step' })] });
      const noReason = await h.rejects(caseId, async () =>
        h.run('rehabansvarig', {
          type: 'CorrectStep',
          caseId,
          instanceId: AFU,
          stepRevision: await lastStepRevision(),
          correction: {},
        }),
      );
      expect(noReason).toMatchObject({
        violations: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
      });
      await correct('rehabansvarig');
      // The step before it is not the latest any more: it was never corrected, and the instance moved since.
      const twice = await h.rejects(caseId, () => correct('bitradande_enhetschef'));
      expect(twice).toMatchObject({ failed: [expect.objectContaining({ id: 'step-not-latest' })] });
    });
  });

  it('a step that handed over to another process is not corrected, nor the entry it gave the other', async () => {
    await toOrder();
    await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
    await h.send('rehabansvarig', caseId, AFU, 'SupplierAdvisedAgainst', { reason: 'Inte lämpligt nu' });
    const state = await h.engine.load(caseId);
    const next = [...state.instances.values()].find((i) => i.definitionId === 'skriftliga-rekommendationer');
    expect(next?.lastStep).toMatchObject({ type: 'ContinuedFromAfuOrder', reached: 'handed-over' });
    const entry = await h.rejects(caseId, () =>
      h.run('bitradande_enhetschef', {
        type: 'CorrectStep',
        caseId,
        instanceId: next?.instanceId ?? '',
        stepRevision: next?.lastStep?.revision ?? -1,
        correction: { reason: 'Fel' },
      }),
    );
    expect(entry).toMatchObject({ failed: [expect.objectContaining({ id: 'step-reached-handed-over' })] });
    const handing = await h.rejects(caseId, () => correct('rehabansvarig'));
    expect(handing).toMatchObject({
      failed: [expect.objectContaining({ id: expect.stringMatching(/^step-/) })],
    });
  });

  it('a step is no longer the one to correct once a deadline has moved its process on', async () => {
    await toOrder();
    await h.send('rehabansvarig', caseId, AFU, 'OrderSent', ORDER);
    const [deadline] = await h.openDeadlines(caseId);
    h.now = deadline?.dueAt ?? h.now;
    await h.run('system', { type: 'FireDeadline', caseId, deadlineId: deadline?.deadlineId ?? '' });
    expect((await h.engine.load(caseId)).instances.get(AFU)?.lastStep).toBeUndefined();
  });

  it('a step that ended the process is not corrected', async () => {
    await h.recordPlan(caseId, 5);
    await h.run('rehabansvarig', { type: 'StartProcess', caseId, instanceId: AFU, definitionId: 'afu' });
    await h.send('socialsekreterare', caseId, AFU, 'ImpulsRegistered', { reason: 'Oklar arbetsförmåga' });
    await h.send('rehabansvarig', caseId, AFU, 'AfuRejected', { reason: 'Inte aktuellt nu' });
    const completed = await h.rejects(caseId, () => correct('rehabansvarig'));
    expect(completed).toMatchObject({ failed: [expect.objectContaining({ id: 'step-reached-completed' })] });
  });

  it('a step of a process shared with another unit (a referral) is not corrected', async () => {
    const referral = 'akt-1';
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: referral,
      definitionId: 'aktualisering',
    });
    await h.send('socialsekreterare', caseId, referral, 'DraftSaved', {});
    const last = (await h.engine.load(caseId)).instances.get(referral)?.lastStep;
    expect(last?.type).toBe('DraftSaved');
    const shared = await h.rejects(caseId, () =>
      h.run('socialsekreterare', {
        type: 'CorrectStep',
        caseId,
        instanceId: referral,
        stepRevision: last?.revision ?? -1,
        correction: { reason: 'Fel' },
      }),
    );
    expect(shared).toMatchObject({ failed: [expect.objectContaining({ id: 'step-shared-with-partner' })] });
  });

  describe("the plan's rows", () => {
    beforeEach(() => h.recordPlan(caseId, 2));

    it("a row is ticked done and unticked, by the social worker; the plan keeps each row's day beside its sealed rows", async () => {
      const plan = () => h.engine.load(caseId).then((s) => s.progressionsplan);
      expect(await plan()).toMatchObject({ due: [PLAN.items[0]?.nar], done: [false] });
      await h.run('socialsekreterare', { type: 'CheckPlanItem', caseId, row: 1, done: true });
      expect((await plan())?.done).toEqual([true]);
      const twice = await h.rejects(caseId, () =>
        h.run('socialsekreterare', { type: 'CheckPlanItem', caseId, row: 1, done: true }),
      );
      expect(twice).toMatchObject({ failed: [expect.objectContaining({ id: 'plan-item-unchanged' })] });
      const outside = await h.rejects(caseId, () =>
        h.run('socialsekreterare', { type: 'CheckPlanItem', caseId, row: 2, done: true }),
      );
      expect(outside).toMatchObject({
        violations: [expect.objectContaining({ field: 'row', rule: 'planRow' })],
      });
      await h.run('rehabansvarig', { type: 'CheckPlanItem', caseId, row: 1, done: false });
      expect((await plan())?.done).toEqual([false]);
    });

    it("a reminder of a row is the system's, and none for a row that is done", async () => {
      await h.run('system', { type: 'RemindPlanItem', caseId, row: 1, dueOn: DUE });
      const [reminded] = (await h.events(caseId)).slice(-1);
      expect(reminded).toMatchObject({
        type: 'PlanItemReminded',
        data: { row: 1, dueOn: DUE, late: false },
      });
      const person = await h.rejects(caseId, () =>
        h.run('socialsekreterare', { type: 'RemindPlanItem', caseId, row: 1, dueOn: DUE }),
      );
      expect(person).toMatchObject({ code: 'STEP.WRONG_ROLE' });
      const adjusted = await h.rejects(caseId, () =>
        h.run('system', { type: 'RemindPlanItem', caseId, row: 1, dueOn: '2026-03-01' }),
      );
      expect(adjusted).toMatchObject({ failed: [expect.objectContaining({ id: 'plan-changed' })] });
      await h.run('socialsekreterare', { type: 'CheckPlanItem', caseId, row: 1, done: true });
      const done = await h.rejects(caseId, () =>
        h.run('system', { type: 'RemindPlanItem', caseId, row: 1, dueOn: DUE }),
      );
      expect(done).toMatchObject({ failed: [expect.objectContaining({ id: 'plan-item-done' })] });
    });
  });
});
