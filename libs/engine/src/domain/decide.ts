import { CASE_EVENTS } from './case-events';
import { keepDecidedStep, withDecidedStepOf } from './decided-snapshots';
import type { CaseEffects } from './case-effects';
import { rowsOf, TOOLBOX_EFFECTS } from './toolbox-effects';
import { caseEvent, type CaseEvent, type CaseEventMetadata } from './case-event';
import type { CaseState, InstanceState } from './case-state';
import { CASE_COMMAND_ROLES, type ActorRole, type CaseCommand, type CommandMetadata } from './commands';
import {
  BusinessRuleError,
  CaseAlreadyExistsError,
  CaseErasedError,
  DeadlineNotDueError,
  DeadlineNotFoundError,
  InstanceAlreadyExistsError,
  InvalidPayloadError,
  StepNotAllowedError,
  UnknownEventError,
} from './errors';
import {
  acceptedEventTypes,
  activeTasks,
  addIsoDuration,
  calendarDayOf,
  onDayOf,
  startInstance,
  stepInstance,
  type InstanceOutput,
} from '@app/workflow';
import { Progressionsplan } from './progressionsplan';
import { actingRole, instanceMetadata, requireCase, requireInstance, requireOpen } from './decide-helpers';
import { decideLifecycle } from './decide-lifecycle';
import { SA_AE_KINDS, SaAeApplication, SaAeDecision } from './sa-ae';
import { ClientFacts, sameClientFacts } from './client-facts';
import { CaseNote, DocumentReference } from './case-notes';
import { StepWait, waitKindOf } from './step-wait';
import { ContactChange, reasonNoteGiven } from './contact-change';
import { HAND_BACK_REASONS, HandBack, stepLanes } from './follow-up';
import { CaseworkerChange, HANDOVER_PROCESSES } from './caseworker-change';
import { EndProcessPayload, endingRoles, isRunning } from './process-ending';
import { validatePayload } from './validate-payload';
import { requireStaff, type NamedStaff } from './staff-fields';
import { requireInsats, type NamedInsatser } from './catalogue-fields';
import { catalogueFieldsOf } from './fields';
import { partnerUnitOf } from './partner-unit';
import { defaultUnitSettings, type UnitSettingsLookup } from './unit-settings';
import type { CaseFacts, NamedRule, ProcessDefinition, StepEnvironment } from './process-definition';
import { isPartnerRole } from './process-definition';
import type { ProcessRegistry } from './process-registry';

/** Instance-specific metadata and the acting role; the engine adds actor, time, correlation and causation. */
export type PendingMetadata = Pick<
  CaseEventMetadata,
  | 'processInstanceId'
  | 'definitionId'
  | 'definitionVersion'
  | 'stateBefore'
  | 'stateAfter'
  | 'role'
  | 'partnerUnit'
>;

export type PendingEvent = CaseEvent<PendingMetadata>;

/** Per-unit deadline durations: unit → definition id → delay name → ISO duration. */
export type DeadlineOverrides = Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>
>;

export interface DecideContext {
  readonly registry: ProcessRegistry;
  readonly overrides: DeadlineOverrides;
  /** The case model's cross-process effects; the toolbox's when absent. */
  readonly effects?: CaseEffects;
  /** What each unit configured for the rules that read it; Järva's list for every unit when absent. */
  readonly unitSettings?: UnitSettingsLookup;
  /**
   * The staff directory's records of the people the command names in staff
   * fields; without them (engine tests with no directory) those fields are
   * not checked against the unit.
   */
  readonly staff?: NamedStaff;
  /** The catalogue's facts for the insatser the command names or its instance is placed on. */
  readonly insatser?: NamedInsatser;
  /**
   * The case's reference opened, for a step whose inspection must keep it
   * out of what leaves the case (a referral's summary); absent otherwise.
   */
  readonly clientReference?: string;
}

interface Outputs {
  events: PendingEvent[];
  counter: number;
}

/**
 * A second instance of a process that already runs in the case is almost
 * always a double click or a lost overview; the spec names no process that
 * runs twice at once, so every process starts again only once the running
 * one has ended, unless its definition says otherwise.
 */
