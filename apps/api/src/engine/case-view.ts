import {
  CATEGORY_LABELS,
  CLOSE_REASONS,
  correctable,
  BIP_PHASE_LABELS,
  CHANGE_REASONS,
  END_REASON_LABELS,
  isRunning,
  personal,
  personalOfCase,
  LANE_LABELS,
  ROLE_LABELS,
  SA_AE_KINDS,
  SA_AE_OUTCOMES,
  WAIT_REASONS,
  type CaseState,
  type ProcessRegistry,
  AGE_BANDS,
  KON,
  REASON_CODES,
  TARGET_GROUPS,
} from '@app/engine';
import { activeBpmnElements, activeTasks, addIsoDuration } from '@app/workflow';
import type { StateValue } from 'xstate';

/**
 * A case as the API shows it: every instance's state and waiting steps, facts,
 * and open deadlines. Personal fields stay sealed, marked for the disclosure step.
 */
export function toCaseView(registry: ProcessRegistry, state: CaseState, now: string) {
  return {
    caseId: state.caseId,
    revision: state.revision,
    reference: personal(state.caseId, state.reference),
    journalRef: personal(state.caseId, state.journalRef ?? null),
    unit: state.unit,
    socialWorkerId: state.socialWorkerId,
    /** Why, when and by whom the case was closed; null while it is open. */
    closed: state.closed
      ? {
          at: state.closed.at,
          by: state.closed.by,
          reason: state.closed.reason,
          label: CLOSE_REASONS[state.closed.reason],
          note: personal(state.caseId, state.closed.note ?? null),
        }
      : null,
    caseworkerChanges: state.caseworkerChanges,
    /** The latest handläggarbyte: why, whether the client knows, and the hand-over for the new worker. */
    lastCaseworkerChange: lastChangeOf(state),
    /** The case's Rehabansvarig, and the latest change from another with its hand-over. */
    rehabansvarigId: state.rehabansvarigId ?? null,
    lastRehabansvarigChange: lastRehabansvarigChangeOf(state),
    /** An application for sjukersättning / aktivitetsersättning awaiting Försäkringskassan, and the last decision. */
    saAe: {
      open: state.saAeApplication
        ? {
            kind: state.saAeApplication.kind,
            label: SA_AE_KINDS[state.saAeApplication.kind],
            appliedOn: state.saAeApplication.appliedOn,
          }
        : null,
      lastDecision: state.lastSaAeDecision
        ? {
            ...state.lastSaAeDecision,
            label: `${SA_AE_KINDS[state.lastSaAeDecision.kind]}: ${SA_AE_OUTCOMES[state.lastSaAeDecision.outcome].toLowerCase()}`,
          }
        : null,
    },
    /** Kön, age band, aktuell på bistånd, reason and target group, as last recorded for the statistics. */
    clientFacts: state.clientFacts
      ? {
          ...state.clientFacts,
          labels: {
            kon: KON[state.clientFacts.kon],
            ageBand: AGE_BANDS[state.clientFacts.ageBand],
            reasonCode: REASON_CODES[state.clientFacts.reasonCode],
            targetGroup: TARGET_GROUPS[state.clientFacts.targetGroup],
          },
        }
      : null,
    caseworkerChangesLastTwelveMonths: state.caseworkerChangedAt.filter(
      (at) => addIsoDuration(at, 'P12M') > now,
    ).length,
    /** Who follows up each process instance that has a follow-up, and whether it came by escalation. */
    followUps: [...state.followUps.values()].map((followUp) => {
      const instance = state.instances.get(followUp.instanceId);
      return {
        ...followUp,
        reason: followUp.reason ?? null,
        process: instance ? registry.get(instance.definitionId, instance.version).title : '',
        label: ROLE_LABELS[followUp.role],
      };
    }),
    bipPhase: state.bipPhase ? { ...state.bipPhase, label: BIP_PHASE_LABELS[state.bipPhase.phase] } : null,
    progressionsplan: state.progressionsplan
      ? {
          ...state.progressionsplan,
          /** What the category means and who follows up, as the choice named it. */
          categoryLabel:
            CATEGORY_LABELS[state.progressionsplan.category] ?? `Kategori ${state.progressionsplan.category}`,
          items: personal(state.caseId, state.progressionsplan.items),
        }
      : null,
    processes: [...state.instances.values()].map((instance) => {
      const definition = registry.get(instance.definitionId, instance.version);
      return {
        instanceId: instance.instanceId,
        definitionId: definition.id,
        version: definition.version,
        process: definition.title,
        status: instance.ended ? 'ended' : instance.snapshot.status === 'done' ? 'completed' : 'active',
        /** Why, when and by whom it ended early; null while it runs or when it reached its end. */
        ended: instance.ended
          ? {
              ...instance.ended,
              role: instance.ended.role ?? null,
              label: END_REASON_LABELS[instance.ended.reason],
            }
          : null,
        /** Why its step waits, when someone recorded a reason other than the need (seed 002); null otherwise. */
        waiting:
          instance.waiting && isRunning(instance)
            ? {
                reason: instance.waiting.reason,
                label: WAIT_REASONS[instance.waiting.reason],
                kind: instance.waiting.kind,
                since: instance.waiting.since,
                note:
                  instance.waiting.note === undefined ? null : personal(state.caseId, instance.waiting.note),
                recordedAt: instance.waiting.recordedAt,
              }
            : null,
        /** Its latest step while it can still be corrected (nothing else has happened in the instance since); null otherwise. */
        lastStep:
          instance.lastStep && isRunning(instance) && correctable(definition, instance)
            ? {
                revision: instance.lastStep.revision,
                event: instance.lastStep.type,
                label: definition.events[instance.lastStep.type]?.label ?? instance.lastStep.type,
                by: instance.lastStep.actorId,
                role: instance.lastStep.role ?? null,
                at: instance.lastStep.at,
              }
            : null,
        state: instance.snapshot.value as StateValue,
        /** The diagram elements to highlight in the process's BPMN export. */
        bpmnElementIds: activeBpmnElements(definition, instance.snapshot.value as StateValue),
        /** What the process keeps between steps, such as the CM plan (Bilaga 2). */
        context: personalOfCase(state.caseId, instance.snapshot.context),
        steps: activeTasks(
          definition,
          isRunning(instance) ? (instance.snapshot.value as StateValue) : null,
        ).map((task) => ({
          statePath: task.statePath,
          title: task.title,
          lane: task.lane,
          laneLabel: LANE_LABELS[task.lane],
        })),
      };
    }),
    deadlines: [...state.deadlines.values()]
      .map((deadline) => {
        const instance = state.instances.get(deadline.instanceId);
        const definition = instance && registry.get(instance.definitionId, instance.version);
        return {
          deadlineId: deadline.deadlineId,
          instanceId: deadline.instanceId,
          name: deadline.name,
          title: definition?.deadlines[deadline.name]?.title ?? deadline.name,
          dueAt: deadline.dueAt,
          overdue: deadline.dueAt < now,
        };
      })
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
  };
}

