import { createHash, randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Transporter } from 'nodemailer';
import { CLOCK, type Clock } from '@app/common';
import { ConcurrencyError, EVENT_STORE, NO_STREAM, type EventStore } from '@app/event-store';
import { MAIL_EVENTS, STREAM_PREFIXES } from '@app/engine';
import { PendingMailQuery, type PendingMail } from '@app/projections';
import { addIsoDuration } from '@app/workflow';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { composeMail } from './mail-message';
import { MAIL_TRANSPORTER } from './mail-transport';

export const MAIL_ACTOR = 'system:epost';
/** A node holds a message this long; one that crashed meanwhile leaves it to the next run after. */
const CLAIM = 'PT10M';
/** A run stops taking new messages well before a claim it made could run out under it. */
const RUN_LIMIT_MS = 5 * 60_000;
/** Notifications older than a week are not mailed the first time: turning e-mail on does not send last month's. */
const NEWEST_MS = 7 * 86_400_000;
const BATCH = 200;

export interface MailReport {
  readonly at: string;
  readonly sent: { readonly notificationId: string; readonly userId: string }[];
  readonly failed: {
    readonly notificationId: string;
    readonly userId: string;
    readonly code: string;
    readonly retryAt: string;
  }[];
  /** Held by another node, or its read model was behind: left for the next run. */
  readonly skipped: { readonly notificationId: string; readonly userId: string; readonly reason: string }[];
}

/** Each notification and recipient has its own stream; its id says neither. */
export const mailStreamOf = (mail: Pick<PendingMail, 'notificationId' | 'userId'>) =>
  `${STREAM_PREFIXES.mail}${createHash('sha256').update(`${mail.notificationId}/${mail.userId}`).digest('hex').slice(0, 32)}`;

/** 1, 2, 4 … minutes, at most an hour; never given up, so nothing is lost. */
const pauseAfter = (attempt: number) => `PT${Math.min(60, 2 ** Math.max(0, attempt - 1))}M`;

const codeOf = (error: unknown) => {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  return responseCode ? `SMTP ${responseCode}` : (code ?? 'UNKNOWN');
};

/**
 * The outbox (ADR 0029): every notification to a person with an address
 * and e-mail on becomes one message, sent once. A node first claims it in
 * its own stream at the revision it read, so of two nodes only one can
 * send; what it sent or why it failed is the stream's next event. A node
 * that crashes after its claim leaves the message to be claimed again
 * once the claim runs out, so none is lost; the message id is the same
 * every time, so a mail server can tell a resend.
 */
@Injectable()
export class MailOutbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MailOutbox');
  private readonly node = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<MailReport>;

  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(MAIL_TRANSPORTER) private readonly transporter: Transporter | null = null,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.transporter || this.config.mail.workerIntervalMs === 0) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) =>
        this.logger.error(`mail run failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, this.config.mail.workerIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.transporter?.close();
  }

  /** One run now; a call while one runs gets that run's report. */
  runOnce(): Promise<MailReport> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<MailReport> {
    const started = this.clock.now();
    const report: MailReport = { at: started.toISOString(), sent: [], failed: [], skipped: [] };
    if (!this.transporter) return report;
    const since = new Date(started.getTime() - NEWEST_MS).toISOString();
    for (const mail of await this.queries.execute(new PendingMailQuery(report.at, since, BATCH))) {
      // A slow server must not outlast the claims: what is left waits for the next run.
      if (this.clock.now().getTime() - started.getTime() > RUN_LIMIT_MS) break;
      try {
        await this.deliver(mail, report);
      } catch (error) {
        // The store refused a record of the outcome: one message's trouble must not stop the others.
        const reason = error instanceof ConcurrencyError ? 'outcomeNotRecorded' : 'storeFailed';
        this.logger.error(`mail ${mail.notificationId}: ${reason}`);
        report.skipped.push({ notificationId: mail.notificationId, userId: mail.userId, reason });
      }
    }
    return report;
  }

  /** Each step reads the clock again: the claim runs from when it is made, the pause from the failure. */
  private async deliver(mail: PendingMail, report: MailReport): Promise<void> {
    const now = () => this.clock.now().toISOString();
    const who = { notificationId: mail.notificationId, userId: mail.userId };
    const stream = mailStreamOf(mail);
    const append = (
      type: string,
      data: Record<string, unknown>,
      expectedRevision: number | typeof NO_STREAM,
    ) =>
      this.store.appendToStream(
        stream,
        [
          {
            id: randomUUID(),
            type,
            data: { ...who, ...data },
            metadata: { occurredAt: now(), actorId: MAIL_ACTOR },
          },
        ],
        { expectedRevision },
      );
    let claimed: number;
    try {
      claimed = (
        await append(
          MAIL_EVENTS.claimed,
          { node: this.node, until: addIsoDuration(now(), CLAIM) },
          mail.revision ?? NO_STREAM,
        )
      ).nextExpectedRevision;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      report.skipped.push({ ...who, reason: 'claimedElsewhere' });
      return;
    }
    const message = composeMail(mail.kind, mail.caseId, mail.path, this.config.mail.publicUrl);
    try {
      await this.transporter?.sendMail({
        from: this.config.mail.from,
        to: mail.email,
        subject: message.subject,
        text: message.text,
        messageId: `<${stream.slice(STREAM_PREFIXES.mail.length)}@arendemotorn>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const attempt = mail.attempts + 1;
      const retryAt = addIsoDuration(now(), pauseAfter(attempt));
      await append(MAIL_EVENTS.attemptFailed, { attempt, code: codeOf(error), retryAt }, claimed);
      report.failed.push({ ...who, code: codeOf(error), retryAt });
      return;
    }
    await append(MAIL_EVENTS.sent, { subject: message.subject, link: message.link }, claimed);
    report.sent.push(who);
  }
}
