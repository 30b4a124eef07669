import { assign, setup } from 'xstate';
import { intentActions, stateMeta as meta, type ProcessDefinition, type ProcessEvent } from '@app/engine';
import { referralNumberOf } from '@app/referral';
import * as dto from './aktualisering.events';
import { inspectAnswer, inspectSending } from './aktualisering.inspect';

interface ReferralContext {
  receivingUnit?: string;
  draftsSaved: number;
  kompletteringar: number;
  /** The latest draft, as stored (sealed): what the send form starts from. */
  draft?: unknown;
  draftUnit?: string;
}

/** The send form, and the next draft, start from the latest draft saved. */
const fromDraft = (context: Readonly<Record<string, unknown>>) => {
  const given = Object.entries({ receivingUnit: context.draftUnit, answers: context.draft }).filter(
    ([, value]) => value !== undefined,
  );
  return given.length === 0 ? undefined : Object.fromEntries(given);
};

const withdrawn = { ReferralWithdrawn: 'aterkallad' } as const;

/**
 * Aktualisering (referral.md): the sender draws up a de-identified summary
 * on the receiving unit's form and sends it; receipt is recorded at once;
 * the receiving unit's Beredningsgrupp reviews it, may ask for a
 * komplettering, and decides whether admission is recommended, with a
 * motivation. The receiving unit acts in partner lanes, held in the unit the
 * referral names, and never sees the case (ADR 0026, 0030).
 */
export const aktualiseringV1Machine = setup({
  types: { events: {} as ProcessEvent, context: {} as ReferralContext },
  actions: {
    ...intentActions,
    rememberReceiver: assign({
      receivingUnit: ({ event }) => event.payload?.receivingUnit as string | undefined,
    }),
    keepDraft: assign({
      draftsSaved: ({ context }) => context.draftsSaved + 1,
      draft: ({ context, event }) => event.payload?.answers ?? context.draft,
      draftUnit: ({ context, event }) =>
        (event.payload?.receivingUnit as string | undefined) ?? context.draftUnit,
    }),
    countKomplettering: assign({ kompletteringar: ({ context }) => context.kompletteringar + 1 }),
  },
  guards: {
    recommended: ({ event }) => event.payload?.outcome === 'rekommenderasAntagning',
  },
  delays: { draftReminder: 0, decisionDue: 0 },
}).createMachine({
  id: 'aktualisering',
  initial: 'upprattande',
  context: { draftsSaved: 0, kompletteringar: 0 },
  states: {
    upprattande: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Upprätta aktualiseringen' }),
      initial: 'utkast',
      on: {
        DraftSaved: { actions: 'keepDraft' },
        ReferralSent: { target: 'beredning', actions: 'rememberReceiver' },
        ...withdrawn,
      },
      states: {
        utkast: {
          meta: meta({ kind: 'timer', lane: 'socialsekreterare', title: 'Utkastet skickas inom 30 dagar' }),
          after: { draftReminder: 'paminnelse' },
        },
        paminnelse: {
          meta: meta({
            kind: 'userTask',
            lane: 'socialsekreterare',
            title: 'Utkastet har inte skickats på 30 dagar',
          }),
        },
      },
    },
    beredning: {
      meta: meta({ kind: 'userTask', lane: 'beredningsgrupp', title: 'Pröva aktualiseringen' }),
      initial: 'iTid',
      on: {
        KompletteringRequested: { target: 'komplettering', actions: 'countKomplettering' },
        ReferralDecided: [{ guard: 'recommended', target: 'rekommenderad' }, { target: 'beslutad' }],
        ReferralReturned: 'returnerad',
        ...withdrawn,
      },
      states: {
        iTid: {
          meta: meta({ kind: 'timer', lane: 'beredningsgrupp', title: 'Beslut inom tre veckor' }),
          after: { decisionDue: 'forsenad' },
        },
        forsenad: {
          meta: meta({ kind: 'userTask', lane: 'beredningsgrupp', title: 'Beslutet är försenat' }),
        },
      },
    },
    komplettering: {
      meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Svara på kompletteringen' }),
      on: { KompletteringAnswered: 'beredning', ...withdrawn },
    },
    rekommenderad: {
      meta: meta({ kind: 'userTask', lane: 'mottagning', title: 'Registrera antagning' }),
      on: {
        // A recommendation is not an admission (referral.md, Decision): the receiving unit records it, and the placement starts in the case.
        AdmissionRecorded: {
          target: 'antagen',
          actions: { type: 'startProcess', params: { definitionId: 'insats', entry: 'PlacementContinued' } },
        },
        AdmissionDeclined: 'beslutad',
        ...withdrawn,
      },
    },
    antagen: {
      type: 'final',
      meta: meta({ kind: 'end', title: 'Antagen; placeringen på insatsen har startat' }),
    },
    beslutad: { type: 'final', meta: meta({ kind: 'end', title: 'Beredningsgruppen har beslutat' }) },
    returnerad: { type: 'final', meta: meta({ kind: 'end', title: 'Återsänd av mottagande enhet' }) },
    aterkallad: { type: 'final', meta: meta({ kind: 'end', title: 'Återkallad av avsändaren' }) },
  },
});