export type CaseView = ReturnType<typeof toCaseView>;

/** The latest handläggarbyte as the new worker reads it: its free text sealed, for the disclosure step. */
function lastChangeOf(state: CaseState) {
  const change = state.lastCaseworkerChange;
  if (!change) return null;
  const sealed = (text: string | undefined) => (text === undefined ? null : personal(state.caseId, text));
  return {
    from: change.from ?? null,
    to: change.to,
    at: change.at,
    by: change.by,
    reason: change.reason ?? null,
    reasonLabel: change.reason ? CHANGE_REASONS[change.reason] : null,
    reasonNote: sealed(change.reasonNote),
    clientInformed: change.clientInformed ?? null,
    handover: sealed(change.handover),
  };
}

/** The latest change of Rehabansvarig as the new one reads it: its free text sealed, for the disclosure step. */
function lastRehabansvarigChangeOf(state: CaseState) {
  const change = state.lastRehabansvarigChange;
  if (!change?.reason) return null;
  return {
    from: change.from ?? null,
    to: change.to,
    at: change.at,
    by: change.by,
    reason: change.reason,
    reasonLabel: CHANGE_REASONS[change.reason],
    reasonNote: change.reasonNote === undefined ? null : personal(state.caseId, change.reasonNote),
    clientInformed: change.clientInformed ?? false,
    handover: personal(state.caseId, change.handover ?? ''),
  };
}
