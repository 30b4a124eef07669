import { ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { WITHHELD } from '@app/engine';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const string: Schema = { type: 'string' };
const instant: Schema = { type: 'string', format: 'date-time' };
const integer: Schema = { type: 'integer' };
const number: Schema = { type: 'number' };
const boolean: Schema = { type: 'boolean' };
const strings: Schema = { type: 'array', items: string };
const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });
const array = (items: Schema): Schema => ({ type: 'array', items });
/** Any JSON value: a machine's state value or context, an event's data. */
const json: Schema = {};

/** An object whose every listed property is present; `optional` names those that may be left out. */
const object = (properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
});
/** A personal field: its value to someone cleared for the case, else the withheld marker. */
const personal = (schema: Schema): Schema => ({
  oneOf: [schema, { type: 'string', enum: [WITHHELD] }],
});
const page = (item: string, extra: Record<string, Schema> = {}): Schema =>
  object({ ...extra, items: array(ref(item)), total: integer, limit: integer, offset: integer });
const roleLabel = object({ role: string, label: string });

/** A referral as the receiving unit's list shows it: never the sender's case. */
const RECEIVED_REFERRAL: Record<string, Schema> = {
  referralNumber: string,
  receivingUnit: string,
  sendingUnit: string,
  sender: object({
    name: nullable(string),
    email: nullable(string),
    title: nullable(string),
    phone: nullable(string),
  }),
  phase: string,
  phaseLabel: string,
  overdue: boolean,
  formVersion: nullable(integer),
  sentAt: instant,
  decisionDueAt: nullable(instant),
  outcome: nullable(string),
  decidedOn: nullable(string),
  returnReason: nullable(string),
  withdrawReason: nullable(string),
  admittedOn: nullable(string),
  admissionDeclinedReason: nullable(string),
  /** The steps the caller may take now: komplettering, decide, return, admit, decline-admission. */
  actions: strings,
};

/**
 * The shapes of the API's answers, as OpenAPI components. The web app's
 * types are generated from them (`npm run api:types`, checked in CI), and
 * `test/api-schemas.e2e.spec.ts` validates real answers against them, so
 * neither side can drift from what the server sends.
 */