function notAlreadyRunning(definition: ProcessDefinition): NamedRule<CaseFacts> {
  return {
    id: 'already-running',
    message: `${definition.title} pågår redan i ärendet. En ny kan startas när den pågående har avslutats.`,
    holds: (facts) => !facts.runningProcesses.includes(definition.id),
  };
}

/** Every rule a start of the process must meet: its own, and one instance at a time unless it allows more. */
export function startRulesOf(definition: ProcessDefinition): NamedRule<CaseFacts>[] {
  return [
    ...(definition.parallelInstances ? [] : [notAlreadyRunning(definition)]),
    ...(definition.startRules ?? []),
  ];
}

/** The start rules of a process that the case does not meet now: what blocks starting it. */
export function unmetStartRules(definition: ProcessDefinition, state: CaseState): NamedRule<CaseFacts>[] {
  return startRulesOf(definition).filter((rule) => !rule.holds(caseFactsOf(state), {}, {}));
}

function caseFactsOf(state: CaseState): CaseFacts {
  return {
    hasProgressionsplan: state.hasProgressionsplan,
    ...(state.progressionsplan?.rows === undefined
      ? {}
      : { progressionsplanRows: state.progressionsplan.rows }),
    saAeApplicationOpen: state.saAeApplication !== undefined,
    runningProcesses: [...state.instances.values()]
      .filter(isRunning)
      .map((instance) => instance.definitionId),
  };
}

/** Failed rules as the error the caller sees: each names itself, and its field when it judges one. */
function rulesFailed(failed: readonly NamedRule<never>[]): BusinessRuleError {
  return new BusinessRuleError(
    failed.map(({ id, message, field, warning }) => ({
      id,
      message,
      ...(field ? { field } : {}),
      ...(warning ? { warning } : {}),
    })),
  );
}

/**
 * A step's rules: every broken rule refuses it. A warning refuses it only
 * until the sender says they have read it (`acknowledgedWarnings`), so the
 * log shows the step was taken knowingly.
 */
function requireRules(
  rules: readonly NamedRule<never>[],
  payload: Readonly<Record<string, unknown>>,
  context: Readonly<Record<string, unknown>>,
  environment: StepEnvironment,
): void {
  const broken = rules.filter((rule) => !rule.holds(payload as never, context, environment));
  const errors = broken.filter((rule) => !rule.warning);
  if (errors.length > 0) throw rulesFailed(errors);
  const acknowledged = (payload.acknowledgedWarnings ?? []) as readonly string[];
  const unread = broken.filter((rule) => !acknowledged.includes(rule.id));
  if (unread.length > 0) throw rulesFailed(unread);
}

interface Inspection {
  readonly violations?: readonly {
    readonly field: string;
    readonly rule: string;
    readonly message: string;
  }[];
  readonly warnings?: readonly { readonly id: string; readonly field: string; readonly message: string }[];
}

/** What a step's inspection found: bad input refused as such, each warning until the sender has read it. */
function requireInspection(found: Inspection, payload: Readonly<Record<string, unknown>>): void {
  if (found.violations && found.violations.length > 0) throw new InvalidPayloadError([...found.violations]);
  const acknowledged = (payload.acknowledgedWarnings ?? []) as readonly string[];
  const unread = (found.warnings ?? []).filter((warning) => !acknowledged.includes(warning.id));
  if (unread.length > 0)
    throw new BusinessRuleError(unread.map((warning) => ({ ...warning, warning: true as const })));
}

/** The payload with the snapshot of the insats its insats field names, for the step to keep. */
function withInsatsSnapshot(
  payloadClass: (new () => object) | undefined,
  payload: Readonly<Record<string, unknown>>,
  unit: string,
  insatser: NamedInsatser | undefined,
): Readonly<Record<string, unknown>> {
  const [field] = payloadClass ? catalogueFieldsOf(payloadClass) : [];
  if (!field || !insatser) return payload;
  return { ...payload, insats: requireInsats(String(payload[field]), field, unit, insatser) };
}

/**
 * Whose configuration a deadline's duration is read from: the partner's
 * (a receiving unit's three weeks to decide) when only partner lanes hear of
 * it, else the case's unit's.
 */
