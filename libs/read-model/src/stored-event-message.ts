import type { RecordedEvent } from '@app/event-store';
import {
  ACCESS_EVENTS,
  CASE_EVENTS,
  caseOfStream,
  INSATS_EVENTS,
  MAIL_EVENTS,
  STAFF_EVENTS,
  STREAM_PREFIXES,
} from '@app/engine';

export interface InstanceRef {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly version: number;
  readonly stateBefore: unknown;
  readonly stateAfter: unknown;
  /** The unit holding the instance's partner lanes after the step, if any. */
  readonly partnerUnit?: string;
}

/**
 * A stored event as the runner hands it to the projections. Each stored
 * type gets a class carrying its type name, which projections list in
 * `handles` and the runner routes by. Every process step shares one class,
 * because read models treat all steps alike (the definition says what each
 * one means).
 */
export abstract class StoredEventMessage {
  static readonly storedType: string;
  /** Filled by projections that failed on this event; the runner rolls the batch back when any did. */
  readonly failures: { readonly projection: string; readonly error: unknown }[] = [];

  constructor(readonly event: RecordedEvent) {}

  get caseId(): string {
    return String(this.event.metadata.caseId ?? caseOfStream(this.event.streamName) ?? this.event.streamName);
  }

  get occurredAt(): string {
    return String(this.event.metadata.occurredAt ?? this.event.recordedAt.toISOString());
  }

  get data(): Record<string, unknown> {
    return this.event.data as Record<string, unknown>;
  }

  get instance(): InstanceRef | undefined {
    const m = this.event.metadata;
    if (typeof m.processInstanceId !== 'string') return undefined;
    return {
      instanceId: m.processInstanceId,
      definitionId: String(m.definitionId),
      version: Number(m.definitionVersion),
      stateBefore: m.stateBefore ?? null,
      stateAfter: m.stateAfter ?? null,
      ...(typeof m.partnerUnit === 'string' ? { partnerUnit: m.partnerUnit } : {}),
    };
  }
}

export type MessageClass = (new (event: RecordedEvent) => StoredEventMessage) & {
  readonly storedType: string;
};

function messageClass(storedType: string): MessageClass {
  return class extends StoredEventMessage {
    static override readonly storedType = storedType;
  };
}

export const CaseOpened = messageClass(CASE_EVENTS.opened);
export const CaseworkerChanged = messageClass(CASE_EVENTS.caseworkerChanged);
export const ProgressionsplanRecorded = messageClass(CASE_EVENTS.progressionsplanRecorded);
export const ProcessStarted = messageClass(CASE_EVENTS.processStarted);
export const ProcessCompleted = messageClass(CASE_EVENTS.processCompleted);
export const ProcessEnded = messageClass(CASE_EVENTS.processEnded);
export const DeadlineScheduled = messageClass(CASE_EVENTS.deadlineScheduled);
export const DeadlineCancelled = messageClass(CASE_EVENTS.deadlineCancelled);
export const DeadlineReached = messageClass(CASE_EVENTS.deadlineReached);
export const FollowUpOwnerChanged = messageClass(CASE_EVENTS.followUpOwnerChanged);
export const CaseErased = messageClass(CASE_EVENTS.erased);
/** Why a step waits, when the need is not the cause: no step of the process, so no follow-up or task moves. */
export const StepWaitRecorded = messageClass(CASE_EVENTS.stepWaitRecorded);
/** The case's Rehabansvarig named, or changed from another. */
export const RehabansvarigAssigned = messageClass(CASE_EVENTS.rehabansvarigAssigned);
/** Kön, age band, aktuell på bistånd, reason and target group, for the statistics of insatser. */
export const ClientFactsRecorded = messageClass(CASE_EVENTS.clientFactsRecorded);
/** A dated note on the case, journalanteckning-style. */
export const CaseNoteRecorded = messageClass(CASE_EVENTS.noteRecorded);
/** A handling in the journal system, by kind, date and id there. */
export const DocumentReferenced = messageClass(CASE_EVENTS.documentReferenced);
/** A task of a role's queue taken, handed over or put back. */
export const TaskAssigned = messageClass(CASE_EVENTS.taskAssigned);
/** The case closed with a reason, or opened again. */
export const CaseClosed = messageClass(CASE_EVENTS.closed);
export const CaseReopened = messageClass(CASE_EVENTS.reopened);
/** A corrected reference or journal reference: every read model's sealed copy is replaced. */
export const CaseReferenceChanged = messageClass(CASE_EVENTS.referenceChanged);
/** An instance's latest step undone: the instance moves back, as its metadata says. */
export const StepCorrected = messageClass(CASE_EVENTS.stepCorrected);
/** A row of the progressionsplan ticked done or unticked, and its reminders. */
export const PlanItemChecked = messageClass(CASE_EVENTS.planItemChecked);
export const PlanItemReminded = messageClass(CASE_EVENTS.planItemReminded);
/** Any event a user's step appended (ImpulsRegistered, BedomningDone, ...). */
export const ProcessStepRecorded = messageClass('ProcessStep');
/** An access-log entry: who looked at which cases. */
export const CaseDataViewed = messageClass(ACCESS_EVENTS.caseDataViewed);
/** A person's units and roles as their sign-in showed them: the staff directory. */
export const StaffMemberSeen = messageClass(STAFF_EVENTS.memberSeen);
/** Who mentors a social worker in the introduktionsprogram, in a unit. */
export const MentorAssigned = messageClass(STAFF_EVENTS.mentorAssigned);
/** The shared catalogue's events: an entry registered, revised, paused, resumed or closed. */
export const INSATS_MESSAGES: readonly MessageClass[] = Object.values(INSATS_EVENTS).map(messageClass);
const INSATS_BY_TYPE = new Map(INSATS_MESSAGES.map((type) => [type.storedType, type]));
/** A person's choice about e-mail. */
export const MailPreferenceSet = messageClass(STAFF_EVENTS.mailPreferenceSet);
/** A person has read notifications, in their inbox. */
export const NotificationsRead = messageClass(STAFF_EVENTS.notificationsRead);
/** A person's saved filters of the case list. */
export const CaseFiltersSaved = messageClass(STAFF_EVENTS.caseFiltersSaved);
/** A social worker covers for an absent colleague, from one day to another; or stops before the last. */
export const CoverGranted = messageClass(STAFF_EVENTS.coverGranted);
export const CoverEnded = messageClass(STAFF_EVENTS.coverEnded);
/** An e-mail's delivery: claimed, sent, or failed and to be tried again. */
export const MAIL_MESSAGES: readonly MessageClass[] = Object.values(MAIL_EVENTS).map(messageClass);
const MAIL_BY_TYPE = new Map(MAIL_MESSAGES.map((type) => [type.storedType, type]));
/** Events of streams no read model follows; no handler takes them. */
const OtherStreamEvent = messageClass('OtherStream');

