import { setup } from 'xstate';
import {
  ClientInformed,
  HANDOVER_PROCESSES,
  intentActions,
  stateMeta as meta,
  type ProcessDefinition,
  type ProcessEvent,
} from '@app/engine';
import { HandoverWritten } from './handlaggarbyte.events';

/**
 * What a change of responsible social worker left undone (seed 002): the
 * client not yet told who to turn to, a task for the new social worker
 * due within a week; no hand-over summary, a task for the biträdande
 * enhetschef. Only a change starts them, never a person.
 */
export const klientInformerasMachine = setup({
  types: { events: {} as ProcessEvent },
  actions: intentActions,
  delays: { informClient: 0 },
}).createMachine({
  id: HANDOVER_PROCESSES.informClient,
  initial: 'informera',
  states: {
    informera: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Informera klienten om bytet' }),
      initial: 'inTime',
      on: { ClientInformed: 'informerad' },
      states: {
        inTime: {
          meta: meta({
            kind: 'timer',
            lane: 'socialsekreterare',
            title: 'Informera klienten om bytet inom en vecka',
          }),
          after: { informClient: 'overdue' },
        },
        overdue: {
          meta: meta({
            kind: 'userTask',
            lane: 'socialsekreterare',
            title: 'Försenat: klienten vet inte vem hen ska vända sig till',
          }),
        },
      },
    },
    informerad: { type: 'final', meta: meta({ kind: 'end', title: 'Klienten är informerad' }) },
  },
});

export const klientInformerasV1: ProcessDefinition = {
  id: HANDOVER_PROCESSES.informClient,
  version: 1,
  title: 'Handläggarbyte: informera klienten',
  description: 'Klienten får veta att socialsekreteraren har bytts och hur den nya nås.',
  machine: klientInformerasMachine,
  startLanes: [],
  parallelInstances: true,
  events: {
    ClientInformed: {
      label: 'Registrera att klienten är informerad',
      lanes: ['socialsekreterare'],
      payload: ClientInformed,
    },
  },
  deadlines: {
    informClient: {
      duration: 'P1W',
      title: 'Klienten informerad om bytet inom en vecka',
      notify: ['socialsekreterare', 'bitradande_enhetschef'],
    },
  },
};

export const overlamningMachine = setup({
  types: { events: {} as ProcessEvent },
  actions: intentActions,
}).createMachine({
  id: HANDOVER_PROCESSES.writeHandover,
  initial: 'skriv',
  states: {
    skriv: {
      meta: meta({
        kind: 'userTask',
        lane: 'bitradande_enhetschef',
        title: 'Skriv överlämningen till den nya socialsekreteraren',
      }),
      on: { HandoverWritten: 'skriven' },
    },
    skriven: { type: 'final', meta: meta({ kind: 'end', title: 'Överlämningen är skriven' }) },
  },
});

export const overlamningV1: ProcessDefinition = {
  id: HANDOVER_PROCESSES.writeHandover,
  version: 1,
  title: 'Handläggarbyte: överlämning',
  description: 'Den som lämnar ärendet har slutat: biträdande enhetschef skriver överlämningen.',
  machine: overlamningMachine,
  startLanes: [],
  parallelInstances: true,
  events: {
    HandoverWritten: {
      label: 'Skriv överlämningen',
      lanes: ['bitradande_enhetschef'],
      payload: HandoverWritten,
      inform: { lanes: ['socialsekreterare'], message: 'Överlämningen för ärendet är skriven.' },
    },
  },
  deadlines: {},
};