function deadlineUnit(
  definition: ProcessDefinition,
  instance: InstanceState,
  name: string,
  state: CaseState,
): string {
  const told = definition.deadlines[name]?.notify ?? [];
  const partners = told.length > 0 && told.every(isPartnerRole);
  return (partners ? definition.partnerUnit?.(instance.snapshot.context) : undefined) ?? state.unit ?? '';
}

/**
 * Records what an instance's step asked for (the workflow library's
 * outputs) as case events: a timer becomes DeadlineScheduled with an
 * absolute due time, leaving one becomes DeadlineCancelled for the open
 * deadline it names, a start becomes a new instance, a named action becomes
 * its effect's event, and a final state becomes ProcessCompleted.
 */
function recordOutputs(
  ctx: DecideContext,
  state: CaseState,
  meta: CommandMetadata,
  instance: InstanceState,
  outputs: readonly InstanceOutput[],
  out: Outputs,
  payload: Readonly<Record<string, unknown>> = {},
): void {
  const definition = ctx.registry.get(instance.definitionId, instance.version);
  const base = instanceMetadata(instance, instance.snapshot.value, instance.snapshot.value);
  for (const output of outputs) {
    switch (output.kind) {
      case 'schedule': {
        const name = output.delay;
        const duration =
          ctx.overrides[deadlineUnit(definition, instance, name, state)]?.[definition.id]?.[name] ??
          definition.deadlines[name]?.duration;
        if (!duration) throw new Error(`${definition.id} has no deadline spec for delay '${name}'`);
        const field = definition.deadlines[name]?.from;
        const day = field === undefined ? undefined : payload[field];
        const runsFrom = typeof day === 'string' ? onDayOf(day, meta.now) : meta.now;
        out.events.push(
          caseEvent(
            CASE_EVENTS.deadlineScheduled,
            {
              instanceId: instance.instanceId,
              deadlineId: `${meta.commandId}.d${out.counter++}`,
              name,
              title: definition.deadlines[name]?.title ?? name,
              duration,
              dueAt: addIsoDuration(runsFrom, duration),
              ...(typeof day === 'string' ? { runsFrom: day } : {}),
              machineEvent: output.machineEvent,
            },
            base,
          ),
        );
        break;
      }
      case 'cancel':
        for (const deadline of state.deadlines.values()) {
          if (deadline.instanceId === instance.instanceId && deadline.machineEvent === output.machineEvent) {
            out.events.push(
              caseEvent(
                CASE_EVENTS.deadlineCancelled,
                { instanceId: instance.instanceId, deadlineId: deadline.deadlineId, name: deadline.name },
                base,
              ),
            );
          }
        }
        break;
      case 'start': {
        const started = startProcess(
          ctx,
          state,
          meta,
          ctx.registry.latest(output.definitionId),
          `${meta.commandId}.p${out.counter++}`,
          out,
        );
        if (output.entry !== undefined) enterAt(ctx, state, meta, started, output.entry, instance, out);
        break;
      }
      case 'emit': {
        const recorded = (ctx.effects ?? TOOLBOX_EFFECTS).record(output.action, output.params, {
          instanceId: instance.instanceId,
          state,
        });
        if (recorded) out.events.push({ ...recorded, metadata: base } as PendingEvent);
        break;
      }
      case 'complete':
        out.events.push(
          caseEvent(
            CASE_EVENTS.processCompleted,
            { instanceId: instance.instanceId, finalState: output.finalState },
            base,
          ),
        );
        break;
    }
  }
}

/**
 * The started instance takes its entry event at once, naming the instance
 * that handed over to it, so it continues where the other left off (the
 * consent and order AFU recorded stay where they were, in its history).
 */
function enterAt(
  ctx: DecideContext,
  state: CaseState,
  meta: CommandMetadata,
  started: InstanceState,
  entry: string,
  from: InstanceState,
  out: Outputs,
): void {
  const payload = { fromInstanceId: from.instanceId, fromDefinitionId: from.definitionId };
  stepInto(ctx, state, meta, started, { type: entry, payload }, out, (metadata) => ({
    type: entry,
    data: { instanceId: started.instanceId, payload },
    metadata,
  }));
}