export const aktualiseringV1: ProcessDefinition = {
  id: 'aktualisering',
  version: 1,
  title: 'Aktualisering',
  description:
    'En avidentifierad sammanfattning till en mottagande enhet, vars Beredningsgrupp prövar om antagning rekommenderas.',
  machine: aktualiseringV1Machine,
  startLanes: ['socialsekreterare'],
  parallelInstances: true,
  guardLabels: { recommended: 'Rekommenderas antagning' },
  partnerUnit: (context) => (typeof context.receivingUnit === 'string' ? context.receivingUnit : undefined),
  partnerPage: (caseId, instanceId) => `/aktualiseringar/${referralNumberOf(caseId, instanceId)}`,
  events: {
    DraftSaved: {
      label: 'Spara utkast',
      lanes: ['socialsekreterare'],
      payload: dto.DraftSaved,
      suggest: fromDraft,
    },
    ReferralSent: {
      label: 'Skicka aktualiseringen',
      lanes: ['socialsekreterare'],
      payload: dto.ReferralSent,
      inspect: inspectSending,
      suggest: fromDraft,
      // Receipt is recorded at once (referral.md, Mottagen): the sender and the receiving unit hear of it.
      inform: {
        lanes: ['socialsekreterare', 'mottagning', 'beredningsgrupp'],
        message: 'Aktualiseringen är mottagen och väntar på Beredningsgruppens prövning.',
        kind: 'referral-received',
      },
    },
    KompletteringRequested: {
      label: 'Begär komplettering',
      lanes: ['beredningsgrupp'],
      payload: dto.KompletteringRequested,
      inform: {
        lanes: ['socialsekreterare'],
        message: 'Beredningsgruppen vill ha en komplettering.',
        kind: 'referral-question',
      },
    },
    KompletteringAnswered: {
      label: 'Svara på kompletteringen',
      lanes: ['socialsekreterare'],
      payload: dto.KompletteringAnswered,
      inspect: inspectAnswer,
      inform: {
        lanes: ['beredningsgrupp'],
        message: 'Avsändaren har svarat på kompletteringen.',
        kind: 'referral-answered',
      },
    },
    ReferralDecided: {
      label: 'Registrera Beredningsgruppens beslut',
      lanes: ['beredningsgrupp'],
      payload: dto.ReferralDecided,
      inform: {
        lanes: ['socialsekreterare'],
        message: 'Beredningsgruppen har beslutat om aktualiseringen.',
        kind: 'referral-decided',
      },
    },
    AdmissionRecorded: {
      label: 'Registrera antagning',
      lanes: ['mottagning'],
      payload: dto.AdmissionRecorded,
      inform: {
        lanes: ['socialsekreterare'],
        message: 'Den mottagande enheten har antagit klienten; anvisa till insatsen.',
        kind: 'referral-admitted',
      },
    },
    AdmissionDeclined: {
      label: 'Registrera att antagning inte blir av',
      lanes: ['mottagning'],
      payload: dto.AdmissionDeclined,
      inform: {
        lanes: ['socialsekreterare'],
        message: 'Antagningen blir inte av; läs skälet i aktualiseringen.',
        kind: 'referral-decided',
      },
    },
    ReferralReturned: {
      label: 'Återsänd aktualiseringen',
      lanes: ['mottagning'],
      payload: dto.ReferralReturned,
      rules: [
        {
          id: 'comment-for-return',
          field: 'comment',
          message: 'Skriv till avsändaren varför aktualiseringen återsänds.',
          holds: (p: dto.ReferralReturned) => (p.comment ?? '').trim() !== '',
        },
      ],
      inform: {
        lanes: ['socialsekreterare'],
        message: 'Den mottagande enheten har återsänt aktualiseringen.',
        kind: 'referral-returned',
      },
    },
    ReferralWithdrawn: {
      label: 'Återkalla aktualiseringen',
      lanes: ['socialsekreterare'],
      payload: dto.ReferralWithdrawn,
      rules: [
        {
          id: 'comment-for-annat',
          field: 'comment',
          message: 'Skriv en kommentar när skälet är ”Annat”.',
          holds: (p: dto.ReferralWithdrawn) => p.reason !== 'annat' || (p.comment ?? '').trim() !== '',
        },
      ],
      inform: {
        lanes: ['mottagning', 'beredningsgrupp'],
        message: 'Avsändaren har återkallat aktualiseringen.',
        kind: 'referral-withdrawn',
      },
    },
  },
  deadlines: {
    draftReminder: {
      duration: 'P30D',
      title: 'Påminnelse: utkastet har inte skickats',
      notify: ['socialsekreterare'],
    },
    decisionDue: {
      duration: 'P3W',
      title: 'Beredningsgruppens beslut inom tre veckor',
      notify: ['beredningsgrupp'],
    },
  },
};
