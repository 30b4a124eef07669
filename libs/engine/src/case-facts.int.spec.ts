import { beforeEach, describe, expect, it } from 'vitest';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { EngineHarness, FULL_CHANGE } from './testing/engine-harness';

describe('case-level facts', () => {
  let h: EngineHarness;
  let caseId: string;
  beforeEach(async () => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
    caseId = await h.openCase();
  });

  it('given a social worker records a progressionsplan, then it is the wrong role and nothing is appended', async () => {
    const error = await h.rejects(caseId, () =>
      h.run('socialsekreterare', { type: 'RecordProgressionsplan', caseId, plan: {} }),
    );
    expect(error).toMatchObject({ code: 'STEP.WRONG_ROLE', details: { lanes: ['rehabansvarig'] } });
  });

  it('given a plan with category 7 and an item without "varfor", then both fields are named', async () => {
    const error = await h.rejects(caseId, () =>
      h.run('rehabansvarig', {
        type: 'RecordProgressionsplan',
        caseId,
        plan: {
          category: 7,
          followUpOwner: 'rehabansvarig',
          items: [{ vad: 'x', vem: 'y', nar: '2026-02-01', gjort: false }],
        },
      }),
    );
    const fields = (error as { violations: { field: string }[] }).violations.map((v) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'items.0.varfor']));
  });

  it("given a valid plan, then the case has a progressionsplan and the stored plan holds only its fields, its row count and each row's day and tick", async () => {
    await h.recordPlan(caseId, 3);
    const state = await h.engine.load(caseId);
    expect(state.hasProgressionsplan).toBe(true);
    expect(state.progressionsplan).toMatchObject({ category: 3, recordedAt: h.now });
    const stored = (await h.events(caseId)).at(-1);
    expect(Object.keys(stored?.data ?? {}).sort()).toEqual([
      'category',
      'done',
      'due',
      'followUpOwner',
      'items',
      'rows',
    ]);
    // The rows are sealed; their count is not, so an anvisning from a row can be checked against it,
    // nor each row's day and tick, so the rows can be tasks without opening the plan.
    expect(stored?.data).toMatchObject({ rows: 1, due: ['2026-02-15'], done: [false] });
    expect(JSON.stringify(stored?.data)).not.toContain('vårdcentral');
  });

  it('given two changes of social worker, then both are counted and the latest is responsible', async () => {
    await h.run('bitradande_enhetschef', {
      type: 'ChangeCaseworker',
      caseId,
      socialWorkerId: 'ss-2',
      change: FULL_CHANGE,
    });
    await h.run('bitradande_enhetschef', {
      type: 'ChangeCaseworker',
      caseId,
      socialWorkerId: 'ss-3',
      change: FULL_CHANGE,
    });
    const state = await h.engine.load(caseId);
    expect([state.socialWorkerId, state.caseworkerChanges]).toEqual(['ss-3', 2]);
    const changed = (await h.events(caseId)).at(-1)?.data;
    expect(changed).toMatchObject({ from: 'ss-2', to: 'ss-3', reason: 'omfordelning' });
    // The hand-over tells of the client: sealed in the log like every personal field.
    expect(JSON.stringify(changed)).not.toContain('arbetsträning');
  });

  it('given a follow-up records BIP phase 2, then the case shows phase 2 and when', async () => {
    await h.run('rehabansvarig', {
      type: 'StartProcess',
      caseId,
      instanceId: 'sv',
      definitionId: 'samverkan-varden',
    });
    await h.send('rehabansvarig', caseId, 'sv', 'ImpulsRegistered', {
      source: 'jobbtorg-vuxen',
      reason: 'x',
    });
    await h.send('rehabansvarig', caseId, 'sv', 'ContactPlanned', {
      contactMethod: 'telefon',
      progressionsplanNeeded: false,
    });
    await h.send('rehabansvarig', caseId, 'sv', 'PlanningAgreed', { agreedOn: '2026-01-31', summary: 'x' });
    await h.send('socialsekreterare', caseId, 'sv', 'PlanningCarriedOut', { description: 'x' });
    h.now = '2026-03-01T10:00:00.000Z';
    await h.send('rehabansvarig', caseId, 'sv', 'FollowUpRecorded', { bipPhase: 2, notes: 'x' });
    expect((await h.engine.load(caseId)).bipPhase).toEqual({
      phase: 2,
      recordedAt: '2026-03-01T10:00:00.000Z',
    });
  });
});