function startProcess(
  ctx: DecideContext,
  state: CaseState,
  meta: CommandMetadata,
  definition: ProcessDefinition,
  instanceId: string,
  out: Outputs,
): InstanceState {
  const { snapshot, outputs } = startInstance(definition);
  const instance: InstanceState = {
    instanceId,
    definitionId: definition.id,
    version: definition.version,
    snapshot,
  };
  out.events.push(
    caseEvent(
      CASE_EVENTS.processStarted,
      { instanceId, definitionId: definition.id, version: definition.version },
      instanceMetadata(instance, null, snapshot.value),
    ),
  );
  recordOutputs(ctx, state, meta, instance, outputs, out);
  return instance;
}

/** An instance that has ended, at its last step or early, takes no more steps. */
/** A change of contact for the reason "annat" says why in its note. */
function requireReasonNote(change: Pick<ContactChange, 'reason' | 'reasonNote'>): void {
  if (!reasonNoteGiven(change)) {
    throw new InvalidPayloadError([
      { field: 'reasonNote', rule: 'requiredForAnnat', message: 'reasonNote krävs när skälet är annat' },
    ]);
  }
}

function requireRunning(instance: InstanceState, action: string): void {
  if (!isRunning(instance)) throw new StepNotAllowedError(action, instance.snapshot.value, []);
}

/**
 * Ends an instance before its last step: its open deadlines close with it,
 * so nothing fires or waits on it afterwards, and it stands at no step.
 */
function endProcess(
  ctx: DecideContext,
  state: CaseState,
  command: Extract<CaseCommand, { type: 'EndProcess' }>,
  meta: CommandMetadata,
): { role: ActorRole; events: PendingEvent[] } {
  const instance = requireInstance(state, command.instanceId);
  requireRunning(instance, 'EndProcess');
  const ending = validatePayload(EndProcessPayload, command.ending);
  const definition = ctx.registry.get(instance.definitionId, instance.version);
  const role = actingRole(meta, 'EndProcess', endingRoles(definition, ending.reason));
  if (ending.reason === 'other' && ending.note === undefined) {
    throw new InvalidPayloadError([
      { field: 'note', rule: 'requiredForOther', message: 'note krävs när skälet är other (Annat skäl)' },
    ]);
  }
  const base = instanceMetadata(instance, instance.snapshot.value, instance.snapshot.value);
  const cancelled = [...state.deadlines.values()]
    .filter((deadline) => deadline.instanceId === instance.instanceId)
    .map((deadline) =>
      caseEvent(
        CASE_EVENTS.deadlineCancelled,
        { instanceId: instance.instanceId, deadlineId: deadline.deadlineId, name: deadline.name },
        base,
      ),
    );
  const ended = caseEvent(
    CASE_EVENTS.processEnded,
    {
      instanceId: instance.instanceId,
      reason: ending.reason,
      ...(ending.note !== undefined ? { note: ending.note } : {}),
      endedAt: instance.snapshot.value,
    },
    { ...base, stateAfter: null },
  );
  return { role, events: [...cancelled, ended] };
}

function sendToInstance(
  ctx: DecideContext,
  state: CaseState,
  meta: CommandMetadata,
  instance: InstanceState,
  event: { type: string; payload?: Record<string, unknown> },
  stored: (metadata: PendingMetadata) => PendingEvent,
): PendingEvent[] {
  const out: Outputs = { events: [], counter: 0 };
  stepInto(ctx, state, meta, instance, event, out, stored);
  return out.events;
}

