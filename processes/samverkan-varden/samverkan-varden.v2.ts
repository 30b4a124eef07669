import { assign, setup } from 'xstate';
import {
  intentActions,
  stateMeta as meta,
  type ProcessDefinition,
  type ProcessEvent,
  type StepEnvironment,
} from '@app/engine';
import * as dto from './samverkan-varden.events';

interface SamverkanContext {
  /** Rehabansvarig judged in bedömning that a progressionsplan is needed. */
  progressionsplanNeeded: boolean;
  /** Healthcare is contacted with a rehabförfrågan: the only contact a SIP meeting may follow from. */
  viaRehabforfragan: boolean;
  sipStodjareCalledIn: boolean;
}

/**
 * Version 2 of process 2 (toolbox.md): an impuls from vården needs recorded
 * consent to information exchange; a plan judged needed must exist before
 * the planning is agreed; Rehabansvarig may call in the SIP-stödjare while
 * the planning is carried out; follow-up closes only in fas 2-4.
 */
export const samverkanVardenV2Machine = setup({
  types: { events: {} as ProcessEvent, context: {} as SamverkanContext },
  actions: {
    ...intentActions,
    rememberAssessment: assign({
      progressionsplanNeeded: ({ event }) => event.payload?.progressionsplanNeeded === true,
      viaRehabforfragan: ({ event }) => event.payload?.contactMethod === 'rehabforfragan',
    }),
    rememberSipCall: assign({ sipStodjareCalledIn: true }),
  },
  delays: { planningDeadline: 0 },
}).createMachine({
  id: 'samverkan-varden',
  initial: 'impuls',
  context: { progressionsplanNeeded: false, viaRehabforfragan: false, sipStodjareCalledIn: false },
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
      on: { ContactPlanned: { target: 'samverkan', actions: 'rememberAssessment' } },
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
      // Calling in the SIP-stödjare leaves the planning and its deadline where they are.
      on: { PlanningCarriedOut: 'uppfoljning', SipStodjareCalledIn: { actions: 'rememberSipCall' } },
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
                params: {
                  reason: 'Planeringen med vården har inte genomförts inom rimlig tid',
                  heldWhileSaAeOpen: true,
                },
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

const facts = (environment: Readonly<Record<string, unknown>>) => (environment as StepEnvironment).facts;

export const samverkanVardenV2: ProcessDefinition = {
  id: 'samverkan-varden',
  version: 2,
  title: 'Samverkan med vården / Jobbtorg vuxen',
  description: 'Stöd i samverkan med vården eller fördjupad samverkan med Jobbtorg vuxen.',
  machine: samverkanVardenV2Machine,
  startLanes: ['socialsekreterare', 'rehabansvarig'],
  events: {
    ImpulsRegistered: {
      label: 'Registrera impuls',
      lanes: ['socialsekreterare', 'rehabansvarig'],
      payload: dto.ImpulsRegisteredV2,
      rules: [
        {
          id: 'consent-to-information-exchange',
          field: 'consentToInformationExchange',
          message: 'När vården hör av sig krävs att samtycke till informationsutbyte finns.',
          holds: (p: dto.ImpulsRegisteredV2) =>
            p.source !== 'varden' || p.consentToInformationExchange === true,
        },
      ],
    },
    ContactPlanned: { label: 'Bestäm kontaktväg', lanes: ['rehabansvarig'], payload: dto.ContactPlanned },
    PlanningAgreed: {
      label: 'Registrera överenskommen planering',
      lanes: ['rehabansvarig', 'socialsekreterare'],
      payload: dto.PlanningAgreed,
      rules: [
        {
          id: 'progressionsplan-needed',
          message:
            'Rehabansvarig har bedömt att en progressionsplan behövs: upprätta den innan planeringen registreras.',
          holds: (_p, context, environment) =>
            context.progressionsplanNeeded !== true || facts(environment).hasProgressionsplan,
        },
      ],
    },
    PlanningCarriedOut: {
      label: 'Planeringen är genomförd',
      lanes: ['socialsekreterare'],
      payload: dto.PlanningCarriedOut,
    },
    SipStodjareCalledIn: {
      label: 'Kalla in SIP-stödjaren',
      lanes: ['rehabansvarig'],
      payload: dto.SipStodjareCalledIn,
      // "vid behov och efter bedömning av Rehabansvarig", for a SIP meeting "som föranletts av en Rehabförfrågan", "där det finns en progressionsplan".
      rules: [
        {
          id: 'sip-after-rehabforfragan',
          message: 'SIP-stödjaren stödjer bara SIP-möten som föranletts av en rehabförfrågan.',
          holds: (_p, context) => context.viaRehabforfragan === true,
        },
        {
          id: 'sip-needs-progressionsplan',
          message: 'SIP-stödjaren kallas bara in i ärenden där det finns en progressionsplan.',
          holds: (_p, _context, environment) => facts(environment).hasProgressionsplan,
        },
      ],
      inform: {
        lanes: ['sip_stodjare'],
        message: 'Rehabansvarig kallar in SIP-stödjaren för att förbereda och stödja ett SIP-möte.',
      },
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
      rules: [
        {
          id: 'parallel-coordinated-interventions',
          field: 'bipPhase',
          message:
            'Samverkan avslutas när klienten har parallella samordnade insatser (fas 2–4). Avsluta processen i förtid om den ska avbrytas av annat skäl.',
          holds: (p: dto.CooperationCompleted) => p.bipPhase >= 2,
        },
        {
          id: 'sa-ae-open',
          message:
            'En ansökan om sjukersättning eller aktivitetsersättning pågår: Rehabansvarig följer upp tills Försäkringskassan har beslutat.',
          holds: (_p, _context, environment) => !facts(environment).saAeApplicationOpen,
        },
      ],
    },
  },
  deadlines: {
    planningDeadline: {
      duration: 'P2M',
      title: 'Planeringen genomförd inom rimlig tid',
      // "Rehabansvarig ansvarar för att meddela biträdande enhetschef och socialsekreteraren".
      notify: ['bitradande_enhetschef', 'socialsekreterare'],
    },
  },
};
