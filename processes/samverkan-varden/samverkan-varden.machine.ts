import { setup } from 'xstate';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './samverkan-varden.events';

/**
 * Process 2, samverkan med vården / fördjupad samverkan med Jobbtorg vuxen.
 * When the agreed planning is not carried out within reasonable time
 * (default 2 months), follow-up passes to the biträdande enhetschef.
 */
export const samverkanVardenMachine = setup({
  types: { events: {} as ProcessEvent },
  actions: intentActions,
  delays: { planningDeadline: 0 },
}).createMachine({
  id: 'samverkan-varden',
  initial: 'impuls',
  states: {
    impuls: {
      meta: meta({
        kind: 'userTask',
        lane: 'socialsekreterare',
        title: 'Impuls',
        description: 'Från socialsekreteraren, eller från vården / Jobbtorg vuxen till Rehabansvarig.',
      }),
      on: { ImpulsRegistered: 'bedomning' },
    },
    bedomning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Bedömning' }),
      on: { ContactPlanned: 'samverkan' },
    },
    samverkan: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Samverkan' }),
      on: {
        PlanningAgreed: {
          target: 'genomforande',
          actions: { type: 'setFollowUpOwner', params: { owner: 'rehabansvarig' } },
        },
      },
    },
    genomforande: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Planering genomförs' }),
      initial: 'inTime',
      on: { PlanningCarriedOut: 'uppfoljning' },
      states: {
        inTime: {
          meta: meta({
            kind: 'timer',
            lane: 'socialsekreterare',
            title: 'Planeringen genomförd inom rimlig tid',
          }),
          after: {
            planningDeadline: {
              target: 'escalated',
              actions: {
                type: 'escalateFollowUp',
                params: { reason: 'Planeringen med vården har inte genomförts inom rimlig tid' },
              },
            },
          },
        },
        escalated: {
          meta: meta({ kind: 'userTask', lane: 'bitradande_enhetschef', title: 'Eskalerad uppföljning' }),
        },
      },
    },
    uppfoljning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Uppföljning' }),
      on: { FollowUpRecorded: 'uppfoljning', CooperationCompleted: 'completed' },
    },
    completed: {
      type: 'final',
      meta: meta({ kind: 'end', title: 'Samordnade parallella insatser och hållbar plan' }),
    },
  },
});

export const samverkanVardenV1: ProcessDefinition = {
  id: 'samverkan-varden',
  version: 1,
  title: 'Samverkan med vården / Jobbtorg vuxen',
  description: 'Stöd i samverkan med vården eller fördjupad samverkan med Jobbtorg vuxen.',
  machine: samverkanVardenMachine,
  startLanes: ['socialsekreterare', 'rehabansvarig'],
  events: {
    ImpulsRegistered: {
      label: 'Registrera impuls',
      lanes: ['socialsekreterare', 'rehabansvarig'],
      payload: dto.ImpulsRegistered,
    },
    ContactPlanned: { label: 'Bestäm kontaktväg', lanes: ['rehabansvarig'], payload: dto.ContactPlanned },
    PlanningAgreed: {
      label: 'Registrera överenskommen planering',
      lanes: ['rehabansvarig', 'socialsekreterare'],
      payload: dto.PlanningAgreed,
    },
    PlanningCarriedOut: {
      label: 'Planeringen är genomförd',
      lanes: ['socialsekreterare'],
      payload: dto.PlanningCarriedOut,
    },
    FollowUpRecorded: {
      label: 'Registrera uppföljning',
      lanes: ['rehabansvarig', 'bitradande_enhetschef'],
      payload: dto.FollowUpRecorded,
    },
    CooperationCompleted: {
      label: 'Avsluta samverkan',
      lanes: ['rehabansvarig', 'bitradande_enhetschef'],
      payload: dto.CooperationCompleted,
    },
  },
  deadlines: {
    planningDeadline: { duration: 'P2M', title: 'Planeringen genomförd inom rimlig tid' },
  },
};