/** One step of an instance into `out`: the step's own event, then what the step asked for. */
function stepInto(
  ctx: DecideContext,
  state: CaseState,
  meta: CommandMetadata,
  instance: InstanceState,
  event: { type: string; payload?: Record<string, unknown> },
  out: Outputs,
  stored: (metadata: PendingMetadata) => PendingEvent,
): void {
  const definition = ctx.registry.get(instance.definitionId, instance.version);
  if (!instance.snapshot.can(event)) {
    throw new StepNotAllowedError(event.type, instance.snapshot.value, acceptedEventTypes(instance.snapshot));
  }
  const { snapshot, outputs } = stepInstance(definition, instance.snapshot, event);
  // The read side tells the partner of its steps without the context: the unit travels with the step.
  const partnerUnit = definition.partnerUnit?.(snapshot.context);
  const metadata = instanceMetadata(instance, instance.snapshot.value, snapshot.value);
  const stepEvent = stored(partnerUnit === undefined ? metadata : { ...metadata, partnerUnit });
  keepDecidedStep(stepEvent, instance.snapshot, snapshot);
  out.events.push(stepEvent);
  recordOutputs(ctx, state, meta, { ...instance, snapshot }, outputs, out, event.payload);
}

/** The events a command produces, each stamped with the role the actor acted in. */
export function decide(
  ctx: DecideContext,
  state: CaseState,
  command: CaseCommand,
  meta: CommandMetadata,
): PendingEvent[] {
  const { role, events } = decideAs(ctx, state, command, meta);
  return events.map((event) => withDecidedStepOf(event, { ...event, metadata: { ...event.metadata, role } }));
}

