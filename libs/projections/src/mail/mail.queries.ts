import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';

/** One notification's e-mail to one person, still to be sent. */
export interface PendingMail {
  readonly notificationId: string;
  readonly caseId: string;
  readonly kind: string;
  /** The page of the app the e-mail links to, when not the case: a partner's own list. */
  readonly path: string | null;
  readonly userId: string;
  readonly email: string;
  /** The delivery stream's revision as the read model saw it, or null before its first event. */
  readonly revision: number | null;
  readonly attempts: number;
}

/** Notifications since `since` (or already tried: a failing one is never dropped) whose e-mail to someone with an address and e-mail on is neither sent, held by a node, nor waiting to be tried again. */
export class PendingMailQuery extends Query<PendingMail[]> {
  constructor(
    readonly now: string,
    readonly since: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(PendingMailQuery)
export class PendingMailHandler implements IQueryHandler<PendingMailQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ now, since, limit }: PendingMailQuery): Promise<PendingMail[]> {
    // Only the week's notifications and those still open are read, each by its own index, however long the log.
    // A person is one recipient however many of their roles one event's notifications name: its first row speaks for all.
    return Promise.resolve(
      this.db.all<PendingMail>(
        `WITH candidates AS (
           SELECT id FROM nt_notifications WHERE created_at >= :since
           UNION SELECT notification_id FROM ml_deliveries WHERE sent_at IS NULL
         ), recipients AS (
           SELECT n.id, n.event_id, m.user_id, m.email
           FROM candidates c JOIN nt_notifications n ON n.id = c.id JOIN sf_members m ON m.user_id = n.recipient_person
           UNION ALL
           SELECT n.id, n.event_id, m.user_id, m.email
           FROM candidates c JOIN nt_notifications n ON n.id = c.id
             JOIN sf_members m ON n.recipient_person IS NULL AND m.unit = n.unit AND m.role = n.recipient_role
         ), people AS (
           SELECT min(id) AS id, user_id, max(email) AS email FROM recipients GROUP BY event_id, user_id
         )
         SELECT r.id AS notificationId, n.case_id AS caseId, n.kind, n.path, r.user_id AS userId, r.email,
           d.revision, coalesce(d.attempts, 0) AS attempts
         FROM people r JOIN nt_notifications n ON n.id = r.id
         LEFT JOIN ml_deliveries d ON d.notification_id = r.id AND d.user_id = r.user_id
         LEFT JOIN ml_preferences p ON p.user_id = r.user_id
         WHERE r.email IS NOT NULL AND coalesce(p.opt_out, 0) = 0
           AND d.sent_at IS NULL AND (d.claimed_until IS NULL OR d.claimed_until <= :now)
           AND (d.retry_at IS NULL OR d.retry_at <= :now)
         ORDER BY n.created_at, r.id, r.user_id LIMIT :limit`,
        { now, since, limit },
      ),
    );
  }
}

export interface MailDelivery {
  readonly notificationId: string;
  readonly userId: string;
  readonly kind: string;
  readonly status: 'sent' | 'claimed' | 'retrying';
  readonly attempts: number;
  readonly subject: string | null;
  readonly link: string | null;
  readonly sentAt: string | null;
  readonly retryAt: string | null;
  readonly lastCode: string | null;
}

/** The latest deliveries, for the operator: what went out, what waits and why. No address and no case content. */
export class MailDeliveriesQuery extends Query<MailDelivery[]> {
  constructor(readonly limit: number) {
    super();
  }
}

@QueryHandler(MailDeliveriesQuery)
export class MailDeliveriesHandler implements IQueryHandler<MailDeliveriesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ limit }: MailDeliveriesQuery): Promise<MailDelivery[]> {
    return Promise.resolve(
      this.db.all<MailDelivery>(
        `SELECT d.notification_id AS notificationId, d.user_id AS userId, n.kind,
           CASE WHEN d.sent_at IS NOT NULL THEN 'sent' WHEN d.retry_at IS NOT NULL THEN 'retrying' ELSE 'claimed' END
             AS status,
           d.attempts, d.subject, d.link, d.sent_at AS sentAt, d.retry_at AS retryAt, d.last_code AS lastCode
         FROM ml_deliveries d LEFT JOIN nt_notifications n ON n.id = d.notification_id
         ORDER BY coalesce(d.sent_at, d.retry_at, '') DESC, d.notification_id LIMIT :limit`,
        { limit },
      ),
    );
  }
}

/** Whether a person turned e-mail off; on until they do. */
export class MailPreferenceQuery extends Query<boolean> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(MailPreferenceQuery)
export class MailPreferenceHandler implements IQueryHandler<MailPreferenceQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ userId }: MailPreferenceQuery): Promise<boolean> {
    const row = this.db.get<{ opt_out: number }>(
      'SELECT opt_out FROM ml_preferences WHERE user_id = :userId',
      {
        userId,
      },
    );
    return Promise.resolve(row?.opt_out === 1);
  }
}
