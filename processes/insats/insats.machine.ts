import { assign, setup } from 'xstate';
import {
  intentActions,
  placedInsatsOf,
  reasonNoteGiven,
  stateMeta as meta,
  type InsatsSnapshot,
  type ProcessDefinition,
  type ProcessEvent,
  type StepEnvironment,
} from '@app/engine';
import * as dto from './insats.events';
import { readyForJobbtorgResurs } from '@app/insatser/domain/placement-terms';
import { suggestAssignment, suggestFollowUp, suggestStart } from './insats.suggestions';
import { ORIGIN_RULES } from './insats.origin';

interface PlacementContext {
  insats?: InsatsSnapshot;
  arbetsledareId?: string;
  arbetskonsulentId?: string;
  startedOn?: string;
  followUpsHeld: number;
  lastFollowUpOn?: string;
  attendanceReportedTo?: string;
  lastObservationOn?: string;
  /** Hours the arbetsledare reported since the last follow-up, for the next one's närvaro. */
  reportedPlannedHours: number;
  reportedAttendedHours: number;
  /** As stored, sealed: what the next placement starts from when this one closes to another insats. */
  plan?: unknown;
  scope?: unknown;
  /** What the anvisning rested on, for the next placement's anvisning. */
  decision?: unknown;
  utredning?: unknown;
  /** The placement this one continues after it closed to "annan insats" (insatser.md, Closure). */
  continuesFrom?: string;
  /** The referral whose admission started it (referral.md, Antagning). */
  referredBy?: string;
  /** Every readiness criterion answered ja at the last follow-up: closure to Jobbtorg Resurs is suggested. */
  readyForJobbtorgResurs: boolean;
}

/** A follow-up held starts the next period: from the day agreed, or the unit's interval (three months). */
const followUpHeld = (restoreOwner = false) => {
  const actions = restoreOwner
    ? [
        'recordFollowUp' as const,
        { type: 'setFollowUpOwner' as const, params: { owner: 'socialsekreterare' } },
      ]
    : ['recordFollowUp' as const];
  return [
    { guard: 'nextDateAgreed' as const, target: 'bestamdUppfoljning', reenter: true, actions },
    { target: 'nastaUppfoljning', reenter: true, actions },
  ];
};

/**
 * Closing to "annan insats" opens the next placement, which is told which
 * one it continues, so its plan and follow-ups carry over (insatser.md).
 */
const closed = [
  {
    guard: 'toAnotherInsats' as const,
    target: 'avslutad',
    actions: {
      type: 'startProcess' as const,
      params: { definitionId: 'insats', entry: 'PlacementContinued' },
    },
  },
  { target: 'avslutad' },
];

/** Onto the waiting list when the insats is full, else to the start; the snapshot is kept either way. */
const placed = [
  { guard: 'insatsFull' as const, target: 'ko', actions: 'rememberInsats' as const },
  { target: 'forberedelse', actions: 'rememberInsats' as const },
];

/**
 * A placement on an insats (insatser.md): anvisning, the providing unit's
 * answer when it is another unit's insats, the waiting list when
 * the insats is full, the start with its arbetsplan, follow-up first after a
 * month and then every three, and closure with one outcome. Each follow-up
 * re-enters a timer state, so the next deadline is scheduled and the open
 * one cancelled by the same step, with today's deadline guarantees.
 */
