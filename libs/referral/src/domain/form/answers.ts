import type { FieldType, FormField, ReferralForm } from './field-types';

export interface AnswerViolation {
  /** The answer's path: `birthYear`, `housing.lss`, `workExperience.entries.0.from`. */
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export interface CheckedAnswers {
  readonly violations: readonly AnswerViolation[];
  /** The answers as they are kept: the age as a birth year, texts trimmed. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** Every free text by its path, for the de-identification check. */
  readonly texts: Readonly<Record<string, string>>;
}

export const MAX_TEXT = 4000;
const MESSAGES = {
  required: 'Fältet måste besvaras. ”Ej känt” eller ”inget att rapportera” räknas som svar.',
  notAnOption: 'Välj ett av alternativen.',
  yearOnly:
    'Ange födelseår (till exempel -63 eller 1963) eller ålder (till exempel 63 år), aldrig månad eller dag.',
  year: 'Ange ett årtal, till exempel 2019.',
  yearOrder: 'Till-året kan inte ligga före från-året.',
  yearMonth: 'Ange år och månad, till exempel 2027-06.',
  tooLong: `Högst ${MAX_TEXT} tecken.`,
  unknown: 'Formuläret har inget sådant fält.',
} as const;

type Walk = { violations: AnswerViolation[]; texts: Record<string, string>; currentYear: number };
const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function fail(walk: Walk, field: string, rule: string, message: string): undefined {
  walk.violations.push({ field, rule, message });
  return undefined;
}

function textAnswer(walk: Walk, path: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '')
    return fail(walk, path, 'required', MESSAGES.required);
  const trimmed = value.trim();
  if (trimmed.length > MAX_TEXT) return fail(walk, path, 'maxLength', MESSAGES.tooLong);
  walk.texts[path] = trimmed;
  return trimmed;
}

function choiceAnswer(walk: Walk, path: string, value: unknown, options: Readonly<Record<string, string>>) {
  if (value === undefined || value === null || value === '')
    return fail(walk, path, 'required', MESSAGES.required);
  return typeof value === 'string' && value in options
    ? value
    : fail(walk, path, 'notAnOption', MESSAGES.notAnOption);
}

/** "-63", "63", "1963" or an age ("60", "60 år"); a two-digit year is the latest that makes an adult. */
export function birthYearOf(value: unknown, currentYear: number): number | undefined {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const short = /^-?(\d{2})$/.exec(raw);
  const full = /^(?:19|20)\d{2}$/.exec(raw);
  const age = /^(\d{1,3})\s*år$/.exec(raw) ?? (short === null ? /^(\d{1,3})$/.exec(raw) : null);
  if (full) return Number(full[0]) <= currentYear ? Number(full[0]) : undefined;
  if (raw.startsWith('-') && short) {
    const year = 2000 + Number(short[1]);
    return year <= currentYear - 16 ? year : 1900 + Number(short[1]);
  }
  if (age && Number(age[1]) >= 16 && Number(age[1]) <= 110) return currentYear - Number(age[1]);
  return undefined;
}

function yearAnswer(walk: Walk, path: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '')
    return fail(walk, path, 'required', MESSAGES.required);
  const year = Number(value);
  return Number.isInteger(year) && year >= 1900 && year <= walk.currentYear
    ? year
    : fail(walk, path, 'year', MESSAGES.year);
}

function answerOf(walk: Walk, path: string, type: FieldType, value: unknown): unknown {
  switch (type.kind) {
    case 'text':
      return textAnswer(walk, path, value);
    case 'choice':
      return choiceAnswer(walk, path, value, type.options);
    case 'choiceAndText': {
      const given = isRecord(value) ? value : {};
      return {
        choice: choiceAnswer(walk, `${path}.choice`, given.choice, type.options),
        text: textAnswer(walk, `${path}.text`, given.text),
      };
    }
    case 'multichoiceAndText': {
      const given = isRecord(value) ? value : {};
      const chosen = Array.isArray(given.chosen) ? given.chosen : [];
      if (chosen.length === 0) fail(walk, `${path}.chosen`, 'required', MESSAGES.required);
      else if (chosen.some((c) => typeof c !== 'string' || !(c in type.options)))
        fail(walk, `${path}.chosen`, 'notAnOption', MESSAGES.notAnOption);
      return { chosen: [...new Set(chosen)], text: textAnswer(walk, `${path}.text`, given.text) };
    }
    case 'yearOrAge': {
      if (value === undefined || value === null || value === '')
        return fail(walk, path, 'required', MESSAGES.required);
      return birthYearOf(value, walk.currentYear) ?? fail(walk, path, 'yearOnly', MESSAGES.yearOnly);
    }
    case 'year':
      return yearAnswer(walk, path, value);
    case 'yearMonth': {
      if (value === undefined || value === null || value === '')
        return type.optional ? undefined : fail(walk, path, 'required', MESSAGES.required);
      return typeof value === 'string' && /^(?:19|20)\d{2}-(?:0[1-9]|1[0-2])$/.test(value)
        ? value
        : fail(walk, path, 'yearMonth', MESSAGES.yearMonth);
    }
    case 'group':
      return partsOf(walk, path, type.parts, isRecord(value) ? value : {});
    case 'entriesAndText': {
      const given = isRecord(value) ? value : {};
      const rows = Array.isArray(given.entries) ? given.entries : [];
      const entries = rows.map((row, index) => {
        const entry = partsOf(walk, `${path}.entries.${index}`, type.parts, isRecord(row) ? row : {});
        if (typeof entry.from === 'number' && typeof entry.to === 'number' && entry.to < entry.from)
          fail(walk, `${path}.entries.${index}.to`, 'yearOrder', MESSAGES.yearOrder);
        return entry;
      });
      return { entries, text: textAnswer(walk, `${path}.text`, given.text) };
    }
  }
}

function partsOf(walk: Walk, path: string, parts: readonly FormField[], given: Record<string, unknown>) {
  return Object.fromEntries(
    parts.map((part) => [
      part.id,
      answerOf(walk, path ? `${path}.${part.id}` : part.id, part.type, given[part.id]),
    ]),
  );
}

/**
 * The answers to a receiving unit's form, checked field by field: each
 * required and of its type, nothing the form does not ask. What is kept is
 * only what the form asks, the age as a birth year.
 */
export function checkAnswers(
  form: ReferralForm,
  given: Readonly<Record<string, unknown>>,
  currentYear: number,
): CheckedAnswers {
  const walk: Walk = { violations: [], texts: {}, currentYear };
  const fields = form.sections.flatMap((section) => section.fields);
  for (const name of Object.keys(given))
    if (!fields.some((field) => field.id === name)) fail(walk, name, 'unknown', MESSAGES.unknown);
  const answers = partsOf(walk, '', fields, { ...given });
  return { violations: walk.violations, answers, texts: walk.texts };
}
