import { beforeEach, describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { EngineHarness } from '../testing/engine-harness';

const CHANGE = {
  reason: 'slutat-bytt-tjanst',
  clientInformed: true,
  handover: 'Nuläge: väntar på läkarintyg; klienten har berättat om sömnen.',
};

/** The case's Rehabansvarig, and a change to another recorded like a change of social worker (toolbox.md, Continuity). */
describe("the case's Rehabansvarig", () => {
  let h: EngineHarness;
  let caseId: string;
  const assign = (rehabansvarigId: string, change?: object) =>
    h.run('bitradande_enhetschef', {
      type: 'AssignRehabansvarig',
      caseId,
      rehabansvarigId,
      ...(change ? { change: { ...change } } : {}),
    });

  beforeEach(async () => {
    h = new EngineHarness(createProcessRegistry().all());
    caseId = await h.openCase();
  });

  it('given none is named, when one is, then the case has them, with no change recorded', async () => {
    expect((await assign('rehab-eva')).events).toEqual(['RehabansvarigAssigned']);
    const state = await h.engine.load(caseId);
    expect([state.rehabansvarigId, state.lastRehabansvarigChange]).toEqual(['rehab-eva', undefined]);
  });

  describe('given one is named', () => {
    beforeEach(async () => {
      await assign('rehab-eva');
    });

    it('when another takes over with a reason, the client told and a hand-over, then the change is recorded from the one before, the hand-over sealed', async () => {
      h.now = '2026-02-03T09:00:00.000Z';
      await assign('rehab-olle', CHANGE);
      const state = await h.engine.load(caseId);
      expect(state.rehabansvarigId).toBe('rehab-olle');
      expect(state.lastRehabansvarigChange).toMatchObject({
        from: 'rehab-eva',
        to: 'rehab-olle',
        reason: 'slutat-bytt-tjanst',
        clientInformed: true,
        at: '2026-02-03T09:00:00.000Z',
      });
      expect(String(state.lastRehabansvarigChange?.handover)).not.toContain('sömnen');
    });

    it('when the same one is named again, then it is refused: it is no change', async () => {
      const error = await h.rejects(caseId, () => assign('rehab-eva', CHANGE));
      expect(error).toMatchObject({ failed: [{ id: 'rehabansvarig-unchanged', field: 'rehabansvarigId' }] });
    });

    it('when a change comes without the hand-over, or with annat and nothing said, then it is refused naming the field', async () => {
      const { handover: _none, ...noHandover } = CHANGE;
      const missing = await h.rejects(caseId, () => assign('rehab-olle', noHandover));
      expect(missing).toMatchObject({
        violations: expect.arrayContaining([expect.objectContaining({ field: 'handover' })]),
      });
      const annat = await h.rejects(caseId, () => assign('rehab-olle', { ...CHANGE, reason: 'annat' }));
      expect(annat).toMatchObject({ violations: [expect.objectContaining({ field: 'reasonNote' })] });
    });

    it('given a social worker, then they may not change it', async () => {
      const error = await h.rejects(caseId, () =>
        h.run('socialsekreterare', {
          type: 'AssignRehabansvarig',
          caseId,
          rehabansvarigId: 'rehab-olle',
          change: CHANGE,
        }),
      );
      expect(error).toMatchObject({ code: 'STEP.WRONG_ROLE' });
    });
  });
});
