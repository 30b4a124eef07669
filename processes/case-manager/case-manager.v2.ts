import { assign, setup } from 'xstate';
import {
  intentActions,
  reasonNoteGiven,
  stateMeta as meta,
  type ProcessDefinition,
  type ProcessEvent,
} from '@app/engine';
import { caseManagerV1 } from './case-manager.machine';
import * as dto from './case-manager.events';

/**
 * Once named, the case manager can be changed at any step until the
 * intervention ends; the step stays where it is (toolbox.md, Continuity).
 */
const CHANGE_OF_CASE_MANAGER = {
  CaseManagerChanged: { actions: 'rememberCaseManager' as const },
};

interface CaseManagerContext {
  caseManagerId?: string;
  followUps: number;
  plan?: { startDate: unknown; mainGoal: unknown; subGoals: unknown };
  followUpMeetings: Readonly<Record<string, unknown>>[];
  checkIns: number;
}

/**
 * Version 2 of process 6 (toolbox.md): the remiss goes to CM:s biträdande,
 * who names the case manager from the unit's; while the plan is carried
 * out the social worker checks in with the CM every month (a default, not
 * in the seed), each check-in starting the next month.
 */
export const caseManagerV2Machine = setup({
  types: { events: {} as ProcessEvent, context: {} as CaseManagerContext },
  actions: {
    ...intentActions,
    rememberCaseManager: assign({
      caseManagerId: ({ event }) => event.payload?.caseManagerId as string | undefined,
    }),
    recordPlan: assign({
      plan: ({ event }) => ({
        startDate: event.payload?.startDate,
        mainGoal: event.payload?.mainGoal,
        subGoals: event.payload?.subGoals,
      }),
    }),
    recordFollowUp: assign({
      followUps: ({ context }) => context.followUps + 1,
      followUpMeetings: ({ context, event }) => [...context.followUpMeetings, event.payload ?? {}],
    }),
    countCheckIn: assign({ checkIns: ({ context }) => context.checkIns + 1 }),
  },
  delays: { informationMeeting: 0, interventionLimit: 0, checkIn: 0 },
}).createMachine({
  id: 'case-manager',
  initial: 'remiss',
  context: { followUps: 0, followUpMeetings: [], checkIns: 0 },
  states: {
    remiss: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Remiss till case manager' }),
      on: { ReferralSubmitted: 'fordelning' },
    },
    fordelning: {
      meta: meta({
        kind: 'userTask',
        lane: 'bitradande_enhetschef',
        title: 'Fördela remissen till en case manager',
      }),
      on: { CaseManagerAssigned: { target: 'kriterier', actions: 'rememberCaseManager' } },
    },
    kriterier: {
      meta: meta({
        kind: 'exclusiveGateway',
        lane: 'case_manager',
        title: 'Kontroll av kriterier och bedömning',
      }),
      on: { CriteriaMet: 'kontaktKlient', InterventionNotOffered: 'notOffered', ...CHANGE_OF_CASE_MANAGER },
    },
    kontaktKlient: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Kontakt med klient' }),
      on: {
        ClientAcceptedInformation: 'informationsmote',
        ClientDeclined: 'declined',
        ...CHANGE_OF_CASE_MANAGER,
      },
    },
    informationsmote: {
      meta: meta({ kind: 'userTask', lane: 'case_manager', title: 'Informationsmöte' }),
      initial: 'inTime',
      on: { InterventionAccepted: 'uppstart', InterventionDeclined: 'declined', ...CHANGE_OF_CASE_MANAGER },
      states: {
        inTime: {
          meta: meta({ kind: 'timer', lane: 'case_manager', title: 'Informationsmöte inom 1 vecka' }),
          after: { informationMeeting: 'overdue' },
        },
        overdue: {
          meta: meta({
            kind: 'userTask',
            lane: 'case_manager',
            title: 'Försenat: informationsmöte ej bokat',
          }),
        },
      },
    },
    uppstart: {
      meta: meta({ kind: 'userTask', lane: 'case_manager', title: 'Uppstartsmöte' }),
      on: { StartMeetingHeld: { target: 'insats', actions: 'recordPlan' }, ...CHANGE_OF_CASE_MANAGER },
    },
    insats: {
      meta: meta({ kind: 'timer', lane: 'case_manager', title: 'Insatsen pågår (högst 12 månader)' }),
      initial: 'informationsutbyte',
      after: { interventionLimit: 'closedAtTimeLimit' },
      on: { InterventionClosed: 'closed', ...CHANGE_OF_CASE_MANAGER },
      states: {
        informationsutbyte: {
          meta: meta({ kind: 'userTask', lane: 'case_manager', title: 'Informationsutbyte' }),
          on: { PlanShared: 'genomforande' },
        },
        genomforande: {
          meta: meta({ kind: 'userTask', lane: 'case_manager', title: 'Genomför planering' }),
          initial: 'avstamning',
          on: { FollowUpMeetingHeld: { actions: 'recordFollowUp' } },
          states: {
            avstamning: {
              meta: meta({
                kind: 'timer',
                lane: 'socialsekreterare',
                title: 'Avstämning med case managern inom en månad',
              }),
              after: { checkIn: 'avstamningForsenad' },
              // A check-in starts the next month: leaving and entering again reschedules the timer.
              on: { SocialWorkerCheckedIn: { target: 'avstamning', reenter: true, actions: 'countCheckIn' } },
            },
            avstamningForsenad: {
              meta: meta({
                kind: 'userTask',
                lane: 'socialsekreterare',
                title: 'Påminnelse: stäm av med case managern',
              }),
              on: { SocialWorkerCheckedIn: { target: 'avstamning', actions: 'countCheckIn' } },
            },
          },
        },
      },
    },
    notOffered: { type: 'final', meta: meta({ kind: 'end', title: 'Insatsen erbjuds inte' }) },
    declined: { type: 'final', meta: meta({ kind: 'end', title: 'Klienten tackade nej' }) },
    closed: { type: 'final', meta: meta({ kind: 'end', title: 'Insatsen avslutad' }) },
    closedAtTimeLimit: { type: 'final', meta: meta({ kind: 'end', title: 'Avslutad: 12 månader har gått' }) },
  },
});

