import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLOCK } from '@app/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { QueryBus } from '@nestjs/cqrs';
import { MAIL_EVENTS } from '@app/engine';
import { StaffDirectory } from '@app/access';
import { PendingMailQuery } from '@app/projections';
import { ReadModelDb } from '@app/read-model';
import { APP_CONFIG } from '../apps/api/src/config/app-config';
import { MailOutbox, mailStreamOf, type MailReport } from '../apps/api/src/mail/mail-outbox';
import { transporterFor } from '../apps/api/src/mail/mail-transport';
import { as, asPrincipal, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';
import { smtpServer } from './support/smtp-server';

const REHAB = {
  id: 'rehab-epost',
  name: 'RA',
  email: 'ra@kommun.example',
  memberships: [{ unit: UNIT, roles: ['rehabansvarig' as const] }],
};
/** Case content the suite writes, which no e-mail may carry. */
const CASE_TEXT = ['MX 6311', 'MY 7402', 'MZ 8503', 'JN 4411', 'NO 1101'];

describe('e-mail: the outbox sends each notification once, over SMTP, without case content', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  const supervisor = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const runMail = async (): Promise<MailReport> => {
    const response = await as(app, 'operator').post('/api/admin/mail/run');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as MailReport;
  };
  /** A case whose Rehabansvarig is named: the notification that tells them so is what is mailed. */
  const assigned = async (reference: string) => {
    const c = await CaseDriver.open(app, reference);
    await supervisor()
      .post(`/api/cases/${c.caseId}/rehabansvarig`)
      .send({ rehabansvarigId: REHAB.id })
      .expect(200);
    return c;
  };
  /** Until the notification of `caseId` is listed as pending: the read models follow the log a moment behind. */
  const pendingFor = (caseId: string) =>
    eventually(async () => {
      const pending = await app
        .get(QueryBus)
        .execute(new PendingMailQuery(clock.now().toISOString(), '2026-01-01', 50));
      const mine = pending.filter((p) => p.caseId === caseId);
      expect(mine).toHaveLength(1);
      return mine[0];
    });

  beforeAll(async () => {
    smtp = await smtpServer();
    app = await startApp(
      data.dir,
      {
        MAIL_TRANSPORT: 'smtp',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_TLS: 'none',
        MAIL_FROM: 'Ärendemotorn <noreply@kommun.example>',
        PUBLIC_URL: 'https://arenden.kommun.example',
        MAIL_WORKER_INTERVAL_MS: '0',
      },
      clock,
    );
    await asPrincipal(app, REHAB).get('/api/auth/me').expect(200);
    // The first sign-in teaches the staff directory the address, as the identity provider's token gives it.
    await eventually(async () =>
      expect((await app.get(StaffDirectory).member(REHAB.id))?.email).toBe(REHAB.email),
    );
  });
  beforeEach(() => smtp.refuseNext(0));
  afterAll(async () => {
    await app.close();
    await smtp.close();
    data.remove();
  });

  it('given a notification to a person with an address, then one message reaches them: the kind and a link, nothing of the case', async () => {
    const c = await assigned('MX 6311');
    await pendingFor(c.caseId);
    const report = await runMail();
    expect(report.sent).toEqual([expect.objectContaining({ userId: REHAB.id })]);
    const message = smtp.received.at(-1)!;
    expect(message.to).toEqual([REHAB.email]);
    expect(message.from).toBe('noreply@kommun.example');
    expect(message.raw).toContain(`https://arenden.kommun.example/arenden/${c.caseId}`);
    expect(message.raw).toMatch(/Auto-Submitted: auto-generated/i);
    expect(message.raw).toContain('Av sekretesskäl står inget om ärendet i det här meddelandet.');
    expect(await runMail()).toMatchObject({ sent: [], failed: [] });
    expect(smtp.received.filter((m) => m.raw.includes(c.caseId))).toHaveLength(1);
  });

  it('given the server refuses and then accepts, then it is tried again after a pause and delivered once', async () => {
    const c = await assigned('MY 7402');
    await pendingFor(c.caseId);
    smtp.refuseNext(1);
    const refused = await runMail();
    expect(refused.failed).toEqual([
      expect.objectContaining({ code: 'SMTP 451', retryAt: '2026-03-02T09:01:00.000Z' }),
    ]);
    // Before its pause ends it is left alone; after, it goes.
    await eventually(async () => expect((await runMail()).sent).toEqual([]));
    clock.set('2026-03-02T09:01:00.000Z');
    await eventually(async () => expect((await runMail()).sent).toHaveLength(1));
    expect(smtp.received.filter((m) => m.raw.includes(c.caseId))).toHaveLength(1);
  });

  it('given two nodes running the outbox at the same moment, then the message is sent once', async () => {
    const c = await assigned('MZ 8503');
    await pendingFor(c.caseId);
    const config = app.get(APP_CONFIG);
    const otherNode = new MailOutbox(
      app.get(QueryBus),
      app.get<EventStore>(EVENT_STORE),
      app.get(CLOCK),
      config,
      transporterFor(config.mail) ?? null,
    );
    const [here, there] = await Promise.all([app.get(MailOutbox).runOnce(), otherNode.runOnce()]);
    expect(here.sent.length + there.sent.length).toBe(1);
    expect([...here.skipped, ...there.skipped].map((s) => s.reason)).toEqual(['claimedElsewhere']);
    expect(smtp.received.filter((m) => m.raw.includes(c.caseId))).toHaveLength(1);
  });

  it('given a node that claimed a message and crashed before sending it, then another sends it once the claim runs out', async () => {
    const c = await assigned('JN 4411');
    const pending = await pendingFor(c.caseId);
    // The crashed node's claim, as it would have appended it: the stream's first event.
    const stream = mailStreamOf(pending);
    await app.get<EventStore>(EVENT_STORE).appendToStream(
      stream,
      [
        {
          id: randomUUID(),
          type: MAIL_EVENTS.claimed,
          data: {
            notificationId: pending.notificationId,
            userId: pending.userId,
            node: 'crashed',
            until: '2026-03-02T09:11:00.000Z',
          },
          metadata: { occurredAt: clock.now().toISOString(), actorId: 'system:epost' },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await eventually(async () => {
      const report = await runMail();
      expect(report.sent.filter((s) => s.notificationId === pending.notificationId)).toEqual([]);
      expect(report.skipped).toEqual([]);
    });
    clock.set('2026-03-02T09:11:00.000Z');
    await eventually(async () => expect((await runMail()).sent).toHaveLength(1));
    expect(smtp.received.filter((m) => m.raw.includes(c.caseId))).toHaveLength(1);
  });

  it('given the person turns e-mail off, then nothing more is sent to them, and the operator sees what went out', async () => {
    await asPrincipal(app, REHAB).put('/api/auth/me/mail').send({ optOut: true }).expect(200);
    const bad = await asPrincipal(app, REHAB).put('/api/auth/me/mail').send({ optOut: 'ja' });
    expect([bad.status, bad.body.details.violations[0].field]).toEqual([400, 'optOut']);
    const db = app.get(ReadModelDb);
    await eventually(async () =>
      expect(
        db.get<{ opt_out: number }>('SELECT opt_out FROM ml_preferences WHERE user_id = ?', [REHAB.id])
          ?.opt_out,
      ).toBe(1),
    );
    const before = smtp.received.length;
    const c = await assigned('NO 1101');
    await eventually(async () =>
      expect(
        db.get<{ n: number }>('SELECT count(*) AS n FROM nt_notifications WHERE case_id = ?', [c.caseId])?.n,
      ).toBe(1),
    );
    expect((await runMail()).sent).toEqual([]);
    expect(smtp.received.length).toBe(before);
    const rows = (await as(app, 'operator').get('/api/admin/mail').expect(200)).body;
    expect(rows.transport).toBe('smtp');
    expect(rows.items.filter((r: { status: string }) => r.status === 'sent')).toHaveLength(4);
    expect(JSON.stringify(rows)).not.toContain(REHAB.email);
  });

  it('given every message the suite sent, then none holds a reference, a name or any text of a case', () => {
    expect(smtp.received.length).toBeGreaterThanOrEqual(4);
    for (const message of smtp.received) {
      for (const text of [...CASE_TEXT, 'Rehabansvarig för ärendet', 'ss-anna', REHAB.id])
        expect(message.raw, `a message holds ${text}`).not.toContain(text);
    }
  });
});

describe('e-mail in development and when off', () => {
  const REHAB_PREVIEW = { ...REHAB, id: 'rehab-forhandsvisning' };

  async function oneNotification(app: INestApplication) {
    await asPrincipal(app, REHAB_PREVIEW).get('/api/auth/me').expect(200);
    await eventually(async () =>
      expect((await app.get(StaffDirectory).member(REHAB_PREVIEW.id))?.email).toBe(REHAB.email),
    );
    const c = await CaseDriver.open(app, 'PV 5501');
    await as(app, 'bitradande_enhetschef', 'bec-1')
      .post(`/api/cases/${c.caseId}/rehabansvarig`)
      .send({ rehabansvarigId: REHAB_PREVIEW.id })
      .expect(200);
    await eventually(async () =>
      expect(
        (await app.get(QueryBus).execute(new PendingMailQuery(new Date().toISOString(), '2000-01-01', 10)))
          .length,
      ).toBe(1),
    );
    return c;
  }

  it('given preview, then each message is composed and shown to the operator, and nothing is sent', async () => {
    const data = tempDataDir();
    const app = await startApp(data.dir, { MAIL_TRANSPORT: 'preview', MAIL_WORKER_INTERVAL_MS: '0' });
    try {
      const c = await oneNotification(app);
      const report = (await as(app, 'operator').post('/api/admin/mail/run').expect(200)).body as MailReport;
      expect(report.sent).toHaveLength(1);
      await eventually(async () => {
        const listed = (await as(app, 'operator').get('/api/admin/mail').expect(200)).body;
        expect(listed).toMatchObject({
          transport: 'preview',
          items: [
            {
              status: 'sent',
              subject: 'Något väntar på dig i Ärendemotorn',
              link: `http://localhost:3000/arenden/${c.caseId}`,
            },
          ],
        });
      });
    } finally {
      await app.close();
      data.remove();
    }
  });

  it('given off (the default), then the outbox sends nothing and records nothing', async () => {
    const data = tempDataDir();
    const app = await startApp(data.dir, { MAIL_WORKER_INTERVAL_MS: '0' });
    try {
      await oneNotification(app);
      expect((await as(app, 'operator').post('/api/admin/mail/run').expect(200)).body).toMatchObject({
        sent: [],
        failed: [],
        skipped: [],
      });
      expect((await as(app, 'operator').get('/api/admin/mail').expect(200)).body).toEqual({
        transport: 'off',
        items: [],
      });
    } finally {
      await app.close();
      data.remove();
    }
  });
});
