import type { CheckContext, Finding, SpanRule } from './finding';
import { REFUSALS } from './refusals';
import { WARNINGS } from './warnings';

export interface SummaryCheck {
  /** Nothing is sent while any is left. */
  readonly refusals: readonly Finding[];
  /** Sent once the sender has confirmed each or edited it away. */
  readonly warnings: readonly Finding[];
}

const overlaps = (a: Finding, b: Finding) => a.field === b.field && a.start < b.end && b.start < a.end;

function findings(
  rules: readonly SpanRule[],
  fields: Readonly<Record<string, string>>,
  context: CheckContext,
) {
  const found: Finding[] = [];
  for (const [field, text] of Object.entries(fields))
    for (const rule of rules)
      for (const [start, end] of rule.spans(text, context))
        // One finding where a rule's two patterns meet the same words ("dnr 2023/0412").
        if (!found.some((f) => f.rule === rule.id && f.field === field && f.start < end && start < f.end))
          found.push({ field, rule: rule.id, message: rule.message, start, end });
  return found.sort((a, b) => a.field.localeCompare(b.field) || a.start - b.start);
}

/**
 * The de-identification check of a referral's summary (referral.md): every
 * free-text field, refusals first; a warning where a refusal already stands
 * is left out, as fixing the refusal settles it.
 */
export function checkSummary(
  fields: Readonly<Record<string, string>>,
  context: CheckContext = {},
): SummaryCheck {
  const refusals = findings(REFUSALS, fields, context);
  const warnings = findings(WARNINGS, fields, context).filter((w) => !refusals.some((r) => overlaps(r, w)));
  return { refusals, warnings };
}