export const RESPONSE_SCHEMAS = {
  /** `unitName`: the unit as people say it, where the answer is for a person signed in. */
  Membership: object({ unit: string, roles: strings, unitName: string }, ['unitName']),
  Me: object(
    { id: string, name: string, memberships: array(ref('Membership')), email: string, mailOptOut: boolean },
    ['email'],
  ),
  MailPreference: object({ optOut: boolean }),
  /** `from` and `until` are days, both included. */
  UnitCovers: object({
    unit: string,
    covers: array(
      object({
        absentId: string,
        absentName: string,
        coverId: string,
        coverName: string,
        unit: string,
        from: string,
        until: string,
        grantedBy: string,
        grantedByName: string,
        grantedAt: instant,
      }),
    ),
  }),
  UnitWorkload: object({
    unit: string,
    people: array(
      object({
        userId: string,
        name: string,
        cases: integer,
        overdueCases: integer,
        openTasks: integer,
        overdueTasks: integer,
      }),
    ),
  }),
  /** Each filter holds only the case list's own filters (unit, socialWorkerId, process, state, overdue, bipPhase, sort). */
  SavedCaseFilters: object({
    filters: array(object({ name: string, filter: { type: 'object', additionalProperties: true } })),
  }),
  MailReport: object({
    at: instant,
    sent: array(object({ notificationId: string, userId: string })),
    failed: array(object({ notificationId: string, userId: string, code: string, retryAt: instant })),
    skipped: array(object({ notificationId: string, userId: string, reason: string })),
  }),
  MailDeliveries: object({
    transport: { type: 'string', enum: ['off', 'preview', 'smtp'] },
    items: array(
      object({
        notificationId: string,
        userId: string,
        kind: nullable(string),
        status: { type: 'string', enum: ['sent', 'claimed', 'retrying'] },
        attempts: integer,
        subject: nullable(string),
        link: nullable(string),
        sentAt: nullable(instant),
        retryAt: nullable(instant),
        lastCode: nullable(string),
      }),
    ),
  }),
  DemoUsers: object({
    units: array(object({ id: string, name: string })),
    users: array(object({ id: string, name: string, memberships: array(ref('Membership')) })),
  }),
  SignInConfig: {
    oneOf: [
      object({ kind: { type: 'string', enum: ['development'] }, users: string, signIn: string }),
      object({
        kind: { type: 'string', enum: ['oidc'] },
        issuer: string,
        audience: string,
        clientId: nullable(string),
        scopes: string,
      }),
    ],
  },
  AccessToken: object({ accessToken: string, tokenType: string, expiresIn: integer, user: ref('Me') }),
  /** The JSON Schema of a step's payload, with the Swedish labels the form shows. */
  StepSchema: {
    type: 'object',
    properties: {
      type: string,
      title: string,
      description: string,
      format: string,
      enum: array({ oneOf: [string, { type: 'number' }, boolean] }),
      'x-enumLabels': { type: 'object', additionalProperties: string },
      /** A date of something that has happened: the form offers no later day than today. */
      'x-notAfterToday': { type: 'boolean' },
      /** A person of the case's unit in this role; `enum` lists who may be chosen. */
      'x-staffRole': string,
      /** An entry of the insats catalogue, by its id: the form offers the active entries by name. */
      'x-insats': { type: 'boolean' },
      /** A unit that takes referrals, by its id: the form offers them by name (`GET /api/referral-units`). */
      'x-receivingUnit': { type: 'boolean' },
      /** The section of a referral's form the field belongs to, by its title. */
      'x-section': string,
      /** Another field, by its path among its siblings, whose answer this one starts from. */
      'x-startsFrom': string,
      properties: { type: 'object', additionalProperties: { $ref: '#/components/schemas/StepSchema' } },
      required: strings,
      items: { $ref: '#/components/schemas/StepSchema' },
      minItems: integer,
      maxItems: integer,
      minLength: integer,
      maxLength: integer,
      minimum: { type: 'number' },
      maximum: { type: 'number' },
      additionalProperties: boolean,
    },
  },
  StaffList: object({
    unit: string,
    socialWorkers: array(object({ id: string, name: string, mentorId: nullable(string) })),
  }),
  MentorList: object({ unit: string, mentors: array(object({ id: string, name: string })) }),
  ColleagueList: object({ unit: string, role: string, people: array(object({ id: string, name: string })) }),
  Mentorship: object({ unit: string, userId: string, mentorId: nullable(string) }),
  WriteResult: object({ caseId: string, revision: integer, events: strings }),
  StartedProcess: object({ caseId: string, instanceId: string, revision: integer, events: strings }),
  QueueTask: object({
    caseId: string,
    reference: personal(string),
    unit: string,
    instanceId: string,
    definitionId: string,
    process: string,
    step: object({ statePath: string, title: string, kind: string }),
    lane: string,
    assignee: nullable(string),
    since: instant,
    dueAt: nullable(instant),
    deadline: nullable(string),
    overdue: boolean,
    escalated: boolean,
    escalationReason: nullable(string),
    missedDeadline: nullable(object({ title: string, dueAt: instant })),
  }),
  /** `late`: how many of all the queue's tasks are late (past their tidsgräns, or made by one that passed), whatever the page. */
  QueueTaskPage: page('QueueTask', { late: integer }),
  PlanItem: object({ vad: string, vem: string, nar: string, varfor: string, gjort: boolean }),
  /** A row of a progressionsplan not yet done, in the case's social worker's task list. */
  PlanTask: object({
    caseId: string,
    reference: personal(string),
    unit: string,
    row: integer,
    dueOn: string,
    late: boolean,
    item: personal(ref('PlanItem')),
  }),
  PlanTaskPage: page('PlanTask'),
  ProcessInstanceView: object({
    instanceId: string,
    definitionId: string,
    version: integer,
    process: string,
    status: { type: 'string', enum: ['active', 'completed', 'ended'] },
    /** Why, when and by whom the instance ended before its last step. */
    ended: nullable(
      object({ reason: string, label: string, at: instant, by: string, role: nullable(string) }),
    ),
    /** Why its step waits, when the need is not the cause: on another party, or an interruption. */
    waiting: nullable(
      object({
        reason: string,
        label: string,
        kind: { type: 'string', enum: ['annan-part', 'avbrott'] },
        since: string,
        note: personal(nullable(string)),
        recordedAt: instant,
      }),
    ),
    /** Its latest step while it can be corrected: by whom it was recorded (they, or the biträdande enhetschef, may correct it). */
    lastStep: nullable(
      object({
        revision: integer,
        event: string,
        label: string,
        by: string,
        role: nullable(string),
        at: instant,
      }),
    ),
    state: json,
    bpmnElementIds: strings,
    /** What the process keeps between steps, such as the CM plan; personal values in it are opened or withheld. */
    context: { type: 'object', additionalProperties: true },
    steps: array(object({ statePath: string, title: string, lane: string, laneLabel: string })),
  }),
  CaseView: object({
    caseId: string,
    revision: integer,
    reference: personal(string),
    journalRef: personal(nullable(string)),
    unit: string,
    socialWorkerId: string,
    closed: nullable(
      object({ at: instant, by: string, reason: string, label: string, note: personal(nullable(string)) }),
    ),
    caseworkerChanges: integer,
    lastCaseworkerChange: nullable(
      object({
        from: nullable(string),
        to: string,
        at: instant,
        by: string,
        reason: nullable(string),
        reasonLabel: nullable(string),
        reasonNote: personal(nullable(string)),
        clientInformed: nullable(object({ by: string, on: string, how: string, contactGiven: boolean })),
        handover: personal(nullable(string)),
      }),
    ),
    rehabansvarigId: nullable(string),
    lastRehabansvarigChange: nullable(
      object({
        from: nullable(string),
        to: string,
        at: instant,
        by: string,
        reason: string,
        reasonLabel: string,
        reasonNote: personal(nullable(string)),
        clientInformed: boolean,
        handover: personal(string),
      }),
    ),
    saAe: object({
      open: nullable(object({ kind: string, label: string, appliedOn: string })),
      lastDecision: nullable(object({ kind: string, outcome: string, decidedOn: string, label: string })),
    }),
    clientFacts: nullable(
      object({
        kon: string,
        ageBand: string,
        aktuellSedan: string,
        reasonCode: string,
        targetGroup: string,
        recordedAt: instant,
        labels: object({ kon: string, ageBand: string, reasonCode: string, targetGroup: string }),
      }),
    ),
    caseworkerChangesLastTwelveMonths: integer,
    followUps: array(
      object({
        instanceId: string,
        process: string,
        role: string,
        label: string,
        since: instant,
        reason: nullable(string),
        escalated: boolean,
      }),
    ),
    bipPhase: nullable(object({ phase: integer, label: string, recordedAt: instant })),
    progressionsplan: nullable(
      object(
        {
          category: integer,
          categoryLabel: string,
          followUpOwner: string,
          items: personal(array(ref('PlanItem'))),
          rows: integer,
          /** Each row's När and whether it is done now (ticked since, or as recorded); absent on plans recorded before. */
          due: strings,
          done: array(boolean),
          recordedAt: instant,
        },
        ['rows', 'due', 'done'],
      ),
    ),
    processes: array(ref('ProcessInstanceView')),
    deadlines: array(
      object({
        deadlineId: string,
        instanceId: string,
        name: string,
        title: string,
        dueAt: instant,
        overdue: boolean,
      }),
    ),
  }),
  NextStep: object(
    {
      instanceId: string,
      definitionId: string,
      definitionVersion: integer,
      process: string,
      state: json,
      event: string,
      label: string,
      lanes: strings,
      schema: ref('StepSchema'),
      /** What the form starts from, when the process suggests it: the plan carried over, the hours reported. */
      initial: { type: 'object', additionalProperties: true },
    },
    ['initial'],
  ),
  NextSteps: object({
    caseId: string,
    unit: string,
    revision: integer,
    roles: array(roleLabel),
    steps: array(ref('NextStep')),
    /** What the caller may do to a running instance as a whole: end it early (with the reasons open to them), hand its follow-up back. */
    instanceActions: array(
      object({
        instanceId: string,
        process: string,
        command: { type: 'string', enum: ['EndProcess', 'HandBackFollowUp', 'RecordStepWait'] },
        label: string,
        schema: ref('StepSchema'),
      }),
    ),
    startable: array(
      object({
        definitionId: string,
        process: string,
        label: string,
        blockedBy: array(object({ id: string, message: string })),
      }),
    ),
    caseActions: array(object({ command: string, label: string, schema: ref('StepSchema') }, ['schema'])),
  }),
  HistoryEntry: object(
    {
      revision: integer,
      eventId: string,
      type: string,
      label: string,
      /** `name` from the staff directory, `roleLabel` in Swedish; both null for the system's own steps. */
      actor: object({
        id: nullable(string),
        role: nullable(string),
        name: nullable(string),
        roleLabel: nullable(string),
      }),
      occurredAt: instant,
      process: nullable(
        object({
          instanceId: string,
          definitionId: string,
          version: integer,
          title: string,
          stateBefore: json,
          stateAfter: json,
          /** The steps the process stood at, by title; null when it stood at none (not started, or ended). */
          stepBefore: nullable(string),
          stepAfter: nullable(string),
        }),
      ),
      /** The event as stored; its personal fields opened or withheld. */
      data: { type: 'object', additionalProperties: true },
      /** The answers in words, by their form's Swedish labels; a personal answer opened or withheld. */
      details: array(object({ label: string, value: string })),
      correlationId: nullable(string),
      commandId: nullable(string),
    },
    ['correlationId', 'commandId'],
  ),
  /** `next` is the cursor for the following page, null at the newest event; `facets`, what the whole history can be filtered by. */
  HistoryPage: object({
    caseId: string,
    entries: array(ref('HistoryEntry')),
    next: nullable(integer),
    facets: object({
      processes: array(object({ id: string, title: string })),
      types: array(object({ type: string, label: string })),
      people: array(object({ id: string, name: string })),
    }),
  }),
  Notification: object({
    id: string,
    caseId: string,
    reference: personal(string),
    unit: string,
    recipient: object({ person: nullable(string), role: nullable(string) }),
    kind: string,
    message: string,
    createdAt: instant,
    read: boolean,
    path: nullable(string),
  }),
  /** `unread`: how many of all my notifications I have not read, whatever the page. */
  NotificationPage: page('Notification', { unread: integer }),
  UnreadCount: object({ unread: integer }),
  /** The whole (filtered) history for utlämnande or tillsyn; as CSV or PDF when `format` asks. */
  HistoryExport: object({
    caseId: string,
    reference: personal(string),
    exportedAt: instant,
    exportedBy: string,
    filters: strings,
    entries: array(ref('HistoryEntry')),
  }),
  CaseListItem: object({
    caseId: string,
    reference: personal(string),
    journalRef: personal(nullable(string)),
    unit: string,
    socialWorkerId: string,
    socialWorkerName: nullable(string),
    openedAt: instant,
    updatedAt: instant,
    revision: integer,
    bipPhase: nullable(integer),
    caseworkerChanges: integer,
    hasProgressionsplan: boolean,
    nextDueAt: nullable(instant),
    overdue: boolean,
    closedAt: nullable(instant),
    processes: array(
      object({
        instanceId: string,
        definitionId: string,
        process: string,
        status: string,
        state: json,
        steps: strings,
        followUpOwner: nullable(string),
      }),
    ),
  }),
  CaseListPage: page('CaseListItem'),
  CaseNotes: object({
    caseId: string,
    items: array(
      object({
        caseId: string,
        kind: { type: 'string', enum: ['note', 'document'] },
        day: string,
        recordedAt: instant,
        author: object({ id: nullable(string), name: nullable(string) }),
        text: personal(nullable(string)),
        document: nullable(
          object({ kind: string, kindLabel: string, documentId: personal(nullable(string)) }),
        ),
      }),
    ),
  }),
  ProcessSummary: object({
    id: string,
    version: integer,
    versions: array(integer),
    title: string,
    description: string,
    startLanes: array(roleLabel),
    startRules: array(object({ id: string, message: string })),
    events: array(object({ type: string, label: string, lanes: strings, schema: ref('StepSchema') })),
    deadlines: array(json),
  }),
  /** `count` reads from `firstAt` to `at` (one, or grouped by the hour); the reader by name, the case by reference. */
  Viewing: object({
    caseId: string,
    reference: personal(nullable(string)),
    at: instant,
    firstAt: instant,
    count: integer,
    userId: string,
    userName: nullable(string),
    roles: strings,
    view: string,
    correlationId: string,
  }),
  ViewingPage: page('Viewing'),
  CaseViewingPage: page('Viewing', { caseId: string }),
  FollowUp: object({
    caseId: string,
    reference: personal(string),
    unit: string,
    instanceId: string,
    process: string,
    owner: string,
    since: instant,
    reason: nullable(string),
    escalated: boolean,
    lastFollowUpAt: instant,
    followUpDueAt: instant,
    /** Three months have passed without a follow-up by the owner: flagged to the biträdande enhetschef. */
    followUpOverdue: boolean,
  }),
  FollowUpPage: page('FollowUp'),
  CatalogueItem: object({
    insatsId: string,
    providingUnit: string,
    version: integer,
    status: string,
    statusReason: nullable(string),
    name: string,
    kind: string,
    trappsteg: string,
    bipType: string,
    places: integer,
    taken: integer,
    queued: integer,
    placesFree: integer,
    entry: { type: 'object', additionalProperties: true },
    updatedAt: instant,
  }),
  CataloguePage: page('CatalogueItem'),
  CatalogueEntry: {
    allOf: [
      ref('CatalogueItem'),
      object({
        versions: array(
          object({
            version: integer,
            recordedAt: instant,
            entry: { type: 'object', additionalProperties: true },
          }),
        ),
      }),
    ],
  },
  CatalogueForm: object({
    schema: ref('StepSchema'),
    terms: object(
      Object.fromEntries(
        ['kinds', 'trappsteg', 'adaptations', 'bipTypes', 'statuses', 'costPeriods', 'reports'].map(
          (name) => [name, { type: 'object', additionalProperties: string }],
        ),
      ),
    ),
  }),
  InsatsReport: object({
    report: string,
    title: string,
    scope: { type: 'string', enum: ['unit', 'city'] },
    from: string,
    to: string,
    columns: array(object({ key: string, label: string, kind: string })),
    rows: array({
      type: 'object',
      additionalProperties: { nullable: true, oneOf: [string, number] },
    }),
    suppressedCells: integer,
  }),
  CatalogueWrite: object({ insatsId: string, version: integer, status: string }),
  Placement: object({
    caseId: string,
    reference: personal(string),
    unit: string,
    socialWorkerId: string,
    instanceId: string,
    phase: string,
    followUp: nullable(string),
    insats: nullable(
      object({
        insatsId: string,
        version: integer,
        name: string,
        providingUnit: string,
        trappsteg: string,
        bipType: string,
        price: object({ amountSek: integer, period: string }),
      }),
    ),
    assignedOn: nullable(string),
    queuedAt: nullable(instant),
    startedOn: nullable(string),
    endedOn: nullable(string),
    outcome: nullable(string),
    followUpsHeld: integer,
    lastFollowUpOn: nullable(string),
    followUpDueAt: nullable(instant),
    followUpOverdue: boolean,
    flagged: boolean,
    readyForJobbtorgResurs: boolean,
    origin: nullable(object({ kind: string, planRow: nullable(integer) })),
    continuesFrom: nullable(
      object({ instanceId: string, insatsName: nullable(string), followUpsHeld: integer }),
    ),
  }),
  PlacementPage: page('Placement'),
  PartnerPlacement: object(
    {
      placementId: string,
      placingUnit: string,
      providingUnit: string,
      insatsId: string,
      insatsName: string,
      phase: string,
      phaseLabel: string,
      assignedOn: nullable(string),
      acceptedOn: nullable(string),
      startedOn: nullable(string),
      endedOn: nullable(string),
      scope: nullable(object({ hours: number, per: string })),
      price: object({ amountSek: integer, period: string }),
      attendanceReportedTo: nullable(string),
      lastObservationOn: nullable(string),
      /** The steps the caller may take now: accept, decline, attendance, observation. */
      actions: strings,
      plan: nullable(
        personal(
          object({ mal: nullable(string), delmal: nullable(strings), arbetsuppgifter: nullable(strings) }),
        ),
      ),
    },
    ['plan'],
  ),
  PartnerPlacementPage: page('PartnerPlacement'),
  PartnerStepResult: object({ placementId: string, events: strings }),
  ReceivingUnits: object({
    items: array(object({ unit: string, name: string, formVersion: integer, schema: { type: 'object' } })),
  }),
  ReceivedReferral: object(RECEIVED_REFERRAL),
  ReceivedReferralPage: page('ReceivedReferral'),
  ThreadEntry: object({
    kind: { type: 'string', enum: ['question', 'answer'] },
    at: instant,
    text: personal(string),
  }),
  ReceivedReferralDetail: object({
    ...RECEIVED_REFERRAL,
    summary: personal(nullable({ type: 'object' })),
    thread: array(ref('ThreadEntry')),
    motivation: personal(nullable(string)),
  }),
  ReferralStepResult: object({ referralNumber: string, events: strings }),
  SentReferral: object({
    referralNumber: string,
    caseId: string,
    instanceId: string,
    receivingUnit: nullable(string),
    phase: string,
    phaseLabel: string,
    overdue: boolean,
    startedAt: instant,
    sentAt: nullable(instant),
    decisionDueAt: nullable(instant),
    outcome: nullable(string),
    decidedOn: nullable(string),
    motivation: personal(nullable(string)),
    thread: array(ref('ThreadEntry')),
    returnReason: nullable(string),
    returnComment: personal(nullable(string)),
    withdrawReason: nullable(string),
    admittedOn: nullable(string),
    admissionDeclinedReason: nullable(string),
  }),
  SentReferralPage: page('SentReferral'),
  BillingBasis: object({
    month: string,
    lines: array(
      object({
        placementId: string,
        placingUnit: string,
        providingUnit: string,
        insatsName: string,
        from: string,
        to: string,
        days: integer,
        priceSek: integer,
        pricePeriod: string,
        amountSek: integer,
      }),
    ),
    totals: array(
      object({ placingUnit: string, providingUnit: string, placements: integer, amountSek: integer }),
    ),
  }),
  CaseworkerChangeCount: object({
    caseId: string,
    reference: personal(string),
    lastTwelveMonths: integer,
    total: integer,
    flagged: boolean,
    lastReason: nullable(string),
    lastReasonLabel: nullable(string),
    handoverMissing: boolean,
    clientUninformed: boolean,
  }),
  PhaseMonth: object({ month: string, phases: { type: 'object', additionalProperties: integer } }),
  StepCount: object({
    unit: string,
    definitionId: string,
    process: string,
    step: string,
    title: string,
    cases: integer,
  }),
  StepWait: object({
    unit: string,
    definitionId: string,
    process: string,
    step: string,
    title: string,
    waitingNow: integer,
    longestWaitingDays: nullable(number),
    passed: integer,
    medianDays: nullable(number),
    longestDays: nullable(number),
    /** The waits recorded as caused by something other than the need (seed 002), by reason. */
    reasons: array(
      object({
        reason: string,
        label: string,
        kind: { type: 'string', enum: ['annan-part', 'avbrott'] },
        waitingNow: integer,
        passed: integer,
      }),
    ),
  }),
} satisfies Record<string, Schema>;

export type ResponseName = keyof typeof RESPONSE_SCHEMAS;

/** The route's 200 answer is this component (or a list of it). */
export const Answers = (name: ResponseName, options: { list?: boolean } = {}) =>
  ApiOkResponse({ schema: options.list ? array(ref(name)) : ref(name) });

/** The route's 201 answer is this component. */
export const Creates = (name: ResponseName) => ApiCreatedResponse({ schema: ref(name) });