const BY_TYPE = new Map<string, MessageClass>(
  [
    CaseOpened,
    CaseworkerChanged,
    ProgressionsplanRecorded,
    ProcessStarted,
    ProcessCompleted,
    ProcessEnded,
    DeadlineScheduled,
    DeadlineCancelled,
    DeadlineReached,
    FollowUpOwnerChanged,
    CaseErased,
    StepWaitRecorded,
    RehabansvarigAssigned,
    ClientFactsRecorded,
    CaseNoteRecorded,
    DocumentReferenced,
    TaskAssigned,
    CaseClosed,
    CaseReopened,
    CaseReferenceChanged,
    StepCorrected,
    PlanItemChecked,
    PlanItemReminded,
  ].map((type) => [type.storedType, type]),
);

/** Every case-stream message; the read models of cases subscribe to these. */
export const ALL_MESSAGES: readonly MessageClass[] = [...BY_TYPE.values(), ProcessStepRecorded];

export function toMessage(event: RecordedEvent): StoredEventMessage {
  if (event.streamName.startsWith(STREAM_PREFIXES.case)) {
    return new (BY_TYPE.get(event.type) ?? ProcessStepRecorded)(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.access) && event.type === CaseDataViewed.storedType) {
    return new CaseDataViewed(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.staff) && event.type === StaffMemberSeen.storedType) {
    return new StaffMemberSeen(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.staff) && event.type === MentorAssigned.storedType) {
    return new MentorAssigned(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.staff) && event.type === MailPreferenceSet.storedType) {
    return new MailPreferenceSet(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.staff) && event.type === NotificationsRead.storedType) {
    return new NotificationsRead(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.staff) && event.type === CaseFiltersSaved.storedType) {
    return new CaseFiltersSaved(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.staff) && event.type === CoverGranted.storedType) {
    return new CoverGranted(event);
  }
  if (event.streamName.startsWith(STREAM_PREFIXES.staff) && event.type === CoverEnded.storedType) {
    return new CoverEnded(event);
  }
  const mail = event.streamName.startsWith(STREAM_PREFIXES.mail) && MAIL_BY_TYPE.get(event.type);
  if (mail) return new mail(event);
  const insats = event.streamName.startsWith(STREAM_PREFIXES.insats) && INSATS_BY_TYPE.get(event.type);
  if (insats) return new insats(event);
  return new OtherStreamEvent(event);
}

/** The stored type a message was made for: what the runner routes by. */
export const storedTypeOf = (message: StoredEventMessage) => (message.constructor as MessageClass).storedType;
