import { CASE_EVENTS } from '@app/engine';
import {
  CaseErased,
  DeadlineScheduled,
  ProcessCompleted,
  ProcessEnded,
  ProcessStarted,
  ProcessStepRecorded,
  DeadlineReached,
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  type StoredEventMessage,
} from '@app/read-model';
import { referralNumberOf } from '@app/referral';
import { caseFacts } from '../case-directory';

/** The referral process (processes/aktualisering); its instances are the only ones this read model keeps. */
export const REFERRAL_PROCESS = 'aktualisering';

/** The step a referral is at, and whether its decision is late: the top state, and `forsenad` inside `beredning`. */
function phaseOf(state: unknown): { phase: string; overdue: boolean } {
  if (typeof state === 'string') return { phase: state, overdue: false };
  const [phase, inner] = Object.entries((state ?? {}) as Record<string, unknown>)[0] ?? ['', null];
  return { phase, overdue: inner === 'forsenad' };
}

/**
 * Every referral with where it stands, for the two sides that read it
 * (referral.md): the receiving unit sees those sent to it, by referral
 * number, and never the case; the sender sees their own. The summary, the
 * komplettering thread and the decision's motivation stay as stored, sealed
 * with the case's key, until an answer to someone allowed opens them.
 */
class ReferralsProjection implements Projection {
  readonly handles = [
    ProcessStarted,
    ProcessStepRecorded,
    DeadlineScheduled,
    DeadlineReached,
    ProcessCompleted,
    ProcessEnded,
    CaseErased,
  ];
  readonly name = 'referrals';
  readonly tables = [
    {
      name: 'rf_referrals',
      ddl: [
        `CREATE TABLE rf_referrals (
           referral_number TEXT PRIMARY KEY, case_id TEXT NOT NULL, instance_id TEXT NOT NULL,
           sending_unit TEXT NOT NULL, sender_id TEXT, receiving_unit TEXT, phase TEXT NOT NULL,
           overdue INTEGER NOT NULL DEFAULT 0, form_version INTEGER, summary TEXT, sent_at TEXT,
           decision_due_at TEXT, outcome TEXT, motivation TEXT, decided_on TEXT, return_reason TEXT,
           return_comment TEXT, withdraw_reason TEXT, ended_at TEXT, thread TEXT NOT NULL DEFAULT '[]',
           admitted_on TEXT, admission_declined_reason TEXT, sender_title TEXT, sender_phone TEXT,
           started_at TEXT NOT NULL)`,
        'CREATE INDEX rf_referrals_receiving ON rf_referrals (receiving_unit, sent_at)',
        'CREATE INDEX rf_referrals_sender ON rf_referrals (sender_id, started_at)',
        'CREATE INDEX rf_referrals_case ON rf_referrals (case_id)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { caseId, data } = message;
    if (message.event.type === CASE_EVENTS.erased) {
      db.run('DELETE FROM rf_referrals WHERE case_id = :caseId', { caseId });
      return;
    }
    if (message.event.type === CASE_EVENTS.processStarted) {
      if (data.definitionId !== REFERRAL_PROCESS) return;
      db.run(
        `INSERT INTO rf_referrals (referral_number, case_id, instance_id, sending_unit, sender_id, phase, started_at)
         VALUES (:number, :caseId, :instanceId, :unit, :sender, 'upprattande', :at)`,
        {
          sender: message.event.metadata.actorId ?? null,
          number: referralNumberOf(caseId, String(data.instanceId)),
          caseId,
          instanceId: data.instanceId,
          unit: caseFacts(db, caseId).unit,
          at: message.occurredAt,
        },
      );
      return;
    }
    if (message.instance?.definitionId !== REFERRAL_PROCESS) return;
    const number = referralNumberOf(caseId, message.instance.instanceId);
    const ended = message.event.type === CASE_EVENTS.processEnded;
    const { phase, overdue } = ended
      ? { phase: 'avbruten', overdue: false }
      : phaseOf(message.instance.stateAfter);
    db.run('UPDATE rf_referrals SET phase = :phase, overdue = :overdue WHERE referral_number = :number', {
      number,
      phase,
      overdue: overdue ? 1 : 0,
    });
    if (message.event.type === CASE_EVENTS.deadlineScheduled && data.name === 'decisionDue')
      db.run('UPDATE rf_referrals SET decision_due_at = :dueAt WHERE referral_number = :number', {
        number,
        dueAt: data.dueAt,
      });
    if (ended || message.event.type === CASE_EVENTS.processCompleted)
      db.run(
        'UPDATE rf_referrals SET ended_at = :at, decision_due_at = NULL WHERE referral_number = :number',
        { number, at: message.occurredAt },
      );
    if (message instanceof ProcessStepRecorded) this.step(db, message, number);
  }

  private step(db: ReadModelDb, message: StoredEventMessage, number: string): void {
    const payload = (message.data.payload ?? {}) as Record<string, unknown>;
    const set = (columns: string, values: Record<string, unknown>): void => {
      db.run(`UPDATE rf_referrals SET ${columns} WHERE referral_number = :number`, { number, ...values });
    };
    switch (message.event.type) {
      case 'ReferralSent':
        return set(
          `receiving_unit = :unit, form_version = :version, summary = :summary, sent_at = :at,
           sender_id = :sender, sender_title = :title, sender_phone = :phone`,
          {
            title: payload.senderTitle ?? null,
            phone: payload.senderPhone ?? null,
            unit: payload.receivingUnit,
            version: payload.formVersion,
            summary: payload.answers,
            at: message.occurredAt,
            sender: message.event.metadata.actorId ?? null,
          },
        );
      case 'KompletteringRequested':
      case 'KompletteringAnswered': {
        // Each text stays sealed on its own: the thread is opened for a reader entry by entry.
        const entry = {
          kind: message.event.type === 'KompletteringRequested' ? 'question' : 'answer',
          at: message.occurredAt,
          text: payload.question ?? payload.answer,
        };
        return set('thread = json_insert(thread, :end, json(:entry))', {
          end: '$[#]',
          entry: JSON.stringify(entry),
        });
      }
      case 'ReferralDecided':
        return set('outcome = :outcome, motivation = :motivation, decided_on = :on', {
          outcome: payload.outcome,
          motivation: payload.motivation,
          on: payload.decidedOn,
        });
      case 'AdmissionRecorded':
        return set('admitted_on = :on', { on: payload.admittedOn });
      case 'AdmissionDeclined':
        return set('admission_declined_reason = :reason', { reason: payload.reason });
      case 'ReferralReturned':
        // Returned as not de-identified, its text leaves the receiving unit at once (referral.md, Roles).
        return set(
          `return_reason = :reason, return_comment = :comment,
           summary = CASE WHEN :reason = 'ej_avidentifierad' THEN NULL ELSE summary END`,
          { reason: payload.reason, comment: payload.comment ?? null },
        );
      case 'ReferralWithdrawn':
        return set('withdraw_reason = :reason', { reason: payload.reason });
    }
  }
}

export const referralsProjection: ProjectionFactory = () => new ReferralsProjection();