export const insatsV1Machine = setup({
  types: { events: {} as ProcessEvent, context: {} as PlacementContext },
  actions: {
    ...intentActions,
    rememberInsats: assign({ insats: ({ event }) => event.payload?.insats as InsatsSnapshot | undefined }),
    forgetInsats: assign({ insats: () => undefined }),
    // What the arbetsledare has reported so far, for the social worker's next follow-up.
    rememberAttendance: assign({
      attendanceReportedTo: ({ event }) => event.payload?.to as string | undefined,
      reportedPlannedHours: ({ context, event }) =>
        context.reportedPlannedHours + Number(event.payload?.plannedHours ?? 0),
      reportedAttendedHours: ({ context, event }) =>
        context.reportedAttendedHours + Number(event.payload?.attendedHours ?? 0),
    }),
    rememberAssignment: assign({
      decision: ({ event }) => event.payload?.decision,
      utredning: ({ event }) => event.payload?.utredning,
    }),
    // Handed over by a placement closed to annan insats, or by an admission after a referral.
    rememberEarlierPlacement: assign({
      continuesFrom: ({ event }) =>
        event.payload?.fromDefinitionId === 'insats' ? (event.payload.fromInstanceId as string) : undefined,
      referredBy: ({ event }) =>
        event.payload?.fromDefinitionId === 'aktualisering'
          ? (event.payload.fromInstanceId as string)
          : undefined,
    }),
    rememberObservation: assign({
      lastObservationOn: ({ event }) => event.payload?.observedOn as string | undefined,
    }),
    recordStart: assign({
      startedOn: ({ event }) => event.payload?.startedOn as string | undefined,
      plan: ({ event }) => event.payload?.plan,
      scope: ({ event }) => event.payload?.scope,
    }),
    // The start names them if known; a change names one; neither forgets the other.
    rememberContacts: assign({
      arbetsledareId: ({ context, event }) =>
        (event.payload?.arbetsledareId as string | undefined) ?? context.arbetsledareId,
      arbetskonsulentId: ({ context, event }) =>
        (event.payload?.arbetskonsulentId as string | undefined) ?? context.arbetskonsulentId,
    }),
    recordFollowUp: assign({
      followUpsHeld: ({ context }) => context.followUpsHeld + 1,
      lastFollowUpOn: ({ event }) => event.payload?.heldOn as string | undefined,
      readyForJobbtorgResurs: ({ event }) =>
        readyForJobbtorgResurs(event.payload?.readiness as Record<string, unknown> | undefined),
      reportedPlannedHours: () => 0,
      reportedAttendedHours: () => 0,
    }),
  },
  guards: {
    insatsFull: ({ event }) => ((event.payload?.insats as InsatsSnapshot | undefined)?.placesFree ?? 1) <= 0,
    // Snapshots from before placements across units carry no placing unit; none of them was one.
    fromAnotherUnit: ({ event }) => {
      const insats = event.payload?.insats as InsatsSnapshot | undefined;
      return insats?.placingUnit !== undefined && insats.placingUnit !== insats.providingUnit;
    },
    nextDateAgreed: ({ event }) => typeof event.payload?.nextFollowUpOn === 'string',
    toAnotherInsats: ({ event }) => event.payload?.outcome === 'annan_insats',
  },
  delays: { firstFollowUp: 0, nextFollowUp: 0, agreedFollowUp: 0, followUpFlag: 0 },
}).createMachine({
  id: 'insats',
  initial: 'anvisning',
  context: {
    followUpsHeld: 0,
    readyForJobbtorgResurs: false,
    reportedPlannedHours: 0,
    reportedAttendedHours: 0,
  },
  states: {
    anvisning: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Anvisa till insats' }),
      on: {
        PlacementAssigned: [
          {
            guard: 'fromAnotherUnit',
            target: 'godkannande',
            actions: ['rememberInsats', 'rememberAssignment'],
          },
          ...placed.map((to) => ({ ...to, actions: [to.actions, 'rememberAssignment' as const] })),
        ],
        UnmetNeedRecorded: 'behovUtanInsats',
        PlacementContinued: { actions: 'rememberEarlierPlacement' },
      },
    },
    godkannande: {
      meta: meta({
        kind: 'userTask',
        lane: 'insatsansvarig',
        title: 'Anordnande enhet godkänner eller avböjer',
      }),
      on: {
        PlacementAccepted: placed,
        PlacementDeclined: { target: 'anvisning', actions: 'forgetInsats' },
        PlacementClosed: closed,
      },
    },
    ko: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Väntar på plats (kö)' }),
      on: { PlaceOffered: 'forberedelse', PlacementClosed: closed },
    },
    forberedelse: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Arbetsplan och start' }),
      on: {
        PlacementStarted: { target: 'pagar', actions: ['recordStart', 'rememberContacts'] },
        PlacementClosed: closed,
      },
    },
    pagar: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Insatsen pågår' }),
      initial: 'forstaUppfoljning',
      // A change of contact leaves the follow-up and its deadline where they are.
      on: {
        PlacementClosed: closed,
        ArbetsledareChanged: { actions: 'rememberContacts' },
        ArbetskonsulentChanged: { actions: 'rememberContacts' },
        AttendanceRecorded: { actions: 'rememberAttendance' },
        ObservationRecorded: { actions: 'rememberObservation' },
      },
      states: {
        forstaUppfoljning: {
          meta: meta({
            kind: 'timer',
            lane: 'socialsekreterare',
            title: 'Första uppföljningen inom en månad',
          }),
          after: { firstFollowUp: 'forsenad' },
          on: { FollowUpHeld: followUpHeld() },
        },
        nastaUppfoljning: {
          meta: meta({
            kind: 'timer',
            lane: 'socialsekreterare',
            title: 'Nästa uppföljning inom tre månader',
          }),
          after: { nextFollowUp: 'forsenad' },
          on: { FollowUpHeld: followUpHeld() },
        },
        bestamdUppfoljning: {
          meta: meta({ kind: 'timer', lane: 'socialsekreterare', title: 'Uppföljning den dag ni bestämt' }),
          after: { agreedFollowUp: 'forsenad' },
          on: { FollowUpHeld: followUpHeld() },
        },
        forsenad: {
          meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Uppföljningen är försenad' }),
          after: {
            followUpFlag: {
              target: 'flaggad',
              actions: {
                type: 'escalateFollowUp',
                params: { reason: 'Uppföljningen av insatsen är mer än 14 dagar försenad' },
              },
            },
          },
          on: { FollowUpHeld: followUpHeld() },
        },
        flaggad: {
          meta: meta({
            kind: 'userTask',
            lane: 'socialsekreterare',
            title: 'Försenad uppföljning, flaggad till biträdande enhetschef',
          }),
          on: { FollowUpHeld: followUpHeld(true) },
        },
      },
    },
    avslutad: { type: 'final', meta: meta({ kind: 'end', title: 'Insatsen avslutad' }) },
    behovUtanInsats: {
      type: 'final',
      meta: meta({ kind: 'end', title: 'Ingen insats passar: behovet registrerat' }),
    },
  },
});

