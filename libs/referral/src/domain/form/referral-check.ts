import { checkSummary, type SummaryCheck } from '../deidentification/check';
import type { CheckContext } from '../deidentification/finding';
import { checkAnswers, type CheckedAnswers } from './answers';
import type { ReferralForm } from './field-types';

/**
 * Whether a referral may be sent (referral.md, Skicka): every field
 * answered and of its type, and every free text de-identified. Violations
 * and refusals stop it; warnings wait for the sender's confirmation.
 */
export function checkReferral(
  form: ReferralForm,
  given: Readonly<Record<string, unknown>>,
  context: CheckContext & { readonly currentYear: number },
): CheckedAnswers & SummaryCheck {
  const checked = checkAnswers(form, given, context.currentYear);
  return { ...checked, ...checkSummary(checked.texts, context) };
}
