import { beforeEach, describe, expect, it } from 'vitest';
import {
  BusinessRuleError,
  InvalidPayloadError,
  nextSteps,
  PersonalValue,
  StepNotAllowedError,
  unitSettingsFrom,
  WrongRoleError,
} from '@app/engine';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { COMPLETE_ANSWERS } from '@app/referral/testing/answers';
import { PROCESS_DEFINITIONS } from '../index';
import { inspectSending } from './aktualisering.inspect';

const AK = 'ak-1';
const ALC = 'alc-ostersund';
/** The harness's unit for the cases it opens. */
const SENDING_UNIT = 'järva-1';
const SENT = { receivingUnit: ALC, formVersion: 2, answers: COMPLETE_ANSWERS };
/** Arbetslivscenter on its second form, whose civil-status list is its own. */
const RECEIVING_UNITS = {
  [ALC]: {
    name: 'Arbetslivscenter',
    formVersion: 2,
    options: { civilStatus: { ensam: 'Ensamstående', sammanboende: 'Sammanboende', skild: 'Skild' } },
  },
};
const DECIDED = {
  outcome: 'rekommenderasAntagning',
  motivation: 'Behovet av arbetsträning i lugn miljö stämmer med vår målgrupp.',
  decidedOn: '2026-03-02',
};

