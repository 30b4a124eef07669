import { assign, setup } from 'xstate';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import { samverkanVardenV2, samverkanVardenV2Machine } from './samverkan-varden.v2';
import * as dto from './samverkan-varden.events';

interface SamverkanContext {
  progressionsplanNeeded: boolean;
  viaRehabforfragan: boolean;
  sipStodjareCalledIn: boolean;
  sipMeetings: number;
}

/**
 * Version 3 of process 2: the SIP-stödjare called in has a task of their
 * own, to prepare for and support the SIP meeting, beside the planning
 * and its deadline (a parallel region), and records the meeting held.
 * Rehabansvarig may call them in again for a later SIP meeting.
 */
export const samverkanVardenV3Machine = setup({
  types: { events: {} as ProcessEvent, context: {} as SamverkanContext },
  actions: {
    ...intentActions,
    rememberAssessment: assign({
      progressionsplanNeeded: ({ event }) => event.payload?.progressionsplanNeeded === true,
      viaRehabforfragan: ({ event }) => event.payload?.contactMethod === 'rehabforfragan',
    }),
    rememberSipCall: assign({ sipStodjareCalledIn: true }),
    countSipMeeting: assign({ sipMeetings: ({ context }) => context.sipMeetings + 1 }),
  },
  delays: { planningDeadline: 0 },
}).createMachine({
  id: 'samverkan-varden',
  initial: 'impuls',
  context: {
    progressionsplanNeeded: false,
    viaRehabforfragan: false,
    sipStodjareCalledIn: false,
    sipMeetings: 0,
  },
  // The steps before and after the planning are version 2's as they are; only their typing is not carried over.
  states: {
    impuls: samverkanVardenV2Machine.config.states!.impuls as never,
    bedomning: samverkanVardenV2Machine.config.states!.bedomning as never,
    samverkan: samverkanVardenV2Machine.config.states!.samverkan as never,
    genomforande: {
      type: 'parallel',
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Planering genomförs' }),
      on: { PlanningCarriedOut: 'uppfoljning' },
      states: {
        // Version 2's planning and its deadline, as they were, now one region of two.
        planering: {
          initial: 'inTime',
          states: (samverkanVardenV2Machine.config.states!.genomforande as { states: object })
            .states as never,
        },
        sip: {
          initial: 'ingenSip',
          states: {
            ingenSip: {
              on: { SipStodjareCalledIn: { target: 'sipForberedelse', actions: 'rememberSipCall' } },
            },
            sipForberedelse: {
              meta: meta({
                kind: 'userTask',
                lane: 'sip_stodjare',
                title: 'Förbered och stöd SIP-mötet',
              }),
              on: { SipMeetingSupported: { target: 'sipHallet', actions: 'countSipMeeting' } },
            },
            sipHallet: {
              on: { SipStodjareCalledIn: { target: 'sipForberedelse', actions: 'rememberSipCall' } },
            },
          },
        },
      },
    },
    uppfoljning: samverkanVardenV2Machine.config.states!.uppfoljning as never,
    completed: samverkanVardenV2Machine.config.states!.completed as never,
  },
});

export const samverkanVardenV3: ProcessDefinition = {
  ...samverkanVardenV2,
  version: 3,
  machine: samverkanVardenV3Machine,
  events: {
    ...samverkanVardenV2.events,
    SipMeetingSupported: {
      label: 'Registrera genomfört SIP-möte',
      lanes: ['sip_stodjare'],
      payload: dto.SipMeetingSupported,
      inform: {
        lanes: ['rehabansvarig'],
        message: 'SIP-stödjaren har registrerat att SIP-mötet är genomfört.',
      },
    },
  },
};
