import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT } from './flows';

interface Task {
  caseId: string;
  instanceId: string;
  step: { statePath: string; title: string };
  assignee: string | null;
}

/**
 * Who has which task (issue 18): a Rehabansvarig takes a task of the role's
 * queue, hands it to a colleague or puts it back, each an event in the
 * case; and the biträdande enhetschef lets one social worker cover for an
 * absent colleague for a period, which shows the absent one's tasks and
 * cases to the cover until it ends.
 */
describe('taking and handing over tasks, and covering for an absent colleague', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-09-07T08:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  let rh: string;
  const eva = () => as(app, 'rehabansvarig', 'rehab-eva');
  const olle = () => as(app, 'rehabansvarig', 'rehab-olle');
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const cover = () => as(app, 'socialsekreterare', 'ss-cover');
  const queue = async (who: typeof eva, which: 'mine' | 'role') =>
    (await who().get(`/api/queues/${which}`).expect(200)).body.items as Task[];
  const review = (tasks: Task[]) =>
    tasks.find((t) => t.caseId === c.caseId && t.step.statePath === 'genomgang');
  const assign = (who: typeof eva, to: string | null, statePath = 'genomgang') =>
    who().post(`/api/cases/${c.caseId}/processes/${rh}/tasks/assign`).send({ statePath, to });

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    for (const user of ['rehab-eva', 'rehab-olle']) await signedInOnce(app, user, UNIT, 'rehabansvarig');
    await signedInOnce(app, 'ss-cover');
    c = await CaseDriver.open(app, 'TC 1967-03');
    rh = await c.start('rehab-handledning');
    await c.send('socialsekreterare', rh, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
    });
    await c.send('socialsekreterare', rh, 'RehabansvarigContacted');
    await eventually(async () => expect(review(await queue(olle, 'role'))).toBeDefined());
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('takes a task off the role’s queue into one’s own, hands it to a colleague, and puts it back', async () => {
    expect(review(await queue(eva, 'role'))?.assignee).toBeNull();
    await assign(eva, 'rehab-eva').expect(200);
    await eventually(async () => expect(review(await queue(eva, 'mine'))?.assignee).toBe('rehab-eva'));
    expect(review(await queue(olle, 'role'))).toBeUndefined();

    await assign(eva, 'rehab-olle').expect(200);
    await eventually(async () => expect(review(await queue(olle, 'mine'))).toBeDefined());
    expect(review(await queue(eva, 'mine'))).toBeUndefined();

    await assign(olle, null).expect(200);
    await eventually(async () => expect(review(await queue(eva, 'role'))?.assignee).toBeNull());

    const labels = (
      (await chef().get(`/api/cases/${c.caseId}/history`).expect(200)).body.entries as { label: string }[]
    )
      .map((e) => e.label)
      .filter((label) => label.startsWith('Uppgiften'));
    expect(labels).toEqual([
      'Uppgiften tagen eller överlämnad: Genomgång av dokumentation',
      'Uppgiften tagen eller överlämnad: Genomgång av dokumentation',
      'Uppgiften tillbaka i rollens kö: Genomgång av dokumentation',
    ]);
  });

  it('refuses a holder outside the task’s role, a task not open, the social worker’s own tasks, and other roles', async () => {
    const notTheRole = await assign(eva, SOCIAL_WORKER).expect(422);
    expect(notTheRole.body.details.failed).toEqual([
      expect.objectContaining({ field: 'to', id: 'not-in-the-tasks-role' }),
    ]);
    const notOpen = await assign(eva, 'rehab-eva', 'bedomning').expect(422);
    expect(notOpen.body.details.failed).toEqual([expect.objectContaining({ id: 'task-not-open' })]);
    await as(app, 'socialsekreterare', SOCIAL_WORKER)
      .post(`/api/cases/${c.caseId}/processes/${rh}/tasks/assign`)
      .send({ statePath: 'genomgang', to: SOCIAL_WORKER })
      .expect(403);
    const badPath = await assign(eva, 'rehab-eva', 'inte en väg').expect(400);
    expect(badPath.body.details.violations).toEqual([expect.objectContaining({ field: 'statePath' })]);
    expect(review(await queue(eva, 'role'))?.assignee).toBeNull();
  });

  it('lists the unit’s people of a role to hand a task to, for members of the unit; a role no queue has is refused naming it', async () => {
    const listed = (await eva().get(`/api/units/${UNIT}/colleagues/rehabansvarig`).expect(200)).body;
    expect(listed.people.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['rehab-eva', 'rehab-olle']),
    );
    expect(listed.people.map((p: { id: string }) => p.id)).not.toContain(SOCIAL_WORKER);
    const caseManagers = (await eva().get(`/api/units/${UNIT}/colleagues/case_manager`).expect(200)).body;
    expect(caseManagers.people.map((p: { id: string }) => p.id)).not.toContain('rehab-eva');
    const unknown = await eva().get(`/api/units/${UNIT}/colleagues/socialsekreterare`).expect(400);
    expect(unknown.body.details.violations).toEqual([expect.objectContaining({ field: 'role' })]);
    await as(app, 'rehabansvarig', 'rehab-x', 'jarva-2')
      .get(`/api/units/${UNIT}/colleagues/rehabansvarig`)
      .expect(403);
  });

  it('lets a colleague cover for an absent social worker for a period: their tasks and current cases, then no more', async () => {
    const other = await CaseDriver.open(app, 'TC 1968-04');
    const started = await other.start('samverkan-varden');
    expect(started).toBeTruthy();
    const ofAbsent = async () => (await queue(cover, 'mine')).filter((t) => t.caseId === other.caseId);
    expect(await ofAbsent()).toEqual([]);
    await cover().get(`/api/cases/${other.caseId}`).expect(404);

    const granted = await chef()
      .post(`/api/units/${UNIT}/covers`)
      .send({ absentId: SOCIAL_WORKER, coverId: 'ss-cover', from: '2026-09-07', until: '2026-09-18' })
      .expect(200);
    expect(granted.body.covers).toEqual([
      expect.objectContaining({
        absentId: SOCIAL_WORKER,
        coverId: 'ss-cover',
        from: '2026-09-07',
        until: '2026-09-18',
        grantedBy: 'bec-1',
      }),
    ]);
    await eventually(async () => expect((await ofAbsent()).length).toBeGreaterThan(0));
    await cover().get(`/api/cases/${other.caseId}`).expect(200);
    await eventually(async () => {
      const log = (await chef().get(`/api/access-log/cases/${other.caseId}`).expect(200)).body.items as {
        userId: string;
      }[];
      expect(log.some((row) => row.userId === 'ss-cover')).toBe(true);
    });

    clock.set('2026-09-19T08:00:00.000Z');
    await cover().get(`/api/cases/${other.caseId}`).expect(404);
    expect(await ofAbsent()).toEqual([]);

    clock.set('2026-09-08T08:00:00.000Z');
    await cover().get(`/api/cases/${other.caseId}`).expect(200);
    const ended = await chef()
      .post(`/api/units/${UNIT}/covers/end`)
      .send({ absentId: SOCIAL_WORKER, coverId: 'ss-cover' })
      .expect(200);
    expect(ended.body.covers).toEqual([]);
    await cover().get(`/api/cases/${other.caseId}`).expect(404);
  });

  it.each([
    [{ until: '2026-12-31' }, 'until', 'atMostThreeMonths'],
    [{ from: '2026-09-10', until: '2026-09-09' }, 'until', 'notBeforeFrom'],
    [{ from: '2026-08-01', until: '2026-08-31' }, 'until', 'notPast'],
    [{ coverId: SOCIAL_WORKER }, 'coverId', 'notTheAbsent'],
    [{ from: '2026-02-30' }, 'from', 'calendarDate'],
  ])(
    'refuses the cover %o with 400 naming %s and the rule %s, and grants nothing',
    async (change, field, rule) => {
      const response = await chef()
        .post(`/api/units/${UNIT}/covers`)
        .send({
          absentId: SOCIAL_WORKER,
          coverId: 'ss-cover',
          from: '2026-09-08',
          until: '2026-09-20',
          ...change,
        })
        .expect(400);
      expect(response.body.details.violations).toEqual([expect.objectContaining({ field, rule })]);
      expect((await chef().get(`/api/units/${UNIT}/covers`).expect(200)).body.covers).toEqual([]);
    },
  );

  it('refuses a cover by someone who is not the unit’s biträdande enhetschef, or for someone who is not its social worker', async () => {
    const body = { absentId: SOCIAL_WORKER, coverId: 'ss-cover', from: '2026-09-08', until: '2026-09-20' };
    await cover().post(`/api/units/${UNIT}/covers`).send(body).expect(403);
    await as(app, 'bitradande_enhetschef', 'bec-r', 'rinkeby-2')
      .post(`/api/units/${UNIT}/covers`)
      .send(body)
      .expect(403);
    const notAWorker = await chef()
      .post(`/api/units/${UNIT}/covers`)
      .send({ ...body, coverId: 'rehab-eva' })
      .expect(422);
    expect(notAWorker.body.details.failed).toEqual([
      expect.objectContaining({ field: 'coverId', id: 'not-a-social-worker-of-the-unit' }),
    ]);
    await chef()
      .post(`/api/units/${UNIT}/covers/end`)
      .send({ absentId: SOCIAL_WORKER, coverId: 'ss-cover' })
      .expect(404);
  });
});