export const caseManagerV2: ProcessDefinition = {
  ...caseManagerV1,
  version: 2,
  machine: caseManagerV2Machine,
  events: {
    ...caseManagerV1.events,
    CaseManagerAssigned: {
      label: 'Fördela till case manager',
      lanes: ['bitradande_enhetschef'],
      payload: dto.CaseManagerAssigned,
      inform: {
        lanes: [],
        person: 'caseManagerId',
        message: 'Du har fått en remiss till case manager.',
      },
    },
    CaseManagerChanged: {
      label: 'Byt case manager',
      lanes: ['bitradande_enhetschef'],
      payload: dto.CaseManagerChange,
      rules: [
        {
          id: 'same-case-manager',
          field: 'caseManagerId',
          message: 'Det är redan klientens case manager; välj en annan för att byta.',
          holds: (change: dto.CaseManagerChange, context) => change.caseManagerId !== context.caseManagerId,
        },
        {
          id: 'reason-note-for-annat',
          field: 'reasonNote',
          message: 'Beskriv skälet när skälet är ”Annat”.',
          holds: (change: dto.CaseManagerChange) => reasonNoteGiven(change),
        },
      ],
      // The new CM hears it in person; the social worker, so the client knows whom to turn to.
      inform: {
        lanes: ['socialsekreterare'],
        person: 'caseManagerId',
        message: 'Klienten har fått en ny case manager; läs överlämningen i ärendets historik.',
      },
    },
    SocialWorkerCheckedIn: {
      label: 'Registrera avstämning med case managern',
      lanes: ['socialsekreterare'],
      payload: dto.SocialWorkerCheckedIn,
    },
  },
  deadlines: {
    ...caseManagerV1.deadlines,
    checkIn: {
      duration: 'P1M',
      from: 'checkedInOn',
      title: 'Stäm av med case managern varje månad',
      notify: ['socialsekreterare'],
    },
  },
};
