import { assign, setup } from 'xstate';
import { mustBeTrue } from '../shared/rules';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './case-manager.events';

/**
 * Process 6, case manager (CM): voluntary, never a condition for financial
 * aid. The information meeting is due within 1 week of the client's yes;
 * the intervention closes automatically at the 12-month hard limit.
 */
/** The CM plan (Bilaga 2) as the meetings recorded it, so the case view can show it. */
interface CaseManagerContext {
  followUps: number;
  plan?: { startDate: unknown; mainGoal: unknown; subGoals: unknown };
  followUpMeetings: Readonly<Record<string, unknown>>[];
}

export const caseManagerMachine = setup({
  types: { events: {} as ProcessEvent, context: {} as CaseManagerContext },
  actions: {
    ...intentActions,
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
  },
  delays: { informationMeeting: 0, interventionLimit: 0 },
}).createMachine({
  id: 'case-manager',
  initial: 'remiss',
  context: { followUps: 0, followUpMeetings: [] },
  states: {
    remiss: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Remiss till case manager' }),
      on: { ReferralSubmitted: 'kriterier' },
    },
    kriterier: {
      meta: meta({
        kind: 'exclusiveGateway',
        lane: 'case_manager',
        title: 'Kontroll av kriterier och bedömning',
      }),
      on: { CriteriaMet: 'kontaktKlient', InterventionNotOffered: 'notOffered' },
    },
    kontaktKlient: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Kontakt med klient' }),
      on: { ClientAcceptedInformation: 'informationsmote', ClientDeclined: 'declined' },
    },
    informationsmote: {
      meta: meta({ kind: 'userTask', lane: 'case_manager', title: 'Informationsmöte' }),
      initial: 'inTime',
      on: { InterventionAccepted: 'uppstart', InterventionDeclined: 'declined' },
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
      on: { StartMeetingHeld: { target: 'insats', actions: 'recordPlan' } },
    },
    insats: {
      meta: meta({ kind: 'timer', lane: 'case_manager', title: 'Insatsen pågår (högst 12 månader)' }),
      initial: 'informationsutbyte',
      after: { interventionLimit: 'closedAtTimeLimit' },
      on: { InterventionClosed: 'closed' },
      states: {
        informationsutbyte: {
          meta: meta({ kind: 'userTask', lane: 'case_manager', title: 'Informationsutbyte' }),
          on: { PlanShared: 'genomforande' },
        },
        genomforande: {
          meta: meta({ kind: 'userTask', lane: 'case_manager', title: 'Genomför planering' }),
          on: { FollowUpMeetingHeld: { target: 'genomforande', actions: 'recordFollowUp' } },
        },
      },
    },
    notOffered: { type: 'final', meta: meta({ kind: 'end', title: 'Insatsen erbjuds inte' }) },
    declined: { type: 'final', meta: meta({ kind: 'end', title: 'Klienten tackade nej' }) },
    closed: { type: 'final', meta: meta({ kind: 'end', title: 'Insatsen avslutad' }) },
    closedAtTimeLimit: { type: 'final', meta: meta({ kind: 'end', title: 'Avslutad: 12 månader har gått' }) },
  },
});

const criterion = (id: string, message: string, field: keyof dto.CriteriaMet) =>
  mustBeTrue<dto.CriteriaMet>(id, message, field);
const targetGroup = (id: string, message: string, field: keyof dto.ReferralSubmitted) =>
  mustBeTrue<dto.ReferralSubmitted>(id, message, field);

