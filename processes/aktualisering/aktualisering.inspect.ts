import { checkReferral, checkSummary, formOf, type Finding } from '@app/referral';
import type { StepEnvironment } from '@app/engine';
import type { KompletteringAnswered, ReferralSent } from './aktualisering.events';

const facts = (environment: Readonly<Record<string, unknown>>) => environment as StepEnvironment;
/** What the check compares with: the year (for an age from a birth year) and the case's own reference. */
const contextOf = (environment: Readonly<Record<string, unknown>>) => ({
  currentYear: Number(facts(environment).today.slice(0, 4)),
  ...(facts(environment).clientReference ? { clientReference: facts(environment).clientReference } : {}),
});

/** FNV-1a of the words found: a warning's id changes when other words come to stand where they stood. */
function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/** A warning's id: its rule, field and place, and the words there, so the sender's confirmation names exactly them. */
const warningId = (finding: Finding, texts: Readonly<Record<string, string>>) =>
  `${finding.rule}:${finding.field}:${finding.start}:${digestOf((texts[finding.field] ?? '').slice(finding.start, finding.end))}`;

function asInspection(
  prefix: string,
  found: { refusals: readonly Finding[]; warnings: readonly Finding[] },
  texts: Readonly<Record<string, string>>,
) {
  return {
    violations: found.refusals.map((f) => ({
      field: `${prefix}${f.field}`,
      rule: f.rule,
      message: f.message,
    })),
    warnings: found.warnings.map((f) => ({
      id: warningId(f, texts),
      field: `${prefix}${f.field}`,
      message: f.message,
    })),
  };
}

/**
 * Skicka (referral.md): every field of the form answered and of its type,
 * then every free text de-identified. Each violation names its field inside
 * the answers and its rule; nothing is stored, so nothing reaches the
 * receiving unit.
 */
export function inspectSending(
  payload: ReferralSent,
  _context: unknown,
  environment: Readonly<Record<string, unknown>>,
) {
  const unit = facts(environment).unit.receivingUnits[payload.receivingUnit];
  if (!unit)
    return {
      violations: [
        {
          field: 'receivingUnit',
          rule: 'known-receiving-unit',
          message: `receivingUnit must be a unit that takes referrals: ${Object.keys(facts(environment).unit.receivingUnits).join(', ') || 'none is configured'}`,
        },
      ],
    };
  if (payload.formVersion !== unit.formVersion)
    return {
      violations: [
        {
          field: 'formVersion',
          rule: 'current-form',
          message: `formVersion must be ${unit.formVersion}: ${unit.name} has changed its form since it was opened; open it again`,
        },
      ],
    };
  const form = formOf(payload.receivingUnit, unit);
  const checked = checkReferral(form, payload.answers, contextOf(environment));
  if (checked.violations.length > 0)
    return { violations: checked.violations.map((v) => ({ ...v, field: `answers.${v.field}` })) };
  // Kept as the form keeps them: an age as the birth year it stands for, texts trimmed.
  return {
    ...asInspection('answers.', checked, checked.texts),
    kept: { ...payload, answers: checked.answers },
  };
}

/** A komplettering's answer crosses under the same rule as the summary. */
export function inspectAnswer(
  payload: KompletteringAnswered,
  _context: unknown,
  environment: Readonly<Record<string, unknown>>,
) {
  const texts = { answer: payload.answer };
  return asInspection('', checkSummary(texts, contextOf(environment)), texts);
}
