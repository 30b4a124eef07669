import { CASE_EVENTS } from './case-events';
import { caseEvent } from './case-event';
import type { CaseState, InstanceState } from './case-state';
import { CASE_COMMAND_ROLES, type ActorRole, type CaseCommand, type CommandMetadata } from './commands';
import type { DecideContext, PendingEvent } from './decide';
import { actingRole, instanceMetadata, requireCase, requireInstance } from './decide-helpers';
import { BusinessRuleError, InvalidPayloadError } from './errors';
import { CaseClosing, CaseReopening, ReferenceChange } from './case-closing';
import { REACH_MESSAGES, StepCorrection, type LastStep } from './step-correction';
import { isRunning } from './process-ending';
import type { ProcessDefinition } from './process-definition';
import { validatePayload } from './validate-payload';
import { calendarDayOf } from '@app/workflow';

type LifecycleCommand = Extract<
  CaseCommand,
  {
    type: 'CloseCase' | 'ReopenCase' | 'ChangeReference' | 'CorrectStep' | 'CheckPlanItem' | 'RemindPlanItem';
  }
>;
type Decided = { role: ActorRole; events: PendingEvent[] };

const rule = (id: string, message: string, field?: string) =>
  new BusinessRuleError([{ id, message, ...(field ? { field } : {}) }]);

/**
 * The case's own life beside its processes (issue 18): closing and
 * reopening it, correcting its reference, undoing a step recorded by
 * mistake, and the plan's rows ticked as done and reminded of. Each is an
 * event appended; nothing recorded before is changed.
 */
export function decideLifecycle(
  ctx: DecideContext,
  state: CaseState,
  command: LifecycleCommand,
  meta: CommandMetadata,
): Decided {
  requireCase(state);
  switch (command.type) {
    case 'CloseCase':
      return close(state, command, meta);
    case 'ReopenCase': {
      const role = actingRole(meta, 'ReopenCase', CASE_COMMAND_ROLES.ReopenCase);
      if (!state.closed) throw rule('case-not-closed', 'Ärendet är inte avslutat.');
      const { note } = validatePayload(CaseReopening, command.reopening);
      return { role, events: [caseEvent(CASE_EVENTS.reopened, { note }, {})] };
    }
    case 'ChangeReference': {
      const role = actingRole(meta, 'ChangeReference', CASE_COMMAND_ROLES.ChangeReference);
      const change = validatePayload(ReferenceChange, command.change);
      if (change.reference === undefined && change.journalRef === undefined) {
        throw new InvalidPayloadError([
          { field: 'reference', rule: 'oneRequired', message: 'Ange en ny referens eller ett nytt id.' },
        ]);
      }
      return { role, events: [caseEvent(CASE_EVENTS.referenceChanged, change, {})] };
    }
    case 'CorrectStep':
      return correctStep(ctx, state, command, meta);
    case 'CheckPlanItem': {
      const role = actingRole(meta, 'CheckPlanItem', CASE_COMMAND_ROLES.CheckPlanItem);
      const done = requirePlanRow(state, command.row);
      if (done === command.done) {
        throw rule(
          'plan-item-unchanged',
          command.done ? 'Punkten är redan markerad som gjord.' : 'Punkten är inte markerad som gjord.',
          'done',
        );
      }
      return {
        role,
        events: [caseEvent(CASE_EVENTS.planItemChecked, { row: command.row, done: command.done }, {})],
      };
    }
    case 'RemindPlanItem': {
      const role = actingRole(meta, 'RemindPlanItem', CASE_COMMAND_ROLES.RemindPlanItem);
      if (state.closed) throw rule('case-closed', 'Ärendet är avslutat.');
      if (requirePlanRow(state, command.row)) throw rule('plan-item-done', 'Punkten är redan gjord.');
      const dueOn = state.progressionsplan?.due?.[command.row - 1] ?? '';
      if (dueOn !== command.dueOn)
        throw rule('plan-changed', 'Planen har ändrats sedan påminnelsen togs fram.');
      // Late or not is the day's own doing, judged on the Swedish calendar now.
      const late = dueOn < calendarDayOf(meta.now);
      return {
        role,
        events: [caseEvent(CASE_EVENTS.planItemReminded, { row: command.row, dueOn, late }, {})],
      };
    }
  }
}

function close(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'CloseCase' }>,
  meta: CommandMetadata,
) {
  const role = actingRole(meta, 'CloseCase', CASE_COMMAND_ROLES.CloseCase);
  if (state.closed) throw rule('case-already-closed', 'Ärendet är redan avslutat.');
  const closing = validatePayload(CaseClosing, command.closing);
  if (closing.reason === 'other' && closing.note === undefined) {
    throw new InvalidPayloadError([
      { field: 'note', rule: 'requiredForOther', message: 'Skriv en kommentar när skälet är Annat skäl.' },
    ]);
  }
  const running = [...state.instances.values()].filter(isRunning).length;
  if (running > 0) {
    throw rule(
      'processes-running',
      running === 1
        ? 'En process pågår i ärendet. Avsluta den först.'
        : `${running} processer pågår i ärendet. Avsluta dem först.`,
    );
  }
  return { role, events: [caseEvent(CASE_EVENTS.closed, closing, {})] };
}

