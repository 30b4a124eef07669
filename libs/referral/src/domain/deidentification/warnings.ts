import { spansOf, type SpanRule } from './finding';
import { DAY_AND_MONTH, END, NUMERIC_DATE, pattern, START } from './patterns';
import {
  ALLOWED_CAPITALISED,
  FIRST_NAMES,
  GENERIC_INSTITUTIONS,
  LARGE_PLACES,
  RARE_DIAGNOSES,
} from './vocabulary';

const CAPITALISED = pattern(`${START}\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?${END}`);

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '\n', '•', '–', '-']);
const BETWEEN = /[\s"”(]/u;

/**
 * Where each sentence's first word starts: the text's start, and after
 * . ! ? : ; a line break or a list's dash or bullet, past spaces, quotes and
 * brackets. One pass, so a long text costs no more than its length.
 */
function sentenceStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let pending = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (SENTENCE_END.has(char)) pending = true;
    else if (!BETWEEN.test(char)) {
      if (pending) starts.add(i);
      pending = false;
    }
  }
  return starts;
}

/** A capitalised word no rule explains: a common first name anywhere, any other within a sentence. */
function nameSpans(text: string): [number, number][] {
  const starts = sentenceStarts(text);
  return spansOf(text, CAPITALISED, (m) => {
    const word = m[0];
    if (ALLOWED_CAPITALISED.has(word)) return false;
    if (FIRST_NAMES.has(word) || word.split('-').some((part) => FIRST_NAMES.has(part))) return true;
    return !starts.has(m.index);
  });
}

const INSTITUTION_SUFFIX =
  '(?:skolan|skola|gymnasiet|vårdcentral|vårdcentralen|hälsocentral|hälsocentralen|kliniken|klinik|sjukhuset|lasarettet|mottagningen|akademin|folkhögskola)';
/** A word as it stands in a sentence or starts one: "läkaren" and "Läkaren". */
const eitherCase = (words: string) =>
  words.replace(
    /(^|\|)(\p{Ll})/gu,
    (_all, bar: string, first: string) => `${bar}[${first}${first.toUpperCase()}]`,
  );

const PROFESSION = eitherCase(
  'läkare|läkaren|doktor|doktorn|dr\\.?|psykolog|psykologen|psykiater|psykiatern|kurator|kuratorn|sjuksköterska|sjuksköterskan|socionom|terapeut|terapeuten|handledare|handledaren|arbetsterapeut|sjukgymnast|fysioterapeut|lärare|läraren|mentor|mentorn|kontaktperson|chef|chefen|arbetsledare|arbetsledaren',
);
const ORGANISATION = pattern(
  [
    // "Svensson Bygg AB", "Lindberg & Son HB"
    `${START}(?:\\p{Lu}[\\p{L}&-]*\\s+){1,3}(?:AB|HB|KB|Aktiebolag)${END}`,
    // "Vallaskolan", "Birkagymnasiet", "Odenslunda vårdcentral"
    `${START}\\p{Lu}\\p{Ll}{2,}${INSTITUTION_SUFFIX}${END}`,
    `${START}\\p{Lu}\\p{Ll}+\\s+${INSTITUTION_SUFFIX}${END}`,
    // "vårdcentralen Lugnvik", "psykologen Berg", "hos Maxi"
    `${START}(?:${eitherCase('vårdcentralen|hälsocentralen|kliniken|skolan|gymnasiet|företaget|restaurangen|butiken|hos')}|${PROFESSION})\\s+\\p{Lu}\\p{Ll}+${END}`,
  ].join('|'),
  'gu',
);
function organisationSpans(text: string): [number, number][] {
  return spansOf(text, ORGANISATION, (m) => {
    const words = m[0].split(/\s+/);
    const last = words[words.length - 1];
    // "Grundskolan fullföljd" names no school; nor does "hos Arbetsförmedlingen".
    return !GENERIC_INSTITUTIONS.has(m[0].toLowerCase()) && !ALLOWED_CAPITALISED.has(last);
  });
}

