import { setup } from 'xstate';
import { mustBeTrue, progressionsplanRequired } from '../shared/rules';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './afu.events';

/**
 * Process 4, aktivitetsförmågeutredning (AFU). The supplier must offer the
 * client times within 2 weeks of the order; if not, the step is flagged
 * overdue for Rehabansvarig.
 */
export const afuMachine = setup({
  types: { events: {} as ProcessEvent },
  actions: intentActions,
  delays: { supplierOffersTimes: 0 },
}).createMachine({
  id: 'afu',
  initial: 'impuls',
  states: {
    impuls: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Impuls' }),
      on: { ImpulsRegistered: 'bedomning' },
    },
    bedomning: {
      meta: meta({ kind: 'exclusiveGateway', lane: 'rehabansvarig', title: 'Bedömning' }),
      on: { AfuApproved: 'samtycke', AfuRejected: 'notRelevant' },
    },
    samtycke: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Samtycke och information' }),
      on: { ConsentRecorded: 'bestallning' },
    },
    bestallning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Underlag och beställning' }),
      on: { OrderSent: 'tider' },
    },
    tider: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Tider från leverantören' }),
      initial: 'inTime',
      on: { TimesOffered: 'forberedelse' },
      states: {
        inTime: {
          meta: meta({ kind: 'timer', lane: 'rehabansvarig', title: 'Tider erbjudna inom 2 veckor' }),
          after: { supplierOffersTimes: 'overdue' },
        },
        overdue: {
          meta: meta({
            kind: 'userTask',
            lane: 'rehabansvarig',
            title: 'Försenat: leverantören har inte erbjudit tider',
          }),
        },
      },
    },
    forberedelse: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Telefontolk och inför utredningen' }),
      on: { InterpreterBooked: 'forberedelse', ClientPrepared: 'utredning' },
    },
    utredning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Utredningen och dess slutförande' }),
      on: { InvestigationCompleted: 'completed' },
    },
    notRelevant: { type: 'final', meta: meta({ kind: 'end', title: 'AFU ej aktuell' }) },
    completed: { type: 'final', meta: meta({ kind: 'end', title: 'Utredningen slutförd' }) },
  },
});

export const afuV1: ProcessDefinition = {
  id: 'afu',
  version: 1,
  title: 'Aktivitetsförmågeutredning (AFU)',
  description: 'Utredning av aktivitetsförmåga och försäkringsmedicinska frågor hos extern leverantör.',
  machine: afuMachine,
  startLanes: ['socialsekreterare', 'rehabansvarig'],
  startRules: [progressionsplanRequired('en AFU kan beställas')],
  events: {
    ImpulsRegistered: {
      label: 'Registrera impuls',
      lanes: ['socialsekreterare', 'rehabansvarig'],
      payload: dto.ImpulsRegistered,
    },
    AfuApproved: { label: 'AFU är aktuell', lanes: ['rehabansvarig'], payload: dto.AfuApproved },
    AfuRejected: { label: 'AFU är inte aktuell', lanes: ['rehabansvarig'], payload: dto.AfuRejected },
    ConsentRecorded: {
      label: 'Registrera samtycke',
      lanes: ['socialsekreterare'],
      payload: dto.ConsentRecorded,
      rules: [
        mustBeTrue<dto.ConsentRecorded>('oral-consent', 'Muntligt samtycke krävs.', 'oral'),
        mustBeTrue<dto.ConsentRecorded>('written-consent', 'Skriftligt samtycke krävs.', 'written'),
        mustBeTrue<dto.ConsentRecorded>('consent-scanned', 'Samtycket ska vara inskannat.', 'scanned'),
      ],
    },
    OrderSent: {
      label: 'Registrera skickad beställning',
      lanes: ['rehabansvarig'],
      payload: dto.OrderSent,
      rules: [
        mustBeTrue<dto.OrderSent>('order-form', 'Beställningsblanketten saknas.', 'orderForm'),
        mustBeTrue<dto.OrderSent>(
          'power-of-attorney',
          'Fullmakt för journalkopior saknas.',
          'powerOfAttorney',
        ),
        mustBeTrue<dto.OrderSent>('consent-form', 'Samtyckesblanketten saknas.', 'consentForm'),
      ],
    },
    TimesOffered: { label: 'Registrera erbjudna tider', lanes: ['rehabansvarig'], payload: dto.TimesOffered },
    InterpreterBooked: {
      label: 'Boka telefontolk',
      lanes: ['socialsekreterare'],
      payload: dto.InterpreterBooked,
    },
    ClientPrepared: {
      label: 'Klienten är förberedd',
      lanes: ['socialsekreterare'],
      payload: dto.ClientPrepared,
    },
    InvestigationCompleted: {
      label: 'Registrera utredningens svar',
      lanes: ['rehabansvarig'],
      payload: dto.InvestigationCompleted,
    },
  },
  deadlines: {
    supplierOffersTimes: {
      duration: 'P2W',
      from: 'sentOn',
      title: 'Leverantören erbjuder tider inom 2 veckor',
    },
  },
};
