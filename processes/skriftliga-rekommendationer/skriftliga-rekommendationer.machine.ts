import { setup } from 'xstate';
import { progressionsplanRequired } from '../shared/rules';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './skriftliga-rekommendationer.events';

/**
 * Process 5, skriftliga rekommendationer och remisser: starts like an AFU,
 * but the supplier judges an AFU not relevant and writes recommendations
 * (and the team physician may refer the client to other care) instead.
 */
export const skriftligaRekommendationerMachine = setup({
  types: { events: {} as ProcessEvent },
  actions: intentActions,
}).createMachine({
  id: 'skriftliga-rekommendationer',
  initial: 'impuls',
  states: {
    impuls: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Impuls' }),
      on: { ImpulsRegistered: 'bedomning' },
    },
    bedomning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Kontakt och bedömning' }),
      on: { ContactAssessed: 'samtycke' },
    },
    samtycke: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Samtycke' }),
      on: { ConsentRecorded: 'samverkan' },
    },
    samverkan: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Samverkan med leverantören' }),
      on: { RecommendationsOrdered: 'bestallning' },
    },
    bestallning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Underlag och beställning' }),
      on: { OrderSent: 'rekommendationer' },
    },
    rekommendationer: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Skriftliga rekommendationer / remiss' }),
      on: {
        RecommendationsReceived: {
          target: 'uppfoljning',
          actions: { type: 'setFollowUpOwner', params: { owner: 'rehabansvarig' } },
        },
      },
    },
    uppfoljning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Uppföljning' }),
      on: { FollowUpCompleted: 'completed' },
    },
    completed: { type: 'final', meta: meta({ kind: 'end', title: 'Avslutad' }) },
  },
});

export const skriftligaRekommendationerV1: ProcessDefinition = {
  id: 'skriftliga-rekommendationer',
  version: 1,
  title: 'Skriftliga rekommendationer och remisser',
  description: 'Leverantören avråder från AFU och lämnar skriftliga rekommendationer eller remiss.',
  machine: skriftligaRekommendationerMachine,
  startLanes: ['socialsekreterare', 'rehabansvarig'],
  startRules: [progressionsplanRequired('skriftliga rekommendationer kan beställas')],
  events: {
    ImpulsRegistered: {
      label: 'Registrera impuls',
      lanes: ['socialsekreterare', 'rehabansvarig'],
      payload: dto.ImpulsRegistered,
    },
    ContactAssessed: {
      label: 'Registrera bedömning',
      lanes: ['rehabansvarig'],
      payload: dto.ContactAssessed,
    },
    ConsentRecorded: {
      label: 'Registrera samtycke',
      lanes: ['socialsekreterare'],
      payload: dto.ConsentRecorded,
      // "meddela Rehabansvarig att samtycken inkommit": the next task is Rehabansvarig's, and they hear of it.
      inform: {
        lanes: ['rehabansvarig'],
        message: 'Socialsekreteraren meddelar att samtyckena har kommit in.',
      },
      rules: [
        {
          id: 'consent-required',
          message: 'Både muntligt och skriftligt samtycke krävs.',
          holds: (p: dto.ConsentRecorded) => p.oral && p.written,
        },
      ],
    },
    RecommendationsOrdered: {
      label: 'Beställ rekommendationer / remiss',
      lanes: ['rehabansvarig'],
      payload: dto.RecommendationsOrdered,
    },
    OrderSent: { label: 'Registrera skickad beställning', lanes: ['rehabansvarig'], payload: dto.OrderSent },
    RecommendationsReceived: {
      label: 'Registrera mottagna rekommendationer',
      lanes: ['rehabansvarig'],
      payload: dto.RecommendationsReceived,
    },
    FollowUpCompleted: {
      label: 'Avsluta uppföljningen',
      lanes: ['rehabansvarig', 'bitradande_enhetschef'],
      payload: dto.FollowUpCompleted,
    },
  },
  deadlines: {},
};
