import {
  YES_NO_UNKNOWN,
  type FormField,
  type FormSection,
  type Options,
  type ReferralForm,
} from './field-types';

const text = (id: string, label: string, help?: string): FormField => ({
  id,
  label,
  type: { kind: 'text' },
  ...(help ? { help } : {}),
});
const yesNoUnknown = (id: string, label: string): FormField => ({
  id,
  label,
  type: { kind: 'choice', options: YES_NO_UNKNOWN },
});
const options = (list: string): Options =>
  Object.fromEntries(
    list.split('|').map((label) => [
      label
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, ''),
      label,
    ]),
  );

/** The seed's form, section by section and field by field (referral.md, Form: sections and fields). */
const SECTIONS: readonly FormSection[] = [
  {
    id: 'allmant',
    title: 'Allmänt/personligt',
    fields: [
      {
        id: 'sex',
        label: 'Kön',
        type: { kind: 'choice', options: options('Kvinna|Man|Annat|Vill ej ange') },
      },
      {
        id: 'birthYear',
        label: 'Ålder',
        type: { kind: 'yearOrAge' },
        help: 'Födelseår (till exempel -63 eller 1963) eller ålder i år, aldrig månad eller dag.',
      },
      {
        id: 'civilStatus',
        label: 'Civilstatus',
        type: {
          kind: 'choice',
          options: options('Ogift|Gift eller registrerad partner|Sambo|Skild|Änka, änkling|Annat'),
        },
      },
      {
        id: 'motivation',
        label: 'Motivationsläge; vill personen förändra sin situation?',
        type: { kind: 'choiceAndText', options: options('Ja|Delvis|Nej|Oklart') },
      },
    ],
  },
  {
    id: 'medicinskt',
    title: 'Medicinskt',
    fields: [
      text('diagnosis', 'Diagnos', '”Ingen fastställd” är ett svar.'),
      text('illnessHistory', 'Sjukdomshistorik i korthet'),
      text(
        'limitationsAndPossibilities',
        'Hur begränsningar och möjligheter ser ut, hur påverkas personen av sin situation?',
      ),
      {
        id: 'substanceUse',
        label: 'Substansintag; medicinering, alkohol, droger',
        type: { kind: 'multichoiceAndText', options: options('Medicinering|Alkohol|Droger|Inget') },
      },
      {
        id: 'treatments',
        label: 'Behandlingsformer; KBT, samtalskontakt, psykolog, sjukgymnast etc.',
        type: {
          kind: 'multichoiceAndText',
          options: options('KBT|Samtalskontakt|Psykolog|Sjukgymnast (fysioterapeut)|Annat'),
        },
      },
      {
        id: 'medicalNetwork',
        label: 'Medicinskt nätverk; läkare, psykolog, socionom etc.',
        type: {
          kind: 'multichoiceAndText',
          options: options('Läkare|Psykolog|Socionom|Sjuksköterska|Arbetsterapeut|Fysioterapeut|Annan|Inget'),
        },
        help: 'Roller, inga namn.',
      },
    ],
  },
  {
    id: 'socialt',
    title: 'Socialt',
    fields: [
      {
        id: 'housing',
        label: 'Boende; finns stöd? LSS-berättigad? SoL-beslut?',
        type: {
          kind: 'group',
          parts: [
            text('text', 'Boende'),
            yesNoUnknown('support', 'Stöd i boendet'),
            yesNoUnknown('lss', 'LSS-berättigad'),
            yesNoUnknown('sol', 'SoL-beslut'),
          ],
        },
      },
      text('socialNetwork', 'Socialt nätverk; familj, vänner, stödpersoner', 'Relationer, inga namn.'),
      text('interests', 'Intressen, fritidsaktiviteter'),
      {
        id: 'criminalRecord',
        label: 'Tidigare kriminell belastning – avtjänat straff/frivårdande insatser etc.',
        type: { kind: 'choiceAndText', options: YES_NO_UNKNOWN },
        help: 'År, inte datum.',
      },
    ],
  },
  {
    id: 'utbildning',
    title: 'Utbildning',
    fields: [
      {
        id: 'compulsorySchool',
        label: 'Grundskola',
        type: {
          kind: 'choice',
          options: options('Fullföljd|Ej fullföljd|Motsvarande i annat land|Okänt'),
        },
      },
      {
        id: 'upperSecondary',
        label: 'Gymnasium/särgymnasium',
        type: {
          kind: 'group',
          parts: [
            {
              id: 'kind',
              label: 'Skolform',
              type: {
                kind: 'choice',
                options: options('Gymnasium|Särgymnasium (anpassad gymnasieskola)|Ingen|Okänt'),
              },
            },
            yesNoUnknown('completed', 'Fullföljd'),
            text('programme', 'Program'),
          ],
        },
      },
      text('otherEducation', 'Annan utbildning', 'Slag och nivå, inte skolans namn.'),
      text(
        'schoolSituation',
        'Hur har utbildningssituationen sett ut? Frånvaro? Har personen kunnat tillgodogöra sig studierna? Social integration under skoltiden?',
      ),
    ],
  },
  {
    id: 'arbete',
    title: 'Arbete',
    fields: [
      {
        id: 'workExperience',
        label:
          'Tidigare erfarenheter; anställningar, arbetspraktiker, arbetsträning/prövning, sysselsättningsinsatser etc.',
        type: {
          kind: 'entriesAndText',
          entry: 'Erfarenhet',
          parts: [
            {
              id: 'kind',
              label: 'Slag',
              type: {
                kind: 'choice',
                options: options(
                  'Anställning|Arbetspraktik|Arbetsträning|Arbetsprövning|Sysselsättningsinsats',
                ),
              },
            },
            text('sector', 'Bransch eller typ av arbetsplats'),
            { id: 'from', label: 'Från (år)', type: { kind: 'year' } },
            { id: 'to', label: 'Till (år)', type: { kind: 'year' } },
          ],
        },
      },
      {
        id: 'involvedResources',
        label:
          'Inkopplade resurser; SIUS, externa verksamheter, projektdeltagande, rehabiliteringsinsatser m.m.',
        type: {
          kind: 'multichoiceAndText',
          options: options('SIUS|Extern verksamhet|Projekt|Rehabiliteringsinsats|Annat|Inga'),
        },
      },
      text(
        'otherAssessments',
        'Bedömningar från andra parter/myndigheter',
        'Vilken myndighet, år och i korthet.',
      ),
    ],
  },
  {
    id: 'forsorjning',
    title: 'Försörjning',
    fields: [
      {
        id: 'income',
        label: 'Ersättningsform; vilken typ av och hur länge finns beslut?',
        type: {
          kind: 'group',
          parts: [
            {
              id: 'kind',
              label: 'Ersättningsform',
              type: {
                kind: 'choice',
                options: options(
                  'Ekonomiskt bistånd|Sjukersättning|Aktivitetsersättning|Sjukpenning|Aktivitetsstöd|Lön|Annat|Ingen',
                ),
              },
            },
            {
              id: 'validTo',
              label: 'Beslut gäller till (år och månad)',
              type: { kind: 'yearMonth', optional: true },
            },
          ],
        },
      },
      {
        id: 'extraSupport',
        label: 'Förutsättningar att behålla/erhålla ytterligare stöd i form av busskort eller dylikt?',
        type: { kind: 'choiceAndText', options: YES_NO_UNKNOWN },
      },
    ],
  },
  {
    id: 'bedomning',
    title: 'Din bedömning/uppfattning',
    fields: [
      text(
        'labourMarketView',
        'Din egen uppfattning/känsla som handläggare/behandlare; hur ser Du på möjligheten för den här personen att beträda den reguljära arbetsmarknaden?',
      ),
      text('whyThisUnit', 'Varför tror Du att {unit} kan vara behjälplig för personen?'),
      text(
        'whyOrdinaryNotEnough',
        'Vad är det som gör att de ordinarie insatserna/åtgärderna inte längre räcker till?',
      ),
      {
        // The seed asks twice, under Socialt and here (referral.md): the sender adds to the first answer.
        ...text(
          'criminalBackground',
          'Redogör för ev. tidigare kriminell bakgrund, påföljder, frivårdande insatser etc.',
          'Det du skrev under Socialt visas här; lägg till det som behövs.',
        ),
        startsFrom: 'criminalRecord.text',
      },
    ],
  },
];

/** Arbetslivscenter's form of seed 000, the default every receiving unit starts from. */
export const DEFAULT_FORM = (receivingUnit: string, unitName: string): ReferralForm => ({
  receivingUnit,
  version: 1,
  unitName,
  sections: SECTIONS,
});
