import { beforeEach, describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { EngineHarness } from '../testing/engine-harness';

/** An SA/AE application is a case fact with a start and an end: Försäkringskassan's decision. */
describe('an application for sjukersättning or aktivitetsersättning', () => {
  let h: EngineHarness;
  let caseId: string;
  const apply = (
    role: 'socialsekreterare' | 'rehabansvarig' | 'bitradande_enhetschef',
    application: object,
  ) => h.run(role, { type: 'RecordSaAeApplication', caseId, application: { ...application } });
  const decide = (decision: object) =>
    h.run('rehabansvarig', { type: 'RecordSaAeDecision', caseId, decision: { ...decision } });

  beforeEach(async () => {
    h = new EngineHarness(createProcessRegistry().all());
    caseId = await h.openCase();
  });

  it('given none is open, when the social worker records one, then the case has it open', async () => {
    const result = await apply('socialsekreterare', {
      kind: 'aktivitetsersattning',
      appliedOn: '2026-01-20',
    });
    expect(result.events).toEqual(['SaAeApplicationOpened']);
    expect((await h.engine.load(caseId)).saAeApplication).toMatchObject({
      kind: 'aktivitetsersattning',
      appliedOn: '2026-01-20',
    });
  });

  it('given one is open, when another is recorded, then it is refused and nothing is appended', async () => {
    await apply('rehabansvarig', { kind: 'sjukersattning', appliedOn: '2026-01-20' });
    const error = await h.rejects(caseId, () =>
      apply('socialsekreterare', { kind: 'aktivitetsersattning', appliedOn: '2026-01-21' }),
    );
    expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'sa-ae-already-open' }] });
  });

  it('given a kind outside the two, a date after today, or the wrong role, then it is refused naming what', async () => {
    const kind = await h.rejects(caseId, () =>
      apply('socialsekreterare', { kind: 'sjukpenning', appliedOn: '2026-01-20' }),
    );
    expect(kind).toMatchObject({
      code: 'PAYLOAD.INVALID',
      violations: [expect.objectContaining({ field: 'kind' })],
    });
    const future = await h.rejects(caseId, () =>
      apply('socialsekreterare', { kind: 'sjukersattning', appliedOn: '2026-02-20' }),
    );
    expect(future).toMatchObject({
      code: 'PAYLOAD.INVALID',
      violations: [expect.objectContaining({ field: 'appliedOn' })],
    });
    const role = await h.rejects(caseId, () =>
      apply('bitradande_enhetschef', { kind: 'sjukersattning', appliedOn: '2026-01-20' }),
    );
    expect(role).toMatchObject({ code: 'STEP.WRONG_ROLE' });
  });

  it('given none is open, when a decision is recorded, then it is refused', async () => {
    const error = await h.rejects(caseId, () => decide({ outcome: 'avslag', decidedOn: '2026-01-25' }));
    expect(error).toMatchObject({ failed: [{ id: 'no-sa-ae-open' }] });
  });

  it('given one is open, when the decision predates it, then it is refused; when it follows, the application closes with it', async () => {
    await apply('socialsekreterare', { kind: 'sjukersattning', appliedOn: '2026-01-20' });
    const early = await h.rejects(caseId, () => decide({ outcome: 'beviljad', decidedOn: '2026-01-10' }));
    expect(early).toMatchObject({ failed: [{ id: 'decided-before-applied', field: 'decidedOn' }] });
    const closed = await decide({ outcome: 'avslag', decidedOn: '2026-01-28' });
    expect(closed.events).toEqual(['SaAeApplicationClosed']);
    const state = await h.engine.load(caseId);
    expect(state.saAeApplication).toBeUndefined();
    expect(state.lastSaAeDecision).toEqual({
      kind: 'sjukersattning',
      outcome: 'avslag',
      decidedOn: '2026-01-28',
    });
  });
});
