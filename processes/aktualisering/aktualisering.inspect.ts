import { checkReferral, checkSummary, DEFAULT_FORM, type Finding } from '@app/referral';
import type { StepEnvironment } from '@app/engine';
import type { KompletteringAnswered, ReferralSent } from './aktualisering.events';

const facts = (environment: Readonly<Record<string, unknown>>) => environment as StepEnvironment;
/** What the check compares with: the year (for an age from a birth year) and the case's own reference. */
const contextOf = (environment: Readonly<Record<string, unknown>>) => ({
  currentYear: Number(facts(environment).today.slice(0, 4)),
  ...(facts(environment).clientReference ? { clientReference: facts(environment).clientReference } : {}),
});

/** A warning's id, stable for the same text, so the sender's confirmation names it. */
const warningId = (finding: Finding) => `${finding.rule}:${finding.field}:${finding.start}`;

function asInspection(prefix: string, found: { refusals: readonly Finding[]; warnings: readonly Finding[] }) {
  return {
    violations: found.refusals.map((f) => ({
      field: `${prefix}${f.field}`,
      rule: f.rule,
      message: f.message,
    })),
    warnings: found.warnings.map((f) => ({
      id: warningId(f),
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
  const form = DEFAULT_FORM(payload.receivingUnit, payload.receivingUnit);
  const checked = checkReferral(form, payload.answers, contextOf(environment));
  if (checked.violations.length > 0)
    return { violations: checked.violations.map((v) => ({ ...v, field: `answers.${v.field}` })) };
  return asInspection('answers.', checked);
}

/** A komplettering's answer crosses under the same rule as the summary. */
export function inspectAnswer(
  payload: KompletteringAnswered,
  _context: unknown,
  environment: Readonly<Record<string, unknown>>,
) {
  return asInspection('', checkSummary({ answer: payload.answer }, contextOf(environment)));
}
