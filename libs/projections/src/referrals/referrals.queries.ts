import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { personal, PersonalValue } from '@app/engine';
import { ReadModelDb, selectPage, type Page, type PageOf } from '@app/read-model';
import { REFERRAL_PHASE_LABELS } from '@app/referral';

/**
 * A referral as the receiving unit sees it in its list (referral.md): its
 * number, who sent it from which unit, and where it stands; never the
 * sender's case, its reference or its client.
 */
export interface ReceivedReferral {
  readonly referralNumber: string;
  readonly receivingUnit: string;
  readonly sendingUnit: string;
  /** The sender block: who to answer, apart from the summary. */
  readonly sender: {
    readonly name: string | null;
    readonly email: string | null;
    readonly title: string | null;
    readonly phone: string | null;
  };
  readonly phase: string;
  readonly phaseLabel: string;
  /** The decision is past its due date. */
  readonly overdue: boolean;
  readonly formVersion: number | null;
  readonly sentAt: string;
  readonly decisionDueAt: string | null;
  readonly outcome: string | null;
  readonly decidedOn: string | null;
  readonly returnReason: string | null;
  readonly withdrawReason: string | null;
  readonly admittedOn: string | null;
  readonly admissionDeclinedReason: string | null;
}

/** A komplettering's question or its answer, in the order they were written. */
export interface ThreadEntry {
  readonly kind: 'question' | 'answer';
  readonly at: string;
  readonly text: PersonalValue;
}

interface Row {
  referral_number: string;
  case_id: string;
  instance_id: string;
  receiving_unit: string | null;
  sending_unit: string;
  sender_id: string | null;
  sender_name: string | null;
  sender_email: string | null;
  sender_title: string | null;
  sender_phone: string | null;
  phase: string;
  overdue: number;
  form_version: number | null;
  summary: string | null;
  sent_at: string | null;
  started_at: string;
  decision_due_at: string | null;
  outcome: string | null;
  motivation: string | null;
  decided_on: string | null;
  return_reason: string | null;
  return_comment: string | null;
  withdraw_reason: string | null;
  admitted_on: string | null;
  admission_declined_reason: string | null;
  thread: string;
}

const WITH_SENDER = `r.*, (SELECT max(m.name) FROM sf_members m WHERE m.user_id = r.sender_id) AS sender_name,
  (SELECT max(m.email) FROM sf_members m WHERE m.user_id = r.sender_id) AS sender_email`;

const toReceived = (row: Row): ReceivedReferral => ({
  referralNumber: row.referral_number,
  receivingUnit: String(row.receiving_unit),
  sendingUnit: row.sending_unit,
  sender: {
    name: row.sender_name,
    email: row.sender_email,
    title: row.sender_title,
    phone: row.sender_phone,
  },
  phase: row.phase,
  phaseLabel: REFERRAL_PHASE_LABELS[row.phase] ?? row.phase,
  overdue: row.overdue === 1,
  formVersion: row.form_version,
  sentAt: String(row.sent_at),
  decisionDueAt: row.decision_due_at,
  outcome: row.outcome,
  decidedOn: row.decided_on,
  returnReason: row.return_reason,
  withdrawReason: row.withdraw_reason,
  admittedOn: row.admitted_on,
  admissionDeclinedReason: row.admission_declined_reason,
});

const threadOf = (row: Row): ThreadEntry[] =>
  (JSON.parse(row.thread) as { kind: 'question' | 'answer'; at: string; text: unknown }[]).map((entry) => ({
    ...entry,
    text: new PersonalValue(row.case_id, entry.text),
  }));

/**
 * The units whose referrals the reader works with, each with the moment
 * before which a referral that ended is no longer kept there (gallring).
 */
export type KeptSince = Readonly<Record<string, string>>;

/** Sent to one of the units, and not ended before the unit's own retention began. */
const KEPT = `r.receiving_unit IN (SELECT key FROM json_each(:units)) AND r.sent_at IS NOT NULL
  AND (r.ended_at IS NULL OR r.ended_at >= (SELECT value FROM json_each(:units) WHERE key = r.receiving_unit))`;

export class ReceivedReferralsQuery extends Query<PageOf<ReceivedReferral>> {
  constructor(
    readonly units: KeptSince,
    /** Only those waiting for the receiving unit: to be reviewed, not yet decided or returned. */
    readonly open: boolean | undefined,
    readonly page: Page,
  ) {
    super();
  }
}

