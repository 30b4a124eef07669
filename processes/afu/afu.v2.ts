import { setup } from 'xstate';
import { mustBeTrue, progressionsplanRequired } from '../shared/rules';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import * as dto from './afu.events';

const WRITTEN_RECOMMENDATIONS = 'skriftliga-rekommendationer';

/** Process 5 continues where AFU stops: `entry` is its event for the point the case had reached. */
const handOver = (entry: string) => ({
  type: 'startProcess' as const,
  params: { definitionId: WRITTEN_RECOMMENDATIONS, entry },
});

/**
 * Version 2 of process 4 (toolbox.md): bedömning decides whether consent is
 * collected first or the supplier consulted first; a supplier who judges an
 * AFU not relevant, at that consultation or from the documents after the
 * order, moves the case to skriftliga rekommendationer, which continues
 * with what AFU has recorded.
 */
export const afuV2Machine = setup({
  types: { events: {} as ProcessEvent },
  actions: intentActions,
  guards: {
    supplierFirst: ({ event }) => event.payload?.order === 'leverantor-forst',
    afuNotRelevant: ({ event }) => event.payload?.afuRelevant === false,
  },
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
      on: {
        AfuApproved: [{ guard: 'supplierFirst', target: 'konsultation' }, { target: 'samtycke' }],
        AfuRejected: 'notRelevant',
      },
    },
    konsultation: {
      meta: meta({
        kind: 'exclusiveGateway',
        lane: 'rehabansvarig',
        title: 'Konsultation med leverantören',
        description: 'Rehabansvarig rådfrågar leverantören innan samtycket inhämtas.',
      }),
      on: {
        SupplierConsulted: [
          {
            guard: 'afuNotRelevant',
            target: 'tillSkriftligaRekommendationer',
            actions: handOver('ContinuedFromAfuConsultation'),
          },
          { target: 'samtycke' },
        ],
      },
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
      on: {
        TimesOffered: 'forberedelse',
        SupplierAdvisedAgainst: {
          target: 'tillSkriftligaRekommendationer',
          actions: handOver('ContinuedFromAfuOrder'),
        },
      },
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
      on: {
        InterpreterBooked: 'forberedelse',
        ClientPrepared: 'utredning',
        SupplierAdvisedAgainst: {
          target: 'tillSkriftligaRekommendationer',
          actions: handOver('ContinuedFromAfuOrder'),
        },
      },
    },
    utredning: {
      meta: meta({ kind: 'userTask', lane: 'rehabansvarig', title: 'Utredningen och dess slutförande' }),
      on: { InvestigationCompleted: 'completed' },
    },
    notRelevant: { type: 'final', meta: meta({ kind: 'end', title: 'AFU ej aktuell' }) },
    tillSkriftligaRekommendationer: {
      type: 'final',
      meta: meta({ kind: 'end', title: 'Leverantören avråder: skriftliga rekommendationer' }),
    },
    completed: { type: 'final', meta: meta({ kind: 'end', title: 'Utredningen slutförd' }) },
  },
});

export const afuV2: ProcessDefinition = {
  id: 'afu',
  version: 2,
  title: 'Aktivitetsförmågeutredning (AFU)',
  description: 'Utredning av aktivitetsförmåga och försäkringsmedicinska frågor hos extern leverantör.',
  machine: afuV2Machine,
  startLanes: ['socialsekreterare', 'rehabansvarig'],
  startRules: [progressionsplanRequired('en AFU kan beställas')],
  guardLabels: {
    supplierFirst: 'konsultera leverantören först',
    afuNotRelevant: 'AFU inte aktuell',
  },
  events: {
    ImpulsRegistered: {
      label: 'Registrera impuls',
      lanes: ['socialsekreterare', 'rehabansvarig'],
      payload: dto.ImpulsRegistered,
    },
    AfuApproved: { label: 'AFU är aktuell', lanes: ['rehabansvarig'], payload: dto.AfuApproved },
    AfuRejected: { label: 'AFU är inte aktuell', lanes: ['rehabansvarig'], payload: dto.AfuRejected },
    SupplierConsulted: {
      label: 'Registrera leverantörens bedömning',
      lanes: ['rehabansvarig'],
      payload: dto.SupplierConsulted,
    },
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
    SupplierAdvisedAgainst: {
      label: 'Leverantören avråder från AFU',
      lanes: ['rehabansvarig'],
      payload: dto.SupplierAdvisedAgainst,
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
