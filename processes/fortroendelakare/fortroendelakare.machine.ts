import { assign, setup } from 'xstate';
import { notAtSamverkanCareUnit, progressionsplanRequired } from '../shared/rules';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './fortroendelakare.events';

/**
 * Process 3, förtroendeläkare (toolbox.md; seed 003). After the written
 * recommendations arrive, two clocks run side by side: a check-in with the
 * social worker within 1 month (a reminder when missed) and actions taken
 * within 2 months (follow-up passes to the biträdande enhetschef when missed).
 */
export const fortroendelakareMachine = setup({
  types: { events: {} as ProcessEvent, context: {} as { checkInHeld: boolean } },
  // The follow-up may not close before the check-in (toolbox.md, process 3 step 6); its rule reads this.
  actions: { ...intentActions, rememberCheckIn: assign({ checkInHeld: true }) },
  // Durations are resolved by the engine from `deadlines` below (and per-unit overrides), never by XState timers.
  delays: { checkIn: 0, actionDeadline: 0 },
}).createMachine({
  id: 'fortroendelakare',
  initial: 'impuls',
  context: { checkInHeld: false },
  states: {
    impuls: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Impuls' }),
      on: { ImpulsRegistered: 'bedomning' },
    },
    bedomning: {
      meta: meta({
        kind: 'exclusiveGateway',
        lane: 'rehabansvarig',
        title: 'Bedömning',
        description: 'Rehabansvarig avgör om ärendet ska till förtroendeläkaren och vad som ska förberedas.',
      }),
      on: { ReferralAccepted: 'overlamning', ReferralDeclined: 'notTaken' },
    },
    overlamning: {
      meta: meta({
        kind: 'userTask',
        lane: 'socialsekreterare',
        title: 'Överlämning av information',
        description: 'Anmälningsblankett och samtyckesblankett lämnas till Rehabansvarig.',
      }),
      on: { DocumentsHandedOver: 'sittning' },
    },
    sittning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Förtroendeläkarsittning' }),
      on: { ConsultationHeld: 'rekommendationer' },
    },
    rekommendationer: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Skriftliga rekommendationer' }),
      on: {
        RecommendationsReceived: {
          target: 'uppfoljning',
          actions: { type: 'setFollowUpOwner', params: { owner: 'rehabansvarig' } },
        },
      },
    },
    uppfoljning: {
      type: 'parallel',
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Uppföljning' }),
      on: { FollowUpCompleted: 'completed' },
      states: {
        avstamning: {
          initial: 'pending',
          states: {
            pending: {
              meta: meta({
                kind: 'timer',
                lane: 'rehabansvarig',
                title: 'Avstämning med socialsekreteraren',
              }),
              after: { checkIn: 'reminded' },
              on: { CheckInHeld: { target: 'held', actions: 'rememberCheckIn' } },
            },
            reminded: {
              meta: meta({
                kind: 'userTask',
                lane: 'rehabansvarig',
                title: 'Påminnelse: avstämning försenad',
              }),
              on: { CheckInHeld: { target: 'held', actions: 'rememberCheckIn' } },
            },
            held: {},
          },
        },
        atgarder: {
          initial: 'awaiting',
          states: {
            awaiting: {
              meta: meta({
                kind: 'timer',
                lane: 'socialsekreterare',
                title: 'Åtgärder enligt rekommendationerna',
              }),
              after: {
                actionDeadline: {
                  target: 'escalated',
                  actions: {
                    type: 'escalateFollowUp',
                    params: {
                      reason: 'Inga åtgärder inom 2 månader efter förtroendeläkarens rekommendationer',
                    },
                  },
                },
              },
              on: { ActionsTaken: 'taken' },
            },
            escalated: {
              meta: meta({ kind: 'userTask', lane: 'bitradande_enhetschef', title: 'Eskalerad uppföljning' }),
              on: { ActionsTaken: 'taken' },
            },
            taken: {},
          },
        },
      },
    },
    notTaken: { type: 'final', meta: meta({ kind: 'end', title: 'Ej aktuellt för förtroendeläkare' }) },
    completed: { type: 'final', meta: meta({ kind: 'end', title: 'Avslutad' }) },
  },
});

export const fortroendelakareV1: ProcessDefinition = {
  id: 'fortroendelakare',
  version: 1,
  title: 'Förtroendeläkare',
  description:
    'Klienten är sjukskriven på en vårdenhet som enheten saknar samverkan med och kommer inte vidare, eller intyget är otydligt.',
  machine: fortroendelakareMachine,
  startLanes: ['socialsekreterare', 'rehabansvarig'],
  startRules: [progressionsplanRequired('ärendet kan gå till förtroendeläkare')],
  events: {
    ImpulsRegistered: {
      label: 'Registrera impuls',
      lanes: ['socialsekreterare'],
      payload: dto.ImpulsRegistered,
      rules: [notAtSamverkanCareUnit<dto.ImpulsRegistered>('sickListingCareUnit')],
    },
    ReferralAccepted: {
      label: 'Ta upp hos förtroendeläkaren',
      lanes: ['rehabansvarig'],
      payload: dto.ReferralAccepted,
    },
    ReferralDeclined: {
      label: 'Avböj (ej aktuellt)',
      lanes: ['rehabansvarig'],
      payload: dto.ReferralDeclined,
    },
    DocumentsHandedOver: {
      label: 'Lämna över underlag',
      lanes: ['socialsekreterare'],
      payload: dto.DocumentsHandedOver,
      rules: [
        {
          id: 'consent-form-required',
          message: 'Samtyckesblanketten måste lämnas över.',
          holds: (p: dto.DocumentsHandedOver) => p.consentForm,
        },
        {
          id: 'notification-form-required',
          message: 'Anmälningsblanketten måste lämnas över.',
          holds: (p: dto.DocumentsHandedOver) => p.notificationForm,
        },
      ],
    },
    ConsultationHeld: {
      label: 'Registrera sittning',
      lanes: ['rehabansvarig'],
      payload: dto.ConsultationHeld,
    },
    RecommendationsReceived: {
      label: 'Registrera skriftliga rekommendationer',
      lanes: ['rehabansvarig'],
      payload: dto.RecommendationsReceived,
    },
    CheckInHeld: { label: 'Registrera avstämning', lanes: ['rehabansvarig'], payload: dto.CheckInHeld },
    ActionsTaken: {
      label: 'Registrera vidtagna åtgärder',
      lanes: ['socialsekreterare'],
      payload: dto.ActionsTaken,
    },
    FollowUpCompleted: {
      label: 'Avsluta uppföljningen',
      lanes: ['rehabansvarig', 'bitradande_enhetschef'],
      payload: dto.FollowUpCompleted,
      rules: [
        {
          id: 'check-in-first',
          message: 'Avstämningen med socialsekreteraren måste vara registrerad innan uppföljningen avslutas.',
          holds: (_payload: dto.FollowUpCompleted, context) => context.checkInHeld === true,
        },
      ],
    },
  },
  deadlines: {
    checkIn: {
      duration: 'P1M',
      from: 'receivedOn',
      title: 'Avstämning med socialsekreteraren inom 1 månad',
    },
    actionDeadline: { duration: 'P2M', from: 'receivedOn', title: 'Åtgärder vidtagna inom 2 månader' },
  },
};