/** Whether the row is done; refused when the case has no plan with that row that can be ticked here. */
function requirePlanRow(state: CaseState, row: number): boolean {
  const done = state.progressionsplan?.done;
  if (!done) {
    throw rule(
      'no-plan-rows',
      state.progressionsplan
        ? 'Planen registrerades innan punkterna kunde bockas av här. Justera planen i stället.'
        : 'Ärendet har ingen progressionsplan.',
    );
  }
  if (!Number.isInteger(row) || row < 1 || row > done.length) {
    throw new InvalidPayloadError([
      { field: 'row', rule: 'planRow', message: `Planen har punkterna 1–${done.length}.` },
    ]);
  }
  return done[row - 1] === true;
}

/**
 * Undoes an instance's latest step: the instance goes back to where it
 * stood, the deadlines the step set are lifted and those it lifted are set
 * again, due when they were. Only the person who recorded it, or the
 * biträdande enhetschef, may; and only while nothing else has happened in
 * the instance and the step reached no further than it.
 */
function correctStep(
  ctx: DecideContext,
  state: CaseState,
  command: Extract<CaseCommand, { type: 'CorrectStep' }>,
  meta: CommandMetadata,
): Decided {
  const instance = requireInstance(state, command.instanceId);
  const last = instance.lastStep;
  if (!last || last.revision !== command.stepRevision) {
    throw rule(
      'step-not-latest',
      'Bara processens senaste steg kan rättas, och bara så länge inget annat har hänt i processen sedan dess.',
      'stepRevision',
    );
  }
  if (last.reached) throw rule(`step-reached-${last.reached}`, REACH_MESSAGES[last.reached]);
  const definition = ctx.registry.get(instance.definitionId, instance.version);
  if (definition.partnerUnit !== undefined) throw rule('step-shared-with-partner', SHARED_STEP_MESSAGE);
  const role = correctingRole(last, meta);
  const { reason } = validatePayload(StepCorrection, command.correction);
  const before = last.before.snapshot.value;
  const base = instanceMetadata(instance, before, before);
  const lifted = last.scheduled
    .filter((id) => state.deadlines.has(id))
    .map((deadlineId) => {
      const name = state.deadlines.get(deadlineId)?.name ?? '';
      return caseEvent(
        CASE_EVENTS.deadlineCancelled,
        { instanceId: instance.instanceId, deadlineId, name },
        base,
      );
    });
  const setAgain = last.cancelled.map((deadline, i) =>
    caseEvent(
      CASE_EVENTS.deadlineScheduled,
      {
        instanceId: instance.instanceId,
        deadlineId: `${meta.commandId}.d${i}`,
        name: deadline.name,
        title: definition.deadlines[deadline.name]?.title ?? deadline.name,
        duration: definition.deadlines[deadline.name]?.duration ?? '',
        dueAt: deadline.dueAt,
        machineEvent: deadline.machineEvent,
      },
      base,
    ),
  );
  const correctedEvent = caseEvent(
    CASE_EVENTS.stepCorrected,
    {
      instanceId: instance.instanceId,
      correctedRevision: last.revision,
      step: last.type,
      reason,
      ...(last.bipPhaseBefore !== undefined ? { bipPhaseBefore: last.bipPhaseBefore?.phase ?? null } : {}),
    },
    instanceMetadata(instance, instance.snapshot.value, before),
  );
  return { role, events: [correctedEvent, ...lifted, ...setAgain] };
}

function correctingRole(last: LastStep, meta: CommandMetadata): ActorRole {
  if (meta.actorId === last.actorId && last.role !== undefined && meta.roles.includes(last.role))
    return last.role;
  const supervisor = CASE_COMMAND_ROLES.CorrectStep.find((role) => meta.roles.includes(role));
  if (supervisor) return supervisor;
  throw rule(
    'not-your-step',
    'Bara den som registrerade steget, eller biträdande enhetschef, kan rätta det.',
    'stepRevision',
  );
}

/**
 * A process with a partner's lanes (a referral, a placement) is seen by
 * another unit as it goes, and its own read models follow its steps: what
 * the partner saw is not taken back by undoing the step.
 */
const SHARED_STEP_MESSAGE =
  'Processen delas med en annan enhet, som redan har sett steget. Rätta med en komplettering eller en anteckning, eller avsluta processen i förtid.';

/** Whether an instance's last step could be corrected now, by anyone. */
export const correctable = (definition: ProcessDefinition, instance: InstanceState): boolean =>
  instance.lastStep !== undefined &&
  instance.lastStep.reached === undefined &&
  definition.partnerUnit === undefined;
