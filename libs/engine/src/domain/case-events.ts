import { uuidFromName } from '@app/common';

/**
 * The log's vocabulary in one place: every stream prefix, and the event
 * types that are the case's own rather than a process step's (a step's
 * events are named by its definition). Read models, the access log and the
 * engine all spell them from here.
 */
export const CASE_EVENTS = {
  opened: 'CaseOpened',
  processStarted: 'ProcessStarted',
  processCompleted: 'ProcessCompleted',
  processEnded: 'ProcessEnded',
  deadlineScheduled: 'DeadlineScheduled',
  deadlineCancelled: 'DeadlineCancelled',
  deadlineReached: 'DeadlineReached',
  followUpOwnerChanged: 'FollowUpOwnerChanged',
  caseworkerChanged: 'CaseworkerChanged',
  progressionsplanRecorded: 'ProgressionsplanRecorded',
  saAeApplicationOpened: 'SaAeApplicationOpened',
  saAeApplicationClosed: 'SaAeApplicationClosed',
  clientFactsRecorded: 'ClientFactsRecorded',
  noteRecorded: 'CaseNoteRecorded',
  documentReferenced: 'DocumentReferenced',
  stepWaitRecorded: 'StepWaitRecorded',
  rehabansvarigAssigned: 'RehabansvarigAssigned',
  /** One open task of a role's queue taken by a person of that role, handed to a colleague, or put back. */
  taskAssigned: 'TaskAssigned',
  /** The case closed (avslutat) with a reason, or opened again. */
  closed: 'CaseClosed',
  reopened: 'CaseReopened',
  /** A corrected reference or journal reference. */
  referenceChanged: 'CaseReferenceChanged',
  /** An instance's latest step recorded by mistake: the instance stands where it stood before it. */
  stepCorrected: 'StepCorrected',
  /** A row of the progressionsplan ticked as done ("Har det gjorts?"), or unticked. */
  planItemChecked: 'PlanItemChecked',
  /** The reminder that a row of the plan is due soon, or late, went to the social worker. */
  planItemReminded: 'PlanItemReminded',
  erased: 'CaseErased',
} as const;

/** What the access log records: who was shown which cases. */
export const ACCESS_EVENTS = { caseDataViewed: 'CaseDataViewed' } as const;

/** Who works where: a person's units and roles as their sign-in last showed them. */
export const STAFF_EVENTS = {
  memberSeen: 'StaffMemberSeen',
  /** A social worker in the introduktionsprogram gets (or loses) a mentor in a unit. */
  mentorAssigned: 'MentorAssigned',
  /** A person turns e-mail about what waits for them off, or on again. */
  mailPreferenceSet: 'MailPreferenceSet',
  /** A person has read notifications: some by id, or every one up to a moment. */
  notificationsRead: 'NotificationsRead',
  /** A person's saved filters of the case list, the whole list as it now stands; never a search text. */
  caseFiltersSaved: 'CaseFiltersSaved',
  /** The biträdande enhetschef lets one social worker cover for an absent colleague, for a period. */
  coverGranted: 'CoverGranted',
  /** A cover ended before its last day. */
  coverEnded: 'CoverEnded',
} as const;

/** One notification's e-mail to one person: claimed by a node, sent, or tried again later (ADR 0029). */
export const MAIL_EVENTS = {
  claimed: 'MailClaimed',
  sent: 'MailSent',
  attemptFailed: 'MailAttemptFailed',
} as const;

/** The shared catalogue of labour-market measures: not case data, so not sealed (insatser.md). */
export const INSATS_EVENTS = {
  registered: 'InsatsRegistered',
  /** A new version of the whole entry; placements keep the version they started on. */
  revised: 'InsatsRevised',
  paused: 'InsatsPaused',
  resumed: 'InsatsResumed',
  closed: 'InsatsClosed',
} as const;

export const STREAM_PREFIXES = {
  /** One stream per case: everything that happened in it. */
  case: 'case-',
  /** One stream per person: the chain of what they looked at, never a case stream, so reads cannot conflict with writes. */
  access: 'access-',
  /** One stream per person: their units and roles each time their sign-in showed a change. */
  staff: 'staff-',
  /** One stream per catalogue entry: its versions and whether it takes placements. */
  insats: 'insats-',
  /** One stream per notification and recipient: its e-mail's delivery, so two nodes can never both send it. */
  mail: 'mail-',
} as const;

export const caseStream = (caseId: string) => `${STREAM_PREFIXES.case}${caseId}`;

/** The case a case stream belongs to, or undefined for any other stream. */
export const caseOfStream = (streamName: string): string | undefined =>
  streamName.startsWith(STREAM_PREFIXES.case) ? streamName.slice(STREAM_PREFIXES.case.length) : undefined;

export const accessStream = (userId: string) =>
  `${STREAM_PREFIXES.access}${uuidFromName(`access/${userId}`)}`;

export const staffStream = (userId: string) => `${STREAM_PREFIXES.staff}${uuidFromName(`staff/${userId}`)}`;

export const insatsStream = (insatsId: string) => `${STREAM_PREFIXES.insats}${insatsId}`;
