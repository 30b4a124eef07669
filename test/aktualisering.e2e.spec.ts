import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { collect } from '@app/event-store/testing';
import { REFERRAL_NUMBER } from '@app/referral';
import { COMPLETE_ANSWERS } from '@app/referral/testing/answers';
import { as, asPrincipal, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { UNIT } from './flows';
import { smtpServer } from './support/smtp-server';

const ALC = 'alc-ostersund';
const REFERENCE = 'AK 6301';
const person = (id: string, unit: string, roles: string[], email: string) => ({
  id,
  name: id,
  email,
  memberships: [{ unit, roles: roles as never[] }],
});
const SENDER = person('ss-akt', UNIT, ['socialsekreterare'], 'ss-akt@kommun.example');
const PANEL = person('bg-alc', ALC, ['beredningsgrupp'], 'bg-alc@alc.example');
const RECEPTION = person('mt-alc', ALC, ['mottagning'], 'mt-alc@alc.example');
/** Sits in the reception and the panel both: each event reaches them once. */
const BOTH = person('mb-alc', ALC, ['mottagning', 'beredningsgrupp'], 'mb-alc@alc.example');
const MOTIVATION = 'Behovet av arbetsträning i lugn miljö stämmer med vår målgrupp.';
const QUESTION = 'Hur många timmar om dagen orkar hon i dag?';
const ANSWER = 'Omkring fyra timmar, helst på förmiddagen.';

/**
 * Aktualisering over HTTP from draft to decision across two units
 * (referral.md): the sender's unit writes and sends it; a receiving unit in
 * another organisation lists it by its number, reads the de-identified
 * summary (logged), asks for a komplettering and decides; the sender sees the
 * decision; everyone concerned is told by e-mail, and no e-mail holds
 * anything of the case.
 */
describe('aktualisering: a referral from a case to a receiving unit and its Beredningsgrupp', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let caseId: string;
  let instanceId: string;
  let referralNumber: string;
  const sender = () => asPrincipal(app, SENDER);
  const panel = () => asPrincipal(app, PANEL);
  const reception = () => asPrincipal(app, RECEPTION);
  const caseEvents = async () =>
    (await collect(app.get<EventStore>(EVENT_STORE).readStream(`case-${caseId}`))).length;
  const stepInCase = (event: string, payload: object) =>
    sender().post(`/api/cases/${caseId}/processes/${instanceId}/events`).send({ event, payload });
  const send = (answers: object, extra: object = {}) =>
    stepInCase('ReferralSent', { receivingUnit: ALC, formVersion: 2, answers, ...extra });
  const received = async (who: ReturnType<typeof panel>) =>
    (await who.get('/api/referrals/received').expect(200)).body.items as Record<string, unknown>[];
  const step = (who: ReturnType<typeof panel>, name: string, body: object) =>
    who.post(`/api/referrals/received/${referralNumber}/${name}`).send(body);
  const runMail = async () => (await as(app, 'operator').post('/api/admin/mail/run').expect(200)).body;

  beforeAll(async () => {
    smtp = await smtpServer();
    app = await startApp(
      data.dir,
      {
        REFERRAL_RECEIVING_UNITS: JSON.stringify({ [ALC]: { name: 'Arbetslivscenter', formVersion: 2 } }),
        // The receiving unit's own time to decide.
        DEADLINE_OVERRIDES: JSON.stringify({ [ALC]: { aktualisering: { decisionDue: 'P2W' } } }),
        MAIL_TRANSPORT: 'smtp',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_TLS: 'none',
        PUBLIC_URL: 'https://arenden.kommun.example',
        MAIL_WORKER_INTERVAL_MS: '0',
      },
      clock,
    );
    for (const who of [SENDER, PANEL, RECEPTION, BOTH])
      await asPrincipal(app, who).get('/api/auth/me').expect(200);
    const opened = await sender()
      .post('/api/cases')
      .send({ reference: REFERENCE, unit: UNIT, socialWorkerId: SENDER.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.caseId;
    const started = await sender()
      .post(`/api/cases/${caseId}/processes`)
      .send({ definitionId: 'aktualisering' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    instanceId = started.body.instanceId;
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    data.remove();
  });

  it('given the city’s receiving units, then the sender is offered each with its form, labelled with its name', async () => {
    const units = (await sender().get('/api/referral-units').expect(200)).body.items;
    expect(units).toEqual([expect.objectContaining({ unit: ALC, name: 'Arbetslivscenter', formVersion: 2 })]);
    expect(units[0].schema.properties.whyThisUnit.title).toBe(
      'Varför tror Du att Arbetslivscenter kan vara behjälplig för personen?',
    );
  });

  it('given a draft, then only the sender has it: the receiving unit lists nothing', async () => {
    const saved = await stepInCase('DraftSaved', { receivingUnit: ALC, answers: { sex: 'kvinna' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await eventually(async () =>
      expect((await sender().get('/api/referrals/sent').expect(200)).body.items).toHaveLength(1),
    );
    expect(await received(panel())).toEqual([]);
    // The send form starts from the draft, opened for the sender.
    const steps = (await sender().get(`/api/cases/${caseId}/next-steps`).expect(200)).body;
    const sending = steps.steps.find((s: { event: string }) => s.event === 'ReferralSent');
    expect(sending.initial).toEqual({ receivingUnit: ALC, answers: { sex: 'kvinna' } });
  });

  it('given a personnummer, an empty field and a stale form, then sending is refused naming each field, and nothing is stored or reaches the receiving unit', async () => {
    const before = await caseEvents();
    const refused = await send({
      ...COMPLETE_ANSWERS,
      illnessHistory: 'Journal för 630412-1234 visar…',
      interests: '',
    });
    expect(refused.status).toBe(400);
    expect(
      refused.body.details.violations.map((v: { field: string; rule: string }) => [v.field, v.rule]),
    ).toEqual([['answers.interests', 'required']]);
    const identifying = await send({ ...COMPLETE_ANSWERS, illnessHistory: 'Journal för 630412-1234 visar…' });
    expect(identifying.status).toBe(400);
    expect(identifying.body.details.violations).toEqual([
      expect.objectContaining({ field: 'answers.illnessHistory', rule: 'personnummer' }),
    ]);
    expect(JSON.stringify(identifying.body)).not.toContain('630412-1234');
    const stale = await send(COMPLETE_ANSWERS, { formVersion: 1 });
    expect(stale.body.details.violations).toEqual([
      expect.objectContaining({ field: 'formVersion', rule: 'current-form' }),
    ]);
    expect(await caseEvents()).toBe(before);
    expect(await received(panel())).toEqual([]);
  });

  it('given a likely name, then sending waits for the sender’s confirmation; confirmed, it is received with a number and two weeks to decide', async () => {
    const naming = { ...COMPLETE_ANSWERS, socialNetwork: 'Brodern Ahmed hjälper henne.' };
    const warned = await send(naming);
    expect(warned.status).toBe(422);
    const [warning] = warned.body.details.failed;
    expect(warning).toMatchObject({ field: 'answers.socialNetwork', warning: true });
    const sent = await send(naming, {
      acknowledgedWarnings: [warning.id],
      senderTitle: 'Socialsekreterare',
      senderPhone: '08-508 00 000',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [item] = await eventually(async () => {
      const items = await received(panel());
      expect(items).toHaveLength(1);
      return items;
    });
    referralNumber = String(item.referralNumber);
    expect(referralNumber).toMatch(REFERRAL_NUMBER);
    expect(item).toMatchObject({
      receivingUnit: ALC,
      sendingUnit: UNIT,
      sender: { name: SENDER.name, email: SENDER.email, title: 'Socialsekreterare', phone: '08-508 00 000' },
      phase: 'beredning',
      phaseLabel: 'Att pröva',
      formVersion: 2,
      sentAt: '2026-03-02T09:00:00.000Z',
      decisionDueAt: '2026-03-16T09:00:00.000Z',
      actions: ['komplettering', 'decide'],
    });
    expect((await received(reception()))[0].actions).toEqual(['return']);
    const text = JSON.stringify(await received(panel()));
    for (const secret of [caseId, instanceId, REFERENCE, 'Ahmed', 'Utmattningssyndrom'])
      expect(text).not.toContain(secret);
  });

  it('given the receiving unit reads it, then it sees the summary and nothing of the case, and the reading is logged; another unit finds nothing', async () => {
    const detail = (await panel().get(`/api/referrals/received/${referralNumber}`).expect(200)).body;
    expect(detail.summary).toMatchObject({
      sex: 'kvinna',
      birthYear: 1963,
      diagnosis: COMPLETE_ANSWERS.diagnosis,
    });
    const text = JSON.stringify(detail);
    for (const secret of [caseId, instanceId, REFERENCE]) expect(text).not.toContain(secret);
    await panel().get(`/api/cases/${caseId}`).expect(403);
    const elsewhere = person('bg-annan', 'alc-annan', ['beredningsgrupp'], 'bg@annan.example');
    expect((await asPrincipal(app, elsewhere).get('/api/referrals/received').expect(200)).body.items).toEqual(
      [],
    );
    await asPrincipal(app, elsewhere).get(`/api/referrals/received/${referralNumber}`).expect(404);
    await panel().get('/api/referrals/received/not-a-number').expect(400);
    const chef = as(app, 'bitradande_enhetschef', 'bec-1', UNIT);
    await eventually(async () => {
      const log = (await chef.get(`/api/access-log/cases/${caseId}`).expect(200)).body.items;
      expect(log).toContainEqual(expect.objectContaining({ userId: PANEL.id, view: 'referral' }));
    });
  });

  it('given a komplettering asked, then the sender answers in the case, under the same rule, and the thread stays in the referral', async () => {
    const asked = await step(panel(), 'komplettering', { question: QUESTION });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body).toEqual({
      referralNumber,
      events: expect.arrayContaining(['KompletteringRequested']),
    });
    const identifying = await stepInCase('KompletteringAnswered', { answer: 'Ring henne på 070-123 45 67' });
    expect(identifying.status).toBe(400);
    const answered = await stepInCase('KompletteringAnswered', { answer: ANSWER });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    await eventually(async () => {
      const detail = (await panel().get(`/api/referrals/received/${referralNumber}`).expect(200)).body;
      expect(detail.phase).toBe('beredning');
      expect(detail.thread.map((e: { kind: string; text: string }) => [e.kind, e.text])).toEqual([
        ['question', QUESTION],
        ['answer', ANSWER],
      ]);
    });
  });

  it('given the decision, then only the Beredningsgrupp records it, with a motivation; refused, nothing is stored', async () => {
    const decided = { outcome: 'rekommenderasAntagning', motivation: MOTIVATION, decidedOn: '2026-03-02' };
    expect((await step(reception(), 'decide', decided)).status).toBe(403);
    const before = await caseEvents();
    const bare = await step(panel(), 'decide', { ...decided, motivation: '' });
    expect(bare.status).toBe(400);
    expect(bare.body.details.violations.map((v: { field: string }) => v.field)).toEqual(['motivation']);
    expect((await step(panel(), 'skip', decided)).status).toBe(404);
    expect(await caseEvents()).toBe(before);
    const result = await step(panel(), 'decide', decided);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.events).toEqual(['ReferralDecided', 'DeadlineCancelled']);
  });

  it('given the recommendation, then the reception records the admission, which starts a placement in the sender’s case from the referral', async () => {
    expect((await received(reception()))[0].actions).toEqual(['admit', 'decline-admission']);
    const admitted = await step(reception(), 'admit', { admittedOn: '2026-03-02' });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200);
    expect(admitted.body.events).toEqual([
      'AdmissionRecorded',
      'ProcessStarted',
      'PlacementContinued',
      'ProcessCompleted',
    ]);
    await eventually(async () => {
      const placements = (await sender().get(`/api/placements?caseId=${caseId}`).expect(200)).body.items;
      expect(placements).toEqual([
        expect.objectContaining({
          phase: 'anvisning',
          origin: expect.objectContaining({ kind: 'aktualisering' }),
        }),
      ]);
    });
  });

  it('given the decision and the admission, then the sender sees them with the motivation, and the receiving unit has nothing left to do', async () => {
    await eventually(async () => {
      const [mine] = (await sender().get('/api/referrals/sent').expect(200)).body.items;
      expect(mine).toMatchObject({
        referralNumber,
        caseId,
        receivingUnit: ALC,
        phase: 'antagen',
        outcome: 'rekommenderasAntagning',
        admittedOn: '2026-03-02',
        decidedOn: '2026-03-02',
        motivation: MOTIVATION,
      });
    });
    const [item] = await received(panel());
    expect(item).toMatchObject({ phase: 'antagen', decisionDueAt: null, actions: [] });
    expect((await sender().get('/api/referrals/sent').expect(200)).body.items).toHaveLength(1);
    expect((await panel().get('/api/referrals/sent').expect(200)).body.items).toEqual([]);
  });

  it('given the e-mail worker runs, then each person concerned hears once of each step, by its kind and a link, and nothing of the case', async () => {
    await eventually(async () => expect((await runMail()).sent.length).toBeGreaterThan(0));
    await runMail();
    const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    const subjects = (address: string) => to(address).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
    expect(to(PANEL.email).length).toBe(2);
    expect(to(RECEPTION.email).length).toBe(1);
    // Received and answered: once each, though both of their roles were told of the first.
    expect(to(BOTH.email).length).toBe(2);
    // Received, the question, the decision and the admission.
    expect(to(SENDER.email).length).toBe(4);
    expect(subjects(PANEL.email).join(' ')).toContain('aktualisering');
    for (const message of to(PANEL.email))
      expect(message.raw).toContain(`https://arenden.kommun.example/aktualiseringar/${referralNumber}`);
    for (const message of to(SENDER.email)) expect(message.raw).toContain(`/arenden/${caseId}`);
    for (const message of smtp.received.filter((m) => !m.to.includes(SENDER.email)))
      expect(message.raw).not.toContain(caseId);
    for (const message of smtp.received)
      for (const secret of [REFERENCE, 'Ahmed', MOTIVATION, QUESTION, ANSWER, COMPLETE_ANSWERS.diagnosis])
        expect(message.raw).not.toContain(secret);
  });

  it('given a second referral the reception returns, then the sender sees why, and the receiving unit has nothing left to do', async () => {
    const started = await sender()
      .post(`/api/cases/${caseId}/processes`)
      .send({ definitionId: 'aktualisering' });
    instanceId = started.body.instanceId;
    expect((await send(COMPLETE_ANSWERS)).status).toBe(200);
    const second = await eventually(async () => {
      const items = await received(reception());
      expect(items).toHaveLength(2);
      return items.find((i) => i.phase === 'beredning')!;
    });
    referralNumber = String(second.referralNumber);
    expect((await step(reception(), 'return', { reason: 'utanfor_malgrupp' })).status).toBe(422);
    const returned = await step(reception(), 'return', {
      reason: 'utanfor_malgrupp',
      comment: 'Vi tar bara emot från 25 år.',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    await eventually(async () => {
      const mine = (await sender().get('/api/referrals/sent').expect(200)).body.items;
      expect(mine.find((r: { referralNumber: string }) => r.referralNumber === referralNumber)).toMatchObject(
        {
          phase: 'returnerad',
          returnReason: 'utanfor_malgrupp',
          returnComment: 'Vi tar bara emot från 25 år.',
        },
      );
    });
  });

  it('given a referral returned as not de-identified, then its summary is gone from the receiving unit at once; the sender keeps it in the case', async () => {
    const started = await sender()
      .post(`/api/cases/${caseId}/processes`)
      .send({ definitionId: 'aktualisering' });
    instanceId = started.body.instanceId;
    expect((await send(COMPLETE_ANSWERS)).status).toBe(200);
    const third = await eventually(async () => {
      const open = (await reception().get('/api/referrals/received?open=true').expect(200)).body.items;
      expect(open).toHaveLength(1);
      return String(open[0].referralNumber);
    });
    referralNumber = third;
    const before = (await reception().get(`/api/referrals/received/${third}`).expect(200)).body;
    expect(before.summary).toMatchObject({ sex: 'kvinna' });
    const returned = await step(reception(), 'return', {
      reason: 'ej_avidentifierad',
      comment: 'Namn i texten.',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    await eventually(async () => {
      const after = (await reception().get(`/api/referrals/received/${third}`).expect(200)).body;
      expect(after).toMatchObject({ phase: 'returnerad', summary: null });
    });
    const history = (await sender().get(`/api/cases/${caseId}/history`).expect(200)).body;
    expect(JSON.stringify(history)).toContain(COMPLETE_ANSWERS.diagnosis);
  });

  it('given a year has passed since they ended, then the receiving unit no longer has them (gallring); the sender still does', async () => {
    expect(await received(panel())).toHaveLength(3);
    clock.set('2027-03-03T09:00:00.000Z');
    expect(await received(panel())).toEqual([]);
    await panel().get(`/api/referrals/received/${referralNumber}`).expect(404);
    expect((await sender().get('/api/referrals/sent').expect(200)).body.items).toHaveLength(3);
  });
});
