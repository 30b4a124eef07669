import { CASE_EVENTS } from './case-events';
import type { CaseEventData, RecordedPlan } from './case-event';
import { CaseEffects, defineEffect } from './case-effects';
import { ROLE_LABELS, type Role } from './process-definition';
import type { CaseState, FollowUp } from './case-state';
import { SA_AE_KINDS } from './sa-ae';

/** The case's follow-ups with one instance's set or replaced; the others stay as they are. */
export function withFollowUp(state: CaseState, followUp: FollowUp): ReadonlyMap<string, FollowUp> {
  return new Map(state.followUps).set(followUp.instanceId, followUp);
}

/** Who takes over follow-up when a toolbox deadline is missed (toolbox.md, "on breach"). */
const ESCALATES_TO: Role = 'bitradande_enhetschef';

const followUpOwnerChanged = defineEffect<CaseEventData[typeof CASE_EVENTS.followUpOwnerChanged]>({
  event: CASE_EVENTS.followUpOwnerChanged,
  intents: {
    // A process may say the escalation waits while an SA/AE application is open (samverkan: the more specific rule wins).
    escalateFollowUp: (params: { reason: string; heldWhileSaAeOpen?: boolean }, { instanceId, state }) =>
      params.heldWhileSaAeOpen && state.saAeApplication
        ? {
            instanceId,
            owner: 'rehabansvarig',
            escalated: false,
            reason: `${params.reason}. En ansökan om ${SA_AE_KINDS[state.saAeApplication.kind].toLowerCase()} pågår, så Rehabansvarig behåller uppföljningen.`,
          }
        : { instanceId, owner: ESCALATES_TO, escalated: true, reason: params.reason },
    setFollowUpOwner: (params: { owner: Role }, { instanceId }) => ({
      instanceId,
      owner: params.owner,
      escalated: false,
    }),
  },
  evolve: (data, since, state) => ({
    followUps: withFollowUp(state, {
      instanceId: data.instanceId,
      role: data.owner,
      since,
      escalated: data.escalated,
      ...(data.reason !== undefined ? { reason: data.reason } : {}),
    }),
  }),
  label: (data) =>
    data.escalated
      ? `Uppföljningsansvar eskalerat till ${ROLE_LABELS[data.owner]}: ${data.reason}`
      : data.handedBack
        ? `Uppföljningsansvar tillbaka till ${ROLE_LABELS[data.owner]}: ${data.reason}`
        : `Uppföljningsansvar: ${ROLE_LABELS[data.owner] ?? data.owner}`,
});

/** What a plan keeps beside its sealed rows, read while they are still plain: how many, and each one's När and Gjort. */
export function rowsOf(items: unknown): Pick<RecordedPlan, 'rows' | 'due' | 'done'> {
  if (!Array.isArray(items)) return {};
  const rows = items as readonly { nar?: unknown; gjort?: unknown }[];
  return {
    rows: rows.length,
    due: rows.map((row) => String(row.nar ?? '')),
    done: rows.map((row) => row.gjort === true),
  };
}

const progressionsplanRecorded = defineEffect<RecordedPlan>({
  event: CASE_EVENTS.progressionsplanRecorded,
  intents: {
    recordProgressionsplan: (params: Omit<RecordedPlan, 'instanceId'>, { instanceId }) => ({
      instanceId,
      ...params,
      ...rowsOf(params.items),
    }),
  },
  evolve: ({ instanceId: _recordedBy, ...plan }, recordedAt) => ({
    hasProgressionsplan: true,
    progressionsplan: { ...plan, recordedAt },
  }),
  label: () => 'Progressionsplan registrerad',
  personal: ['items'],
});

/** The toolbox's effects: follow-up ownership and the progressionsplan, shared by every process. */
export const TOOLBOX_EFFECTS = new CaseEffects([followUpOwnerChanged, progressionsplanRecorded]);