const facts = (environment: Readonly<Record<string, unknown>>) => environment as StepEnvironment;

/**
 * A change of the placement's arbetsledare or arbetskonsulent, recorded like
 * a handläggarbyte (seed 002: a step up the ladder often means a new
 * contact). No one is told by the product: the arbetsledare and the
 * arbetskonsulent see no case, and the social worker makes the change.
 */
function contactChange(
  field: 'arbetsledareId' | 'arbetskonsulentId',
  title: string,
  payload: new () => dto.ArbetsledareChanged | dto.ArbetskonsulentChanged,
) {
  return {
    label: `Byt ${title}`,
    lanes: ['socialsekreterare' as const],
    payload,
    rules: [
      {
        id: `same-${title}`,
        field,
        message: `Det är redan placeringens ${title}; välj en annan för att byta.`,
        holds: (change: Record<string, unknown>, context: Readonly<Record<string, unknown>>) =>
          change[field] !== context[field],
      },
      {
        id: 'reason-note-for-annat',
        field: 'reasonNote',
        message: 'Beskriv skälet när skälet är ”Annat”.',
        holds: (change: dto.ArbetsledareChanged) => reasonNoteGiven(change),
      },
    ],
  };
}

export const insatsV1: ProcessDefinition = {
  id: 'insats',
  version: 1,
  title: 'Arbetsmarknadsinsats',
  description:
    'Anvisning till en insats ur katalogen, kö när den är full, start med arbetsplan, uppföljning efter en månad och sedan var tredje månad, och avslut med utfall.',
  machine: insatsV1Machine,
  startLanes: ['socialsekreterare'],
  parallelInstances: true,
  guardLabels: {
    insatsFull: 'Insatsen är full',
    nextDateAgreed: 'Ni bestämde nästa datum',
    fromAnotherUnit: 'Insatsen anordnas av en annan enhet',
  },
  // The providing unit's insatsansvarig and arbetsledare hold its partner lanes.
  partnerUnit: (context) => placedInsatsOf(context)?.providingUnit,
  events: {
    PlacementAssigned: {
      label: 'Anvisa till insats',
      lanes: ['socialsekreterare'],
      payload: dto.PlacementAssigned,
      suggest: suggestAssignment,
      rules: [
        {
          id: 'no-utredning',
          field: 'utredning',
          warning: true,
          message:
            'Ingen utredning är registrerad som grund för anvisningen (till exempel FIA eller AFU). Du kan ändå anvisa.',
          holds: (p: dto.PlacementAssigned) => p.utredning !== undefined,
        },
        {
          id: 'state-programme',
          field: 'stateProgramme',
          warning: true,
          message:
            'Klienten deltar i ett statligt program där kommunen i regel inte får erbjuda egna insatser. Kontrollera med Arbetsförmedlingen innan du anvisar.',
          holds: (p: dto.PlacementAssigned) => p.stateProgramme === 'inget',
        },
        ...ORIGIN_RULES,
      ],
    },
    UnmetNeedRecorded: {
      label: 'Registrera behov som ingen insats möter',
      lanes: ['socialsekreterare'],
      payload: dto.UnmetNeedRecorded,
    },
    PlaceOffered: {
      label: 'Erbjud platsen',
      lanes: ['socialsekreterare'],
      payload: dto.PlaceOffered,
      rules: [
        {
          id: 'no-free-place',
          message:
            'Det finns ingen ledig plats för den här placeringen än; den som står före i kön erbjuds först.',
          holds: (_p: dto.PlaceOffered, context, environment) => {
            const insats = placedInsatsOf(context);
            const now = insats && facts(environment).insatser.get(insats.insatsId);
            return now !== undefined && now.queuedAhead < now.placesFree;
          },
        },
      ],
    },
    PlacementAccepted: {
      label: 'Godkänn placeringen',
      lanes: ['insatsansvarig'],
      payload: dto.PlacementAccepted,
      rules: [
        {
          id: 'same-insats',
          field: 'insatsId',
          message: 'Godkännandet gäller insatsen som placeringen anvisades till.',
          holds: (p: dto.PlacementAccepted, context) => p.insatsId === placedInsatsOf(context)?.insatsId,
        },
      ],
    },
    PlacementDeclined: {
      label: 'Avböj placeringen',
      lanes: ['insatsansvarig'],
      payload: dto.PlacementDeclined,
      rules: [
        {
          id: 'comment-for-annat',
          field: 'comment',
          message: 'Skriv en kommentar när skälet är ”Annat”.',
          holds: (p: dto.PlacementDeclined) => p.reason !== 'annat' || (p.comment ?? '').trim() !== '',
        },
      ],
    },
    AttendanceRecorded: {
      label: 'Registrera närvaro',
      lanes: ['arbetsledare'],
      payload: dto.AttendanceRecorded,
      rules: [
        {
          id: 'period-in-order',
          field: 'to',
          message: 'Perioden måste sluta samma dag som den börjar eller senare.',
          holds: (p: dto.AttendanceRecorded) => p.to >= p.from,
        },
        {
          id: 'attendance-after-start',
          field: 'from',
          message: 'Närvaron kan inte gälla tiden före insatsens första dag.',
          holds: (p: dto.AttendanceRecorded, context) =>
            typeof context.startedOn !== 'string' || p.from >= context.startedOn,
        },
      ],
    },
    ObservationRecorded: {
      label: 'Registrera iakttagelse',
      lanes: ['arbetsledare'],
      payload: dto.ObservationRecorded,
    },
    PlacementStarted: {
      label: 'Registrera start och arbetsplan',
      lanes: ['socialsekreterare'],
      payload: dto.PlacementStarted,
      suggest: suggestStart,
    },
    FollowUpHeld: {
      label: 'Registrera uppföljning',
      lanes: ['socialsekreterare'],
      payload: dto.FollowUpHeld,
      suggest: suggestFollowUp,
      rules: [
        {
          id: 'plan-changes-described',
          field: 'planChanges',
          message: 'Beskriv vad som ändrades när planen reviderades.',
          holds: (p: dto.FollowUpHeld) => !p.planRevised || (p.planChanges ?? '').trim() !== '',
        },
        {
          id: 'next-after-held',
          field: 'nextFollowUpOn',
          message: 'Nästa uppföljning måste ligga efter den här.',
          holds: (p: dto.FollowUpHeld) => p.nextFollowUpOn === undefined || p.nextFollowUpOn > p.heldOn,
        },
        {
          id: 'follow-up-after-start',
          field: 'heldOn',
          message: 'Uppföljningen kan inte ha hållits före insatsens första dag.',
          holds: (p: dto.FollowUpHeld, context) =>
            typeof context.startedOn !== 'string' || p.heldOn >= context.startedOn,
        },
      ],
    },
    ArbetsledareChanged: contactChange('arbetsledareId', 'arbetsledare', dto.ArbetsledareChanged),
    ArbetskonsulentChanged: contactChange('arbetskonsulentId', 'arbetskonsulent', dto.ArbetskonsulentChanged),
    PlacementClosed: {
      label: 'Avsluta insatsen',
      lanes: ['socialsekreterare'],
      payload: dto.PlacementClosed,
    },
    // Recorded by the engine when the placement before closed to "annan insats"; no one sends it.
    PlacementContinued: {
      label: 'Fortsätter efter förra insatsen',
      lanes: [],
      payload: dto.PlacementContinued,
    },
  },
  deadlines: {
    firstFollowUp: {
      duration: 'P1M',
      from: 'startedOn',
      title: 'Första uppföljningen, en månad efter start',
      notify: ['socialsekreterare'],
    },
    nextFollowUp: {
      duration: 'P3M',
      from: 'heldOn',
      title: 'Uppföljning tre månader efter den förra',
      notify: ['socialsekreterare'],
    },
    agreedFollowUp: {
      duration: 'P1D',
      from: 'nextFollowUpOn',
      title: 'Uppföljning det datum ni bestämde',
      notify: ['socialsekreterare'],
    },
    followUpFlag: {
      duration: 'P14D',
      title: 'Försenad uppföljning flaggas till biträdande enhetschef',
      notify: ['bitradande_enhetschef'],
    },
  },
};
