import { assign, setup } from 'xstate';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './rehab-handledning.events';

/** Category → the toolbox process it continues in (toolbox.md, "Progressionsplan categories"). */
const NEXT_PROCESS: Record<number, string> = { 3: 'samverkan-varden', 4: 'fortroendelakare', 5: 'afu' };

type Args = { context: { category: number }; event: ProcessEvent };
const recordPlan = {
  type: 'recordProgressionsplan' as const,
  params: ({ context, event }: Args) => ({
    category: context.category,
    followUpOwner: context.category <= 2 ? 'bitradande_enhetschef' : 'rehabansvarig',
    items: event.payload?.items,
  }),
};

/**
 * Process 1, Rehabansvarig handleder: the entry to the toolbox. The bedömning
 * decides the progressionsplan category; sharing the plan records it on the
 * case and, for category 3-5, starts the next process in the same append.
 */
export const rehabHandledningMachine = setup({
  types: { events: {} as ProcessEvent, context: {} as { category: number } },
  actions: {
    ...intentActions,
    rememberCategory: assign({ category: ({ event }) => Number(event.payload?.category) }),
  },
  guards: {
    executedBySocialWorker: ({ context }) => context.category <= 2,
  },
  delays: { executionDeadline: 0 },
}).createMachine({
  id: 'rehab-handledning',
  initial: 'impuls',
  context: { category: 0 },
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
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Handledning' }),
      on: { SupervisionHeld: 'bedomning' },
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
      on: { PlanExecuted: 'genomford' },
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
    genomford: { type: 'final', meta: meta({ kind: 'end', title: 'Planen genomförd' }) },
    overlamnad: {
      type: 'final',
      meta: meta({ kind: 'end', title: 'Överlämnad till verktygslådans process' }),
    },
  },
});

export const rehabHandledningV1: ProcessDefinition = {
  id: 'rehab-handledning',
  version: 1,
  title: 'Rehabansvarig handleder',
  description: 'Ingången till verktygslådan: genomgång, handledning, bedömning och progressionsplan.',
  machine: rehabHandledningMachine,
  startLanes: ['socialsekreterare'],
  guardLabels: { executedBySocialWorker: 'kategori 1-2' },
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
      payload: dto.SupervisionHeld,
    },
    CategoryDecided: { label: 'Besluta kategori', lanes: ['rehabansvarig'], payload: dto.CategoryDecided },
    ProgressionsplanShared: {
      label: 'Dela progressionsplan',
      lanes: ['rehabansvarig'],
      payload: dto.ProgressionsplanShared,
      // Step 6: mailed to the social worker with a copy to their biträdande enhetschef.
      inform: {
        lanes: ['socialsekreterare', 'bitradande_enhetschef'],
        message: 'Rehabansvarig har delat progressionsplanen.',
        kind: 'plan-shared',
      },
    },
    PlanExecuted: { label: 'Planen är genomförd', lanes: ['socialsekreterare'], payload: dto.PlanExecuted },
  },
  deadlines: {
    executionDeadline: {
      duration: 'P2M',
      title: 'Planen genomförd av socialsekreteraren',
      notify: ['socialsekreterare', 'bitradande_enhetschef'],
    },
  },
};
