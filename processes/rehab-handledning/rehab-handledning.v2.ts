import { assign, setup } from 'xstate';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './rehab-handledning.events';

/** Category → the toolbox process it continues in (toolbox.md, "Progressionsplan categories"). */
const NEXT_PROCESS: Record<number, string> = { 3: 'samverkan-varden', 4: 'fortroendelakare', 5: 'afu' };

interface HandledningContext {
  category: number;
  /** The biträdande enhetschef's follow-ups of a category 1-2 plan so far. */
  followUps: number;
}

type Args = { context: HandledningContext; event: ProcessEvent };
const recordPlan = {
  type: 'recordProgressionsplan' as const,
  params: ({ context, event }: Args) => ({
    category: context.category,
    followUpOwner: context.category <= 2 ? 'bitradande_enhetschef' : 'rehabansvarig',
    items: event.payload?.items,
  }),
};

/**
 * Version 2 of process 1 (toolbox.md): handledning may conclude that no
 * progressionsplan is drawn up, and the instance ends with the planning
 * agreed and why; a category 1-2 plan is followed up by the biträdande
 * enhetschef with Bilaga 7's stödfrågor until they close it.
 */
export const rehabHandledningV2Machine = setup({
  types: { events: {} as ProcessEvent, context: {} as HandledningContext },
  actions: {
    ...intentActions,
    rememberCategory: assign({ category: ({ event }) => Number(event.payload?.category) }),
    countFollowUp: assign({ followUps: ({ context }) => context.followUps + 1 }),
  },
  guards: {
    noPlan: ({ event }) => event.payload?.progressionsplanNeeded === false,
    executedBySocialWorker: ({ context }) => context.category <= 2,
  },
  delays: { executionDeadline: 0 },
}).createMachine({
  id: 'rehab-handledning',
  initial: 'impuls',
  context: { category: 0, followUps: 0 },
  states: {
    impuls: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Impuls' }),
      on: { ImpulsRegistered: 'kontakt' },
    },
    kontakt: {
      meta: meta({
        kind: 'userTask',
        lane: 'socialsekreterare',
        title: 'Kontakt med Rehabansvarig',
        description: 'Initialer och de fyra första siffrorna skickas till Rehabansvarig.',
      }),
      on: { RehabansvarigContacted: 'genomgang' },
    },
    genomgang: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Genomgång av dokumentation' }),
      on: { DocumentationReviewed: 'handledning' },
    },
    handledning: {
      meta: meta({
        kind: 'exclusiveGateway',
        lane: 'rehabansvarig',
        title: 'Handledning',
        description:
          'Rehabansvarig och socialsekreteraren går igenom ärendet och avgör om en progressionsplan ska upprättas.',
      }),
      on: { SupervisionHeld: [{ guard: 'noPlan', target: 'ingenPlan' }, { target: 'bedomning' }] },
    },
    bedomning: {
      meta: meta({ kind: 'exclusiveGateway', lane: 'rehabansvarig', title: 'Bedömning (kategori 1-5)' }),
      on: { CategoryDecided: { target: 'progressionsplan', actions: 'rememberCategory' } },
    },
    progressionsplan: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Progressionsplan' }),
      on: {
        ProgressionsplanShared: [
          {
            guard: 'executedBySocialWorker',
            target: 'genomforande',
            actions: [recordPlan, { type: 'setFollowUpOwner', params: { owner: 'bitradande_enhetschef' } }],
          },
          {
            target: 'overlamnad',
            // No follow-up owner here: this instance ends, and the process it starts sets its own.
            actions: [
              recordPlan,
              {
                type: 'startProcess',
                params: ({ context }: Args) => ({ definitionId: NEXT_PROCESS[context.category] }),
              },
            ],
          },
        ],
      },
    },
    genomforande: {
      meta: meta({
        kind: 'userTask',
        lane: 'socialsekreterare',
        title: 'Planen genomförs',
        description: 'Socialsekreteraren genomför planen; biträdande enhetschef följer upp.',
      }),
      initial: 'inTime',
      // The biträdande enhetschef may follow up while the plan is carried out; it leaves the deadline running.
      on: { PlanExecuted: 'uppfoljning', PlanFollowUpRecorded: { actions: 'countFollowUp' } },
      states: {
        inTime: {
          meta: meta({ kind: 'timer', lane: 'socialsekreterare', title: 'Planen genomförd i tid' }),
          after: { executionDeadline: 'overdue' },
        },
        overdue: {
          meta: meta({
            kind: 'userTask',
            lane: 'bitradande_enhetschef',
            title: 'Försenad: planen ej genomförd',
          }),
        },
      },
    },
    uppfoljning: {
      meta: meta({
        kind: 'userTask',
        lane: 'bitradande_enhetschef',
        title: 'Uppföljning av planen',
        description:
          'Biträdande enhetschef följer upp med stödfrågorna (Bilaga 7) och avslutar uppföljningen.',
      }),
      on: { PlanFollowUpRecorded: { actions: 'countFollowUp' }, PlanFollowUpClosed: 'avslutad' },
    },
    avslutad: { type: 'final', meta: meta({ kind: 'end', title: 'Uppföljningen avslutad' }) },
    ingenPlan: { type: 'final', meta: meta({ kind: 'end', title: 'Ingen progressionsplan' }) },
    overlamnad: {
      type: 'final',
      meta: meta({ kind: 'end', title: 'Överlämnad till verktygslådans process' }),
    },
  },
});