export const caseManagerV1: ProcessDefinition = {
  id: 'case-manager',
  version: 1,
  title: 'Case manager (CM)',
  description:
    'Frivillig insats, högst 12 månader, för den som har svårt att följa en överenskommen planering.',
  machine: caseManagerMachine,
  startLanes: ['socialsekreterare'],
  events: {
    ReferralSubmitted: {
      label: 'Skicka remiss CM',
      lanes: ['socialsekreterare'],
      payload: dto.ReferralSubmitted,
      rules: [
        targetGroup('motivated', 'Klienten måste vara motiverad för insatsen.', 'motivated'),
        targetGroup(
          'struggles-to-follow-plan',
          'Case manager är för den som har svårt att följa en överenskommen, anpassad planering.',
          'struggles',
        ),
        targetGroup(
          'far-from-labour-market',
          'Case manager är för den som står långt från arbetsmarknaden.',
          'farFromLabourMarket',
        ),
      ],
      // "CM:s biträdandes postfack": the supervisor assigns a case manager (toolbox.md, process 6, step 2).
      inform: {
        lanes: ['bitradande_enhetschef'],
        message: 'En remiss till case manager har kommit in: fördela den till en case manager.',
      },
    },
    CriteriaMet: {
      label: 'Kriterierna är uppfyllda',
      lanes: ['case_manager'],
      payload: dto.CriteriaMet,
      rules: [
        criterion('clear-goal', 'Socialsekreteraren har inte angett ett tydligt mål.', 'clearGoal'),
        criterion(
          'consent',
          'Muntligt och skriftligt samtycke med vården och AF/Jobbtorg saknas.',
          'consentWithHealthcareAndAf',
        ),
        criterion('no-substance-abuse', 'Klienten har ett pågående missbruk.', 'noOngoingSubstanceAbuse'),
        criterion(
          'no-risk-of-violence',
          'Riskanalysen visar risk för hot eller våld.',
          'noRiskOfThreatOrViolence',
        ),
        criterion(
          'no-interpreter-needed',
          'Klienten behöver tolk för att förstå och göra sig förstådd.',
          'understandsWithoutInterpreter',
        ),
      ],
    },
    InterventionNotOffered: {
      label: 'Erbjud inte insatsen',
      lanes: ['case_manager'],
      payload: dto.InterventionNotOffered,
    },
    ClientAcceptedInformation: { label: 'Klienten vill ha informationsmöte', lanes: ['socialsekreterare'] },
    ClientDeclined: {
      label: 'Klienten tackar nej',
      lanes: ['socialsekreterare'],
      payload: dto.ClientDeclined,
    },
    InterventionAccepted: {
      label: 'Klienten tackar ja',
      lanes: ['case_manager'],
      payload: dto.InterventionAccepted,
    },
    InterventionDeclined: { label: 'Klienten tackar nej', lanes: ['case_manager'] },
    StartMeetingHeld: {
      label: 'Registrera uppstartsmöte',
      lanes: ['case_manager'],
      payload: dto.StartMeetingHeld,
    },
    PlanShared: {
      label: 'Planen är delad med socialsekreteraren',
      lanes: ['case_manager'],
      // Step 7, informationsutbyte: the social worker is told, and reads the plan in the case.
      inform: {
        lanes: ['socialsekreterare'],
        message: 'Case managern har delat CM-planen.',
        kind: 'plan-shared',
      },
    },
    FollowUpMeetingHeld: {
      label: 'Registrera uppföljningsmöte',
      lanes: ['case_manager'],
      // Bilaga 2 shows three follow-up slots: that is layout, not a limit; meetings run as long as the intervention.
      payload: dto.FollowUpMeetingHeld,
    },
    InterventionClosed: {
      label: 'Avsluta insatsen',
      lanes: ['case_manager'],
      payload: dto.InterventionClosed,
    },
  },
  deadlines: {
    informationMeeting: {
      duration: 'P1W',
      title: 'Informationsmöte inom 1 vecka efter klientens ja',
      notify: ['socialsekreterare', 'case_manager'],
    },
    interventionLimit: {
      duration: 'P12M',
      from: 'startDate',
      title: 'Insatsen avslutas senast efter 12 månader',
      notify: ['case_manager', 'bitradande_enhetschef'],
    },
  },
};