@QueryHandler(ReceivedReferralsQuery)
export class ReceivedReferralsHandler implements IQueryHandler<ReceivedReferralsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ units, open, page }: ReceivedReferralsQuery): Promise<PageOf<ReceivedReferral>> {
    // A draft is the sender's alone (referral.md, Upprätta): only what was sent is listed.
    const waiting = open === undefined ? '' : ` AND (r.phase = 'beredning') = :open`;
    return Promise.resolve(
      selectPage(
        this.db,
        {
          columns: WITH_SENDER,
          from: `FROM rf_referrals r WHERE ${KEPT}${waiting}`,
          orderBy: "r.phase <> 'beredning', r.overdue DESC, r.sent_at, r.referral_number",
        },
        { units: JSON.stringify(units), open: Number(open ?? 0) },
        page,
        toReceived,
      ),
    );
  }
}

/** One referral for the receiving unit's reading and its steps: found only among the reader's units. */
export interface ReceivedReferralRef {
  readonly caseId: string;
  readonly instanceId: string;
  readonly referral: ReceivedReferral;
  /** The summary on the unit's form; sealed until disclosed. */
  readonly summary: PersonalValue | null;
  readonly thread: readonly ThreadEntry[];
  readonly motivation: PersonalValue | null;
}

export class ReceivedReferralQuery extends Query<ReceivedReferralRef | undefined> {
  constructor(
    readonly referralNumber: string,
    readonly units: KeptSince,
  ) {
    super();
  }
}

@QueryHandler(ReceivedReferralQuery)
export class ReceivedReferralHandler implements IQueryHandler<ReceivedReferralQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ referralNumber, units }: ReceivedReferralQuery): Promise<ReceivedReferralRef | undefined> {
    const row = this.db.get<Row>(
      `SELECT ${WITH_SENDER} FROM rf_referrals r WHERE r.referral_number = :referralNumber AND ${KEPT}`,
      { referralNumber, units: JSON.stringify(units) },
    );
    if (!row) return Promise.resolve(undefined);
    return Promise.resolve({
      caseId: row.case_id,
      instanceId: row.instance_id,
      referral: toReceived(row),
      summary: personal(row.case_id, row.summary),
      thread: threadOf(row),
      motivation: personal(row.case_id, row.motivation),
    });
  }
}

/** A referral as its sender sees it: their case beside it, the decision and its motivation. */
export interface SentReferral {
  readonly referralNumber: string;
  readonly caseId: string;
  readonly instanceId: string;
  readonly receivingUnit: string | null;
  readonly phase: string;
  readonly phaseLabel: string;
  readonly overdue: boolean;
  readonly startedAt: string;
  readonly sentAt: string | null;
  readonly decisionDueAt: string | null;
  readonly outcome: string | null;
  readonly decidedOn: string | null;
  readonly motivation: PersonalValue | null;
  readonly thread: readonly ThreadEntry[];
  readonly returnReason: string | null;
  readonly returnComment: PersonalValue | null;
  readonly withdrawReason: string | null;
  readonly admittedOn: string | null;
  readonly admissionDeclinedReason: string | null;
}

export class SentReferralsQuery extends Query<PageOf<SentReferral>> {
  constructor(
    readonly senderId: string,
    readonly page: Page,
  ) {
    super();
  }
}

@QueryHandler(SentReferralsQuery)
export class SentReferralsHandler implements IQueryHandler<SentReferralsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ senderId, page }: SentReferralsQuery): Promise<PageOf<SentReferral>> {
    return Promise.resolve(
      selectPage(
        this.db,
        {
          columns: 'r.*',
          from: 'FROM rf_referrals r WHERE r.sender_id = :senderId',
          orderBy: 'r.started_at DESC, r.referral_number',
        },
        { senderId },
        page,
        (row: Row): SentReferral => ({
          referralNumber: row.referral_number,
          caseId: row.case_id,
          instanceId: row.instance_id,
          receivingUnit: row.receiving_unit,
          phase: row.phase,
          phaseLabel: REFERRAL_PHASE_LABELS[row.phase] ?? row.phase,
          overdue: row.overdue === 1,
          startedAt: row.started_at,
          sentAt: row.sent_at,
          decisionDueAt: row.decision_due_at,
          outcome: row.outcome,
          decidedOn: row.decided_on,
          motivation: personal(row.case_id, row.motivation),
          thread: threadOf(row),
          returnReason: row.return_reason,
          returnComment: personal(row.case_id, row.return_comment),
          withdrawReason: row.withdraw_reason,
          admittedOn: row.admitted_on,
          admissionDeclinedReason: row.admission_declined_reason,
        }),
      ),
    );
  }
}
