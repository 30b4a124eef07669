import { describe, expect, it } from 'vitest';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { nextSteps } from './next-steps';
import { EngineHarness } from './testing/engine-harness';

describe('what can happen next', () => {
  it('given a förtroendeläkare case in uppföljning, then each role sees only its own actions, with schemas and Swedish labels', async () => {
    const h = new EngineHarness(PROCESS_DEFINITIONS);
    const caseId = await h.openCase();
    await h.recordPlan(caseId, 4);
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: 'fl',
      definitionId: 'fortroendelakare',
    });
    const state = await h.engine.load(caseId);

    const social = nextSteps(h.registry, state, ['socialsekreterare']);
    expect(social.map((s) => [s.event, s.label])).toEqual([['ImpulsRegistered', 'Registrera impuls']]);
    expect(social[0].schema).toMatchObject({
      type: 'object',
      required: ['reason', 'sickListingCareUnit'],
      properties: {
        reason: { type: 'string', minLength: 1, maxLength: 4000 },
        sickListingCareUnit: { type: 'string', minLength: 1, maxLength: 4000 },
      },
      additionalProperties: false,
    });
    expect(nextSteps(h.registry, state, ['rehabansvarig'])).toEqual([]);
  });

  it('given an enum or a nested list in the payload, then the schema carries them', async () => {
    const h = new EngineHarness(PROCESS_DEFINITIONS);
    const caseId = await h.openCase();
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: 'rh',
      definitionId: 'rehab-handledning',
    });
    const [impuls] = nextSteps(h.registry, await h.engine.load(caseId), ['socialsekreterare']);
    expect(impuls.schema).toMatchObject({
      properties: {
        grounds: { type: 'array', items: { enum: expect.arrayContaining(['kategori-1-plan-klar']) } },
      },
    });
  });

  it('given a step without a payload, then its schema is an empty object that refuses fields', async () => {
    const h = new EngineHarness(PROCESS_DEFINITIONS);
    const caseId = await h.openCase();
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: 'rh',
      definitionId: 'rehab-handledning',
    });
    await h.send('socialsekreterare', caseId, 'rh', 'ImpulsRegistered', {
      grounds: ['kategori-1-plan-klar'],
    });
    const [contact] = nextSteps(h.registry, await h.engine.load(caseId), ['socialsekreterare']);
    expect(contact).toMatchObject({
      event: 'RehabansvarigContacted',
      schema: { type: 'object', properties: {}, additionalProperties: false },
    });
  });

  it('given a finished process, then it offers nothing', async () => {
    const h = new EngineHarness(PROCESS_DEFINITIONS);
    const caseId = await h.openCase();
    await h.recordPlan(caseId);
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: 'fl',
      definitionId: 'fortroendelakare',
    });
    await h.send('socialsekreterare', caseId, 'fl', 'ImpulsRegistered', {
      reason: 'x',
      sickListingCareUnit: 'Danderyds vårdcentral',
    });
    await h.send('rehabansvarig', caseId, 'fl', 'ReferralDeclined', { reason: 'Ej aktuellt' });
    const state = await h.engine.load(caseId);
    for (const role of ['socialsekreterare', 'rehabansvarig', 'bitradande_enhetschef'] as const) {
      expect(nextSteps(h.registry, state, [role])).toEqual([]);
    }
  });
});
