import { spansOf, type SpanRule } from './finding';
import { DAY_AND_MONTH, END, MONTHS, NUMERIC_DATE, pattern, START } from './patterns';

/**
 * A personnummer or samordningsnummer in any of its forms: six or eight
 * digits of a date (day + 60 for a samordningsnummer), a separator or none,
 * four digits. The check digit is not asked: a mistyped number identifies
 * just as well (referral.md).
 */
const PERSONNUMMER = pattern(`${START}(?:19|20)?\\d{2}(\\d{2})(\\d{2})\\s*[-+]?\\s*\\d{4}${END}`);
const isDayOfMonth = (month: number, day: number) =>
  month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));

/** "född" and its short forms, then within a few words a full date or a month. */
const BORN = '(?:född|födde|föddes|f\\.|föd\\.|födelsedatum|födelsedag|fdd)';
const BIRTH_DATE = pattern(
  `${START}${BORN}\\s*:?\\s*(?:den\\s+|i\\s+|på\\s+|under\\s+)?(?:${DAY_AND_MONTH}(?:\\s*(?:19|20)?-?\\d{2,4})?|${NUMERIC_DATE}|(?:19|20)?\\d{6}${END}|${MONTHS}${END}(?:\\s*(?:19|20)?-?\\d{2,4})?)`,
  'giu',
);
const BIRTHDAY = pattern(
  `${START}fyller\\s+(?:år|\\d{2,3}(?:\\s+år)?)\\s+(?:den\\s+|i\\s+)?(?:${DAY_AND_MONTH}|${MONTHS}${END})`,
  'giu',
);

// Anchored and bounded, so a long run of look-alike characters costs no more than its length.
const EMAIL = pattern(
  `${START}[\\p{L}\\p{N}._%+-]{1,64}\\s?@\\s?[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63}){0,8}\\.\\p{L}{2,}`,
);

/** Swedish numbers from 0 or +46: 070-123 45 67, 08-123 456, +46 (0)63 14 00 00. */
const PHONE = pattern(
  `(?<![\\p{L}\\p{N}+])(?:\\+\\s?46|0046|0)(?:[\\s-]*\\(0\\))?(?:[\\s/-]*\\d){6,11}${END}`,
);
const digits = (text: string) => text.replace(/\D/g, '').length;

// Not "plan" or "platsen": "handlingsplan 2024" and "arbetsplatsen 3 dagar" are no addresses.
const STREET_SUFFIX =
  '(?:gatan|gata|vägen|väg|gränd|gränden|stigen|stig|torget|torg|backen|allén|allé|leden|esplanaden|promenaden|kajen)';
/** A street word with its number: "Storgatan 12 B", "kyrkvägen 3a", "Box 1234". */
const STREET = pattern(
  `${START}\\p{L}{2,}${STREET_SUFFIX}\\s+\\d{1,4}(?:\\s?[A-Za-z])?${END}|${START}box\\s+\\d{2,6}${END}`,
  'giu',
);
/** In two words, the first a name: "Gamla vägen 12", "Sankt Eriks gata 5"; case-sensitive, so "på vägen 2" is not one. */
const NAMED_STREET = pattern(
  `${START}\\p{Lu}\\p{Ll}+\\s+${STREET_SUFFIX}\\s+\\d{1,4}(?:\\s?[A-Za-z])?${END}`,
  'gu',
);

/** Five digits grouped 3+2 before a place name, or named as a postnummer. */
const POSTNUMMER = pattern(
  `${START}(?:(?:SE|S)-?\\s?)?[1-9]\\d{2}\\s?\\d{2}(?=\\s+\\p{Lu}\\p{Ll}+)|${START}post(?:nummer|nr)\\.?\\s*:?\\s*\\d{3}\\s?\\d{2}${END}`,
  'gu',
);