function decideAs(
  ctx: DecideContext,
  state: CaseState,
  command: CaseCommand,
  meta: CommandMetadata,
): { role: ActorRole; events: PendingEvent[] } {
  switch (command.type) {
    case 'CloseCase':
    case 'ReopenCase':
    case 'ChangeReference':
    case 'CorrectStep':
    case 'CheckPlanItem':
    case 'RemindPlanItem':
      return decideLifecycle(ctx, state, command, meta);
    case 'OpenCase': {
      if (state.revision !== 'no_stream') throw new CaseAlreadyExistsError(state.caseId);
      const role = actingRole(meta, 'OpenCase', CASE_COMMAND_ROLES.OpenCase);
      const events = [
        caseEvent(
          CASE_EVENTS.opened,
          {
            caseId: state.caseId,
            reference: command.reference,
            ...(command.journalRef !== undefined ? { journalRef: command.journalRef } : {}),
            unit: command.unit,
            socialWorkerId: command.socialWorkerId,
          },
          {},
        ),
      ];
      return { role, events };
    }
    case 'ChangeCaseworker': {
      requireCase(state);
      requireOpen(state, 'byta ansvarig socialsekreterare');
      const role = actingRole(meta, 'ChangeCaseworker', CASE_COMMAND_ROLES.ChangeCaseworker);
      // Every change counts against the client (BIP: -22 % per change), so a non-change must not be recorded as one.
      if (command.socialWorkerId === state.socialWorkerId) {
        throw new BusinessRuleError([
          {
            id: 'caseworker-unchanged',
            field: 'socialWorkerId',
            message: 'Socialsekreteraren är redan ansvarig för ärendet. Välj den som ska ta över.',
          },
        ]);
      }
      const change = validatePayload(CaseworkerChange, command.change, calendarDayOf(meta.now));
      requireReasonNote(change);
      const out: Outputs = {
        events: [
          caseEvent(
            CASE_EVENTS.caseworkerChanged,
            { from: state.socialWorkerId, to: command.socialWorkerId, ...change },
            {},
          ),
        ],
        counter: 0,
      };
      // What the change leaves undone becomes someone's task, with the process's own deadline.
      const undone = [
        ...(change.clientInformed ? [] : [HANDOVER_PROCESSES.informClient]),
        ...(change.handover ? [] : [HANDOVER_PROCESSES.writeHandover]),
      ];
      for (const id of undone)
        startProcess(ctx, state, meta, ctx.registry.latest(id), `${meta.commandId}.p${out.counter++}`, out);
      return { role, events: out.events };
    }
    case 'RecordProgressionsplan': {
      requireCase(state);
      requireOpen(state, 'registrera en progressionsplan');
      const role = actingRole(meta, 'RecordProgressionsplan', CASE_COMMAND_ROLES.RecordProgressionsplan);
      const plan = validatePayload(Progressionsplan, command.plan);
      return {
        role,
        events: [caseEvent(CASE_EVENTS.progressionsplanRecorded, { ...plan, ...rowsOf(plan.items) }, {})],
      };
    }
    case 'RecordSaAeApplication': {
      requireCase(state);
      const role = actingRole(meta, 'RecordSaAeApplication', CASE_COMMAND_ROLES.RecordSaAeApplication);
      const application = validatePayload(SaAeApplication, command.application, calendarDayOf(meta.now));
      if (state.saAeApplication) {
        throw new BusinessRuleError([
          {
            id: 'sa-ae-already-open',
            message: `En ansökan om ${SA_AE_KINDS[state.saAeApplication.kind].toLowerCase()} är redan öppen; registrera Försäkringskassans beslut först.`,
          },
        ]);
      }
      return { role, events: [caseEvent(CASE_EVENTS.saAeApplicationOpened, application, {})] };
    }
    case 'RecordSaAeDecision': {
      requireCase(state);
      const role = actingRole(meta, 'RecordSaAeDecision', CASE_COMMAND_ROLES.RecordSaAeDecision);
      const decision = validatePayload(SaAeDecision, command.decision, calendarDayOf(meta.now));
      const open = state.saAeApplication;
      if (!open) {
        throw new BusinessRuleError([
          {
            id: 'no-sa-ae-open',
            message: 'Ingen ansökan om sjukersättning eller aktivitetsersättning är öppen.',
          },
        ]);
      }
      if (decision.decidedOn < open.appliedOn) {
        throw new BusinessRuleError([
          {
            id: 'decided-before-applied',
            field: 'decidedOn',
            message: `Beslutet kan inte vara fattat före ansökan (${open.appliedOn}).`,
          },
        ]);
      }
      return {
        role,
        events: [caseEvent(CASE_EVENTS.saAeApplicationClosed, { kind: open.kind, ...decision }, {})],
      };
    }
    case 'RecordClientFacts': {
      requireCase(state);
      const role = actingRole(meta, 'RecordClientFacts', CASE_COMMAND_ROLES.RecordClientFacts);
      const facts = validatePayload(ClientFacts, command.facts, calendarDayOf(meta.now));
      if (state.clientFacts && sameClientFacts(state.clientFacts, facts)) {
        throw new BusinessRuleError([
          {
            id: 'client-facts-unchanged',
            message: 'Uppgifterna är redan registrerade så här; ändra något först.',
          },
        ]);
      }
      return { role, events: [caseEvent(CASE_EVENTS.clientFactsRecorded, { ...facts }, {})] };
    }
    case 'RecordCaseNote': {
      requireCase(state);
      const role = actingRole(meta, 'RecordCaseNote', CASE_COMMAND_ROLES.RecordCaseNote);
      const note = validatePayload(CaseNote, command.note, calendarDayOf(meta.now));
      return { role, events: [caseEvent(CASE_EVENTS.noteRecorded, { ...note }, {})] };
    }
    case 'RecordDocumentReference': {
      requireCase(state);
      const role = actingRole(meta, 'RecordDocumentReference', CASE_COMMAND_ROLES.RecordDocumentReference);
      const document = validatePayload(DocumentReference, command.document, calendarDayOf(meta.now));
      return { role, events: [caseEvent(CASE_EVENTS.documentReferenced, { ...document }, {})] };
    }
    case 'StartProcess': {
      requireCase(state);
      requireOpen(state, 'starta en process');
      if (state.instances.has(command.instanceId)) throw new InstanceAlreadyExistsError(command.instanceId);
      const definition = ctx.registry.latest(command.definitionId);
      const role = actingRole(meta, `start ${definition.id}`, definition.startLanes);
      const failed = unmetStartRules(definition, state);
      if (failed.length > 0) throw rulesFailed(failed);
      const out: Outputs = { events: [], counter: 0 };
      startProcess(ctx, state, meta, definition, command.instanceId, out);
      return { role, events: out.events };
    }
    case 'SendProcessEvent': {
      requireCase(state);
      const instance = requireInstance(state, command.instanceId);
      requireRunning(instance, command.event);
      const definition = ctx.registry.get(instance.definitionId, instance.version);
      const step = definition.events[command.event];
      if (!step) throw new UnknownEventError(definition.id, command.event, Object.keys(definition.events));
      if (!acceptedEventTypes(instance.snapshot).includes(command.event)) {
        throw new StepNotAllowedError(
          command.event,
          instance.snapshot.value,
          acceptedEventTypes(instance.snapshot),
        );
      }
      const role = actingRole(meta, command.event, stepLanes(state, instance.instanceId, step.lanes));
      const valid = validatePayload(step.payload, command.payload, calendarDayOf(meta.now));
      const units = { case: state.unit ?? '', partner: partnerUnitOf(ctx.registry, instance) };
      if (step.payload && ctx.staff) requireStaff(step.payload, valid, units, ctx.staff);
      const payload = withInsatsSnapshot(step.payload, valid, state.unit ?? '', ctx.insatser);
      const environment: StepEnvironment = {
        facts: caseFactsOf(state),
        unit: (ctx.unitSettings ?? defaultUnitSettings)(state.unit ?? ''),
        insatser: ctx.insatser ?? new Map(),
        today: calendarDayOf(meta.now),
        ...(ctx.clientReference === undefined ? {} : { clientReference: ctx.clientReference }),
      };
      requireRules(step.rules ?? [], payload, instance.snapshot.context, environment);
      const inspected = step.inspect?.(payload as never, instance.snapshot.context, environment);
      if (inspected) requireInspection(inspected, payload);
      const kept = inspected?.kept ?? payload;
      const events = sendToInstance(
        ctx,
        state,
        meta,
        instance,
        { type: command.event, payload: kept },
        (metadata) => ({
          type: command.event,
          data: { instanceId: instance.instanceId, payload: kept },
          metadata,
        }),
      );
      return { role, events };
    }
    case 'EndProcess':
      requireCase(state);
      return endProcess(ctx, state, command, meta);
    case 'HandBackFollowUp': {
      requireCase(state);
      const role = actingRole(meta, 'HandBackFollowUp', CASE_COMMAND_ROLES.HandBackFollowUp);
      const instance = requireInstance(state, command.instanceId);
      requireRunning(instance, 'HandBackFollowUp');
      if (!state.followUps.get(instance.instanceId)?.escalated) {
        throw new BusinessRuleError([
          {
            id: 'not-escalated',
            message:
              'Uppföljningen är inte eskalerad till biträdande enhetschef och kan inte lämnas tillbaka.',
          },
        ]);
      }
      const reason = HAND_BACK_REASONS[validatePayload(HandBack, { reason: command.reason }).reason];
      const base = instanceMetadata(instance, instance.snapshot.value, instance.snapshot.value);
      const handedBack = caseEvent(
        CASE_EVENTS.followUpOwnerChanged,
        {
          instanceId: instance.instanceId,
          owner: 'rehabansvarig',
          escalated: false,
          reason,
          handedBack: true,
        },
        base,
      );
      return { role, events: [handedBack] };
    }
    case 'AssignTask': {
      requireCase(state);
      const instance = requireInstance(state, command.instanceId);
      requireRunning(instance, 'AssignTask');
      const definition = ctx.registry.get(instance.definitionId, instance.version);
      const task = activeTasks(definition, instance.snapshot.value).find(
        (t) => t.statePath === command.statePath,
      );
      if (!task) {
        throw new BusinessRuleError([
          {
            id: 'task-not-open',
            field: 'statePath',
            message:
              'Uppgiften är inte öppen längre: steget är redan registrerat eller processen har gått vidare.',
          },
        ]);
      }
      if (task.lane === 'socialsekreterare') {
        throw new BusinessRuleError([
          {
            id: 'task-follows-social-worker',
            field: 'statePath',
            message:
              'Socialsekreterarens uppgifter följer ärendets ansvariga socialsekreterare; byt ansvarig i stället.',
          },
        ]);
      }
      const lanes = stepLanes(state, instance.instanceId, [task.lane as ActorRole]);
      const role = actingRole(meta, `take or hand over ${task.title}`, [
        ...lanes,
        ...CASE_COMMAND_ROLES.AssignTask,
      ]);
      const base = instanceMetadata(instance, instance.snapshot.value, instance.snapshot.value);
      return {
        role,
        events: [
          caseEvent(
            CASE_EVENTS.taskAssigned,
            { instanceId: instance.instanceId, statePath: task.statePath, to: command.to },
            base,
          ),
        ],
      };
    }
    case 'AssignRehabansvarig': {
      requireCase(state);
      const role = actingRole(meta, 'AssignRehabansvarig', CASE_COMMAND_ROLES.AssignRehabansvarig);
      const from = state.rehabansvarigId;
      const to = command.rehabansvarigId;
      if (from === undefined)
        return { role, events: [caseEvent(CASE_EVENTS.rehabansvarigAssigned, { to }, {})] };
      if (to === from) {
        throw new BusinessRuleError([
          {
            id: 'rehabansvarig-unchanged',
            field: 'rehabansvarigId',
            message: 'Det är redan ärendets Rehabansvarig. Välj den som ska ta över.',
          },
        ]);
      }
      const change = validatePayload(ContactChange, command.change ?? {});
      requireReasonNote(change);
      return { role, events: [caseEvent(CASE_EVENTS.rehabansvarigAssigned, { from, to, ...change }, {})] };
    }
    case 'RecordStepWait': {
      requireCase(state);
      const role = actingRole(meta, 'RecordStepWait', CASE_COMMAND_ROLES.RecordStepWait);
      const instance = requireInstance(state, command.instanceId);
      requireRunning(instance, 'RecordStepWait');
      const wait = validatePayload(StepWait, command.wait, calendarDayOf(meta.now));
      const base = instanceMetadata(instance, instance.snapshot.value, instance.snapshot.value);
      const recorded = caseEvent(
        CASE_EVENTS.stepWaitRecorded,
        {
          instanceId: instance.instanceId,
          ...wait,
          kind: waitKindOf(wait.reason),
          step: instance.snapshot.value,
        },
        base,
      );
      return { role, events: [recorded] };
    }
    case 'EraseCase': {
      requireCase(state);
      if (state.erased) throw new CaseErasedError(state.caseId);
      const role = actingRole(meta, 'EraseCase', CASE_COMMAND_ROLES.EraseCase);
      if (command.closedAt !== undefined && state.closed?.at !== command.closedAt) {
        throw new BusinessRuleError([
          {
            id: 'not-closed-then',
            message: 'Ärendet är inte avslutat sedan den tid gallringsregeln räknade från; det gallras inte.',
          },
        ]);
      }
      // Nothing may fire on an erased case, so its clocks stop with it.
      const cancelled = [...state.deadlines.values()].map((deadline) =>
        caseEvent(
          CASE_EVENTS.deadlineCancelled,
          { instanceId: deadline.instanceId, deadlineId: deadline.deadlineId, name: deadline.name },
          {},
        ),
      );
      const erased = caseEvent(
        CASE_EVENTS.erased,
        { reason: command.reason, decision: command.decision },
        {},
      );
      return { role, events: [...cancelled, erased] };
    }
    case 'FireDeadline': {
      const role = actingRole(meta, 'FireDeadline', CASE_COMMAND_ROLES.FireDeadline);
      requireCase(state);
      const deadline = state.deadlines.get(command.deadlineId);
      if (!deadline) throw new DeadlineNotFoundError(command.deadlineId);
      if (meta.now < deadline.dueAt)
        throw new DeadlineNotDueError(deadline.deadlineId, deadline.dueAt, meta.now);
      const instance = requireInstance(state, deadline.instanceId);
      // The deadline leaves the open set before the transition's own cancel of it is looked at.
      const remaining = new Map(state.deadlines);
      remaining.delete(deadline.deadlineId);
      const events = sendToInstance(
        ctx,
        { ...state, deadlines: remaining },
        meta,
        instance,
        { type: deadline.machineEvent },
        (metadata) =>
          caseEvent(
            CASE_EVENTS.deadlineReached,
            {
              instanceId: instance.instanceId,
              deadlineId: deadline.deadlineId,
              name: deadline.name,
              dueAt: deadline.dueAt,
              machineEvent: deadline.machineEvent,
            },
            metadata,
          ),
      );
      return { role, events };
    }
  }
}
