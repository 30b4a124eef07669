import { Matches } from 'class-validator';
import { AbsentOrValid, Label, NoPersonnummer, OneOf, Personal, Text } from './fields';

/** Why a case is closed (avslutat), as the unit says it; `other` asks for a comment. */
export const CLOSE_REASONS = {
  'self-supporting': 'Självförsörjande',
  moved: 'Flyttat från kommunen',
  'other-support': 'Annan ersättning, till exempel sjukersättning',
  'no-longer-applies': 'Söker inte längre ekonomiskt bistånd',
  other: 'Annat skäl',
} as const;
export type CloseReason = keyof typeof CLOSE_REASONS;

/**
 * Closing a case: a reason, and a comment that is case text and so sealed.
 * A closed case takes no new process and no new responsible social worker
 * until it is reopened; its notes, handlings and history stay as they are.
 */
export class CaseClosing {
  @Label('Skäl', { options: CLOSE_REASONS }) @OneOf(CLOSE_REASONS) reason!: CloseReason;
  @Label('Kommentar') @AbsentOrValid() @Text() note?: string;
}

/** Reopening a closed case: a comment on why, sealed. */
export class CaseReopening {
  @Label('Varför ärendet öppnas igen') @Text() note!: string;
}

/** The reference's rule as at opening: initials and birth year (and month), never a name. */
export const REFERENCE_RULE = /^[A-ZÅÄÖ]{1,3} ?\d{4}(-\d{2})?$/;

/**
 * A corrected reference or journal reference (a typo at opening, a new id in
 * dok.hant): the same rules as when the case was opened, both sealed. A
 * journal reference given as "" removes it.
 */
export class ReferenceChange {
  @Label('Referens', {
    help: 'Initialer och födelseår och -månad, till exempel AB 1963-04. Aldrig ett namn.',
  })
  @AbsentOrValid()
  @Personal()
  @Matches(REFERENCE_RULE, {
    message: 'reference must be initials and birth year (and month), e.g. "AB 1963-04"; never a name',
  })
  reference?: string;

  @Label('Id i dokumenthanteringen')
  @AbsentOrValid()
  @Personal()
  @Matches(/^$|^[A-Za-z0-9._:/-]{1,64}$/, {
    message: 'journalRef must be empty or 1-64 letters, digits or . _ : / -',
  })
  @NoPersonnummer()
  journalRef?: string;
}