/** A diarienummer or a case or journal number of the sender's systems: by its name, or by its shape (SN 2023/0412). */
const CASE_NUMBER_NAMED = pattern(
  `${START}(?:dnr|diarienr|diarienummer|diarie-nr|ärendenr|ärendenummer|ärende-nr|journalnr|journalnummer|journal-id|journalid|aktnr|aktnummer|löpnr|löpnummer|dok\\.?\\s?id)\\.?\\s*:?\\s*[\\p{L}\\p{N}][\\p{L}\\p{N}./:-]*\\d[\\p{L}\\p{N}./:-]*`,
  'giu',
);
// Case-sensitive: a register's letters are capitals ("SN 2023/0412"), where "där 2010/2011" is words.
const CASE_NUMBER_SHAPED = pattern(
  `${START}\\p{Lu}{2,5}[\\s-]?(?:19|20)\\d{2}[/.:-]\\d{1,6}${END}|${START}(?:19|20)\\d{2}/\\d{3,6}${END}`,
  'gu',
);

/** "2010/2011", "SFI 2019-2021": a span of years, not a number of a register. */
function isYearSpan(text: string): boolean {
  const span = /((?:19|20)\d{2})[/.:-]((?:19|20)?\d{2,4})$/.exec(text);
  if (!span) return false;
  const [from, to] = [
    Number(span[1]),
    Number(span[2].length === 2 ? span[1].slice(0, 2) + span[2] : span[2]),
  ];
  return span[2].length !== 3 && to > from && to - from <= 10;
}

/** The case's reference as a standalone word, whole or in its parts: the initials, the four digits. */
function referenceSpans(text: string, reference: string | undefined): [number, number][] {
  if (!reference) return [];
  const initials = reference.replace(/[^\p{L}]/gu, '');
  const numbers = reference.replace(/\D/g, '');
  const parts = [
    ...(initials.length >= 2 && numbers ? [`${initials}\\s*-?\\s*${numbers}`] : []),
    ...(initials.length >= 2 ? [initials.split('').join('\\.?\\s?') + '\\.?'] : []),
    ...(numbers.length >= 4 ? [numbers] : []),
  ];
  if (parts.length === 0) return [];
  return spansOf(text, pattern(`${START}(?:${parts.join('|')})${END}`, 'gu'));
}

/** What is refused: the sender is told the field and the rule, and nothing is sent (referral.md). */
export const REFUSALS: readonly SpanRule[] = [
  {
    id: 'personnummer',
    message:
      'Sammanfattningen får inte innehålla ett personnummer eller samordningsnummer, inte heller ett felskrivet. Beskriv klienten som till exempel ”kvinna född -63”.',
    spans: (text) => spansOf(text, PERSONNUMMER, (m) => isDayOfMonth(Number(m[1]), Number(m[2]))),
  },
  {
    id: 'birth-date',
    message: 'Ange bara födelseår eller ålder, inte födelsedatum eller födelsemånad.',
    spans: (text) => [...spansOf(text, BIRTH_DATE), ...spansOf(text, BIRTHDAY)],
  },
  {
    id: 'client-reference',
    message:
      'Ärendets referens (initialerna eller siffrorna ur personnumret) får inte stå i sammanfattningen.',
    spans: (text, context) => referenceSpans(text, context.clientReference),
  },
  {
    id: 'email',
    message:
      'E-postadresser får inte stå i sammanfattningen. Dina egna kontaktuppgifter står i avsändarrutan.',
    spans: (text) => spansOf(text, EMAIL),
  },
  {
    id: 'phone',
    message:
      'Telefonnummer får inte stå i sammanfattningen. Dina egna kontaktuppgifter står i avsändarrutan.',
    spans: (text) => spansOf(text, PHONE, (m) => digits(m[0]) >= 7 && digits(m[0]) <= 13),
  },
  {
    id: 'street-address',
    message: 'Gatuadresser och boxadresser får inte stå i sammanfattningen. Beskriv boendet utan adress.',
    spans: (text) => [...spansOf(text, STREET), ...spansOf(text, NAMED_STREET)],
  },
  {
    id: 'postnummer',
    message: 'Postnummer får inte stå i sammanfattningen.',
    spans: (text) => spansOf(text, POSTNUMMER),
  },
  {
    id: 'case-number',
    message: 'Diarie-, ärende- eller journalnummer får inte stå i sammanfattningen.',
    spans: (text) => [
      ...spansOf(text, CASE_NUMBER_NAMED),
      ...spansOf(text, CASE_NUMBER_SHAPED, (m) => !isYearSpan(m[0])),
    ],
  },
];
