import { describeError } from '../api/client';
import type { CaseView, JsonSchema } from '../api/types';
import { SchemaForm } from '../forms/schema-form';
import { PSEUDONYM_FIELD } from '../forms/reference-field';
import { Disclosure } from './disclosure';

const SEALED = '[skyddad]';

const SCHEMA: JsonSchema = {
  type: 'object',
  required: ['reference'],
  properties: {
    reference: PSEUDONYM_FIELD,
    journalRef: {
      type: 'string',
      title: 'Journalreferens',
      description:
        'Id i verksamhetssystemet: bokstäver, siffror och . _ : / -. Töm fältet för att ta bort journalreferensen.',
      maxLength: 64,
    },
  },
};

/** Sent for nothing changed: the server would record a change that changes nothing. */
class Unchanged extends Error {}

/** Only what was changed, so the history says what was corrected; an emptied journal reference removes it. */
function changeOf(view: CaseView, values: Record<string, unknown>): Record<string, string> {
  const change: Record<string, string> = {};
  if (values.reference !== view.reference) change.reference = String(values.reference);
  const journalRef = typeof values.journalRef === 'string' ? values.journalRef : '';
  if (journalRef !== (view.journalRef ?? '')) change.journalRef = journalRef;
  return change;
}

/**
 * Correcting the pseudonym or journal reference (a typo at opening, a new
 * id in the journal system), prefilled with what the case has. A sealed
 * value is not shown, so it cannot be corrected from here.
 */
export function ReferenceChange({
  view,
  write,
}: {
  readonly view: CaseView;
  readonly write: (target: string, body: unknown, done: string) => Promise<void>;
}) {
  if (view.reference === SEALED || view.journalRef === SEALED) return null;
  return (
    <Disclosure label="Ändra referens">
      {(close) => (
        <SchemaForm
          schema={SCHEMA}
          initial={{ reference: view.reference, journalRef: view.journalRef ?? '' }}
          submitLabel="Spara referensen"
          failedHeading="Referensen kunde inte sparas."
          explainError={(error) =>
            error instanceof Unchanged
              ? 'Ändra pseudonymen eller journalreferensen innan du sparar.'
              : describeError(error)
          }
          onCancel={close}
          onSubmit={async (values) => {
            const change = changeOf(view, values);
            if (Object.keys(change).length === 0) throw new Unchanged();
            await write('reference', change, 'Referensen är ändrad.');
            close(false);
          }}
        />
      )}
    </Disclosure>
  );
}
