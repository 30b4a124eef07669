import { MAIL_EVENTS, STAFF_EVENTS } from '@app/engine';
import {
  MAIL_MESSAGES,
  MailPreferenceSet,
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  type StoredEventMessage,
} from '@app/read-model';

/**
 * Where each notification's e-mail to each person stands, from its own
 * stream (claimed until, sent, failed and when to try again), and who has
 * turned e-mail off. The outbox worker reads it to find what is left to
 * send; the stream's revision kept here is what its next append expects.
 */
class MailProjection implements Projection {
  readonly handles = [...MAIL_MESSAGES, MailPreferenceSet];
  readonly name = 'mail';
  readonly tables = [
    {
      name: 'ml_deliveries',
      ddl: [
        `CREATE TABLE ml_deliveries (
           notification_id TEXT NOT NULL, user_id TEXT NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL,
           claimed_until TEXT, attempts INTEGER NOT NULL DEFAULT 0, retry_at TEXT, last_code TEXT,
           sent_at TEXT, subject TEXT, link TEXT, PRIMARY KEY (notification_id, user_id))`,
        'CREATE INDEX ml_deliveries_sent ON ml_deliveries (sent_at)',
      ],
    },
    {
      name: 'ml_preferences',
      ddl: ['CREATE TABLE ml_preferences (user_id TEXT PRIMARY KEY, opt_out INTEGER NOT NULL)'],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data } = message;
    if (message.event.type === STAFF_EVENTS.mailPreferenceSet) {
      db.run(
        `INSERT INTO ml_preferences (user_id, opt_out) VALUES (:userId, :optOut)
         ON CONFLICT (user_id) DO UPDATE SET opt_out = excluded.opt_out`,
        { userId: data.userId, optOut: data.optOut ? 1 : 0 },
      );
      return;
    }
    const key = {
      notificationId: data.notificationId,
      userId: data.userId,
      stream: message.event.streamName,
      revision: message.event.revision,
    };
    if (message.event.type === MAIL_EVENTS.claimed)
      db.run(
        `INSERT INTO ml_deliveries (notification_id, user_id, stream, revision, claimed_until)
         VALUES (:notificationId, :userId, :stream, :revision, :until)
         ON CONFLICT (notification_id, user_id) DO UPDATE SET revision = excluded.revision,
           claimed_until = excluded.claimed_until`,
        { ...key, until: data.until },
      );
    else if (message.event.type === MAIL_EVENTS.sent)
      db.run(
        `UPDATE ml_deliveries SET revision = :revision, claimed_until = NULL, sent_at = :at, subject = :subject,
           link = :link, attempts = attempts + 1
         WHERE notification_id = :notificationId AND user_id = :userId`,
        { ...key, at: message.occurredAt, subject: data.subject, link: data.link },
      );
    else if (message.event.type === MAIL_EVENTS.attemptFailed)
      db.run(
        `UPDATE ml_deliveries SET revision = :revision, claimed_until = NULL, attempts = :attempt,
           retry_at = :retryAt, last_code = :code
         WHERE notification_id = :notificationId AND user_id = :userId`,
        { ...key, attempt: data.attempt, retryAt: data.retryAt, code: data.code },
      );
  }
}

export const mailProjection: ProjectionFactory = () => new MailProjection();
