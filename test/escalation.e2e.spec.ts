import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { caseStream, SYSTEM_ROLE } from '@app/engine';
import { DEADLINE_WORKER_ACTOR } from '../apps/api/src/escalation/deadline-worker';
import { as, eventually, otherNodeOf, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT } from './flows';

interface Task {
  caseId: string;
  step: { title: string };
  dueAt: string | null;
  overdue: boolean;
  escalated: boolean;
  escalationReason: string | null;
  missedDeadline: { title: string; dueAt: string } | null;
}

describe('automatic escalation over HTTP', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const supervisor = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const rehab = () => as(app, 'rehabansvarig', 'rehabansvarig-1');
  const socialWorker = () => as(app, 'socialsekreterare', SOCIAL_WORKER);
  const runDeadlines = async () => {
    const response = await as(app, 'operator').post('/api/admin/deadlines/run');
    expect(response.status).toBe(200);
    return response.body as {
      fired: { caseId: string; events: string[] }[];
      skipped: { caseId: string; deadlineId: string; reason: string }[];
      failed: unknown[];
    };
  };
  const tasks = async (url: string, agent = supervisor()) => (await agent.get(url)).body.items as Task[];

  it('förtroendeläkare: category 4, recommendations, a reminder at one month, escalation at two', async () => {
    const c = await CaseDriver.open(app);
    await c.rehabToCategory4();
    await c.fortroendelakareToRecommendations();
    const checkIn = await c.deadline('checkIn');
    const actionDeadline = await c.deadline('actionDeadline');
    expect([checkIn.dueAt, actionDeadline.dueAt]).toEqual([
      '2026-02-15T09:00:00.000Z',
      '2026-03-15T09:00:00.000Z',
    ]);

    // Both clocks show in the queues: the check-in with Rehabansvarig, the actions with the social worker.
    await eventually(async () => {
      const rehabTasks = await tasks('/api/queues/role', rehab());
      expect(rehabTasks).toContainEqual(
        expect.objectContaining({ caseId: c.caseId, dueAt: checkIn.dueAt, overdue: false }),
      );
      const mine = await tasks('/api/queues/mine', socialWorker());
      expect(mine).toContainEqual(
        expect.objectContaining({
          step: expect.objectContaining({ title: 'Åtgärder enligt rekommendationerna' }),
        }),
      );
    });

    // Before the due time nothing fires; past it, the queue says overdue even before the worker runs.
    clock.set('2026-02-15T08:59:59.000Z');
    expect((await runDeadlines()).fired).toEqual([]);
    clock.set('2026-02-16T09:00:00.000Z');
    expect((await tasks('/api/queues/role', rehab())).find((t) => t.caseId === c.caseId)?.overdue).toBe(true);

    const reminder = await runDeadlines();
    expect(reminder.fired).toEqual([
      expect.objectContaining({ caseId: c.caseId, events: ['DeadlineReached'] }),
    ]);
    await eventually(async () => {
      const notes = (await rehab().get('/api/notifications')).body.items;
      expect(notes).toContainEqual(
        expect.objectContaining({
          caseId: c.caseId,
          kind: 'deadline',
          recipient: { person: null, role: 'rehabansvarig' },
        }),
      );
      expect((await tasks('/api/queues/role', rehab())).map((t) => t.step.title)).toContain(
        'Påminnelse: avstämning försenad',
      );
    });

    // Two months without action: follow-up passes to the biträdande enhetschef.
    clock.set('2026-03-16T07:00:00.000Z');
    const escalation = await runDeadlines();
    expect(escalation.fired).toEqual([
      expect.objectContaining({ caseId: c.caseId, events: ['DeadlineReached', 'FollowUpOwnerChanged'] }),
    ]);
    expect((await runDeadlines()).fired).toEqual([]);

    const escalated = await eventually(async () => {
      const team = await tasks(`/api/queues/team/${UNIT}`);
      const task = team.find((t) => t.caseId === c.caseId && t.step.title === 'Eskalerad uppföljning');
      expect(task?.escalated).toBe(true);
      return task as Task;
    });
    expect(escalated).toMatchObject({
      step: { title: 'Eskalerad uppföljning' },
      escalationReason: 'Inga åtgärder inom 2 månader efter förtroendeläkarens rekommendationer',
      missedDeadline: { title: 'Åtgärder vidtagna inom 2 månader', dueAt: actionDeadline.dueAt },
    });
    expect((await tasks('/api/queues/role')).map((t) => t.caseId)).toContain(c.caseId);
    // The biträdande takes over the whole follow-up: Rehabansvarig's overdue check-in moves to their queue too.
    const takenOver = (await tasks('/api/queues/role')).filter((t) => t.caseId === c.caseId);
    expect(takenOver.map((t) => [t.step.title, t.escalated])).toEqual(
      expect.arrayContaining([
        ['Eskalerad uppföljning', true],
        ['Påminnelse: avstämning försenad', true],
      ]),
    );
    expect((await tasks('/api/queues/role', rehab())).some((t) => t.caseId === c.caseId)).toBe(false);
    expect((await tasks('/api/queues/team/' + UNIT))[0]).toMatchObject({ escalated: true });

    expect((await c.view()).followUps).toEqual([
      expect.objectContaining({
        process: 'Förtroendeläkare',
        role: 'bitradande_enhetschef',
        escalated: true,
      }),
    ]);
    const followUp = (await supervisor().get(`/api/follow-up?unit=${UNIT}&escalated=true`)).body.items;
    expect(followUp).toContainEqual(
      expect.objectContaining({
        caseId: c.caseId,
        owner: 'bitradande_enhetschef',
        since: '2026-03-16T07:00:00.000Z',
      }),
    );

    const swNotes = (await socialWorker().get('/api/notifications')).body.items;
    expect(swNotes).toContainEqual(
      expect.objectContaining({
        caseId: c.caseId,
        kind: 'escalation',
        recipient: { person: SOCIAL_WORKER, role: null },
      }),
    );
    const rehabNotes = (await rehab().get('/api/notifications')).body.items;
    expect(rehabNotes.map((n: { kind: string }) => n.kind)).toContain('escalation');
    const supervisorNotes = (await supervisor().get('/api/notifications')).body.items;
    expect(supervisorNotes).toContainEqual(
      expect.objectContaining({
        caseId: c.caseId,
        kind: 'escalation',
        recipient: { person: null, role: 'bitradande_enhetschef' },
      }),
    );

    const history = (await supervisor().get(`/api/cases/${c.caseId}/history`)).body.entries as {
      revision: number;
      type: string;
      label: string;
      actor: { id: string; role: string };
      occurredAt: string;
    }[];
    const view = await c.view();
    expect(history.map((e) => e.revision)).toEqual([...Array(view.revision + 1).keys()]);
    expect(history.map((e) => e.occurredAt)).toEqual([...history.map((e) => e.occurredAt)].sort());
    expect(history.slice(-2)).toEqual([
      expect.objectContaining({
        type: 'DeadlineReached',
        label: 'Tidsgräns passerad: Åtgärder vidtagna inom 2 månader',
        actor: {
          id: 'system:fristbevakning',
          role: 'system',
          name: 'Systemet (bevakning av tidsgränser)',
          roleLabel: null,
        },
      }),
      expect.objectContaining({
        type: 'FollowUpOwnerChanged',
        label: expect.stringMatching(/^Uppföljningsansvar eskalerat till Biträdande enhetschef/),
      }),
    ]);
    expect(history[0]).toMatchObject({
      type: 'CaseOpened',
      actor: { id: SOCIAL_WORKER, role: 'socialsekreterare', roleLabel: 'Socialsekreterare' },
    });
  });

  /** Another node as production runs one: its own engine on the same log and the same key store. */
  const otherNode = () => {
    const { engine, close } = otherNodeOf(app);
    const fire = (
      caseId: string,
      deadline: { deadlineId: string; dueAt: string },
      expectedRevision: number,
    ) =>
      engine.execute(
        { type: 'FireDeadline', caseId, deadlineId: deadline.deadlineId },
        {
          actorId: DEADLINE_WORKER_ACTOR,
          roles: [SYSTEM_ROLE],
          now: deadline.dueAt,
          correlationId: 'other-node',
          commandId: `deadline:${deadline.deadlineId}`,
          expectedRevision,
        },
      );
    return { fire, close };
  };

  const dueInReadModel = async (c: CaseDriver, deadline: { deadlineId: string; dueAt: string }) =>
    eventually(async () => {
      const items = (await supervisor().get(`/api/deadlines?dueBy=${deadline.dueAt}`)).body.items;
      const found = items.find((d: { deadlineId: string }) => d.deadlineId === deadline.deadlineId);
      expect(found?.caseRevision).toBe((await c.view()).revision);
      return found as { caseRevision: number };
    });

  const reachedIn = async (caseId: string) => {
    const reached: string[] = [];
    for await (const event of app.get<EventStore>(EVENT_STORE).readStream(caseStream(caseId))) {
      if (event.type === 'DeadlineReached') reached.push(String(event.data.deadlineId));
    }
    return reached;
  };

  it('given another node fired a due deadline first, then this node recognises it as already fired, and it is fired once', async () => {
    clock.set('2026-01-15T09:00:00.000Z');
    const c = await CaseDriver.open(app, 'GH 9002');
    await c.caseManagerToClientYes();
    const meeting = await c.deadline('informationMeeting');
    clock.set(meeting.dueAt);
    const due = await dueInReadModel(c, meeting);
    // This node's read models still list the deadline, as they would a moment after the other node fired it.
    await app.get(ProjectionRunner).stop();
    const other = otherNode();
    try {
      const fired = await other.fire(c.caseId, meeting, due.caseRevision);
      expect([fired.replayed, fired.events]).toEqual([false, ['DeadlineReached']]);
      const report = await runDeadlines();
      expect(report.fired).toEqual([]);
      expect(report.failed).toEqual([]);
      expect(report.skipped).toEqual([
        { caseId: c.caseId, deadlineId: meeting.deadlineId, reason: 'alreadyFired' },
      ]);
    } finally {
      await other.close();
      app.get(ProjectionRunner).start();
    }
    expect(await reachedIn(c.caseId)).toEqual([meeting.deadlineId]);
  });

  it('given a second node fires the same due deadline at the same moment, then it is fired once', async () => {
    clock.set('2026-01-15T09:00:00.000Z');
    const c = await CaseDriver.open(app, 'GH 9001');
    await c.caseManagerToClientYes();
    const meeting = await c.deadline('informationMeeting');
    clock.set(meeting.dueAt);
    const due = await dueInReadModel(c, meeting);
    const other = otherNode();
    const [report, fired] = await Promise.allSettled([
      runDeadlines(),
      other.fire(c.caseId, meeting, due.caseRevision),
    ]).finally(() => other.close());
    if (report.status !== 'fulfilled') throw report.reason;
    const otherFired = fired.status === 'fulfilled' && !fired.value.replayed;
    const here = report.value;
    // Exactly one of the two fired it; the other saw it fired (or the case moved under it) and left it.
    expect(here.fired.length + (otherFired ? 1 : 0)).toBe(1);
    if (otherFired)
      expect(here.skipped.map((s) => s.reason)).toEqual([
        expect.stringMatching(/^(alreadyFired|caseMoved)$/),
      ]);
    else
      expect(
        fired.status === 'fulfilled' || (fired.reason as { code: string }).code === 'EVENT_STORE.CONCURRENCY',
      ).toBe(true);
    expect(await reachedIn(c.caseId)).toEqual([meeting.deadlineId]);
  });

  it('given a remiss CM and the progressionsplan and the CM plan are shared, then those the spec names are told: the social worker of both plans, and the biträdande enhetschef of the progressionsplan and the remiss', async () => {
    clock.set('2026-01-15T09:00:00.000Z');
    const c = await CaseDriver.open(app, 'EF 8206');
    await c.rehabToCategory4();
    const cm = await c.caseManagerToClientYes();
    await c.send('case_manager', cm, 'InterventionAccepted', { startMeetingOn: '2026-01-15' });
    await c.send('case_manager', cm, 'StartMeetingHeld', {
      startDate: '2026-01-15',
      mainGoal: 'Arbetsträning 50 %',
      subGoals: ['Regelbunden sömn'],
    });
    await c.send('case_manager', cm, 'PlanShared');
    const stepNotes = async (agent: ReturnType<typeof as>) =>
      (
        (await agent.get('/api/notifications')).body.items as {
          caseId: string;
          kind: string;
          message: string;
        }[]
      )
        // A shared plan is a notice of its own kind, so its e-mail can say so.
        .filter((n) => n.caseId === c.caseId && ['step', 'plan-shared'].includes(n.kind))
        .map((n) => n.message)
        .sort();
    await eventually(async () => {
      expect(await stepNotes(socialWorker())).toEqual([
        'Case manager (CM): Case managern har delat CM-planen.',
        'Rehabansvarig handleder: Rehabansvarig har delat progressionsplanen.',
      ]);
      expect(await stepNotes(supervisor())).toEqual([
        'Case manager (CM): En remiss till case manager har kommit in: fördela den till en case manager.',
        'Rehabansvarig handleder: Rehabansvarig har delat progressionsplanen.',
      ]);
      expect(await stepNotes(rehab())).toEqual([]);
    });
    // Its 12-month clock must not run into the next test's deadline run.
    await c.send('case_manager', cm, 'InterventionClosed', { reason: 'mal-uppnatt' });
  });

  it('skriftliga rekommendationer: when the social worker records the consent, Rehabansvarig hears that it has arrived and has the next step', async () => {
    clock.set('2026-01-15T09:00:00.000Z');
    const c = await CaseDriver.open(app, 'GH 7712');
    await c.rehabToCategory4();
    const written = await c.start('skriftliga-rekommendationer');
    await c.send('socialsekreterare', written, 'ImpulsRegistered', {
      reason: 'Leverantören avråder från AFU',
    });
    await c.send('rehabansvarig', written, 'ContactAssessed', { assessment: 'Rekommendationer räcker' });
    const consentNotes = async (agent: ReturnType<typeof as>) =>
      (
        (await agent.get('/api/notifications')).body.items as {
          caseId: string;
          kind: string;
          message: string;
        }[]
      )
        .filter((n) => n.caseId === c.caseId && n.kind === 'step' && n.message.startsWith('Skriftliga'))
        .map((n) => n.message);
    await c.send('socialsekreterare', written, 'ConsentRecorded', { oral: true, written: true });
    await eventually(async () => {
      expect(await consentNotes(rehab())).toEqual([
        'Skriftliga rekommendationer och remisser: Socialsekreteraren meddelar att samtyckena har kommit in.',
      ]);
      expect(await consentNotes(socialWorker())).toEqual([]);
      const rehabTasks = await tasks('/api/queues/role', rehab());
      expect(rehabTasks.filter((t) => t.caseId === c.caseId).map((t) => t.step.title)).toContain(
        'Samverkan med leverantören',
      );
    });
  });

  it('case manager: the intervention is closed automatically at twelve months', async () => {
    clock.set('2026-01-15T09:00:00.000Z');
    const c = await CaseDriver.open(app, 'CD 7104');
    const cm = await c.caseManagerToClientYes();
    await c.send('case_manager', cm, 'InterventionAccepted', { startMeetingOn: '2026-01-20' });
    await c.send('case_manager', cm, 'StartMeetingHeld', {
      startDate: '2026-01-15',
      mainGoal: 'Arbetsträning 50 %',
      subGoals: ['Regelbunden sömn'],
    });
    const limit = await c.deadline('interventionLimit');
    expect(limit.dueAt).toBe('2027-01-15T09:00:00.000Z');

    clock.set(limit.dueAt);
    const run = await runDeadlines();
    expect(run.fired).toEqual([
      expect.objectContaining({ caseId: c.caseId, events: ['DeadlineReached', 'ProcessCompleted'] }),
    ]);
    expect((await c.view()).processes.find((p) => p.instanceId === cm)).toMatchObject({
      status: 'completed',
      state: 'closedAtTimeLimit',
    });
    await eventually(async () => {
      const cmNotes = (await as(app, 'case_manager', 'case_manager-1').get('/api/notifications')).body.items;
      expect(cmNotes).toContainEqual(expect.objectContaining({ caseId: c.caseId, kind: 'deadline' }));
      const supervisorNotes = (await supervisor().get('/api/notifications')).body.items;
      expect(supervisorNotes).toContainEqual(expect.objectContaining({ caseId: c.caseId, kind: 'deadline' }));
      const active = (await supervisor().get('/api/cases?process=case-manager')).body.items;
      expect(active.map((item: { caseId: string }) => item.caseId)).not.toContain(c.caseId);
    });
  });
});