/** Without a plan, handledning must say what was agreed instead and why (toolbox.md, step 4). */
const whenNoPlan = (field: keyof dto.SupervisionHeldV2, message: string) => ({
  id: `no-plan-${String(field)}`,
  field: String(field),
  message,
  holds: (p: dto.SupervisionHeldV2) => p.progressionsplanNeeded || (p[field] ?? '') !== '',
});

export const rehabHandledningV2: ProcessDefinition = {
  id: 'rehab-handledning',
  version: 2,
  title: 'Rehabansvarig handleder',
  description: 'Ingången till verktygslådan: genomgång, handledning, bedömning och progressionsplan.',
  machine: rehabHandledningV2Machine,
  startLanes: ['socialsekreterare'],
  guardLabels: { executedBySocialWorker: 'kategori 1-2', noPlan: 'ingen progressionsplan' },
  events: {
    ImpulsRegistered: {
      label: 'Registrera impuls',
      lanes: ['socialsekreterare'],
      payload: dto.ImpulsRegistered,
    },
    RehabansvarigContacted: { label: 'Kontakta Rehabansvarig', lanes: ['socialsekreterare'] },
    DocumentationReviewed: {
      label: 'Registrera genomgång',
      lanes: ['rehabansvarig'],
      payload: dto.DocumentationReviewed,
    },
    SupervisionHeld: {
      label: 'Registrera handledning',
      lanes: ['rehabansvarig'],
      payload: dto.SupervisionHeldV2,
      rules: [
        whenNoPlan(
          'agreedPlanning',
          'Skriv vilken planering ni kom överens om när ingen progressionsplan upprättas.',
        ),
        whenNoPlan('noPlanReason', 'Skriv varför ingen progressionsplan upprättas.'),
      ],
    },
    CategoryDecided: { label: 'Besluta kategori', lanes: ['rehabansvarig'], payload: dto.CategoryDecided },
    ProgressionsplanShared: {
      label: 'Dela progressionsplan',
      lanes: ['rehabansvarig'],
      payload: dto.ProgressionsplanShared,
      // Step 6: mailed to the social worker with a copy to their biträdande enhetschef, and to their mentor in the introduktionsprogram.
      inform: {
        lanes: ['socialsekreterare', 'bitradande_enhetschef', 'mentor'],
        message: 'Rehabansvarig har delat progressionsplanen.',
        kind: 'plan-shared',
      },
    },
    PlanExecuted: { label: 'Planen är genomförd', lanes: ['socialsekreterare'], payload: dto.PlanExecuted },
    PlanFollowUpRecorded: {
      label: 'Registrera uppföljning',
      lanes: ['bitradande_enhetschef'],
      payload: dto.PlanFollowUpRecorded,
    },
    PlanFollowUpClosed: {
      label: 'Avsluta uppföljningen',
      lanes: ['bitradande_enhetschef'],
      payload: dto.PlanFollowUpClosed,
      rules: [
        {
          id: 'followed-up',
          message: 'Registrera minst en uppföljning med stödfrågorna innan uppföljningen avslutas.',
          holds: (_p, context) => Number(context.followUps) > 0,
        },
      ],
    },
  },
  deadlines: {
    executionDeadline: {
      duration: 'P2M',
      title: 'Planen genomförd av socialsekreteraren',
      notify: ['socialsekreterare', 'bitradande_enhetschef'],
    },
  },
};