describe('aktualisering: a de-identified referral to a receiving unit and its Beredningsgrupp', () => {
  let h: EngineHarness;
  let caseId: string;

  beforeEach(async () => {
    h = new EngineHarness(PROCESS_DEFINITIONS, { unitSettings: unitSettingsFrom({}, RECEIVING_UNITS) });
    h.now = '2026-03-02T09:00:00.000Z';
    caseId = await h.openCase();
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: AK,
      definitionId: 'aktualisering',
    });
  });

  const send = (payload: Record<string, unknown> = SENT) =>
    h.send('socialsekreterare', caseId, AK, 'ReferralSent', payload);
  const refusedWith = async (payload: Record<string, unknown>) =>
    ((await h.rejects(caseId, () => send(payload))) as InvalidPayloadError).violations.map((v) => [
      v.field,
      v.rule,
    ]);

  describe('upprätta and skicka', () => {
    it('given a draft, then it is kept with the sender and nothing is checked yet; the reminder waits 30 days', async () => {
      await h.send('socialsekreterare', caseId, AK, 'DraftSaved', { answers: { sex: 'kvinna' } });
      expect(await h.stateOf(caseId, AK)).toEqual({ upprattande: 'utkast' });
      // Thirty days on the Swedish calendar: the same ten o'clock, in summer time.
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        ['draftReminder', '2026-04-01T08:00:00.000Z'],
      ]);
    });

    it('given the sender, then the send step offers the receiving unit’s form field by field, the Beredningsgrupp nothing yet', async () => {
      const state = await h.engine.load(caseId);
      const sending = nextSteps(h.registry, state, ['socialsekreterare']).find(
        (s) => s.event === 'ReferralSent',
      );
      const answers = (
        sending?.schema as { properties: { answers: { properties: Record<string, unknown> } } }
      ).properties.answers;
      expect(Object.keys(answers.properties)).toEqual(
        expect.arrayContaining(['sex', 'birthYear', 'whyThisUnit']),
      );
      expect(answers.properties.whyThisUnit).toMatchObject({
        title: 'Varför tror Du att den mottagande enheten kan vara behjälplig för personen?',
      });
      expect(nextSteps(h.registry, state, ['beredningsgrupp' as never])).toEqual([]);
    });

    it('given a draft saved, then the send form starts from it, opened for this case only', async () => {
      await h.send('socialsekreterare', caseId, AK, 'DraftSaved', {
        receivingUnit: ALC,
        answers: { sex: 'kvinna', birthYear: '-63' },
      });
      await h.send('socialsekreterare', caseId, AK, 'DraftSaved', {
        answers: { sex: 'kvinna', birthYear: '1963' },
      });
      const state = await h.engine.load(caseId);
      const sending = nextSteps(h.registry, state, ['socialsekreterare']).find(
        (s) => s.event === 'ReferralSent',
      );
      const initial = (sending?.initial ?? {}) as Record<string, unknown>;
      expect(initial.receivingUnit).toBe(ALC);
      const answers = initial.answers;
      expect(answers).toBeInstanceOf(PersonalValue);
      expect((answers as PersonalValue).caseId).toBe(caseId);
    });

    it('given a draft not sent in 30 days, then the sender is reminded', async () => {
      const [reminder] = await h.openDeadlines(caseId);
      h.now = reminder.dueAt;
      await h.run('system', { type: 'FireDeadline', caseId, deadlineId: reminder.deadlineId });
      expect(await h.stateOf(caseId, AK)).toEqual({ upprattande: 'paminnelse' });
    });

    it('given a field left empty or of the wrong type, then sending is refused naming the field inside the summary, and nothing is appended', async () => {
      expect(
        await refusedWith({ ...SENT, answers: { ...COMPLETE_ANSWERS, diagnosis: '', birthYear: '1963-04' } }),
      ).toEqual([
        ['answers.birthYear', 'yearOnly'],
        ['answers.diagnosis', 'required'],
      ]);
    });

    it.each([
      [
        'a phone number',
        { socialNetwork: 'En syster, nås på 070-123 45 67' },
        'answers.socialNetwork',
        'phone',
      ],
      [
        'a personnummer',
        { illnessHistory: 'Journal för 630412-1234 visar…' },
        'answers.illnessHistory',
        'personnummer',
      ],
      [
        'the case’s own reference',
        { interests: 'AB 6303 tycker om att måla' },
        'answers.interests',
        'client-reference',
      ],
      ['a diarienummer', { otherAssessments: 'Se dnr 2023/0412' }, 'answers.otherAssessments', 'case-number'],
    ])(
      'given %s, then sending is refused naming the field and the rule',
      async (_what, change, field, rule) => {
        expect(await refusedWith({ ...SENT, answers: { ...COMPLETE_ANSWERS, ...change } })).toEqual([
          [field, rule],
        ]);
        expect(await h.stateOf(caseId, AK)).toEqual({ upprattande: 'utkast' });
      },
    );

    it('given a unit that takes no referrals, or a form that has changed since it was opened, then sending is refused naming the field', async () => {
      expect(await refusedWith({ ...SENT, receivingUnit: 'okand-enhet' })).toEqual([
        ['receivingUnit', 'known-receiving-unit'],
      ]);
      expect(await refusedWith({ ...SENT, formVersion: 1 })).toEqual([['formVersion', 'current-form']]);
      expect(await h.stateOf(caseId, AK)).toEqual({ upprattande: 'utkast' });
    });

    it('given the receiving unit’s own choice list, then the answer is checked against it, not the default’s', async () => {
      expect(await refusedWith({ ...SENT, answers: { ...COMPLETE_ANSWERS, civilStatus: 'ogift' } })).toEqual([
        ['answers.civilStatus', 'notAnOption'],
      ]);
      await send({ ...SENT, answers: { ...COMPLETE_ANSWERS, civilStatus: 'ensam' } });
      expect(await h.stateOf(caseId, AK)).toEqual({ beredning: 'iTid' });
    });

    it('given it is sent, then each step from then on names the receiving unit, which holds the partner lanes', async () => {
      await send();
      await h.send('beredningsgrupp', caseId, AK, 'ReferralDecided', DECIDED);
      const steps = (await h.events(caseId)).filter((e) =>
        ['ReferralSent', 'ReferralDecided'].includes(e.type),
      );
      expect(steps.map((e) => (e.metadata as { partnerUnit?: string }).partnerUnit)).toEqual([ALC, ALC]);
    });

    it('given a likely name, then it warns until the sender confirms, and the confirmation is kept; another name in its place warns again', async () => {
      const naming = (name: string) => ({
        ...SENT,
        answers: { ...COMPLETE_ANSWERS, socialNetwork: `Brodern ${name} hjälper henne.` },
      });
      const warned = (await h.rejects(caseId, () => send(naming('Ahmed')))) as BusinessRuleError;
      expect(warned.failed).toEqual([
        expect.objectContaining({ field: 'answers.socialNetwork', warning: true }),
      ]);
      const [{ id }] = warned.failed;
      expect(id).toMatch(/^personal-name:socialNetwork:8:[0-9a-f]{6}$/);
      const other = (await h.rejects(caseId, () =>
        send({ ...naming('Johan'), acknowledgedWarnings: [id] }),
      )) as BusinessRuleError;
      expect(other.failed.map((f) => f.id)).not.toContain(id);
      await send({ ...naming('Ahmed'), acknowledgedWarnings: [id] });
      const stored = (await h.events(caseId)).find((e) => e.type === 'ReferralSent');
      expect(
        (stored?.data as { payload: { acknowledgedWarnings: string[] } }).payload.acknowledgedWarnings,
      ).toEqual([id]);
    });

    it('given a whole, de-identified summary, then it is received at once: the Beredningsgrupp has three weeks and the reminder is gone', async () => {
      await send();
      expect(await h.stateOf(caseId, AK)).toEqual({ beredning: 'iTid' });
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        ['decisionDue', '2026-03-23T09:00:00.000Z'],
      ]);
    });

    it('given an age rather than a birth year, then the referral keeps the birth year it stands for, never the age as typed', () => {
      const environment = { unit: { receivingUnits: RECEIVING_UNITS }, today: '2026-03-02' };
      const found = inspectSending(
        { ...SENT, answers: { ...COMPLETE_ANSWERS, birthYear: '60 år' } } as never,
        {},
        environment,
      );
      expect(found.violations ?? []).toEqual([]);
      expect((found as { kept?: { answers: { birthYear: unknown } } }).kept?.answers.birthYear).toBe(1966);
    });

    it('given the receiving unit has its own time to decide, then its setting counts, not the sending unit’s', async () => {
      h = new EngineHarness(PROCESS_DEFINITIONS, {
        unitSettings: unitSettingsFrom({}, RECEIVING_UNITS),
        deadlineOverrides: {
          [ALC]: { aktualisering: { decisionDue: 'P2W' } },
          [SENDING_UNIT]: { aktualisering: { decisionDue: 'P6W' } },
        },
      });
      h.now = '2026-03-02T09:00:00.000Z';
      caseId = await h.openCase();
      await h.run('socialsekreterare', {
        type: 'StartProcess',
        caseId,
        instanceId: AK,
        definitionId: 'aktualisering',
      });
      await send();
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
        ['decisionDue', '2026-03-16T09:00:00.000Z'],
      ]);
    });
  });

  describe('beredning and beslut', () => {
    beforeEach(() => send());

    it('given the sender or the receiving unit’s reception, then neither may decide; the Beredningsgrupp does, with a motivation', async () => {
      expect(
        await h.rejects(caseId, () => h.send('socialsekreterare', caseId, AK, 'ReferralDecided', DECIDED)),
      ).toBeInstanceOf(WrongRoleError);
      expect(
        await h.rejects(caseId, () => h.send('mottagning', caseId, AK, 'ReferralDecided', DECIDED)),
      ).toBeInstanceOf(WrongRoleError);
      const bare = (await h.rejects(caseId, () =>
        h.send('beredningsgrupp', caseId, AK, 'ReferralDecided', { ...DECIDED, motivation: '' }),
      )) as InvalidPayloadError;
      expect(bare.violations.map((v) => v.field)).toEqual(['motivation']);
      const result = await h.send('beredningsgrupp', caseId, AK, 'ReferralDecided', DECIDED);
      expect(result.events).toEqual(['ReferralDecided', 'DeadlineCancelled']);
      expect(await h.stateOf(caseId, AK)).toBe('rekommenderad');
    });

    it('given admission is not recommended, then the referral ends with the decision', async () => {
      const result = await h.send('beredningsgrupp', caseId, AK, 'ReferralDecided', {
        ...DECIDED,
        outcome: 'rekommenderasInteAntagning',
      });
      expect(result.events).toEqual(['ReferralDecided', 'DeadlineCancelled', 'ProcessCompleted']);
      expect(await h.stateOf(caseId, AK)).toBe('beslutad');
    });

    it('given a recommendation, then the reception records the admission, which starts a placement in the case, its anvisning naming the referral as origin', async () => {
      await h.send('beredningsgrupp', caseId, AK, 'ReferralDecided', DECIDED);
      expect(
        await h.rejects(caseId, () =>
          h.send('beredningsgrupp', caseId, AK, 'AdmissionRecorded', { admittedOn: '2026-03-02' }),
        ),
      ).toBeInstanceOf(WrongRoleError);
      const result = await h.send('mottagning', caseId, AK, 'AdmissionRecorded', {
        admittedOn: '2026-03-02',
      });
      expect(result.events).toEqual([
        'AdmissionRecorded',
        'ProcessStarted',
        'PlacementContinued',
        'ProcessCompleted',
      ]);
      expect(await h.stateOf(caseId, AK)).toBe('antagen');
      const state = await h.engine.load(caseId);
      const placement = [...state.instances.values()].find((i) => i.definitionId === 'insats');
      expect(placement?.snapshot.value).toBe('anvisning');
      const anvisning = nextSteps(h.registry, state, ['socialsekreterare']).find(
        (s) => s.instanceId === placement?.instanceId && s.event === 'PlacementAssigned',
      );
      expect(anvisning?.initial).toMatchObject({ origin: 'aktualisering' });
    });

    it('given a recommendation that does not become an admission, then the reception says why and the referral ends', async () => {
      await h.send('beredningsgrupp', caseId, AK, 'ReferralDecided', DECIDED);
      await h.send('mottagning', caseId, AK, 'AdmissionDeclined', { reason: 'klienten_tackade_nej' });
      expect(await h.stateOf(caseId, AK)).toBe('beslutad');
    });

    it('given a komplettering asked and answered, then the review goes on with three new weeks, the answer under the same rule', async () => {
      await h.send('beredningsgrupp', caseId, AK, 'KompletteringRequested', {
        question: 'Hur ser orken ut på eftermiddagar?',
      });
      expect(await h.stateOf(caseId, AK)).toBe('komplettering');
      expect(await h.openDeadlines(caseId)).toEqual([]);
      h.now = '2026-03-05T09:00:00.000Z';
      const leaked = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, AK, 'KompletteringAnswered', {
          answer: 'Ring henne på 070-123 45 67',
        }),
      )) as InvalidPayloadError;
      expect(leaked.violations.map((v) => [v.field, v.rule])).toEqual([['answer', 'phone']]);
      await h.send('socialsekreterare', caseId, AK, 'KompletteringAnswered', {
        answer: 'Orkar mindre efter klockan två.',
      });
      expect(await h.stateOf(caseId, AK)).toEqual({ beredning: 'iTid' });
      expect((await h.openDeadlines(caseId)).map((d) => d.dueAt)).toEqual(['2026-03-26T09:00:00.000Z']);
    });

    it('given the decision is late, then it is an overdue task for the Beredningsgrupp', async () => {
      const [due] = await h.openDeadlines(caseId);
      h.now = due.dueAt;
      await h.run('system', { type: 'FireDeadline', caseId, deadlineId: due.deadlineId });
      expect(await h.stateOf(caseId, AK)).toEqual({ beredning: 'forsenad' });
    });

    it('given the reception returns it, then it says why; given the sender withdraws it, "annat" needs a comment', async () => {
      const silent = (await h.rejects(caseId, () =>
        h.send('mottagning', caseId, AK, 'ReferralReturned', { reason: 'utanfor_malgrupp' }),
      )) as BusinessRuleError;
      expect(silent.failed.map((f) => f.id)).toEqual(['comment-for-return']);
      const vague = (await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, AK, 'ReferralWithdrawn', { reason: 'annat' }),
      )) as BusinessRuleError;
      expect(vague.failed.map((f) => f.id)).toEqual(['comment-for-annat']);
      await h.send('socialsekreterare', caseId, AK, 'ReferralWithdrawn', { reason: 'klienten_vill_inte' });
      expect(await h.stateOf(caseId, AK)).toBe('aterkallad');
      expect(
        await h.rejects(caseId, () => h.send('beredningsgrupp', caseId, AK, 'ReferralDecided', DECIDED)),
      ).toBeInstanceOf(StepNotAllowedError);
    });
  });
});