const EXACT_DATE = pattern(
  `${START}(?:${DAY_AND_MONTH}(?:\\s*(?:19|20)\\d{2})?|${NUMERIC_DATE})${END}`,
  'giu',
);

/** After "i", "från", "bor i", "flyttade till" and the like, a place that is not a country, region or larger city. */
const PLACE = pattern(
  `${START}(?:${eitherCase('i|från|bor i|boende i|uppvuxen i|uppväxt i|växte upp i|flyttade till|flyttat till|utanför|nära|hemma i')})\\s+(\\p{Lu}\\p{Ll}+)${END}`,
  'gu',
);
const STREET_OR_AREA = pattern(
  `${START}\\p{Lu}\\p{Ll}+(?:gatan|vägen|gränd|torget|området|parken|backen)${END}`,
  'gu',
);
function placeSpans(text: string): [number, number][] {
  const places = spansOf(text, PLACE, (m) => !LARGE_PLACES.has(m[1]) && !FIRST_NAMES.has(m[1])).map(
    ([start, end]): [number, number] => {
      const word = text.slice(start, end).split(/\s+/).pop() ?? '';
      return [end - word.length, end];
    },
  );
  return [...places, ...spansOf(text, STREET_OR_AREA)];
}

const HIGH_AGE = pattern(`${START}(?:9\\d|1[01]\\d)\\s*år${END}`, 'gu');
const BIRTH_YEAR = pattern(`${START}[Ff]ödd\\s+(?:(18\\d{2}|19\\d{2}|20\\d{2})|-(\\d{2}))${END}`, 'gu');
/** A two-digit year is the latest one that makes an adult: "-05" is 2005 in 2026, "-31" is 1931. */
const yearOf = (full: string | undefined, short: string | undefined, currentYear: number) =>
  full !== undefined
    ? Number(full)
    : 2000 + Number(short) <= currentYear - 16
      ? 2000 + Number(short)
      : 1900 + Number(short);
/** Ninety or older: few enough in a small municipality to be pointed out with a place. */
function highAgeSpans(text: string, currentYear: number | undefined): [number, number][] {
  const born =
    currentYear === undefined
      ? []
      : spansOf(text, BIRTH_YEAR, (m) => currentYear - yearOf(m[1], m[2], currentYear) >= 90);
  return [...spansOf(text, HIGH_AGE), ...born];
}
const RARE = pattern(`${START}${RARE_DIAGNOSES}${END}`, 'gu');

/** What is warned of: the sender confirms it or edits it, and both are in the history (referral.md). */
export const WARNINGS: readonly SpanRule[] = [
  {
    id: 'personal-name',
    message:
      'Det här ser ut som ett namn. Skriv roll eller relation i stället, till exempel ”hennes bror” eller ”läkaren”.',
    spans: nameSpans,
  },
  {
    id: 'organisation-name',
    message:
      'Det här ser ut som namnet på en arbetsgivare, skola, mottagning eller yrkesperson. Skriv bransch, typ av arbetsplats eller yrkesroll i stället.',
    spans: organisationSpans,
  },
  {
    id: 'exact-date',
    message: 'Ett exakt datum kan peka ut klienten. Skriv år eller ”ca” i stället.',
    spans: (text) => spansOf(text, EXACT_DATE),
  },
  {
    id: 'small-place',
    message:
      'Ett ortnamn, en gata eller ett bostadsområde kan peka ut klienten, särskilt i en liten kommun. Skriv region eller ”mindre ort” i stället.',
    spans: placeSpans,
  },
  {
    id: 'rare-combination',
    message:
      'En ovanlig diagnos eller en mycket hög ålder kan tillsammans med ort och ålder peka ut klienten. Överväg att skriva mer allmänt.',
    spans: (text, context) => [...highAgeSpans(text, context.currentYear), ...spansOf(text, RARE)],
  },
];
