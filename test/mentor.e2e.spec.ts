import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT } from './flows';

/**
 * A social worker in the introduktionsprogram has a mentor (toolbox.md,
 * Roles): the mentor is copied on the progressionsplan and reads the
 * mentee's cases, read-only and in the access log; nothing more.
 */
describe('the mentor of a social worker in the introduktionsprogram', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  let mine: CaseDriver;
  let colleagues: CaseDriver;
  const MENTOR = 'mentor-mia';
  const mentor = () => as(app, 'mentor', MENTOR);
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const name = (mentorId: string | null, userId = SOCIAL_WORKER) =>
    chef().put(`/api/units/${UNIT}/social-workers/${userId}/mentor`).send({ mentorId });

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    await signedInOnce(app, MENTOR, UNIT, 'mentor');
    await signedInOnce(app, 'ss-bertil');
    await signedInOnce(app, 'rehabansvarig-1', UNIT, 'rehabansvarig');
    mine = await CaseDriver.open(app, 'MN 6401');
    colleagues = await CaseDriver.open(app, 'MN 7102');
    await as(app, 'bitradande_enhetschef', 'bec-1')
      .post(`/api/cases/${colleagues.caseId}/caseworker`)
      .send({
        socialWorkerId: 'ss-bertil',
        reason: 'omfordelning',
        clientInformed: {
          by: 'tidigare-socialsekreterare',
          on: '2026-01-15',
          how: 'telefon',
          contactGiven: true,
        },
        handover: 'Nuläge: nytt ärende.',
      })
      .expect(200);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given no mentorship, then the mentor finds no case', async () => {
    expect((await mentor().get(`/api/cases/${mine.caseId}`)).status).toBe(404);
  });

  it('given someone who is not a mentor, a mentee who is not a social worker of the unit, or a social worker naming one, then it is refused and nothing changes', async () => {
    const notAMentor = await name('rehabansvarig-1');
    expect([notAMentor.status, notAMentor.body.details.failed]).toEqual([
      422,
      [expect.objectContaining({ id: 'not-a-mentor-of-the-unit', field: 'mentorId' })],
    ]);
    const notAMentee = await name(MENTOR, 'rehabansvarig-1');
    expect(notAMentee.body.details.failed).toEqual([
      expect.objectContaining({ id: 'not-a-socialsekreterare-of-the-unit', field: 'userId' }),
    ]);
    const bySocialWorker = await as(app, 'socialsekreterare', SOCIAL_WORKER)
      .put(`/api/units/${UNIT}/social-workers/${SOCIAL_WORKER}/mentor`)
      .send({ mentorId: MENTOR });
    expect(bySocialWorker.status).toBe(403);
    expect((await mentor().get(`/api/cases/${mine.caseId}`)).status).toBe(404);
  });

  it("given the biträdande enhetschef names the mentor, then the mentor reads the mentee's case, in the access log, and acts on nothing", async () => {
    const named = await name(MENTOR);
    expect([named.status, named.body]).toEqual([
      200,
      { unit: UNIT, userId: SOCIAL_WORKER, mentorId: MENTOR },
    ]);
    await eventually(async () => {
      expect((await mentor().get(`/api/cases/${mine.caseId}`)).status).toBe(200);
    });
    const listed = (await mentor().get('/api/cases').expect(200)).body.items as { caseId: string }[];
    expect(listed.map((c) => c.caseId)).toEqual([mine.caseId]);
    expect((await mentor().get(`/api/cases/${colleagues.caseId}`)).status).toBe(404);
    const rh = await mine.start('rehab-handledning');
    const acted = await mentor()
      .post(`/api/cases/${mine.caseId}/processes/${rh}/events`)
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['sjukskriven-utan-samordnade-insatser'] } });
    expect(acted.status).toBe(403);
    await eventually(async () => {
      const log = (await chef().get(`/api/access-log/cases/${mine.caseId}`).expect(200)).body.items as {
        userId: string;
        roles: string[];
      }[];
      expect(log.find((entry) => entry.userId === MENTOR)?.roles).toEqual([`${UNIT}:mentor`]);
    });
  });

  it('given Rehabansvarig shares a progressionsplan, then the mentor gets the copy in person', async () => {
    const other = await CaseDriver.open(app, 'MN 8803');
    await other.rehabToCategory4();
    await eventually(async () => {
      const notes = (await mentor().get('/api/notifications').expect(200)).body.items as {
        caseId: string;
        message: string;
      }[];
      expect(notes.filter((n) => n.caseId === other.caseId).map((n) => n.message)).toEqual([
        'Rehabansvarig handleder: Rehabansvarig har delat progressionsplanen.',
      ]);
    });
  });

  it('given the mentorship ends, then the mentor finds the case no more', async () => {
    expect((await name(null)).status).toBe(200);
    await eventually(async () => {
      expect((await mentor().get(`/api/cases/${mine.caseId}`)).status).toBe(404);
    });
  });
});
